/// An entity competing in one category: a unit with the figures its criteria read, and for social
/// media the accounts those figures were summed from.
public struct Participant: Sendable {
    public let unit: Unit
    public let values: EntityValues
    public let accounts: [AccountFigures]
}

/// A unit that takes no place in a category, and why.
public struct NotClassified: Sendable, Equatable {
    public let unit: Unit
    /// The category id, or `-` when no category could be determined.
    public let category: String
    public let reason: String
}

/// Who competes in one category, before any criterion is computed.
public struct CategoryField: Sendable {
    public let category: CategorySpec
    public var participants: [Participant]
    public var notClassified: [NotClassified]
}

/// Who competes in which category, and the units no category could take.
public struct Categorised: Sendable {
    public var fields: [CategoryField]
    public var unplaced: [NotClassified]
}

extension ClosedRange where Bound == Int {
    /// Whether a population lies in the band, both ends included, without converting it to Int.
    func holds(_ value: Double) -> Bool {
        Double(lowerBound) <= value && value <= Double(upperBound)
    }
}
