import CLibCSV
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How to read one input file.
public struct CSVReadOptions: Sendable {
    public var delimiter: CSVDelimiter
    public var decimal: DecimalSeparator
    /// Records with no CR outside quotes and only well-formed quoted fields are split by the reader
    /// itself (`PlainRecords`), the rest by libcsv; false hands every record to libcsv (for tests that
    /// compare the two).
    public var plainRecordsFastPath = true
    /// A range is worth a thread of its own only from this size on (smaller in tests, to cut small files).
    public var minimumRangeBytes = 8 << 20
    /// How the file's text is encoded: UTF-8 (a BOM is skipped), or Windows-1250 where a public file
    /// is published so (GUS BDL exports may be). Header names and `CSVRecord.text` decode with it.
    public var encoding: TextEncoding = .utf8
    /// A header may name a column twice (`column(_:)` finds the first, `columns(_:)` every one): only
    /// for reading podium's own `breakdown.csv` of a unit table, whose code column and node column
    /// are both `id`. Input files never may.
    public var allowsRepeatedColumns = false

    public init(delimiter: CSVDelimiter = .detect, decimal: DecimalSeparator = .point, encoding: TextEncoding = .utf8) {
        self.delimiter = delimiter
        self.decimal = decimal
        self.encoding = encoding
    }
}

/// What a read saw, for run summaries.
public struct CSVReadSummary: Sendable, Equatable {
    public var records: Int
    public var bytes: Int
    public var delimiter: CSVDelimiter
    /// For each range the file was read in, what to add to a line counted from the range's own start
    /// (`CSVRecord.line`) to get the line in the file. One range, `[0]`, when read in one piece.
    public var lineOffsets: [Int] = [0]

    public var ranges: Int { lineOffsets.count }
}

/// Streams a CSV file through libcsv: the file is read in chunks of `chunkSize` bytes and each row is
/// handed over as it is completed, so memory does not grow with the file.
///
/// RFC 4180, strictly: quoted fields may hold the delimiter, doubled quotes and line breaks; a quote
/// inside an unquoted field, text after a closing quote or an unterminated quote is an error with its
/// line. CRLF, LF and CR line ends (each ends one line, inside quoted fields too); a UTF-8 byte order
/// mark is skipped; blank lines are passed over; the first row is the header and every other row must
/// have as many fields as it.
///
/// A large file can be read in ranges, one thread each (`read(_:threads:…)`): the ranges start at
/// record boundaries found by `CSVSplit`, and the first error in file order is the one thrown, with
/// the same line and message as a read in one piece.
public enum CSVReader {
    public static let chunkSize = 1 << 20

    /// Reads `path` in one piece. `makeRowHandler` gets the header (to find its columns) and returns
    /// the function that receives every data row. `observe`, when given, sees every byte of the file
    /// once, in order, as it is read and before any of it is parsed (a digest of the file computed on
    /// the way, without reading it again); a read that stops early (a handler's error) shows it only
    /// the bytes read so far.
    @discardableResult
    public static func read(
        _ path: String,
        options: CSVReadOptions = CSVReadOptions(),
        displayName: String? = nil,
        progress: ((Double) -> Void)? = nil,
        observe: ((UnsafeRawBufferPointer) -> Void)? = nil,
        _ makeRowHandler: (CSVHeader) throws -> (CSVRecord) throws -> Void
    ) throws -> CSVReadSummary {
        let name = displayName ?? path
        return try withoutActuallyEscaping(makeRowHandler) { makeRowHandler in
            try withoutActuallyEscaping(observe ?? { _ in }) { observer in
                try readRanges(path, name: name, options: options, threads: 1, progress: progress,
                               observe: observe == nil ? nil : observer) { header, _ in try makeRowHandler(header) }
            }
        }
    }

