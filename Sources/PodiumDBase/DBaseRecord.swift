import PodiumCSV

/// One live record, borrowed from the reader's buffer: valid only inside the handler it is passed
/// to, so that millions of records cost no allocation. Copy out what you keep.
///
/// Fields must come from this table's header (`DBaseHeader.field`, `require`); they are not checked
/// against the record, which would cost a comparison per field read.
public struct DBaseRecord {
    /// The record's position in the file, counted from 1, deleted records included.
    public let number: Int
    /// Unowned: the reader keeps the header alive while records are handed out, and a record must
    /// not cost a reference count.
    public unowned(unsafe) let header: DBaseHeader
    /// The deletion flag, then the fields.
    @usableFromInline let start: UnsafeRawPointer

    init(number: Int, header: DBaseHeader, start: UnsafeRawPointer) {
        self.number = number
        self.header = header
        self.start = start
    }

    /// The field's bytes as stored, padding included, without a copy.
    @inlinable @inline(__always)
    public func bytes(_ field: DBaseField) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: start + field.offset, count: field.length)
    }

    /// The field as text, without the trailing spaces (and NULs, which some writers pad with) that
    /// fill it to its length; leading spaces are kept.
    public func text(_ field: DBaseField, encoding: TextEncoding) throws -> String {
        let padded = bytes(field)
        var end = padded.count
        while end > 0, padded[end - 1] == 0x20 || padded[end - 1] == 0 { end -= 1 }
        let bytes = UnsafeRawBufferPointer(rebasing: padded[..<end])
        if let text = encoding.decode(bytes) { return text }
        let invalid = encoding.invalidBytes(in: bytes) ?? 0..<0
        throw fail("field \(quoted(field.name)): bytes that are not \(encoding.name) (\(hex(bytes[invalid])))")
    }

    /// A number as an exact integer in units of 10^-`scale` (`12.5` at scale 2 is 1250), read from
    /// the field's right-aligned ASCII: spaces, an optional `-`, digits, and optionally a `.` with at
    /// most `scale` digits after it (fewer are padded with zeros). A blank field is 0. Anything else
    /// (`1,5`, `12a`, `--1`, `1.234` at scale 2, a value beyond Int64) is an error naming the
    /// field and quoting its text. Parses the bytes in place: nothing is allocated unless it fails.
    @inlinable
    public func scaled(_ field: DBaseField, scale: Int) throws -> Int64 {
        let bytes = bytes(field)
        let outcome = ScaledNumber.parse(bytes, scale: scale)
        if case .value(let value) = outcome { return value }
        throw ScaledNumber.failure(outcome, bytes, scale: scale, field: field, record: self)
    }

    /// An error about this record, for checks made by the caller.
    public func fail(_ message: String) -> DBaseError {
        DBaseError(file: header.file, record: number, message: message)
    }
}
