extension CSVError: LineShifting {
    /// The same error, `lines` further down the file (for errors found in a range read on its own).
    public func shifted(by lines: Int) -> CSVError {
        switch self {
        case .malformed(let file, let line, let reason):
            .malformed(file: file, line: line + lines, reason: reason)
        case .raggedRow(let file, let line, let expected, let found):
            .raggedRow(file: file, line: line + lines, expected: expected, found: found)
        case .invalidField(let file, let line, let column, let value, let expected):
            .invalidField(file: file, line: line + lines, column: column, value: value, expected: expected)
        case .notUTF8(let file, let line, let column):
            .notUTF8(file: file, line: line + lines, column: column)
        case .notEncoded(let file, let line, let column, let encoding):
            .notEncoded(file: file, line: line + lines, column: column, encoding: encoding)
        case .cannotOpen, .cannotWrite, .emptyFile, .duplicateColumn, .missingColumns:
            self
        }
    }
}
