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
    /// The files the source reads over the ranking's period, relative to the inputs folder (a folder
    /// of platform exports stands for the CSV files in it).
    func files(in period: Period) -> [FileInput]
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
    /// How many rows of each data file to read: all (a run) or the first few (`podium validate`).
    var limit: RowLimit = .all

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
    /// Metric → where it was read from (yearly sources), for `explain`.
    var origins: [String: String] { get }
}

extension SourceData {
    public var origins: [String: String] { [:] }
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
    /// One folder of platform exports read (files, rows, posts merged by id, empty counts …).
    case exports(ExportSummary)
    /// Accounts left out of every sum, with the reason: `fb-1063011-city: no follower snapshot …`.
    case accountsLeftOut([String])
    /// A BDL export read: its rows, the rows of units that are no municipality of the register (and
    /// those that look like gminas: `1217052 (Nowa)`), `-` cells, rows of other dimension values,
    /// and named dimensions the file does not have.
    case bdl(path: String, metric: String, rows: Int, otherUnits: Int, notInRegister: [String], noData: Int,
             otherDimensionValues: Int, absentDimensions: [String])
    /// One Rb-28S report read: its year, live and deleted records, the rows of budgets that are no
    /// municipality's (powiats, voivodeships, unions…), budgets whose TERYT code is not in the
    /// register (`1217052 Nowa`), the municipalities with no row at all, and the bytes and seconds.
    case rb28s(path: String, year: Int, records: Int, deleted: Int, notMunicipal: Int, notInRegister: [String],
               withoutRows: Int, bytes: Int, seconds: Double)
    /// A file read, for the manifest (the summary says it in the notes above).
    case inputFile(InputFileRead)
}

/// Every kind of input data a methodology may name in `inputs.type`.
public enum MetricSources {
    public static let registry = Registry<any MetricSource>(stage: "input type", kinds: [
        MunicipalMetrics.self,
        Rb28S.self,
        BDL.self,
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

/// A source of values by unit and year (budget reports, statistics exports, a metrics file). Several
/// such sources may feed one methodology (`inputs.sources`); each unit's categories come from the
/// register.
public protocol YearlyMetricSource: MetricSource {
    func loadYearly(_ request: SourceRequest) throws -> YearlyValues
}

/// What a yearly source read: values by unit, metric and year (a missing value is absent, never
/// zero), what the run summary says about it, and where each metric came from (for `explain`).
public struct YearlyValues: Sendable {
    public var values: [UnitCode: [String: [Int: Double]]] = [:]
    public var notes: [RunNote] = []
    /// Metric → the file (or file pattern) it was read from, with the input type: `rb28s green-finance/2024/rb28s/Rb28S_{year}Q4.zip`.
    public var origins: [String: String] = [:]

    public init(values: [UnitCode: [String: [Int: Double]]] = [:], notes: [RunNote] = [], origins: [String: String] = [:]) {
        self.values = values
        self.notes = notes
        self.origins = origins
    }
}

extension YearlyMetricSource {
    public static var categoryKeys: [String] { [] }
    public static var takesEligibility: Bool { false }

    public func load(_ request: SourceRequest) throws -> any SourceData {
        let read = try loadYearly(request)
        return MetricsData(notes: read.notes, values: read.values, origins: read.origins)
    }
}

/// The sources of one methodology, read one after the other and merged. Two sources that give the
/// same metric for the same unit and year is an error naming both: which one counts is a choice the
/// methodology must make, not the order of its list.
enum SourceSet {
    static func load(_ sources: [any MetricSource], _ request: SourceRequest) throws -> any SourceData {
        if sources.count == 1 { return try sources[0].load(request) }
        var merged = YearlyValues()
        for source in sources {
            let read = try (source as! any YearlyMetricSource).loadYearly(request)
            for (unit, metrics) in read.values {
                for (metric, years) in metrics {
                    for (year, value) in years {
                        if merged.values[unit]?[metric]?[year] != nil {
                            let first = merged.origins[metric] ?? "another source"
                            throw InputError(file: request.methodologyFile, line: nil, message: "two sources give \(metric) of \(unit) for \(year): \(first) and \(read.origins[metric] ?? "another source"); each metric of a unit and year must come from one source")
                        }
                        merged.values[unit, default: [:]][metric, default: [:]][year] = value
                    }
                }
            }
            merged.notes += read.notes
            for (metric, origin) in read.origins {
                merged.origins[metric] = merged.origins[metric].map { $0 == origin ? $0 : "\($0) + \(origin)" } ?? origin
            }
        }
        return MetricsData(notes: merged.notes, values: merged.values, origins: merged.origins)
    }
}
