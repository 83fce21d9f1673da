/// One criterion across the classified entities of a category, as the stages fill it in: raw value
/// (nil where missing), how a missing value was imputed, treated value and the treatment it got,
/// normalised value. Arrays are aligned with `CategoryScores.entries`.
public struct CriterionColumn: Sendable {
    public internal(set) var criterion: CriterionInstance
    public var raw: [Double?]
    public var imputed: [ImputedValue?]
    public var treated: [Double?]
    public var treatment: TreatmentRecord
    public var normalised: [Double?]

    /// The value treatment starts from: the raw value, or the imputed one.
    public var input: [Double?] { zip(raw, imputed).map { $0 ?? $1?.value } }
}

/// A value put in for a missing one, and how it was found.
public struct ImputedValue: Sendable, Equatable {
    public let value: Double
    /// `group mean of Europe, n = 29`.
    public let how: String
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
    /// The classified entities, in code order; columns and scores are aligned with them.
    public var entries: [Participant]
    public var columns: [CriterionColumn]
    /// Pillar id → pillar score per entry (nil where a pillar had too little data).
    public var pillarScores: [String: [Double?]] = [:]
    public var scores: [Double] = []
    /// Node id (criterion or pillar) → its contribution to the score per entry, as the aggregation
    /// methods attribute it; nil where a method's score is not a sum of parts.
    public var contributions: [String: [Double?]] = [:]
    /// Listing order: by place, then code.
    public var standings: [Standing] = []
    public var notClassified: [NotClassified]

    public func column(_ criterion: String) -> CriterionColumn? { columns.first { $0.criterion.id == criterion } }

    /// Moves entries to the not-classified list with their reasons, keeping every array aligned.
    mutating func exclude(_ reasons: [Int: String]) {
        guard !reasons.isEmpty else { return }
        let keep = entries.indices.filter { reasons[$0] == nil }
        for (entry, reason) in reasons {
            notClassified.append(NotClassified(unit: entries[entry].unit, category: category.id, reason: reason))
        }
        notClassified.sort { $0.unit.code < $1.unit.code }
        let before = entries.count
        entries = keep.map { entries[$0] }
        for index in columns.indices {
            columns[index].raw = keep.map { columns[index].raw[$0] }
            columns[index].imputed = keep.map { columns[index].imputed[$0] }
            columns[index].treated = keep.map { columns[index].treated[$0] }
            columns[index].normalised = keep.map { columns[index].normalised[$0] }
        }
        if scores.count == before { scores = keep.map { scores[$0] } }
        pillarScores = pillarScores.mapValues { values in keep.map { values[$0] } }
        contributions = contributions.mapValues { values in keep.map { values[$0] } }
    }
}
