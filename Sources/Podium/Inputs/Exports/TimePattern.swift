import PodiumCSV
/// How an export writes its publication times, compiled once from text such as `MM/DD/YYYY hh:mm`:
///
/// `YYYY` year · `MM` month, two digits · `M` month, one or two · `MMM` month name in English, its
/// first three letters (`Sep`) · `DD` day, two digits · `D` day, one or two · `hh` hour 00–23 · `h`
/// hour, one or two digits · `mm` minutes · `ss` seconds · `Z` an offset (`Z`, `+02:00`, `+0200`,
/// `+02`) · anything else stands for itself. The name `iso8601` is ISO 8601 with `Z` or an offset
/// (seconds and a fraction optional, a space for `T` allowed).
///
/// A pattern with an offset (or `iso8601`) gives an instant; one with a time but no offset gives a
/// local time, turned into UTC with the export's time zone; one without a time gives the date as
/// written.
struct TimePattern: Sendable, CustomStringConvertible {
    enum Token: Sendable, Equatable {
        case year, month2, month12, monthName, day2, day12, hour2, hour12, minute, second, offset
        case literal(UInt8)
    }

    enum Kind: Sendable { case iso8601, instant, local, date }

    let text: String
    let tokens: [Token]
    let kind: Kind

    var description: String { text }

    /// A copy that shares no storage with this one, for one reading thread: matching retains the
    /// pattern's storage row by row, and a reference count that two cores update is a cache line they
    /// fight over (it cost more than the matching itself, 5,000 export files read on two threads).
    func unshared() -> TimePattern {
        TimePattern(text: String(decoding: Array(text.utf8), as: UTF8.self), tokens: tokens.map { $0 }, kind: kind)
    }

    private init(text: String, tokens: [Token], kind: Kind) {
        self.text = text
        self.tokens = tokens
        self.kind = kind
    }

    init(_ text: String) throws(PatternError) {
        self.text = text
        if text == "iso8601" {
            tokens = []
            kind = .iso8601
            return
        }
        var tokens: [Token] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var run = 1
            while index + run < bytes.count, bytes[index + run] == byte { run += 1 }
            let token: Token?
            switch (byte, run) {
            case (UInt8(ascii: "Y"), 4): token = .year
            case (UInt8(ascii: "M"), 1): token = .month12
            case (UInt8(ascii: "M"), 2): token = .month2
            case (UInt8(ascii: "M"), 3): token = .monthName
            case (UInt8(ascii: "D"), 1): token = .day12
            case (UInt8(ascii: "D"), 2): token = .day2
            case (UInt8(ascii: "h"), 1): token = .hour12
            case (UInt8(ascii: "h"), 2): token = .hour2
            case (UInt8(ascii: "m"), 2): token = .minute
            case (UInt8(ascii: "s"), 2): token = .second
            case (UInt8(ascii: "Z"), 1): token = .offset
            case (UInt8(ascii: "Y"), _), (UInt8(ascii: "M"), _), (UInt8(ascii: "D"), _), (UInt8(ascii: "h"), _),
                 (UInt8(ascii: "m"), _), (UInt8(ascii: "s"), _), (UInt8(ascii: "Z"), _):
                throw PatternError("\(quoted(String(decoding: bytes[index..<index + run], as: UTF8.self))) is no field; fields: YYYY, MM, M, MMM, DD, D, hh, h, mm, ss, Z")
            default: token = nil
            }
            if let token {
                tokens.append(token)
                index += run
            } else {
                tokens.append(.literal(byte))
                index += 1
            }
        }
        func has(_ wanted: Token...) -> Bool { tokens.contains { wanted.contains($0) } }
        guard has(.year) else { throw PatternError("no year (YYYY): a time without a year cannot be placed in the period") }
        guard has(.month2, .month12, .monthName) else { throw PatternError("no month (MM, M or MMM)") }
        guard has(.day2, .day12) else { throw PatternError("no day (DD or D)") }
        let hours = has(.hour2, .hour12)
        guard hours == has(.minute) else { throw PatternError("an hour (hh) needs minutes (mm) and minutes an hour") }
        guard !has(.second) || hours else { throw PatternError("seconds (ss) need hours and minutes") }
        guard !has(.offset) || hours else { throw PatternError("an offset (Z) needs a time") }
        self.tokens = tokens
        kind = has(.offset) ? .instant : hours ? .local : .date
    }

    struct PatternError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// What a field matched: a UTC instant, a local time (seconds since 1970 on the wall clock), or a day.
    enum Moment: Equatable {
        case utc(Int)
        case local(Int)
        case day(Int)
    }

    private static let months: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { name in
        name.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The moment the whole field gives, or nil when it does not match.
    @inline(__always)
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Moment? {
        if case .iso8601 = kind { return Timestamp.utcSeconds(bytes).map(Moment.utc) }
        var index = 0
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offset = 0
        @inline(__always) func digits(_ least: Int, _ most: Int) -> Int? {
            var value = 0, taken = 0
            while taken < most, index < bytes.count {
                let digit = Int(bytes[index]) &- 48
                guard digit >= 0 && digit <= 9 else { break }
                value = value * 10 + digit
                taken += 1
                index += 1
            }
            return taken >= least ? value : nil
        }
        for token in tokens {
            switch token {
            case .year: guard let value = digits(4, 4) else { return nil }; year = value
            case .month2: guard let value = digits(2, 2) else { return nil }; month = value
            case .month12: guard let value = digits(1, 2) else { return nil }; month = value
            case .day2: guard let value = digits(2, 2) else { return nil }; day = value
            case .day12: guard let value = digits(1, 2) else { return nil }; day = value
            case .hour2: guard let value = digits(2, 2) else { return nil }; hour = value
            case .hour12: guard let value = digits(1, 2) else { return nil }; hour = value
            case .minute: guard let value = digits(2, 2) else { return nil }; minute = value
            case .second: guard let value = digits(2, 2) else { return nil }; second = value
            case .monthName:
                guard index + 3 <= bytes.count else { return nil }
                let key = (0..<3).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[index + $1] | 0x20) }
                guard let found = Self.months.firstIndex(of: key) else { return nil }
                month = found + 1
                index += 3
            case .offset:
                guard index < bytes.count else { return nil }
                let sign = bytes[index]
                index += 1
                if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") { offset = 0; continue }
                guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), let hours = digits(2, 2), hours <= 18 else { return nil }
                var minutes = 0
                if index < bytes.count {
                    if bytes[index] == UInt8(ascii: ":") { index += 1 }
                    guard let value = digits(2, 2), value < 60 else { return nil }
                    minutes = value
                }
                offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
            case .literal(let byte):
                guard index < bytes.count, bytes[index] == byte else { return nil }
                index += 1
            }
        }
        guard index == bytes.count, (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, year: year),
              hour < 24, minute < 60, second <= 60 else { return nil }
        let days = Day.daysFromCivil(year: year, month: month, day: day)
        let clock = hour * 3600 + minute * 60 + min(second, 59)   // a leap second stays on its day
        switch kind {
        case .date: return .day(days)
        case .local: return .local(days * 86400 + clock)
        default: return .utc(days * 86400 + clock - offset)
        }
    }
}
