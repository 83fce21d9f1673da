import Foundation

/// Where a ranking's metrics come from: a kind of input data, named by `inputs.type` in the
/// methodology, that reads its files and says who competes in which category.
public protocol MetricSource: Kind {
    /// The metrics the source provides to criteria.
    var metrics: [MetricDeclaration] { get }
    /// The keys a category's `where` may use for this source beyond the register's (`owner`, `platforms`).
    static var categoryKeys: [String] { get }
    /// Whether the methodology may set `eligibility` minimums on the source's period totals.
    static var takesEligibility: Bool { get }
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
    /// How many threads a long read may use (posts: ranges of the file read at once).
    public var threads: Int = 1

    /// Told how far a long read has got: the file and the fraction of its bytes read.
    public typealias Progress = @Sendable (String, Double) -> Void
}

/// A source's data, read: what was read (for the run summary), per-account figures (social media),
/// and who competes in which category with which values.
public protocol SourceData: Sendable {
    var notes: [RunNote] { get }
    var accounts: [AccountFigures] { get }
    /// What the source read for one unit, before any category takes it (social media: the sums
    /// over all its usable accounts).
    func values(of unit: UnitCode) -> EntityValues
    func categorise(_ methodology: Methodology, register: Register) -> Categorised
}

/// A worked example of a source: its parameters as YAML, a unit table, the data files (path →
/// text), the period, and the values it must read for units (unit id → metric → value: a year's
/// value for budget data, the period total for social media), or a fragment of the error it must give.
public struct SourceExample: Sendable {
    public let parameters: String
    public let units: String
    public let files: [String: String]
    public let period: Period
    public let expected: Result<[String: [String: Double]], SourceExampleError>

    public struct SourceExampleError: Error, Sendable, Equatable { public let fragment: String }

    public init(_ parameters: String, units: String, files: [String: String], period: Period, values: [String: [String: Double]]) {
        self.parameters = parameters
        self.units = units
        self.files = files
        self.period = period
        self.expected = .success(values)
    }

    public init(_ parameters: String, units: String, files: [String: String], period: Period, error fragment: String) {
        self.parameters = parameters
        self.units = units
        self.files = files
        self.period = period
        self.expected = .failure(SourceExampleError(fragment: fragment))
    }
}

extension MetricSource {
    static func checks(_ examples: [SourceExample]) -> [ExampleCheck] {
        examples.enumerated().map { number, example in
            ExampleCheck(name: "input type \(description.id) #\(number + 1)") {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podium-example-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: folder) }
                for (path, text) in example.files.merging(["units.csv": example.units], uniquingKeysWith: { $1 }) {
                    let url = folder.appendingPathComponent(path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url)
                }
                let register = try UnitTableLoader.load(folder.appendingPathComponent("units.csv").path)
                let source = try Self(parameters: .example(example.parameters, keys: description.parameters.map(\.name)))
                let data: any SourceData
                do {
                    data = try source.load(SourceRequest(register: register, folder: InputFolder(root: folder.path),
                                                         methodologyFile: "example.yaml", period: example.period, progress: nil))
                } catch {
                    guard case .failure(let expected) = example.expected else { return "failed: \(error)" }
                    return "\(error)".contains(expected.fragment) ? nil : "failed with '\(error)', expected '\(expected.fragment)'"
                }
                guard case .success(let expected) = example.expected else { return "read the files, expected an error" }
                for (unit, metrics) in expected.sorted(by: { $0.key < $1.key }) {
                    let values = data.values(of: UnitCode(id: unit)!)
                    for (metric, value) in metrics.sorted(by: { $0.key < $1.key }) {
                        let read = values.total(metric) ?? example.period.lastYear.flatMap { values.value(metric, year: $0) }
                        guard let read, close(read, value) else { return "\(unit) \(metric): read \(read.map { "\($0)" } ?? "nothing"), expected \(value)" }
                    }
                }
                return nil
            }
        }
    }
}

extension Period {
    /// The last year of a period of years.
    var lastYear: Int? { if case .years(let window) = self { window.upperBound } else { nil } }
}

/// What a run read and left out, for the command line to print: the library builds no summary text.
public enum RunNote: Sendable, Equatable {
    case register(units: Int, word: String, source: String)
    case metrics(rows: Int, path: String)
    case ignoredColumns([String])
    case accounts(rows: Int)
    case accountStats(rows: Int)
    case followerSnapshots(rows: Int)
    /// The posts read: rows, bytes, seconds, the ranges read at once (threads), and how many posts
    /// fall inside and outside the period.
    case posts(rows: Int, bytes: Int, seconds: Double, ranges: Int, inPeriod: Int, outsidePeriod: Int)
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
