/// One data row, borrowed from the reader: it is valid only inside the closure it is passed to, so
/// that reading millions of rows allocates nothing per field. Copy out what you keep.
public struct CSVRecord {
    /// The line on which the row starts (1 is the header).
    public let line: Int
    /// Unowned: the reader keeps the header alive for as long as any row is handed out, and a row
    /// per post must not cost a reference count.
    public unowned(unsafe) let header: CSVHeader
    /// Field `i` is `bytes[starts[i]..<ends[i]]`.
    @usableFromInline let bytes: UnsafePointer<UInt8>
    @usableFromInline let starts: UnsafePointer<Int>
    @usableFromInline let ends: UnsafePointer<Int>
    public let count: Int

    @inlinable @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + starts[index], count: ends[index] - starts[index])
    }

    public func string(_ column: CSVColumn) -> String {
        String(decoding: field(column.index), as: UTF8.self)
    }

    /// The field as text in the file's encoding (`CSVReadOptions.encoding`), which it must be valid
    /// in: names are published, and a file saved in Windows-1250 but read as UTF-8 would otherwise
    /// turn `Łódź` into replacement characters.
    public func text(_ column: CSVColumn) throws -> String {
        if header.encoding == .utf8 {
            guard let text = String(validating: field(column.index), as: UTF8.self) else {
                throw CSVError.notUTF8(file: header.file, line: line, column: column.name)
            }
            return text
        }
        guard let text = header.encoding.decode(UnsafeRawBufferPointer(field(column.index))) else {
            throw CSVError.notEncoded(file: header.file, line: line, column: column.name, encoding: header.encoding)
        }
        return text
    }

    /// True when the field is empty (libcsv has already removed surrounding spaces of unquoted fields).
    @inlinable
    public func isEmpty(_ column: CSVColumn) -> Bool {
        field(column.index).isEmpty
    }

    /// A whole number, or nil for an empty field.
    @inlinable @inline(__always)
    public func integer(_ column: CSVColumn) throws -> Int? {
        let bytes = field(column.index)
        if bytes.isEmpty { return nil }
        if case .point = header.decimal, let value = NumberParser.plainInteger(bytes) { return value }
        if let value = NumberParser.integer(bytes, decimal: header.decimal) { return value }
        throw invalid(column, expected: "a whole number")
    }

    /// A decimal number written the way this input writes them, or nil for an empty field.
    public func number(_ column: CSVColumn) throws -> Double? {
        let bytes = field(column.index)
        if bytes.isEmpty { return nil }
        if let value = NumberParser.decimal(bytes, decimal: header.decimal) { return value }
        let expected = header.decimal == .point
            ? "a number (decimal point, e.g. 1234.56)"
            : "a number (decimal comma, e.g. 1 234,56)"
        throw invalid(column, expected: expected)
    }

    /// An error about this row's value in `column`, for checks made by the caller.
    public func invalid(_ column: CSVColumn, expected: String) -> CSVError {
        .invalidField(file: header.file, line: line, column: column.name, value: string(column), expected: expected)
    }
}
