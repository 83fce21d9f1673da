#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reader's fast path: records that hold no quote and no CR, split at their delimiters where they
/// lie in the read buffer, with no copy. Every other record goes to libcsv (`RangeReader.readToEnd`).
///
/// For such a record, libcsv in strict mode does exactly this (libcsv.c, `csv_parse`): an LF ends the
/// record; each delimiter ends a field; spaces and tabs (those that are not the delimiter) around an
/// unquoted field are dropped; a line of nothing but spaces and tabs is a blank line (no record). So
/// the rows are the same as libcsv's, which a test and the `csv` fuzz target check on random input by
/// reading each file both ways.
final class PlainRecords {
    private let delimiter: UInt8
    /// Per byte: 0 part of a field, 1 the delimiter, 2 LF, 3 a quote or a CR (not for this path).
    private let classes: UnsafeMutablePointer<UInt8>
    private let starts: UnsafeMutablePointer<Int>
    private let ends: UnsafeMutablePointer<Int>
    private let fields: Int
    private let delimiterWord: UInt64
    private static let lineFeeds = ByteWord.repeated(0x0A)
    private static let quotes = ByteWord.repeated(0x22)
    private static let carriageReturns = ByteWord.repeated(0x0D)
    /// Whether the last `take` stopped before a record with a quote or a CR (else: an incomplete one).
    private(set) var stoppedAtSpecial = false

    init(delimiter: CSVDelimiter, fields: Int) {
        self.delimiter = delimiter.byte!
        self.fields = fields
        delimiterWord = ByteWord.repeated(delimiter.byte!)
        classes = .allocate(capacity: 256)
        classes.initialize(repeating: 0, count: 256)
        classes[Int(self.delimiter)] = 1
        classes[0x0A] = 2
        classes[0x22] = 3
        classes[0x0D] = 3
        starts = .allocate(capacity: fields + 1)
        ends = .allocate(capacity: fields + 1)
    }

    deinit {
        classes.deallocate()
        starts.deallocate()
        ends.deallocate()
    }

    @inline(__always)
    private func isSpace(_ byte: UInt8) -> Bool {
        (byte == 0x20 || byte == 0x09) && byte != delimiter
    }

    /// Hands over the plain records of `buffer[from..<to]`, one after the other, and returns where it
    /// stopped: at `to`, at the start of a record with a quote or a CR, at the start of a record whose
    /// line end is not in the buffer yet, or after the record whose handler failed (`state.failure`).
    ///
    /// The bytes that matter (delimiter, LF, quote, CR) are found eight at a time (`ByteWord`).
    @inline(__always)
    func take(_ buffer: UnsafePointer<UInt8>, from: Int, to: Int, state: UnsafeMutablePointer<RowAssembler>) -> Int {
        stoppedAtSpecial = false
        var recordStart = from, fieldStart = from, count = 0
        var position = from
        let raw = UnsafeRawPointer(buffer)
        while position < to {
            let wordStart = position
            var delimiters: UInt64 = 0, lineEnds: UInt64 = 0, specials: UInt64 = 0
            if position &+ 8 <= to {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                delimiters = ByteWord.matches(word, delimiterWord)
                lineEnds = ByteWord.matches(word, Self.lineFeeds)
                specials = ByteWord.matches(word, Self.quotes) | ByteWord.matches(word, Self.carriageReturns)
                position &+= 8
            } else {
                for index in 0..<(to &- position) {
                    let bit: UInt64 = 0x80 << UInt64(index &* 8)
                    switch classes[Int(buffer[position &+ index])] {
                    case 1: delimiters |= bit
                    case 2: lineEnds |= bit
                    case 3: specials |= bit
                    default: break
                    }
                }
                position = to
            }
            var mask = delimiters | lineEnds | specials
            while mask != 0 {
                let lowest = mask & (0 &- mask)
                mask ^= lowest
                if specials & lowest != 0 { stoppedAtSpecial = true; return recordStart }
                let at = wordStart &+ lowest.trailingZeroBitCount >> 3
                if count <= fields {
                    var first = fieldStart, last = at
                    while first < last && isSpace(buffer[first]) { first &+= 1 }
                    while last > first && isSpace(buffer[last &- 1]) { last &-= 1 }
                    starts[count] = first
                    ends[count] = last
                }
                count &+= 1
                fieldStart = at &+ 1
                if lineEnds & lowest != 0 {
                    if count == 1 && starts[0] == ends[0] {
                        state.pointee.blankLine()
                    } else {
                        state.pointee.deliver(bytes: buffer, starts: starts, ends: ends, count: count)
                        if state.pointee.stopped { return at &+ 1 }
                    }
                    recordStart = at &+ 1
                    count = 0
                }
            }
        }
        return recordStart
    }
}
