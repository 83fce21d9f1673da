/// One cell of a row the writer writes. Text (names, titles, units, reasons) may come from input files
/// and methodologies, and may start like a spreadsheet formula; a number is podium's own
/// (`NumberText`), and is written as it is, so that a negative number stays a number.
public enum CSVCell: Sendable, Equatable, ExpressibleByStringLiteral {
    case text(String)
    case number(String)

    public init(stringLiteral value: String) { self = .text(value) }

    /// The cell's characters, as a plain-text table shows them.
    public var value: String {
        switch self {
        case .text(let text), .number(let text): text
        }
    }
}

/// Builds RFC 4180 CSV text with `\n` line ends. A field is quoted when it holds the delimiter, a quote,
/// CR or LF, or starts or ends with a space (which a reader would otherwise trim); quotes inside are
/// doubled. Some tools quote only on commas and newlines, and that breaks on `a"b`.
///
/// Reports are opened in spreadsheets, which run a cell that starts with `=`, `+`, `-` or `@` (or a
/// tab or CR before one) as a formula: a gmina called `=HYPERLINK(…)` would become a link. So, as
/// OWASP recommends against CSV injection, a text cell that starts with one of those characters is
/// written with a `'` before it; number cells never are. A writer of files that podium reads back
/// (an imported inputs folder) turns this off, since there the text must stay as it was.
public struct CSVWriter: Sendable {
    public let delimiter: Character
    public let neutralisesFormulas: Bool
    public private(set) var text = ""

    public init(delimiter: Character = ",", neutralisesFormulas: Bool = true) {
        self.delimiter = delimiter
        self.neutralisesFormulas = neutralisesFormulas
    }

    public mutating func writeRow(_ cells: [CSVCell]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { text.append(delimiter) }
            text += escape(field(cell))
        }
        text += "\n"
    }

    /// A row of text cells.
    public mutating func writeRow(_ fields: [String]) {
        writeRow(fields.map(CSVCell.text))
    }

    /// The cell's characters as written, before quoting: a text cell that a spreadsheet would take
    /// for a formula gets a leading `'`.
    public func field(_ cell: CSVCell) -> String {
        switch cell {
        case .number(let number):
            assert(number.utf8.allSatisfy { Self.numberBytes.contains($0) }, "'\(number)' is not a number")
            return number
        case .text(let text):
            guard neutralisesFormulas, let first = text.utf8.first, Self.formulaStarts.contains(first) else { return text }
            return "'" + text
        }
    }

    /// The text a cell of a report that this writer wrote stood for: `'=x` back to `=x`, for reading
    /// podium's own reports (`podium compare`). A text that itself began with `'=` (written as it is)
    /// loses its `'` too: the one ambiguity, and the writer gives it back on the way out.
    public static func unneutralised(_ field: String) -> String {
        let utf8 = field.utf8
        guard utf8.first == UInt8(ascii: "'"), let second = utf8.dropFirst().first, formulaStarts.contains(second) else { return field }
        return String(field.dropFirst())
    }

    /// `=`, `+`, `-`, `@`, tab and CR: OWASP's list of the characters a formula can start with.
    static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]
    static let numberBytes = Set("0123456789.-+eE".utf8)

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