    /// Reads `path` in up to `threads` ranges at once. `makeRowHandler` is called once per range
    /// (0, 1, …, in order, before any row is read) and returns the function that receives that range's
    /// rows, on that range's thread; rows of one range arrive in file order. A row's `line` counts from
    /// its range's start: add `lineOffsets[range]` of the summary for the line in the file (errors
    /// thrown by a handler that conform to `LineShifting` are moved for you).
    @discardableResult
    public static func read(
        _ path: String,
        options: CSVReadOptions = CSVReadOptions(),
        displayName: String? = nil,
        threads: Int,
        progress: ((Double) -> Void)? = nil,
        _ makeRowHandler: (CSVHeader, _ range: Int) throws -> (CSVRecord) throws -> Void
    ) throws -> CSVReadSummary {
        let name = displayName ?? path
        return try withoutActuallyEscaping(makeRowHandler) { makeRowHandler in
            try readRanges(path, name: name, options: options, threads: max(1, threads), progress: progress, makeRowHandler)
        }
    }

    private static func readRanges(
        _ path: String, name: String, options: CSVReadOptions, threads: Int, progress: ((Double) -> Void)?,
        observe: ((UnsafeRawBufferPointer) -> Void)? = nil,
        _ makeRowHandler: @escaping (CSVHeader, Int) throws -> (CSVRecord) throws -> Void
    ) throws -> CSVReadSummary {
        // The header is read first, byte by byte, by the reader that then goes on with range 0.
        let first = try RangeReader(path: path, name: name, start: 0, end: Int.max, options: options,
                                    makeRowHandler: { try makeRowHandler($0, 0) })
        first.observe = observe   // one range only (threads 1): its bytes are the whole file's
        let header = try first.readHeader()
        let size = fileSize(path)
        let minimum = max(1, options.minimumRangeBytes)
        let starts = threads > 1 && size - first.offset >= 2 * minimum
            ? try CSVSplit.boundaries(path: path, name: name, from: first.offset, size: size,
                                      parts: min(threads, (size - first.offset) / minimum))
            : [first.offset]
        var readers = [first]
        for (index, start) in starts.enumerated().dropFirst() {
            // A header of its own: a row's reference to a header shared by two threads would make
            // both bump one reference count, and the cores would fight over its cache line.
            let own = try CSVHeader(file: header.file, names: header.names, delimiter: header.delimiter, decimal: header.decimal,
                                    encoding: header.encoding, allowsRepeatedColumns: options.allowsRepeatedColumns)
            let handler = try makeRowHandler(own, index)
            readers.append(try RangeReader(path: path, name: name, start: start, header: own, handler: handler, options: options))
        }
        for index in readers.indices {
            readers[index].end = index + 1 < starts.count ? starts[index + 1] : size
        }
        readers[0].progress = progress

        if readers.count == 1 {
            try readers[0].readToEnd()
        } else {
            let pointer = UnsafeMutableBufferPointer<RangeReader>.allocate(capacity: readers.count)
            _ = pointer.initialize(from: readers)
            defer { pointer.deinitialize().deallocate() }
            let shared = SendablePointer(pointer)
            DispatchQueue.concurrentPerform(iterations: readers.count) { index in
                shared.buffer[index].readCapturingError()
            }
            readers = Array(pointer)
        }

        // The first error in file order wins; a range's lines are counted from its own start.
        var offsets: [Int] = []
        var offset = 0
        for reader in readers {
            offsets.append(offset)
            if let error = reader.error {
                throw offset == 0 ? error : (error as? LineShifting)?.shifted(by: offset) ?? error
            }
            offset += reader.linesPassed
        }
        return CSVReadSummary(records: readers.reduce(0) { $0 + $1.records }, bytes: size,
                              delimiter: header.delimiter, lineOffsets: offsets)
    }

    /// The size of a file in bytes (0 if it cannot be told: opening it says why).
    public static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    static func parseProblem(_ parser: UnsafeMutablePointer<csv_parser>) -> String {
        switch csv_error(parser) {
        case CSV_EPARSE:
            return "a quote inside an unquoted field, or text after a closing quote (quote such fields and double their quotes)"
        case CSV_ENOMEM, CSV_ETOOBIG:
            return "a field is too large to hold in memory"
        default:
            return String(cString: csv_strerror(csv_error(parser)))
        }
    }
}

