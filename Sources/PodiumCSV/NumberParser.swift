/// Parses numbers straight from field bytes, strictly: no `inf` or `nan`, no stray text. Exponents
/// (`2e-06`, `3.6E-05`, as COINr and R write small values) only with a decimal point; Polish
/// decimal-comma files keep rejecting them.
@usableFromInline
enum NumberParser {
    /// Up to 18 plain digits, the common case, parsed where it is called; anything else goes the
    /// long way (`integer(_:decimal:)`).
    @inlinable @inline(__always)
    static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            let digit = Int(byte) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value &* 10 &+ digit
        }
        return value
    }

    private static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
    private static let minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+")
    private static let lowerE = UInt8(ascii: "e"), upperE = UInt8(ascii: "E")

    @usableFromInline
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, decimal: DecimalSeparator) -> Int? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == minus || first == plus {
            negative = first == minus
            index = 1
        }
        if case .point = decimal {
            guard index < bytes.count else { return nil }
            var value = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte >= zero && byte <= nine else { return nil }
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int(byte - zero))
                if o1 || o2 { return nil }
                value = sum
                index += 1
            }
            return negative ? -value : value
        }
        guard let digits = groupedDigits(bytes, from: index), digits.end == bytes.count else { return nil }
        guard let value = Int(digits.text) else { return nil }
        return negative ? -value : value
    }

    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, decimal: DecimalSeparator) -> Double? {
        var index = 0
        var text = ""
        if let first = bytes.first, first == minus || first == plus {
            if first == minus { text = "-" }
            index = 1
        }
        let separator: UInt8
        switch decimal {
        case .point: separator = UInt8(ascii: ".")
        case .comma: separator = UInt8(ascii: ",")
        }
        var integerPart = ""
        if case .point = decimal {
            while index < bytes.count, bytes[index] >= zero, bytes[index] <= nine {
                integerPart.append(Character(Unicode.Scalar(bytes[index])))
                index += 1
            }
        } else if index < bytes.count, bytes[index] != separator {
            guard let digits = groupedDigits(bytes, from: index) else { return nil }
            integerPart = digits.text
            index = digits.end
        }
        var fraction = ""
        if index < bytes.count, bytes[index] == separator {
            index += 1
            while index < bytes.count, bytes[index] >= zero, bytes[index] <= nine {
                fraction.append(Character(Unicode.Scalar(bytes[index])))
                index += 1
            }
            guard !fraction.isEmpty else { return nil }
        }
        guard !(integerPart.isEmpty && fraction.isEmpty) else { return nil }
        text += (integerPart.isEmpty ? "0" : integerPart) + (fraction.isEmpty ? "" : "." + fraction)
        if case .point = decimal, index < bytes.count, bytes[index] == lowerE || bytes[index] == upperE {
            guard let exponent = exponent(bytes, from: index + 1) else { return nil }
            text += "e" + exponent
            index = bytes.count  // the exponent runs to the end of the field
        }
        guard index == bytes.count else { return nil }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The rest of the field after `e`: an optional sign and one or more digits, nothing else.
    private static func exponent(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        var index = start
        var text = ""
        if index < bytes.count, bytes[index] == minus || bytes[index] == plus {
            if bytes[index] == minus { text = "-" }
            index += 1
        }
        guard index < bytes.count else { return nil }
        while index < bytes.count {
            guard bytes[index] >= zero && bytes[index] <= nine else { return nil }
            text.append(Character(Unicode.Scalar(bytes[index])))
            index += 1
        }
        return text
    }

    /// Digits with optional thousands separators as Polish spreadsheets write them: a first group of
    /// one to three digits, then groups of exactly three after a space, a no-break space (U+00A0) or a
    /// narrow no-break space (U+202F). Without separators, any number of digits.
    private static func groupedDigits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (text: String, end: Int)? {
        var index = start
        var text = ""
        var groupLength = 0
        var grouped = false
        func separatorLength(at i: Int) -> Int {
            if i < bytes.count, bytes[i] == 0x20 { return 1 }
            if i + 1 < bytes.count, bytes[i] == 0xC2, bytes[i + 1] == 0xA0 { return 2 }
            if i + 2 < bytes.count, bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0xAF { return 3 }
            return 0
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= zero && byte <= nine {
                text.append(Character(Unicode.Scalar(byte)))
                groupLength += 1
                index += 1
                continue
            }
            let length = separatorLength(at: index)
            guard length > 0 else { break }
            // A separator must close a complete group and be followed by a digit.
            if grouped ? groupLength != 3 : (groupLength < 1 || groupLength > 3) { return nil }
            let next = index + length
            guard next < bytes.count, bytes[next] >= zero, bytes[next] <= nine else { return nil }
            grouped = true
            groupLength = 0
            index = next
        }
        if text.isEmpty || (grouped && groupLength != 3) { return nil }
        return (text, index)
    }
}
