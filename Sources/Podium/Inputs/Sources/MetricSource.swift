/// Where a ranking's metrics come from: a kind of input data, named by `inputs.type` in the
/// methodology, that reads its files and says who competes in which category.
public protocol MetricSource: Kind {
    /// The metrics the source provides to criteria.
    var metrics: [MetricDeclaration] { get }
    /// The keys a category's `where` may use for this source beyond the register's (`owner`, `platforms`).
    static var categoryKeys: [String] { get }
    /// The files the source reads, relative to the inputs folder.
    var files: [FileInput] { get }
    func load(_ request: SourceRequest) throws -> any SourceData
}

/// What a source needs to read its data.
public struct SourceRequest: Sendable {
    public let register: Register
    public let folder: InputFolder
    public let methodologyFile: String
    public let period: Period
    public let progress: Progress?

    /// Told how far a long read has got: the file and the fraction of its bytes read.
    public typealias Progress = @Sendable (String, Double) -> Void
}

/// A source's data, read: what was read (for the run summary), per-account figures (social media),
/// and who competes in which category with which values.
public protocol SourceData: Sendable {
    var notes: [RunNote] { get }
    var accounts: [AccountFigures] { get }
    func categorise(_ methodology: Methodology, register: Register) -> Categorised
}

/// What a run read and left out, for the command line to print: the library builds no summary text.
public enum RunNote: Sendable, Equatable {
    case register(units: Int, word: String, source: String)
    case metrics(rows: Int, path: String)
    case ignoredColumns([String])
    case accounts(rows: Int)
    case accountStats(rows: Int)
    case followerSnapshots(rows: Int)
    case posts(rows: Int, bytes: Int, seconds: Double, inPeriod: Int, outsidePeriod: Int)
    case unorderedPostIDs(accounts: Int)
    /// Accounts left out of every sum, with the reason: `fb-1063011-city: no follower snapshot …`.
    case accountsLeftOut([String])
}

/// Every kind of input data a methodology may name in `inputs.type`.
public enum MetricSources {
    public static let registry = Registry<any MetricSource>(stage: "input type", kinds: [
        MunicipalMetrics.self,
        SocialMedia.self,
    ])

    /// `where` keys any source allows, and the register-specific ones.
    static func categoryKeys(_ sourceKeys: [String], register: UnitsInput.Register) -> [String] {
        var keys = ["population", "group"]
        if case .terc = register { keys += ["rodz", "powiat"] }
        return sourceKeys + keys
    }
}

extension Registry where Method == any MetricSource {
    init(stage: String, kinds: [any MetricSource.Type]) {
        self.init(stage: stage, entries: kinds.map { kind in
            Entry(description: kind.description, examples: kind.exampleChecks) { try kind.init(parameters: $0) }
        })
    }
}
