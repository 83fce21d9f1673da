/// Builds RFC 4180 CSV text with `\n` line ends. A field is quoted when it holds the delimiter, a quote,
/// CR or LF, or starts or ends with a space (which a reader would otherwise trim); quotes inside are
/// doubled. Some tools quote only on commas and newlines, and that breaks on `a"b`.
public struct CSVWriter: Sendable {
    public let delimiter: Character
    public private(set) var text = ""

    public init(delimiter: Character = ",") {
        self.delimiter = delimiter
    }

    public mutating func writeRow(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { text.append(delimiter) }
            text += escape(field)
        }
        text += "\n"
    }

    public func escape(_ field: String) -> String {
        // Bytes, not characters: every byte that matters is ASCII, and grapheme iteration is slow.
        let delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
        let utf8 = field.utf8
        let needsQuotes = utf8.contains { $0 == delimiterByte || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == 0x20 || utf8.last == 0x20 || utf8.first == 0x09 || utf8.last == 0x09
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