/// An error that names a line, so that an error found in a range read on its own can be moved to the
/// line of the whole file.
public protocol LineShifting: Error {
    func shifted(by lines: Int) -> Self
}

/// A buffer handed to `concurrentPerform`, where each iteration touches only its own element.
private struct SendablePointer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}

/// Reads one byte range of a file through its own libcsv parser and `RowAssembler`.
private final class RangeReader {
    let path: String
    let name: String
    let start: Int
    var end: Int
    var progress: ((Double) -> Void)?
    /// Called with the bytes of the range as they are read, each once, in file order (before any is
    /// parsed): for a digest of the file computed on the way.
    var observe: ((UnsafeRawBufferPointer) -> Void)?
    /// The file offset of `chunk[0]`, the bytes held in the chunk, and the next one to take: kept
    /// between the header and the rest, so that the bytes read for the header are not read again.
    private var base: Int
    private var held = 0
    private var position = 0
    /// The file offset of the next byte to take.
    var offset: Int { base + position }
    private(set) var error: Error?
    private let file: UnsafeMutablePointer<FILE>
    private let parser: UnsafeMutablePointer<csv_parser>
    private let state: UnsafeMutablePointer<RowAssembler>
    private let chunk: UnsafeMutableRawBufferPointer

    var records: Int { state.pointee.records }
    /// Line ends passed: the line the range ends on, less the one it started on.
    var linesPassed: Int { state.pointee.line - 1 }

    /// Range 0: starts at the file's first byte, with the header.
    convenience init(path: String, name: String, start: Int, end: Int, options: CSVReadOptions,
                     makeRowHandler: @escaping (CSVHeader) throws -> (CSVRecord) throws -> Void) throws {
        try self.init(path: path, name: name, start: start, assembler: RowAssembler(file: name, options: options, makeRowHandler: makeRowHandler))
        self.end = end
    }

    /// A later range: the header is known, every record is data.
    convenience init(path: String, name: String, start: Int, header: CSVHeader, handler: @escaping (CSVRecord) throws -> Void,
                     options: CSVReadOptions) throws {
        var assembler = RowAssembler(file: name, options: options, makeRowHandler: { _ in handler })
        assembler.delimiter = header.delimiter
        assembler.sink = Unmanaged.passRetained(RowSink(header: header, handle: handler))
        try self.init(path: path, name: name, start: start, assembler: assembler)
        csv_set_delim(parser, header.delimiter.byte!)
        guard fseek(file, start, SEEK_SET) == 0 else {
            throw CSVError.cannotOpen(file: name, reason: String(cString: strerror(errno)))
        }
    }

    private init(path: String, name: String, start: Int, assembler: RowAssembler) throws {
        self.path = path
        self.name = name
        self.start = start
        self.end = Int.max
        self.base = start
        guard let file = fopen(path, "rb") else {
            throw CSVError.cannotOpen(file: name, reason: String(cString: strerror(errno)))
        }
        self.file = file
        parser = .allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        guard csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else {
            fclose(file)
            throw CSVError.malformed(file: name, line: 1, reason: "libcsv could not be initialised")
        }
        state = .allocate(capacity: 1)
        state.initialize(to: assembler)
        chunk = .allocate(byteCount: CSVReader.chunkSize, alignment: 16)
    }

    deinit {
        fclose(file)
        csv_free(parser)
        parser.deallocate()
        state.pointee.sink?.release()
        state.pointee.freeBuffers()
        state.deinitialize(count: 1)
        state.deallocate()
        chunk.deallocate()
    }

