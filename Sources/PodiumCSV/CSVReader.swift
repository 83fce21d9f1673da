import CLibCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How to read one input file.
public struct CSVReadOptions: Sendable {
    public var delimiter: CSVDelimiter
    public var decimal: DecimalSeparator

    public init(delimiter: CSVDelimiter = .detect, decimal: DecimalSeparator = .point) {
        self.delimiter = delimiter
        self.decimal = decimal
    }
}

/// What a read saw, for run summaries.
public struct CSVReadSummary: Sendable, Equatable {
    public var records: Int
    public var bytes: Int
    public var delimiter: CSVDelimiter
}

/// Streams a CSV file through libcsv: the file is read in chunks of `chunkSize` bytes and each row is
/// handed over as it is completed, so memory does not grow with the file.
///
/// RFC 4180, strictly: quoted fields may hold the delimiter, doubled quotes and line breaks; a quote
/// inside an unquoted field, text after a closing quote or an unterminated quote is an error with its
/// line. CRLF and LF line ends; a UTF-8 byte order mark is skipped; blank lines are passed over; the
/// first row is the header and every other row must have as many fields as it.
public enum CSVReader {
    public static let chunkSize = 1 << 20

    /// Reads `path`. `makeRowHandler` gets the header (to find its columns) and returns the function
    /// that receives every data row.
    @discardableResult
    public static func read(
        _ path: String,
        options: CSVReadOptions = CSVReadOptions(),
        displayName: String? = nil,
        progress: ((Double) -> Void)? = nil,
        _ makeRowHandler: (CSVHeader) throws -> (CSVRecord) throws -> Void
    ) throws -> CSVReadSummary {
        let name = displayName ?? path
        return try withoutActuallyEscaping(makeRowHandler) { makeRowHandler in
            try stream(path, name: name, options: options, progress: progress, makeRowHandler)
        }
    }

    private static func stream(
        _ path: String, name: String, options: CSVReadOptions, progress: ((Double) -> Void)?,
        _ makeRowHandler: @escaping (CSVHeader) throws -> (CSVRecord) throws -> Void
    ) throws -> CSVReadSummary {
        guard let file = fopen(path, "rb") else {
            throw CSVError.cannotOpen(file: name, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }

        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }

        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else {
            throw CSVError.malformed(file: name, line: 1, reason: "libcsv could not be initialised")
        }
        defer { csv_free(&parser) }

        let state = UnsafeMutablePointer<RowAssembler>.allocate(capacity: 1)
        state.initialize(to: RowAssembler(file: name, options: options, makeRowHandler: makeRowHandler))
        defer {
            state.pointee.sink?.release()
            state.pointee.freeBuffers()
            state.deinitialize(count: 1)
            state.deallocate()
        }

        var offset = 0
        var first = true
        var size = 0
        if progress != nil, fseek(file, 0, SEEK_END) == 0 {
            size = ftell(file)
            rewind(file)
        }
        while true {
            let count = fread(chunk.baseAddress, 1, chunkSize, file)
            if count == 0 {
                if ferror(file) != 0 {
                    throw CSVError.cannotOpen(file: name, reason: "read error after \(offset) bytes")
                }
                break
            }
            var start = 0
            if first {
                first = false
                if count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { start = 3 }
                let delimiter = options.delimiter.byte.map { CSVDelimiter(byte: $0)! }
                    ?? CSVDelimiter.detect(inHeader: UnsafeRawBufferPointer(rebasing: chunk[start..<count]))
                state.pointee.delimiter = delimiter
                csv_set_delim(&parser, delimiter.byte!)
            }
            let length = count - start
            let parsed = csv_parse(&parser, chunk.baseAddress! + start, length, onField, onRecordEnd, state)
            if let error = state.pointee.failure { throw error }
            if parsed != length {
                let line = try lineNumber(ofByte: offset + start + parsed, in: path, name: name)
                throw CSVError.malformed(file: name, line: line, reason: parseProblem(parser))
            }
            offset += count
            if let progress, size > 0 { progress(Double(offset) / Double(size)) }
        }
        if csv_fini(&parser, onField, onRecordEnd, state) != 0 {
            throw CSVError.malformed(
                file: name, line: state.pointee.line,
                reason: "a quoted field is not closed before the end of the file")
        }
        if let error = state.pointee.failure { throw error }
        guard state.pointee.sink != nil else { throw CSVError.emptyFile(file: name) }
        return CSVReadSummary(records: state.pointee.records, bytes: offset, delimiter: state.pointee.delimiter)
    }

    private static func parseProblem(_ parser: csv_parser) -> String {
        var copy = parser
        switch csv_error(&copy) {
        case CSV_EPARSE:
            return "a quote inside an unquoted field, or text after a closing quote (quote such fields and double their quotes)"
        case CSV_ENOMEM, CSV_ETOOBIG:
            return "a field is too large to hold in memory"
        default:
            return String(cString: csv_strerror(csv_error(&copy)))
        }
    }

