/// JSON written the same way every time: keys in the order given, two spaces of indentation, `\n`
/// line ends and one at the end, so that a manifest is byte-identical from run to run.
/// `JSONEncoder` sorts keys only alphabetically and formats numbers and escapes by its own rules.
indirect enum JSONText {
    case string(String)
    case integer(Int)
    case unsigned(UInt64)
    case null
    case array([JSONText])
    case object([(key: String, value: JSONText)])

    var document: String {
        var text = ""
        write(to: &text, indent: "")
        return text + "\n"
    }

    private func write(to text: inout String, indent: String) {
        switch self {
        case .string(let value): text += Self.quoted(value)
        case .integer(let value): text += String(value)
        case .unsigned(let value): text += String(value)
        case .null: text += "null"
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += indent + "  "
                item.write(to: &text, indent: indent + "  ")
                text += index + 1 < items.count ? ",\n" : "\n"
            }
            text += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { text += "{}"; return }
            text += "{\n"
            for (index, member) in members.enumerated() {
                text += indent + "  " + Self.quoted(member.key) + ": "
                member.value.write(to: &text, indent: indent + "  ")
                text += index + 1 < members.count ? ",\n" : "\n"
            }
            text += indent + "}"
        }
    }

    /// A JSON string (RFC 8259): `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`;
    /// every other character as it is, in UTF-8.
    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
