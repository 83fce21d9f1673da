/// A unit's identifier, always text: a gmina's 7-character TERYT code `WOJ+POW+GMI+RODZ` (`0264011`
/// for Wrocław, the leading zero is part of the code) or a unit table's id (`AUT`). Codes order
/// ties on leaderboards, compared as text.
public struct UnitCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String

    /// Any non-empty id of a unit table.
    public init?(id text: String) {
        guard !text.isEmpty else { return nil }
        self.text = text
    }

    /// A TERYT code of a gmina: exactly seven digits.
    public init?(teryt text: String) {
        guard text.utf8.count == 7, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        self.text = text
    }

    public var description: String { text }

    public static func < (lhs: UnitCode, rhs: UnitCode) -> Bool { lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8) }
}