    /// The 1-based line holding byte `offset`: counted only when reporting an error, so that the fast
    /// path pays nothing for it.
    private static func lineNumber(ofByte offset: Int, in path: String, name: String) throws -> Int {
        guard let file = fopen(path, "rb") else { return 0 }
        defer { fclose(file) }
        var line = 1
        var remaining = offset
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while remaining > 0 {
            let count = fread(&buffer, 1, min(buffer.count, remaining), file)
            if count == 0 { break }
            for index in 0..<count where buffer[index] == 0x0A { line += 1 }
            remaining -= count
        }
        return line
    }
}

/// Collects the fields libcsv reports into one reusable buffer and hands each finished row on.
/// Lives behind a raw pointer passed through libcsv's `data` argument.
private struct RowAssembler {
    let file: String
    let options: CSVReadOptions
    let makeRowHandler: (CSVHeader) throws -> (CSVRecord) throws -> Void
    var delimiter: CSVDelimiter = .comma
    /// Held unmanaged so that handing over a row costs no reference counting; released by `stream`.
    var sink: Unmanaged<RowSink>?
    var failure: Error? {
        didSet { stopped = failure != nil }
    }
    /// `failure != nil`, as a plain flag: checked for every field.
    var stopped = false

    var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
    var byteCapacity = 4096
    var byteCount = 0
    var ends = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    var endCapacity = 64
    var fieldCount = 0

    /// The line the parser has reached, and the line the row being assembled started on.
    var line = 1
    var recordLine = 1
    /// A CR just ended a line; an LF right after it belongs to the same line end (CRLF).
    var afterCR = false
    var records = 0

    init(file: String, options: CSVReadOptions, makeRowHandler: @escaping (CSVHeader) throws -> (CSVRecord) throws -> Void) {
        self.file = file
        self.options = options
        self.makeRowHandler = makeRowHandler
    }

    func freeBuffers() {
        bytes.deallocate()
        ends.deallocate()
    }

    @inline(__always)
    mutating func append(_ source: UnsafeRawPointer?, _ length: Int) {
        if fieldCount == 0 { recordLine = line }
        afterCR = false
        if byteCount + length > byteCapacity {
            var capacity = byteCapacity * 2
            while byteCount + length > capacity { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: bytes, count: byteCount)
            bytes.deallocate()
            bytes = grown
            byteCapacity = capacity
        }
        if fieldCount == endCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
            grown.update(from: ends, count: fieldCount)
            ends.deallocate()
            ends = grown
            endCapacity *= 2
        }
        if length > 0, let source {
            // Line breaks inside quoted fields move the line count too. Most fields are short: one
            // loop copies and looks for them, cheaper than calling memcpy and memchr.
            let from = source.assumingMemoryBound(to: UInt8.self), to = bytes + byteCount
            if length <= 32 {
                var breaks = 0
                for index in 0..<length {
                    let byte = from[index]
                    to[index] = byte
                    breaks &+= byte == 0x0A ? 1 : 0
                }
                line += breaks
            } else {
                to.update(from: from, count: length)
                if memchr(source, 0x0A, length) != nil {
                    line += UnsafeBufferPointer(start: to, count: length).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                }
            }
        }
        byteCount += length
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    mutating func endRecord(terminator: Int32) {
        defer {
            // LF, CRLF and a lone CR (old Mac files) each end one line.
            if terminator == 0x0D {
                line += 1
                afterCR = true
            } else if terminator == 0x0A {
                if afterCR { afterCR = false } else { line += 1 }
            }
        }
        guard fieldCount > 0 else { return }  // a blank line, or the LF of a CRLF pair
        defer { fieldCount = 0; byteCount = 0 }
        guard failure == nil else { return }
        do {
            if let sink {
                let header = sink._withUnsafeGuaranteedRef { $0.header }
                let expected = header.names.count
                guard fieldCount == expected else {
                    throw CSVError.raggedRow(file: file, line: recordLine, expected: expected, found: fieldCount)
                }
                records += 1
                let record = CSVRecord(line: recordLine, header: header, bytes: bytes, ends: ends, count: fieldCount)
                try sink._withUnsafeGuaranteedRef { try $0.handle(record) }
            } else {
                let names = try (0..<fieldCount).map { index -> String in
                    let start = index == 0 ? 0 : ends[index - 1]
                    let field = UnsafeBufferPointer(start: bytes + start, count: ends[index] - start)
                    guard let name = String(validating: field, as: UTF8.self) else {
                        throw CSVError.notUTF8(file: file, line: recordLine, column: nil)
                    }
                    return name
                }
                let header = try CSVHeader(file: file, names: names, delimiter: delimiter, decimal: options.decimal)
                sink = Unmanaged.passRetained(RowSink(header: header, handle: try makeRowHandler(header)))
            }
        } catch {
            failure = error
        }
    }
}

/// The header and the function that receives every data row.
private final class RowSink {
    let header: CSVHeader
    let handle: (CSVRecord) throws -> Void

    init(header: CSVHeader, handle: @escaping (CSVRecord) throws -> Void) {
        self.header = header
        self.handle = handle
    }
}

private func onField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ data: UnsafeMutableRawPointer?) {
    let state = data!.assumingMemoryBound(to: RowAssembler.self)
    if state.pointee.stopped { return }
    state.pointee.append(field, length)
}

private func onRecordEnd(_ terminator: Int32, _ data: UnsafeMutableRawPointer?) {
    data!.assumingMemoryBound(to: RowAssembler.self).pointee.endRecord(terminator: terminator)
}