    /// Reads the header row (after any blank lines) and leaves `offset` just after it, so that no data
    /// row is parsed before every range has its handler. Picks the delimiter (from the first chunk) first.
    /// The first chunk stays in the buffer for the data rows that follow.
    func readHeader() throws -> CSVHeader {
        let count = fread(chunk.baseAddress, 1, CSVReader.chunkSize, file)
        if count == 0 {
            if ferror(file) != 0 { throw CSVError.cannotOpen(file: name, reason: "read error at the start of the file") }
            throw CSVError.emptyFile(file: name)
        }
        observe?(UnsafeRawBufferPointer(rebasing: chunk[..<count]))
        let bomLength = count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF ? 3 : 0
        let delimiter = state.pointee.options.delimiter.byte.map { CSVDelimiter(byte: $0)! }
            ?? CSVDelimiter.detect(inHeader: UnsafeRawBufferPointer(rebasing: chunk[bomLength..<count]))
        state.pointee.delimiter = delimiter
        csv_set_delim(parser, delimiter.byte!)
        held = count
        position = bomLength
        try readRecords(headerOnly: true)
        if state.pointee.sink == nil && state.pointee.failure == nil {
            // The file ended: a header without a line end (a file of no rows saved so) is handed
            // over only when libcsv is finished.
            if csv_fini(parser, onField, onRecordEnd, state) != 0 {
                throw CSVError.malformed(file: name, line: state.pointee.recordLine,
                                         reason: "a quoted field opened on this line is not closed before the end of the file")
            }
            if let failure = state.pointee.failure { throw failure }
        }
        guard let sink = state.pointee.sink else { throw CSVError.emptyFile(file: name) }
        return sink._withUnsafeGuaranteedRef { $0.header }
    }

    func readCapturingError() {
        do { try readToEnd() } catch { self.error = error }
    }

    /// Reads from `offset` up to `end`, then finishes the parser.
    func readToEnd() throws {
        try readRecords(headerOnly: false)
        if csv_fini(parser, onField, onRecordEnd, state) != 0 {
            throw CSVError.malformed(file: name, line: state.pointee.recordLine,
                                     reason: "a quoted field opened on this line is not closed before the end of the file")
        }
        if let failure = state.pointee.failure { throw failure }
        if state.pointee.sink == nil { throw CSVError.emptyFile(file: name) }
    }

