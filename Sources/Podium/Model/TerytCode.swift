/// The 7-character TERYT code of a gmina: WOJ (2) + POW (2) + GMI (2) + RODZ (1), e.g. `0264011`
/// for Wrocław. Always text: the leading zero is part of the code.
public struct TerytCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String

    public init?(_ text: String) {
        guard text.utf8.count == 7, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        self.text = text
    }

    public var voivodeshipCode: String { String(text.prefix(2)) }
    public var description: String { text }

    public static func < (lhs: TerytCode, rhs: TerytCode) -> Bool { lhs.text < rhs.text }
}
