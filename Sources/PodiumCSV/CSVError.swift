/// Everything that can go wrong while reading or writing CSV. Each case renders as one line that names
/// the file and, where there is one, the line and the column; values and column names from the file
/// are shown through `quoted`, cut short and with control characters escaped.
public enum CSVError: Error, Equatable, CustomStringConvertible, Sendable {
    case cannotOpen(file: String, reason: String)
    case cannotWrite(file: String, reason: String)
    case emptyFile(file: String)
    case malformed(file: String, line: Int, reason: String)
    case duplicateColumn(file: String, column: String)
    case missingColumns(file: String, missing: [String], found: [String])
    case raggedRow(file: String, line: Int, expected: Int, found: Int)
    case invalidField(file: String, line: Int, column: String, value: String, expected: String)
    case notUTF8(file: String, line: Int, column: String?)
    /// Text that is not valid in the encoding the file is declared in (other than UTF-8).
    case notEncoded(file: String, line: Int, column: String?, encoding: TextEncoding)

    public var description: String {
        switch self {
        case .cannotOpen(let file, let reason):
            return "\(file): cannot open: \(reason)"
        case .cannotWrite(let file, let reason):
            return "\(file): cannot write: \(reason)"
        case .emptyFile(let file):
            return "\(file):1: the file is empty; a header row is required"
        case .malformed(let file, let line, let reason):
            return "\(file):\(line): malformed CSV: \(reason)"
        case .duplicateColumn(let file, let column):
            return "\(file):1: column \(quoted(column)) appears more than once in the header"
        case .missingColumns(let file, let missing, let found):
            let noun = missing.count == 1 ? "column" : "columns"
            return "\(file):1: missing required \(noun) \(missing.map { quoted($0) }.joined(separator: ", ")); "
                + "found \(found.prefix(20).map { quoted($0) }.joined(separator: ", "))"
                + (found.count > 20 ? ", … (\(found.count) columns)" : "")
        case .raggedRow(let file, let line, let expected, let found):
            return "\(file):\(line): row has \(found) fields but the header has \(expected)"
        case .notUTF8(let file, let line, let column):
            return "\(file):\(line): \(column.map { "column \(quoted($0)) " } ?? "the header ")is not valid UTF-8 (save the file as UTF-8; Polish exports are often Windows-1250)"
        case .notEncoded(let file, let line, let column, let encoding):
            if encoding == .utf8 { return CSVError.notUTF8(file: file, line: line, column: column).description }
            return "\(file):\(line): \(column.map { "column \(quoted($0)) " } ?? "the header ")holds bytes that are not \(encoding.name) text"
        case .invalidField(let file, let line, let column, let value, let expected):
            return "\(file):\(line): column \(quoted(column)): \(quoted(value)) is not \(expected)"
        }
    }
}
