#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reader's fast path: records that hold no CR outside quoted fields and whose quotes are all
/// well formed, split at their delimiters where they lie in the read buffer, with no copy. Every other
/// record goes to libcsv (`RangeReader.readToEnd`), so that its error and that error's line are
/// libcsv's.
///
/// For such a record, libcsv in strict mode does exactly this (libcsv.c, `csv_parse`, with
/// `CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL`): an LF ends the record; each delimiter ends a field;
/// spaces and tabs (those that are not the delimiter) around an unquoted field are dropped; a line of
/// nothing but spaces and tabs is a blank line (no record). A field whose first byte other than spaces
/// and tabs is a quote is quoted: it runs to the closing quote, `""` inside it is one quote, and
/// delimiters, LF and CR inside it are data; after the closing quote only spaces and tabs may come
/// before the delimiter or the LF. A lone empty quoted field (`""`) is a record, not a blank line.
/// Anything else (a quote inside an unquoted field, text or a quote after a closing quote, a CR outside
/// quotes, a quote not closed in the buffer) stops the fast path at the record's start: libcsv takes
/// that record. So the rows are the same as libcsv's, which a test and the `csv` fuzz target check on
/// random input by reading each file both ways.
///
/// A quoted field is handed out as the bytes between its quotes; one with doubled quotes is unescaped
/// in place, in the read buffer, once its whole record has been found well formed (so a record that
/// goes to libcsv after all is never altered), and never read again.
final class PlainRecords {
    private let delimiter: UInt8
    /// Per byte: 0 part of a field, 1 the delimiter, 2 LF, 3 a quote, 4 a CR.
    private let classes: UnsafeMutablePointer<UInt8>
    private let starts: UnsafeMutablePointer<Int>
    private let ends: UnsafeMutablePointer<Int>
    /// Per field: 0 unquoted, 1 quoted, 2 quoted with doubled quotes (to unescape).
    private let kinds: UnsafeMutablePointer<UInt8>
    private let fields: Int
    private let delimiterWord: UInt64
    private static let lineFeeds = ByteWord.repeated(0x0A)
    private static let quotes = ByteWord.repeated(0x22)
    private static let carriageReturns = ByteWord.repeated(0x0D)
    /// Whether the last `take` stopped before a record libcsv must take (else: an incomplete one).
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
        classes[0x0D] = 4
        starts = .allocate(capacity: fields + 1)
        ends = .allocate(capacity: fields + 1)
        kinds = .allocate(capacity: fields + 1)
        kinds.initialize(repeating: 0, count: fields + 1)
    }

    deinit {
        classes.deallocate()
        starts.deallocate()
        ends.deallocate()
        kinds.deallocate()
    }

    @inline(__always)
    private func isSpace(_ byte: UInt8) -> Bool {
        (byte == 0x20 || byte == 0x09) && byte != delimiter
    }

    /// Hands over the records of `buffer[from..<to]` it can take, one after the other, and returns
    /// where it stopped: at `to`, at the start of a record for libcsv (`stoppedAtSpecial`), at the
    /// start of a record whose end is not in the buffer yet, or after the record whose handler failed
    /// (`state.failure`).
    ///
    /// The bytes that matter (delimiter, LF, quote, CR) are found eight at a time (`ByteWord`).
    @inline(__always)
    func take(_ buffer: UnsafeMutablePointer<UInt8>, from: Int, to: Int, state: UnsafeMutablePointer<RowAssembler>) -> Int {
        stoppedAtSpecial = false
        var recordStart = from, fieldStart = from, count = 0
        var position = from
        // The record's line ends inside quoted fields, its fields to unescape, and the quoted field
        // whose closing quote has been passed (`quotedStart >= 0`) but not yet its delimiter or LF.
        var innerLines = 0, escapes = 0
        var quotedStart = -1, quotedEnd = 0, quotedKind: UInt8 = 1
        let raw = UnsafeRawPointer(buffer)
        scan: while position < to {
            let wordStart = position
            var delimiters: UInt64 = 0, lineEnds: UInt64 = 0, quotes: UInt64 = 0, returns: UInt64 = 0
            if position &+ 8 <= to {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                delimiters = ByteWord.matches(word, delimiterWord)
                lineEnds = ByteWord.matches(word, Self.lineFeeds)
                quotes = ByteWord.matches(word, Self.quotes)
                returns = ByteWord.matches(word, Self.carriageReturns)
                position &+= 8
            } else {
                for index in 0..<(to &- position) {
                    let bit: UInt64 = 0x80 << UInt64(index &* 8)
                    switch classes[Int(buffer[position &+ index])] {
                    case 1: delimiters |= bit
                    case 2: lineEnds |= bit
                    case 3: quotes |= bit
                    case 4: returns |= bit
                    default: break
                    }
                }
                position = to
            }
            var mask = delimiters | lineEnds | quotes | returns
            while mask != 0 {
                let lowest = mask & (0 &- mask)
                mask ^= lowest
                if returns & lowest != 0 { stoppedAtSpecial = true; return recordStart }
                let at = wordStart &+ lowest.trailingZeroBitCount >> 3
                if quotes & lowest != 0 {
                    // An opening quote only after nothing but spaces and tabs of this field.
                    var first = fieldStart
                    while first < at && isSpace(buffer[first]) { first &+= 1 }
                    if first != at { stoppedAtSpecial = true; return recordStart }
                    var contentEnd = 0, next = 0, lines = 0, doubled = false
                    switch quotedField(buffer, open: at, to: to, contentEnd: &contentEnd, next: &next, lines: &lines, doubled: &doubled) {
                    case .incomplete: return recordStart
                    case .malformed: stoppedAtSpecial = true; return recordStart
                    case .wellFormed: break
                    }
                    quotedStart = at &+ 1
                    quotedEnd = contentEnd
                    quotedKind = doubled ? 2 : 1
                    innerLines &+= lines
                    // Go on at the delimiter or LF that ends the field.
                    position = next
                    continue scan
                }
                if count <= fields {
                    if quotedStart >= 0 {
                        starts[count] = quotedStart
                        ends[count] = quotedEnd
                        kinds[count] = quotedKind
                        if quotedKind == 2 { escapes &+= 1 }
                    } else {
                        var first = fieldStart, last = at
                        while first < last && isSpace(buffer[first]) { first &+= 1 }
                        while last > first && isSpace(buffer[last &- 1]) { last &-= 1 }
                        starts[count] = first
                        ends[count] = last
                        kinds[count] = 0
                    }
                }
                quotedStart = -1
                count &+= 1
                fieldStart = at &+ 1
                if lineEnds & lowest != 0 {
                    if count == 1 && kinds[0] == 0 && starts[0] == ends[0] {
                        state.pointee.blankLine()
                    } else {
                        if escapes > 0 { unescape(buffer, count: min(count, fields &+ 1)) }
                        state.pointee.deliver(bytes: buffer, starts: starts, ends: ends, count: count, lines: 1 &+ innerLines)
                        if state.pointee.stopped { return at &+ 1 }
                    }
                    recordStart = at &+ 1
                    count = 0
                    innerLines = 0
                    escapes = 0
                }
            }
        }
        return recordStart
    }

    private enum QuotedField {
        case wellFormed
        /// Its closing quote, or what follows it up to the delimiter or LF, is not in the buffer yet.
        case incomplete
        /// Text, a quote or a CR after the closing quote: libcsv's error (or, for a CR, its record).
        case malformed
    }

    /// The quoted field whose opening quote is `buffer[open]`: its content is `open + 1 ..< contentEnd`
    /// (doubled quotes still doubled), `next` is the delimiter or LF after it, `lines` the line ends in
    /// it (LF, CR and CRLF each one, as `LineEnds` counts them).
    @inline(__always)
    private func quotedField(_ buffer: UnsafeMutablePointer<UInt8>, open: Int, to: Int, contentEnd: inout Int, next: inout Int,
                             lines: inout Int, doubled: inout Bool) -> QuotedField {
        let raw = UnsafeRawPointer(buffer)
        let contentStart = open &+ 1
        var position = contentStart
        var lineFeeds = 0
        var returns: UInt64 = 0
        while true {
            // The next quote, counting the LFs before it (and noting any CR).
            var quote = -1
            while position &+ 8 <= to {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                let quotes = ByteWord.matches(word, Self.quotes)
                let before: UInt64 = quotes == 0 ? ~0 : (quotes & (0 &- quotes)) &- 1
                lineFeeds &+= (ByteWord.matches(word, Self.lineFeeds) & before).nonzeroBitCount
                returns |= ByteWord.matches(word, Self.carriageReturns) & before
                if quotes != 0 {
                    quote = position &+ quotes.trailingZeroBitCount >> 3
                    break
                }
                position &+= 8
            }
            if quote < 0 {
                while position < to {
                    let byte = buffer[position]
                    if byte == 0x22 { quote = position; break }
                    if byte == 0x0A { lineFeeds &+= 1 }
                    if byte == 0x0D { returns = 1 }
                    position &+= 1
                }
                if quote < 0 { return .incomplete }
            }
            if quote &+ 1 >= to { return .incomplete }
            if buffer[quote &+ 1] == 0x22 {
                doubled = true
                position = quote &+ 2
                continue
            }
            contentEnd = quote
            var after = quote &+ 1
            while after < to && isSpace(buffer[after]) { after &+= 1 }
            if after >= to { return .incomplete }
            let byte = buffer[after]
            if byte != delimiter && byte != 0x0A { return .malformed }
            next = after
            break
        }
        if returns == 0 {
            lines = lineFeeds
        } else {
            var ends = 0
            var afterCR = false
            for index in contentStart..<contentEnd {
                let byte = buffer[index]
                if byte == 0x0A {
                    if !afterCR { ends &+= 1 }
                    afterCR = false
                } else {
                    afterCR = byte == 0x0D
                    if afterCR { ends &+= 1 }
                }
            }
            lines = ends
        }
        return .wellFormed
    }

    /// Turns each doubled quote of the first `count` fields' quoted contents into one, in place.
    private func unescape(_ buffer: UnsafeMutablePointer<UInt8>, count: Int) {
        for index in 0..<count where kinds[index] == 2 {
            var read = starts[index], write = starts[index]
            let end = ends[index]
            while read < end {
                let byte = buffer[read]
                buffer[write] = byte
                write &+= 1
                read &+= byte == 0x22 ? 2 : 1
            }
            ends[index] = write
        }
    }
}
