/// A ranking as its report folder publishes it (`Reports/<edition>/<ranking>/`): who took which
/// place with which score, what each criterion contributed, and who was not classified and why.
/// Read back from the files by `PublishedRanking.read`, so that two editions, or two methodologies
/// run on the same data, can be compared from the published record alone.
public struct PublishedRanking: Sendable {
    /// The folder, as given.
    public let folder: String
    /// The code column of the folder's files: `teryt` (gminas of the TERC register) or `id` (a unit table).
    public let codeColumn: String
    /// Criterion ids in the order `breakdown.csv` first lists them.
    public let criteria: [String]
    /// Categories with classified units in `breakdown.csv`'s order, then those whose leaderboard is
    /// empty, by id.
    public let categories: [PublishedCategory]
    /// `not-classified.csv`, in its order.
    public let notClassified: [NotClassifiedUnit]

    public init(folder: String, codeColumn: String, criteria: [String], categories: [PublishedCategory], notClassified: [NotClassifiedUnit]) {
        self.folder = folder
        self.codeColumn = codeColumn
        self.criteria = criteria
        self.categories = categories
        self.notClassified = notClassified
        var index: [NotClassifiedUnit.Key: Int] = [:]
        for (position, unit) in notClassified.enumerated() where index[unit.key] == nil { index[unit.key] = position }
        notClassifiedIndex = index
    }

    private let notClassifiedIndex: [NotClassifiedUnit.Key: Int]

    public func category(_ id: String) -> PublishedCategory? { categories.first { $0.id == id } }

    /// Why the unit takes no place in the category: its line of `not-classified.csv` for that
    /// category, or else its line for category `-` (in no category: a Złote Lajki size band needs
    /// the population).
    public func notClassified(_ code: String, in category: String) -> NotClassifiedUnit? {
        (notClassifiedIndex[.init(category: category, code: code)] ?? notClassifiedIndex[.init(category: "-", code: code)])
            .map { notClassified[$0] }
    }
}

public struct PublishedCategory: Sendable, Equatable {
    public let id: String
    /// By place, then code.
    public let units: [PublishedUnit]

    public init(id: String, units: [PublishedUnit]) {
        self.id = id
        self.units = units
    }
}

public struct PublishedUnit: Sendable, Equatable {
    public let code: String
    public let name: String
    public let place: Int
    /// The index's value (`normalised` of the `index` row).
    public let score: Double
    /// Each criterion's contribution to the score, by criterion id: 0 for a criterion without a value
    /// (or under a node without one), which adds nothing to the score; nil when the aggregation does
    /// not split its score into parts (Copeland), so the contribution is not known.
    public let contributions: [String: Double?]

    public init(code: String, name: String, place: Int, score: Double, contributions: [String: Double?]) {
        self.code = code
        self.name = name
        self.place = place
        self.score = score
        self.contributions = contributions
    }
}

/// A line of `not-classified.csv`.
public struct NotClassifiedUnit: Sendable, Equatable {
    public let code: String
    public let name: String
    /// The category id, or `-` for a unit put in no category.
    public let category: String
    public let reason: String

    public init(code: String, name: String, category: String, reason: String) {
        self.code = code
        self.name = name
        self.category = category
        self.reason = reason
    }

    struct Key: Hashable {
        let category: String
        let code: String
    }

    var key: Key { Key(category: category, code: code) }
}
