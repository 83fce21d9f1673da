import PodiumCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a read saw, for run summaries.
public struct DBaseSummary: Sendable, Equatable {
    /// Live records, the ones handed to the handler.
    public let records: Int
    /// Records flagged as deleted, skipped.
    public let deleted: Int
    /// Bytes read from the source, the header and an end byte included.
    public let bytes: Int
}

/// Streams a dBase III table (`.dbf`): the header, then every live record handed to a handler as it
/// is read, through one reusable buffer of about `bufferSize` bytes, whole records, whatever the
/// file's size. The source may give any number of bytes at a time.
///
/// The header is checked before any record is read: its fixed part and field descriptors (ended by
/// 0x0D, within the header length; bytes between that and the first record are skipped), field
/// names (present, printable ASCII, not repeated in any case), and that the field lengths and the
/// deletion flag make the record length. When the size of the data is known, it must be what the
/// header's record count makes, or one more byte for the end byte 0x1A. Then every record must be
/// complete and flagged ' ' (live) or '*' (deleted), and nothing but one 0x1A may follow the last.
public enum DBaseReader {
    public static let bufferSize = 1 << 20
    static let endOfFile: UInt8 = 0x1A
    static let live = UInt8(ascii: " "), deleted = UInt8(ascii: "*")

    /// Reads the table `source` gives: it fills the buffer it is passed with the next bytes and
    /// returns how many, 0 at the end. `name` is the file messages name; `size`, the data's total size
    /// when known (a file's, a ZIP entry's stated size). `makeHandler` gets the header (to find its
    /// fields) and returns the function that receives every live record.
    @discardableResult
    public static func read(
        name: String,
        size: Int?,
        source: (UnsafeMutableRawBufferPointer) throws -> Int,
        _ makeHandler: (DBaseHeader) throws -> (DBaseRecord) throws -> Void
    ) throws -> DBaseSummary {
        try read(name: name, size: size, bufferSize: bufferSize, source: source, makeHandler)
    }

