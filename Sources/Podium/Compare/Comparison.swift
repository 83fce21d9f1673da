/// Two published rankings side by side (A, then B: two editions, or two methodologies on the same
/// data): for each category and unit, the places, the scores, and the change of score split into the
/// change of each criterion's contribution. Pure: computed from the two folders' values alone.
public struct Comparison: Sendable {
    public let a: PublishedRanking
    public let b: PublishedRanking
    /// A's criteria in A's order, then those only B has.
    public let criteria: [String]
    /// A's categories in A's order, then those only B has.
    public let categories: [CategoryComparison]

    public var codeColumn: String { a.codeColumn }
    public var criteriaOnlyInA: [String] { a.criteria.filter { !b.criteria.contains($0) } }
    public var criteriaOnlyInB: [String] { b.criteria.filter { !a.criteria.contains($0) } }

    public init(_ a: PublishedRanking, _ b: PublishedRanking) throws {
        guard a.codeColumn == b.codeColumn else {
            throw CompareError.differentCodes(a: a.folder, codeA: a.codeColumn, b: b.folder, codeB: b.codeColumn)
        }
        self.a = a
        self.b = b
        let criteria = a.criteria + b.criteria.filter { !a.criteria.contains($0) }
        self.criteria = criteria
        let ids = a.categories.map(\.id) + b.categories.map(\.id).filter { a.category($0) == nil }
        categories = ids.map { CategoryComparison($0, a, b, criteria: criteria) }
    }
}

public struct CategoryComparison: Sendable {
    public enum Presence: Sendable { case both, onlyA, onlyB }

    public let id: String
    public let presence: Presence
    /// Every unit classified in A or B: by place in B, then code; those not classified in B after,
    /// by place in A, then code.
    public let units: [UnitComparison]
    /// How many units each folder classifies in the category.
    public let classifiedA: Int
    public let classifiedB: Int

    init(_ id: String, _ a: PublishedRanking, _ b: PublishedRanking, criteria: [String]) {
        self.id = id
        let inA = a.category(id), inB = b.category(id)
        presence = inA == nil ? .onlyB : inB == nil ? .onlyA : .both
        classifiedA = inA?.units.count ?? 0
        classifiedB = inB?.units.count ?? 0
        let unitsA = Dictionary(uniqueKeysWithValues: (inA?.units ?? []).map { ($0.code, $0) })
        let unitsB = Dictionary(uniqueKeysWithValues: (inB?.units ?? []).map { ($0.code, $0) })

        var rows: [UnitComparison] = []
        for unitB in inB?.units ?? [] {
            if let unitA = unitsA[unitB.code] {
                rows.append(UnitComparison(both: unitA, unitB, criteria: criteria))
            } else if let absent = a.notClassified(unitB.code, in: id), inA != nil {
                rows.append(UnitComparison(only: unitB, inA: false, status: .notClassifiedA, reason: absent.reason, criteria: criteria))
            } else {
                rows.append(UnitComparison(only: unitB, inA: false, status: .entered,
                                           reason: inA == nil ? "no category '\(id)' in A" : "not in A", criteria: criteria))
            }
        }
        for unitA in inA?.units ?? [] where unitsB[unitA.code] == nil {
            if let absent = b.notClassified(unitA.code, in: id), inB != nil {
                rows.append(UnitComparison(only: unitA, inA: true, status: .notClassifiedB, reason: absent.reason, criteria: criteria))
            } else {
                rows.append(UnitComparison(only: unitA, inA: true, status: .left,
                                           reason: inB == nil ? "no category '\(id)' in B" : "not in B", criteria: criteria))
            }
        }
        units = rows
    }
}

public struct UnitComparison: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Classified in both.
        case both
        /// Classified in B; A does not list it in the category at all (a new unit, a new category,
        /// a unit that changed category).
        case entered
        /// Classified in A; B does not list it in the category at all.
        case left
        /// Classified in B; A lists it as not classified (`reason` is A's).
        case notClassifiedA = "not_classified_a"
        /// Classified in A; B lists it as not classified (`reason` is B's).
        case notClassifiedB = "not_classified_b"
    }

    public let code: String
    /// B's name when B classifies the unit (names change between editions), else A's.
    public let name: String
    public let placeA: Int?
    public let placeB: Int?
    public let scoreA: Double?
    public let scoreB: Double?
    public let status: Status
    /// Why the unit is classified on one side only; empty for `both`.
    public let reason: String
    /// For each of the comparison's criteria, B's contribution − A's (a criterion a folder does not
    /// have contributes 0 there); nil when either side's is unknown, and for a unit not in both.
    public let deltas: [Double?]
    /// The change of score that the deltas do not explain: score change − Σ known deltas. Zero up to
    /// the rounding of the published figures when every aggregation is a sum of parts.
    public let unattributed: Double?

    /// Places moved up (positive) or down (negative) from A to B.
    public var placeChange: Int? { placeA.flatMap { a in placeB.map { a - $0 } } }
    public var scoreChange: Double? { scoreA.flatMap { a in scoreB.map { $0 - a } } }

    init(both a: PublishedUnit, _ b: PublishedUnit, criteria: [String]) {
        code = b.code
        name = b.name
        placeA = a.place
        placeB = b.place
        scoreA = a.score
        scoreB = b.score
        status = .both
        reason = ""
        deltas = criteria.map { id in
            // A criterion missing from a side counts 0 there; one whose contribution is unknown, nil.
            guard let before = a.contributions[id] ?? .some(0), let after = b.contributions[id] ?? .some(0) else { return nil }
            return after - before
        }
        unattributed = deltas.reduce(b.score - a.score) { $0 - ($1 ?? 0) }
    }

    init(only unit: PublishedUnit, inA: Bool, status: Status, reason: String, criteria: [String]) {
        code = unit.code
        name = unit.name
        placeA = inA ? unit.place : nil
        placeB = inA ? nil : unit.place
        scoreA = inA ? unit.score : nil
        scoreB = inA ? nil : unit.score
        self.status = status
        self.reason = reason
        deltas = criteria.map { _ in nil }
        unattributed = nil
    }
}

extension UnitComparison {
    /// True when `unattributed` is more than the rounding of the published figures can explain:
    /// each is printed with 6 decimals, off by at most 5·10⁻⁷, and the score change and each known
    /// delta are differences of two of them, so rounding alone moves the residual by at most
    /// (1 + known deltas) × 10⁻⁶.
    public var hasUnattributedChange: Bool {
        guard let unattributed else { return false }
        return abs(unattributed) > Double(1 + deltas.count(where: { $0 != nil })) * 1e-6 + 1e-12
    }
}
