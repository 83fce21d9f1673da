/// An entity competing in one category: a municipality with the figures its criteria read, and for
/// social media the accounts those figures were summed from.
public struct Participant: Sendable {
    public let municipality: Municipality
    public let values: EntityValues
    public let accounts: [AccountFigures]
}

/// A municipality that takes no place in a category, and why.
public struct NotClassified: Sendable, Equatable {
    public let municipality: Municipality
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
