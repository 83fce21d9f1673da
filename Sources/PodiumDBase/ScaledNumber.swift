import PodiumCSV

/// dBase's numeric fields read as exact integers in units of 10^-scale, straight from the bytes.
@usableFromInline
enum ScaledNumber {
    @usableFromInline
    enum Outcome: Equatable {
        case value(Int64)
        case malformed
        case tooLarge
    }

    @usableFromInline static let space = UInt8(ascii: " "), minus = UInt8(ascii: "-")
    @usableFromInline static let point = UInt8(ascii: "."), zero = UInt8(ascii: "0")
    @usableFromInline static let eightSpaces: UInt64 = 0x2020_2020_2020_2020

    /// The common case, a number of at most 18 digits once padded to `scale`, which cannot overflow
    /// an Int64: one pass without overflow checks. Longer numbers (leading zeros count) are read
    /// again by `exact`.
    @inlinable
    static func parse(_ bytes: UnsafeRawBufferPointer, scale: Int) -> Outcome {
        precondition(scale >= 0 && scale <= 18, "a scale of \(scale) is outside 0...18")
        let count = bytes.count
        var index = 0
        // Right-aligned numbers are mostly spaces: eight at a time first.
        while index + 8 <= count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) == eightSpaces { index += 8 }
        while index < count, bytes[index] == space { index += 1 }
        if index == count { return .value(0) }
        let negative = bytes[index] == minus
        if negative { index += 1 }
        var magnitude: UInt64 = 0
        let integerStart = index
        while index < count {
            let digit = bytes[index] &- zero
            if digit > 9 { break }
            magnitude = magnitude &* 10 &+ UInt64(digit)
            index += 1
        }
        var digits = index - integerStart
        var fractionDigits = 0
        if index < count, bytes[index] == point {
            index += 1
            let fractionStart = index
            while index < count {
                let digit = bytes[index] &- zero
                if digit > 9 { break }
                magnitude = magnitude &* 10 &+ UInt64(digit)
                index += 1
            }
            fractionDigits = index - fractionStart
            digits += fractionDigits
        }
        guard index == count, digits > 0, fractionDigits <= scale else { return .malformed }
        guard digits + scale - fractionDigits <= 18 else { return exact(bytes, scale: scale) }
        for _ in fractionDigits..<scale { magnitude &*= 10 }
        let value = Int64(truncatingIfNeeded: magnitude)
        return .value(negative ? 0 &- value : value)
    }

    /// The same reading with every step checked for overflow, for numbers of more than 18 digits.
    @usableFromInline
    static func exact(_ bytes: UnsafeRawBufferPointer, scale: Int) -> Outcome {
        var index = 0
        while index < bytes.count, bytes[index] == space { index += 1 }
        if index == bytes.count { return .value(0) }
        let negative = bytes[index] == minus
        if negative { index += 1 }
        // The magnitude, in UInt64 so that Int64.min's fits too. An overflow is noted and the
        // reading goes on, so that text which is not a number at all is called that.
        var magnitude: UInt64 = 0
        var overflowed = false
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == point, !inFraction {
                inFraction = true
                continue
            }
            let digit = byte &- zero
            guard digit <= 9 else { return .malformed }
            if inFraction {
                guard fractionDigits < scale else { return .malformed }
                fractionDigits += 1
            }
            digits += 1
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            magnitude = sum
            overflowed = overflowed || o1 || o2
        }
        guard digits > 0 else { return .malformed }
        while fractionDigits < scale {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            magnitude = times10
            overflowed = overflowed || o1
            fractionDigits += 1
        }
        guard !overflowed, magnitude <= (negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)) else { return .tooLarge }
        return .value(negative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude))
    }

    /// The record's error for a field `parse` did not read.
    @usableFromInline
    static func failure(_ outcome: Outcome, _ bytes: UnsafeRawBufferPointer, scale: Int, field: DBaseField, record: DBaseRecord)
        -> DBaseError
    {
        let reason = if case .tooLarge = outcome {
            "is too large for a 64-bit number at \(scale) decimals"
        } else {
            "is not a number with at most \(scale) decimals"
        }
        return record.fail("field \(quoted(field.name)): \(quoted(String(decoding: bytes, as: UTF8.self))) \(reason)")
    }
}
