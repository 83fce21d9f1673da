import CFixedFormat
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Duration {
    /// The duration in seconds, for run summaries.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// Numbers as reports print them: fixed decimals with a point, whatever the machine's locale, and
/// never `-0.00`.
public enum NumberText {
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        var text = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let count = Int(podium_format_fixed(buffer.baseAddress!, 64, value, Int32(decimals)))
            if count < 64 {
                return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: count), as: UTF8.self)
            }
            // A very large number: again, with room for all its digits.
            var large = [CChar](repeating: 0, count: count + 1)
            _ = podium_format_fixed(&large, large.count, value, Int32(decimals))
            return String(decoding: large[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return text
    }

    /// Whole numbers without decimals, others with up to 6.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = fixed(value, 6)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The fewest decimals (up to 20) that give the value back exactly, never an exponent: `1e-9` is
    /// `0.000000001`, for text a reader reads (a tolerance in the award report); `exact` beyond that.
    public static func decimal(_ value: Double) -> String {
        guard abs(value) < 1e15 else { return exact(value) }
        for decimals in 0...20 {
            let text = fixed(value, decimals)
            if Double(text) == value { return text }
        }
        return exact(value)
    }

    /// `plain` when that gives the value back exactly and briefly, else the shortest text that does
    /// (`1e-07`, `1e+300`): for values quoted in messages and labels, where rounding could hide the
    /// offending number.
    public static func exact(_ value: Double) -> String {
        let text = plain(value)
        return abs(value) < 1e15 && Double(text) == value ? text : "\(value)"
    }
}
