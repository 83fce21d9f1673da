/// Parses ISO 8601 timestamps (`2024-03-05T12:34:56Z`, `2024-03-05T14:34:56+02:00`, with optional
/// seconds and fraction; a space may stand for `T`) straight from bytes, and returns the UTC calendar
/// day the moment falls on (or the moment itself, in seconds since 1970 UTC).
enum Timestamp {
    @inline(__always)
    static func utcDay(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        guard let seconds = utcSeconds(bytes) else { return nil }
        return Day(number: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    }

    @inline(__always)
    static func utcSeconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        @inline(__always) func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let digit = Int(bytes[index + offset]) &- 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            index += count
            return value
        }
        @inline(__always) func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
              let day = digits(2), (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, year: year)
        else { return nil }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") else { return nil }
        index += 1
        guard let hour = digits(2), hour < 24, expect(UInt8(ascii: ":")), let minute = digits(2), minute < 60 else { return nil }
        var second = 0
        if expect(UInt8(ascii: ":")) {
            guard let value = digits(2), value <= 60 else { return nil }
            second = min(value, 59)   // a leap second stays on its day
            if expect(UInt8(ascii: ".")) {
                let start = index
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                guard index > start else { return nil }
            }
        }
        guard index < bytes.count else { return nil }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let hours = digits(2), hours <= 18 else { return nil }
            var minutes = 0
            if index < bytes.count {
                _ = expect(UInt8(ascii: ":"))
                guard let value = digits(2), value < 60 else { return nil }
                minutes = value
            }
            offsetMinutes = sign * (hours * 60 + minutes)
        default:
            return nil
        }
        guard index == bytes.count else { return nil }
        return Day.daysFromCivil(year: year, month: month, day: day) * 86400 + (hour * 60 + minute - offsetMinutes) * 60 + second
    }
}