    /// Takes the records from `offset` up to `end` one by one from a buffer (up to the header's end
    /// only, with `headerOnly`).
    ///
    /// A record with no CR outside quotes and only well-formed quoted fields is split at its delimiters
    /// right in the buffer (`PlainRecords`), by the rules libcsv applies to such a record (doubled quotes
    /// are unescaped in place); any other record is handed to
    /// libcsv from its first byte to its last (found by counting quotes, as `CSVSplit` does), so that
    /// libcsv's state is that of a read where it parses everything. Lines are counted here, from the
    /// bytes (LF, CR and CRLF each end one line, inside quoted fields too), by both paths.
    private func readRecords(headerOnly: Bool) throws {
        let length = end - start
        let capacity = CSVReader.chunkSize
        let buffer = chunk.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let plain = headerOnly ? nil : state.pointee.sink.map { _ in PlainRecords(delimiter: state.pointee.delimiter, fields: expectedFields) }
        let fastPath = state.pointee.options.plainRecordsFastPath
        var inLibcsv = false     // a record is being fed to libcsv; `scan` knows where it ends
        var scan = RecordEndScan()
        var lines = LineEnds()
        // Bytes still held (the header's chunk): taken first, up to the range's end only.
        if base + held > end { held = max(position, end - base) }
        var refill = position >= held
        while true {
            var atEnd = false
            if refill {
                // Keep the unread bytes (an incomplete plain record), read after them.
                if position > 0 && position < held { memmove(buffer, buffer + position, held - position) }
                held -= position
                base += position
                position = 0
                let wanted = min(capacity - held, end - (base + held))
                let count = wanted > 0 ? fread(buffer + held, 1, wanted, file) : 0
                if count == 0 && wanted > 0 && ferror(file) != 0 {
                    throw CSVError.cannotOpen(file: name, reason: "read error after \(base + held) bytes")
                }
                if count > 0 { observe?(UnsafeRawBufferPointer(start: buffer + held, count: count)) }
                held += count
                atEnd = count == 0
                if held == 0 { return }
            }
            refill = true

            while position < held {
                if !inLibcsv {
                    if fastPath, let plain {
                        position = plain.take(buffer, from: position, to: held, state: state)
                        if let failure = state.pointee.failure { throw failure }
                        if position == held { break }
                        // Stopped before a record it cannot take, or an incomplete one.
                        if !plain.stoppedAtSpecial && !atEnd && !(position == 0 && held == capacity) { break }
                    }
                    if headerOnly && state.pointee.sink != nil { return }
                    inLibcsv = true
                    scan = RecordEndScan()
                    lines = LineEnds()
                    state.pointee.recordLine = state.pointee.line
                }
                let recordEnd = scan.end(in: buffer, from: position, to: held)
                let stop = recordEnd ?? held
                let parsed = csv_parse(parser, buffer + position, stop - position, onField, onRecordEnd, state)
                if let failure = state.pointee.failure { throw failure }
                if parsed != stop - position {
                    let line = state.pointee.line + lines.count(buffer + position, parsed)
                    throw CSVError.malformed(file: name, line: line, reason: CSVReader.parseProblem(parser))
                }
                state.pointee.line += lines.count(buffer + position, parsed)
                position = stop
                if recordEnd != nil {
                    inLibcsv = false
                    if headerOnly && state.pointee.sink != nil { return }
                }
            }
            if atEnd { return }
            if let progress, length > 0 { progress(Double(base + position - start) / Double(length)) }
        }
    }

    private var expectedFields: Int {
        state.pointee.sink.map { $0._withUnsafeGuaranteedRef { $0.header.names.count } } ?? 0
    }

}

/// Counts line ends in bytes handed over piece by piece: LF, CR and CRLF each end one line.
struct LineEnds {
    private var afterCR = false

    mutating func count(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var ends = 0
        for index in 0..<length {
            let byte = bytes[index]
            if byte == 0x0A {
                if !afterCR { ends += 1 }
                afterCR = false
            } else {
                afterCR = byte == 0x0D
                if afterCR { ends += 1 }
            }
        }
        return ends
    }
}

/// Finds where a record ends: just after the first LF or CR outside quotes (after the LF of a CRLF).
/// Quotes are counted: outside a quoted field their number is even (`CSVSplit`). Used for the records
/// fed to libcsv, and for the cuts between ranges.
struct RecordEndScan {
    private var odd: Bool
    private var afterCR = false

    /// `insideQuotes`: an odd number of quotes came before the first byte scanned.
    init(insideQuotes: Bool = false) {
        odd = insideQuotes
    }

    mutating func end(in buffer: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var index = from
        while index < to {
            let byte = buffer[index]
            if afterCR { return byte == 0x0A ? index + 1 : index }
            if byte == 0x22 {
                odd.toggle()
            } else if !odd {
                if byte == 0x0A { return index + 1 }
                if byte == 0x0D { afterCR = true }
            }
            index += 1
        }
        return nil
    }
}

/// Collects the fields libcsv reports into one reusable buffer and hands each finished row on.
/// Lives behind a raw pointer passed through libcsv's `data` argument.
struct RowAssembler {
    let file: String
    let options: CSVReadOptions
    let makeRowHandler: (CSVHeader) throws -> (CSVRecord) throws -> Void
    var delimiter: CSVDelimiter = .comma
    /// Held unmanaged so that handing over a row costs no reference counting; released by its reader.
    var sink: Unmanaged<RowSink>?
    var failure: Error? {
        didSet { stopped = failure != nil }
    }
    /// `failure != nil`, as a plain flag: checked for every field.
    var stopped = false