    /// Reads a `.dbf` file; its size, from the file system, is checked against the header.
    @discardableResult
    public static func read(
        path: String,
        displayName: String? = nil,
        _ makeHandler: (DBaseHeader) throws -> (DBaseRecord) throws -> Void
    ) throws -> DBaseSummary {
        let name = displayName ?? path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DBaseError(file: name, message: "cannot open: \(systemError())") }
        defer { close(descriptor) }
        var status = stat()
        let isRegular = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        return try read(name: name, size: isRegular ? Int(status.st_size) : nil, source: { buffer in
            let count = readRetrying(descriptor, into: buffer)
            guard count >= 0 else { throw DBaseError(file: name, message: "cannot read: \(systemError())") }
            return count
        }, makeHandler)
    }

    /// `read(name:size:source:)` with the buffer's size given, so that tests can read through buffers
    /// of one or a few records. The buffer holds whole records and is filled before they are handed
    /// out, so no record ever spans two refills; one that spans several calls of the source is put
    /// together by `Input.fill`.
    static func read(
        name: String,
        size: Int?,
        bufferSize: Int,
        source: (UnsafeMutableRawBufferPointer) throws -> Int,
        _ makeHandler: (DBaseHeader) throws -> (DBaseRecord) throws -> Void
    ) throws -> DBaseSummary {
        try withoutActuallyEscaping(source) { source in
            var input = Input(source: source)
            return try read(name: name, size: size, bufferSize: bufferSize, input: &input, makeHandler)
        }
    }

    private static func read(
        name: String,
        size: Int?,
        bufferSize: Int,
        input: inout Input,
        _ makeHandler: (DBaseHeader) throws -> (DBaseRecord) throws -> Void
    ) throws -> DBaseSummary {
        let header = try readHeader(name: name, from: &input)
        if let size { try check(size, against: header) }
        let handle = try makeHandler(header)

        let recordLength = header.recordLength
        let capacity = max(1, bufferSize / recordLength) * recordLength
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var number = 0
        var deleted = 0
        // Whole records only, and never past the last one, so that what follows is read apart.
        while number < header.recordCount {
            let wanted = min(capacity, (header.recordCount - number) * recordLength)
            let filled = try input.fill(UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]))
            var record = UnsafeRawPointer(buffer.baseAddress!)
            let end = record + filled / recordLength * recordLength
            while record < end {
                number += 1
                let flag = record.load(as: UInt8.self)
                if flag == live {
                    try handle(DBaseRecord(number: number, header: header, start: record))
                } else if flag == Self.deleted {
                    deleted += 1
                } else {
                    throw DBaseError(file: name, record: number, message:
                        "the deletion flag is \(hex([flag])), neither ' ' (live) nor '*' (deleted)")
                }
                record += recordLength
            }
            if filled < wanted {
                throw DBaseError(file: name, record: number + 1, message:
                    "truncated: record \(number + 1) of \(header.recordCount) is incomplete "
                    + "(\(filled % recordLength) of \(recordLength) bytes)")
            }
        }
        try checkEnd(name: name, header: header, input: &input)
        return DBaseSummary(records: number - deleted, deleted: deleted, bytes: input.count)
    }

    private static func readHeader(name: String, from input: inout Input) throws -> DBaseHeader {
        func failure(_ message: String) -> DBaseError { DBaseError(file: name, message: message) }
        var bytes = [UInt8](repeating: 0, count: DBaseHeader.prefixLength)
        let prefix = try bytes.withUnsafeMutableBytes { try input.fill($0) }
        guard prefix > 0 else { throw failure("the file is empty; a dBase table starts with a 32-byte header") }
        guard prefix == DBaseHeader.prefixLength else {
            throw failure("truncated header: \(prefix) bytes, a dBase header has at least 33")
        }
        let length = bytes.withUnsafeBytes { DBaseHeader.statedLength($0) }
        if length > prefix {
            bytes += [UInt8](repeating: 0, count: length - prefix)
            let rest = try bytes.withUnsafeMutableBytes { try input.fill(UnsafeMutableRawBufferPointer(rebasing: $0[prefix...])) }
            guard rest == length - prefix else {
                throw failure("truncated header: \(prefix + rest) of the \(length) bytes it states")
            }
        }
        return try bytes.withUnsafeBytes { try DBaseHeader(file: name, bytes: $0) }
    }

    private static func check(_ size: Int, against header: DBaseHeader) throws {
        let expected = header.headerLength + header.recordCount * header.recordLength
        guard size != expected, size != expected + 1 else { return }
        throw DBaseError(file: header.file, message:
            "the header's record count \(header.recordCount) disagrees with the file size \(size) "
            + "(\(header.recordCount) records of \(header.recordLength) bytes after a \(header.headerLength)-byte header "
            + "make \(expected) bytes, \(expected + 1) with the end byte 0x1A)")
    }

    /// After the last record: nothing, or the end byte 0x1A alone.
    private static func checkEnd(name: String, header: DBaseHeader, input: inout Input) throws {
        var after: [UInt8] = [0, 0]
        let count = try after.withUnsafeMutableBytes { try input.fill($0) }
        if count == 0 || count == 1 && after[0] == endOfFile { return }
        let found = count == 1 ? hex([after[0]]) : "\(hex(after[..<count])) …"
        throw DBaseError(file: name, message:
            "data after the header's \(header.recordCount) records: expected nothing or the end byte 0x1A, found \(found)")
    }
}

/// The source, read until a buffer is full or the data ends, with a count of the bytes it gave.
private struct Input {
    let source: (UnsafeMutableRawBufferPointer) throws -> Int
    private(set) var count = 0
    private var ended = false

    init(source: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        self.source = source
    }

    /// Fills `buffer` unless the data ends first; returns how much it filled.
    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count, !ended {
            let count = try source(UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            precondition(count >= 0 && count <= buffer.count - filled, "the source returned \(count)")
            if count == 0 { ended = true }
            filled += count
        }
        count += filled
        return filled
    }
}

private func systemError() -> String {
    String(cString: strerror(errno))
}
