/// One criterion across the classified entities of a category, as the stages fill it in: raw value,
/// treated value and the treatment it got, normalised value (0–100).
public struct CriterionColumn: Sendable {
    public let criterion: CriterionInstance
    public var raw: [Double]
    public var treated: [Double]
    public var treatment: TreatmentRecord
    public var normalised: [Double]
}

/// A place on the leaderboard.
public struct Standing: Sendable, Equatable {
    /// Index into `CategoryScores.entries`.
    public let entry: Int
    public let place: Int
    public let award: String?
}

/// Everything the run knows about one category: the leaderboard and every number behind it. Reports
/// and `explain` only read this; they never compute.
public struct CategoryScores: Sendable {
    public let category: CategorySpec
    /// The classified entities, in TERYT order; columns and scores are aligned with them.
    public let entries: [Participant]
    public var columns: [CriterionColumn]
    /// Pillar id → pillar score per entry.
    public var pillarScores: [String: [Double]] = [:]
    public var scores: [Double] = []
    /// Listing order: by place, then TERYT code.
    public var standings: [Standing] = []
    public let notClassified: [NotClassified]

    public func column(_ criterion: String) -> CriterionColumn? { columns.first { $0.criterion.id == criterion } }
}
