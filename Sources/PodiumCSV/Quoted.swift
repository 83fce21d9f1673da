/// A value read from an input file, as error messages show it: in single quotes and on one line.
/// Control characters (C0, DEL, C1) and line or paragraph separators are escaped (`\n`, `\r`, `\t`,
/// `\u{0}`), so a field holding a line break cannot split the message. A value longer than
/// `limit` characters is cut at a character boundary and followed by its size, so a 50 MB field
/// costs one short line: `'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… (52428800 bytes)'`.
public func quoted(_ value: some StringProtocol, limit: Int = 40) -> String {
    let head = value.prefix(limit)
    var text = "'" + oneLine(head)
    if head.endIndex != value.endIndex { text += "… (\(value.utf8.count) bytes)" }
    return text + "'"
}

/// `text` with its control characters escaped as `quoted` escapes them: what a message needs to
/// stay on one line whatever it holds (a path with a line break in it).
public func oneLine(_ text: some StringProtocol) -> String {
    guard text.unicodeScalars.contains(where: isControlCharacter) else { return String(text) }
    var line = ""
    for scalar in text.unicodeScalars { line += escaped(scalar) }
    return line
}

/// True for the characters `quoted` escapes and names may not hold (C0 and C1 controls, DEL, the
/// line and paragraph separators): they would break a message or a report line, or hide what is
/// written.
public func isControlCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: true
    default: false
    }
}

private func escaped(_ scalar: Unicode.Scalar) -> String {
    guard isControlCharacter(scalar) else { return String(scalar) }
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default: return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }
}

/// `U+0000`: how messages name a character.
public func codePoint(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
