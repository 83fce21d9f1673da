/// A count as platforms' exports write it: plain digits (`18400`), digits with thousands commas
/// (`18,400`), or a short form with `K` (× 1,000) or `M` (× 1,000,000) read exactly in decimal
/// (`1.2K` = 1200, `32.3K` = 32300), in whole-number arithmetic: never through a binary fraction.
enum ExportCount {
    /// The count, or nil when the bytes are none of those forms (or not a whole number, `1.2345K`,
    /// or too large for 64 bits). The caller handles the empty field.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard count > 0 else { return nil }
        var value = 0, index = 0, digitsInGroup = 0, sawComma = false
        while index < count {
            let byte = bytes[index]
            let digit = Int(byte) &- 48
            if digit >= 0 && digit <= 9 {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(digit)
                guard !o1, !o2 else { return nil }
                value = sum
                digitsInGroup += 1
                index += 1
            } else if byte == UInt8(ascii: ",") {
                // Thousands commas: 1 to 3 digits first, then groups of exactly three.
                guard digitsInGroup > 0, sawComma ? digitsInGroup == 3 : digitsInGroup <= 3 else { return nil }
                sawComma = true
                digitsInGroup = 0
                index += 1
            } else {
                break
            }
        }
        guard digitsInGroup > 0 else { return nil }
        if sawComma { return index == count && digitsInGroup == 3 ? value : nil }
        if index == count { return value }
        return shortForm(bytes, whole: value, at: index)
    }

    /// `<digits>[.<digits>]K|M`, starting at the byte after the whole part.
    private static func shortForm(_ bytes: UnsafeBufferPointer<UInt8>, whole: Int, at start: Int) -> Int? {
        var index = start, fraction = 0, fractionDigits = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                guard fractionDigits < 6 else { return nil }
                fraction = fraction * 10 + Int(bytes[index]) - 48
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { return nil }
        }
        guard index == bytes.count - 1 else { return nil }
        let exponent: Int
        switch bytes[index] {
        case UInt8(ascii: "K"): exponent = 3
        case UInt8(ascii: "M"): exponent = 6
        default: return nil
        }
        guard fractionDigits <= exponent else { return nil }   // 1.2345K is no whole number
        var scale = 1
        for _ in 0..<exponent { scale *= 10 }
        var fractionScale = 1
        for _ in 0..<(exponent - fractionDigits) { fractionScale *= 10 }
        let (wholePart, o1) = whole.multipliedReportingOverflow(by: scale)
        let (sum, o2) = wholePart.addingReportingOverflow(fraction * fractionScale)
        return o1 || o2 ? nil : sum
    }
}
