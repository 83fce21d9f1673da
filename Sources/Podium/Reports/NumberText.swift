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
        var buffer = [CChar](repeating: 0, count: 64)
        let format = "%.\(decimals)f"
        var count = Int(withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) })
        if count >= buffer.count {  // a very large number: ask again with room for all its digits
            buffer = [CChar](repeating: 0, count: count + 1)
            count = Int(withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) })
        }
        var text = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
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

    /// `plain` when that gives the value back exactly and briefly, else the shortest text that does
    /// (`1e-07`, `1e+300`): for values quoted in messages and labels, where rounding could hide the
    /// offending number.
    public static func exact(_ value: Double) -> String {
        let text = plain(value)
        return abs(value) < 1e15 && Double(text) == value ? text : "\(value)"
    }
}