    var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
    var byteCapacity = 4096
    var byteCount = 0
    var starts = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    var ends = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    var endCapacity = 64
    var fieldCount = 0

    /// The line the reader has reached (counted by the reader, from the bytes), and the line the row
    /// being assembled started on.
    var line = 1
    var recordLine = 1
    var records = 0

    init(file: String, options: CSVReadOptions, makeRowHandler: @escaping (CSVHeader) throws -> (CSVRecord) throws -> Void) {
        self.file = file
        self.options = options
        self.makeRowHandler = makeRowHandler
    }

    func freeBuffers() {
        bytes.deallocate()
        starts.deallocate()
        ends.deallocate()
    }

    @inline(__always)
    mutating func append(_ source: UnsafeRawPointer?, _ length: Int) {
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
            let grownStarts = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
            grownStarts.update(from: starts, count: fieldCount)
            starts.deallocate()
            starts = grownStarts
            endCapacity *= 2
        }
        if length > 0, let source {
            (bytes + byteCount).update(from: source.assumingMemoryBound(to: UInt8.self), count: length)
        }
        starts[fieldCount] = byteCount
        byteCount += length
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    /// A blank line met by the fast path.
    @inline(__always)
    mutating func blankLine() {
        line += 1
    }

    /// A record split by the fast path (ended by an LF, `lines` lines long: more than one when its
    /// quoted fields hold line breaks): handed on as libcsv's would be.
    @inline(__always)
    mutating func deliver(bytes: UnsafePointer<UInt8>, starts: UnsafePointer<Int>, ends: UnsafePointer<Int>, count: Int, lines: Int) {
        recordLine = line
        line += lines
        guard let sink else { return }
        let fields = sink._withUnsafeGuaranteedRef { $0.fields }
        guard count == fields else {
            failure = CSVError.raggedRow(file: file, line: recordLine, expected: fields, found: count)
            return
        }
        records += 1
        let line = recordLine
        do {
            try sink._withUnsafeGuaranteedRef { sink in
                try sink.handle(CSVRecord(line: line, header: sink.header, bytes: bytes, starts: starts, ends: ends, count: count))
            }
        } catch {
            failure = error
        }
    }

    mutating func endRecord(terminator: Int32) {
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
                let record = CSVRecord(line: recordLine, header: header, bytes: bytes, starts: starts, ends: ends, count: fieldCount)
                try sink._withUnsafeGuaranteedRef { try $0.handle(record) }
            } else {
                let names = try (0..<fieldCount).map { index -> String in
                    let field = UnsafeBufferPointer(start: bytes + starts[index], count: ends[index] - starts[index])
                    guard let name = options.encoding.decode(UnsafeRawBufferPointer(field)) else {
                        throw CSVError.notEncoded(file: file, line: recordLine, column: nil, encoding: options.encoding)
                    }
                    return name
                }
                let header = try CSVHeader(file: file, names: names, delimiter: delimiter, decimal: options.decimal,
                                           encoding: options.encoding, allowsRepeatedColumns: options.allowsRepeatedColumns)
                sink = Unmanaged.passRetained(RowSink(header: header, handle: try makeRowHandler(header)))
            }
        } catch {
            failure = error
        }
    }
}

/// The header and the function that receives every data row.
final class RowSink {
    let header: CSVHeader
    let fields: Int
    let handle: (CSVRecord) throws -> Void

    init(header: CSVHeader, handle: @escaping (CSVRecord) throws -> Void) {
        self.header = header
        self.fields = header.names.count
        self.handle = handle
    }
}

func onField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ data: UnsafeMutableRawPointer?) {
    let state = data!.assumingMemoryBound(to: RowAssembler.self)
    if state.pointee.stopped { return }
    state.pointee.append(field, length)
}

func onRecordEnd(_ terminator: Int32, _ data: UnsafeMutableRawPointer?) {
    data!.assumingMemoryBound(to: RowAssembler.self).pointee.endRecord(terminator: terminator)
}
