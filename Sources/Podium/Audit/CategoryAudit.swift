/// The statistics of a ranking, category by category, as the JRC COIN tool's statistics tabs show
/// them: each criterion's distribution before and after treatment, and within each aggregation group
/// (each pillar, and the index) the correlations of its children with each other and with the
/// group's own score, Cronbach's α, and the score's correlation with population (size bias).
///
/// A computation on the values the run holds (pure functions of `RankingResult`); the reports only
/// print it.
public struct RankingAudit: Sendable {
    public let categories: [CategoryAudit]

    public init(_ result: RankingResult) {
        categories = result.categories.map { CategoryAudit($0, result.methodology) }
    }
}

public struct CategoryAudit: Sendable {
    public let category: CategorySpec
    /// The classified participants: the n that coverage and pair counts are measured against.
    public let classified: Int
    /// In the methodology's order of criteria.
    public let criteria: [CriterionAudit]
    /// Every inner node of the weight tree, children before parents (pillars, then the index).
    public let groups: [GroupAudit]
    public let sizeBias: SizeBias

    public init(_ scores: CategoryScores, _ methodology: Methodology) {
        category = scores.category
        classified = scores.entries.count
        criteria = scores.columns.map { CriterionAudit($0, classified: scores.entries.count) }
        var groups: [GroupAudit] = []
        func visit(_ node: WeightNode) {
            for child in node.children where child.role != .criterion { visit(child) }
            groups.append(GroupAudit(node, scores))
        }
        visit(methodology.index)
        self.groups = groups
        sizeBias = SizeBias(scores, methodology)
    }
}

/// One criterion in one category.
public struct CriterionAudit: Sendable {
    public let id: String
    /// Raw values (measured, not imputed).
    public let observed: Int
    public let imputed: Int
    /// Share of the classified participants with a raw value; nil in an empty category.
    public let coverage: Double?
    /// The values treatment starts from: raw, or imputed where raw is missing.
    public let before: Distribution
    /// The treated values, which normalisation starts from.
    public let after: Distribution
    /// How many values treatment changed.
    public let changed: Int
    public let treatment: TreatmentRecord

    init(_ column: CriterionColumn, classified: Int) {
        id = column.criterion.id
        observed = column.raw.count { $0 != nil }
        imputed = zip(column.raw, column.imputed).count { $0 == nil && $1 != nil }
        coverage = classified == 0 ? nil : Double(observed) / Double(classified)
        let input = column.input
        before = Distribution(input)
        after = Distribution(column.treated)
        changed = zip(input, column.treated).count { $0 != $1 }
        treatment = column.treatment
    }
}

/// One aggregation group: a pillar or the index, with its children.
public struct GroupAudit: Sendable {
    public let id: String
    public let title: String
    public let role: WeightNode.Role
    /// The children, in the methodology's order: criteria (their normalised values are correlated)
    /// or pillars (their scores).
    public let members: [Member]
    /// Every pair of children (first before second in the methodology's order), then each child
    /// with the group's own score.
    public let pairs: [PairAudit]
    /// Whether each series (the members', then the group's) has 2 values or more that are not all
    /// equal, so that its correlation with itself is 1 rather than undefined.
    public let varies: [Bool]
    public let alpha: CronbachAlpha

    init(_ node: WeightNode, _ scores: CategoryScores) {
        id = node.id
        title = node.title
        role = node.role
        members = node.children.map { Member(id: $0.id, role: $0.role) }
        let ids = members.map(\.id)
        let values = node.children.map { child in
            child.role == .criterion ? scores.column(child.id)!.normalised : scores.pillarScores[child.id]!
        }
        let own: [Double?] = node.role == .index ? scores.scores.map { $0 } : scores.pillarScores[node.id]!
        var pairs: [PairAudit] = []
        for first in values.indices {
            for second in values.indices where second > first {
                pairs.append(PairAudit(ids[first], values[first], ids[second], values[second], withGroup: false))
            }
        }
        for child in values.indices {
            pairs.append(PairAudit(ids[child], values[child], node.id, own, withGroup: true))
        }
        self.pairs = pairs
        varies = (values + [own]).map { Correlation.pearson($0, $0).r != nil }
        alpha = CronbachAlpha(values)
    }

    public struct Member: Sendable {
        public let id: String
        public let role: WeightNode.Role
    }

    /// The pair of two members, or of a member and the group (`second` = the group's id), either way round.
    public func pair(_ first: String, _ second: String) -> PairAudit? {
        pairs.first { ($0.first == first && $0.second == second) || ($0.first == second && $0.second == first) }
    }
}

/// Two series of a group and their correlations, with what the audit flags about them.
public struct PairAudit: Sendable {
    public let first: String
    public let second: String
    /// Whether `second` is the group's own score.
    public let withGroup: Bool
    public let pearson: Correlation
    public let spearman: Correlation

    /// Above this |r| two children of a group say nearly the same thing (the COIN tool's threshold).
    public static let collinearity = 0.9

    init(_ first: String, _ x: [Double?], _ second: String, _ y: [Double?], withGroup: Bool) {
        self.first = first
        self.second = second
        self.withGroup = withGroup
        pearson = .pearson(x, y)
        spearman = .spearman(x, y)
    }

    /// A negative Pearson r between two children or between a child and its group (the child pulls
    /// against the rest); |r| above 0.9 between two children (one of them may be redundant).
    public var flags: [AuditFlag] {
        guard let r = pearson.r else { return [] }
        return (r < 0 ? [.negative] : []) + (!withGroup && abs(r) > Self.collinearity ? [.collinear] : [])
    }
}

public enum AuditFlag: Sendable, Equatable {
    case negative
    case collinear
}

/// The correlation of the category's scores with the participants' population.
public struct SizeBias: Sendable {
    /// Population is taken for this year, or the latest earlier year with a value: the window's last
    /// year (budget rankings), else the edition (the year size categories are chosen by).
    public let year: Int
    /// Participants whose population came from an earlier year.
    public let earlier: Int
    /// Participants without a population for the year or earlier.
    public let missing: Int
    public let pearson: Correlation
    public let spearman: Correlation

    init(_ scores: CategoryScores, _ methodology: Methodology) {
        let year = methodology.evaluationContext.window?.upperBound ?? methodology.edition
        self.year = year
        let population = scores.entries.map { $0.values.yearly["population"]?.latest(notAfter: year) }
        earlier = population.count { $0 != nil && $0!.year < year }
        missing = population.count { $0 == nil }
        let values = population.map { $0?.value }
        let score = scores.scores.map(Optional.some)
        pearson = .pearson(score, values)
        spearman = .spearman(score, values)
    }
}
