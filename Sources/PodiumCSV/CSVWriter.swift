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
        let needsQuotes = field.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.first == " " || field.last == " " || field.first == "\t" || field.last == "\t"
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
