import Foundation
import PodiumCSV

/// A ranking as an analyst describes it in a versioned YAML file: which data, who takes part and in
/// which categories, which criteria with which weights, and how values become places and awards.
public struct Methodology: Sendable {
    public static let schemaVersion = 1

    public let file: String            // the file it was read from, for messages
    public let id: String              // `green-finance-2024`
    public let ranking: String         // `green-finance`: the report folder and the name `explain` takes
    public let title: String
    public let edition: Int
    public let inputs: Inputs
    public let period: Period
    public let categories: [CategorySpec]
    public let criteria: [CriterionInstance]
    /// The weight hierarchy; every inner node carries its aggregation method.
    public let index: WeightNode
    public let eligibility: [EligibilityRule]
    public let missingData: MissingDataRules
    public let tieTolerance: Double
    public let awards: [AwardSpec]
    /// The uncertainty and sensitivity analysis to run beside the ranking, if any.
    public let sensitivity: SensitivitySpec?
    /// Group columns the file names, checked against the unit table when it is read.
    let groupReferences: GroupReferences

    /// The inner nodes below the index (pillars, sub-pillars …) in depth-first order: the leaderboard's
    /// pillar columns.
    public var pillars: [WeightNode] { index.innerDescendants }

    public var evaluationContext: EvaluationContext {
        switch period {
        case .years(let window): EvaluationContext(window: window, edition: edition)
        case .dates(let from, let to): EvaluationContext(periodDays: Period.days(from: from, to: to), edition: edition)
        }
    }

    /// The award of a place, if any.
    public func award(forPlace place: Int) -> String? {
        awards.first { $0.places.contains(place) }?.title
    }
}

/// The data a ranking reads, relative to the inputs folder: the units (a register) and the sources of
/// their metrics.
public struct Inputs: Sendable {
    public let units: UnitsInput
    /// One source of any kind (`inputs.type`), or several sources of yearly values
    /// (`inputs.sources`: budget reports, statistics exports, metrics files), in the order listed.
    public let sources: [any MetricSource]

    /// The metrics the sources provide, each once (several sources may give one metric, for
    /// different units or years).
    public var sourceMetrics: [MetricDeclaration] {
        var seen = Set<String>()
        return sources.flatMap(\.metrics).filter { seen.insert($0.name).inserted }
    }

    /// The metrics criteria may read, with their units: the sources', and population when the
    /// register has it.
    public var metrics: [MetricDeclaration] {
        sourceMetrics + (units.population == nil || sourceMetrics.contains { $0.name == "population" }
            ? [] : [MetricDeclaration(name: "population", unit: "os.")])
    }

    /// The `where` keys the sources add to the register's (social media: `owner`, `platforms`).
    var categoryKeys: [String] { sources.count == 1 ? type(of: sources[0]).categoryKeys : [] }
    /// Whether eligibility minimums apply (social media).
    var takesEligibility: Bool { sources.count == 1 && type(of: sources[0]).takesEligibility }
}

/// Where the units come from: the GUS TERC register (with a population file), or a unit table.
public struct UnitsInput: Sendable {
    public enum Register: Sendable {
        case terc(FileInput)
        case table(FileInput)
    }

    /// Residents by unit and year: podium's own `teryt,year,population` file, or a GUS BDL export.
    public enum Population: Sendable {
        case table(FileInput)
        case bdl(BDLExport)

        public var path: String {
            switch self {
            case .table(let file): file.path
            case .bdl(let export): export.file.path
            }
        }

        /// The file with its kind, as `explain` names the origin of values: `bdl registry/bdl-population.csv`.
        public var label: String {
            switch self {
            case .table(let file): "population \(file.path)"
            case .bdl(let export): "bdl \(export.file.path)"
            }
        }
    }

    public let register: Register
    public let population: Population?
}

/// A metric a source provides: its name, its unit, and whether it may be negative (amounts may not,
/// unless declared `signed`).
public struct MetricDeclaration: Sendable, Equatable {
    public let name: String
    public let unit: String
    public let signed: Bool

    public init(name: String, unit: String, signed: Bool = false) {
        self.name = name
        self.unit = unit
        self.signed = signed
    }
}

public struct FileInput: Sendable {
    public let path: String
    /// How to read it: delimiter (detected unless set) and decimal separator.
    public let options: CSVReadOptions

    public init(path: String, options: CSVReadOptions = CSVReadOptions()) {
        self.path = path
        self.options = options
    }
}

/// The time a ranking covers: budget years, or a span of calendar days.
public enum Period: Sendable, Equatable {
    case years(ClosedRange<Int>)
    case dates(from: Day, to: Day)

    static func days(from: Day, to: Day) -> Int { to.number - from.number + 1 }

    public var description: String {
        switch self {
        case .years(let window): window.yearsText
        case .dates(let from, let to): "\(from)–\(to)"
        }
    }
}

/// Which units (or accounts) a category takes.
public struct CategorySpec: Sendable, Equatable {
    public let id: String
    public let title: String
    public let filter: CategoryFilter
}

public struct CategoryFilter: Sendable, Equatable {
    public var rodz: Set<Int>?
    public var powiat: ClosedRange<Int>?
    public var population: ClosedRange<Int>?
    public var owner: AccountOwner?
    public var platforms: Set<Platform>?
    /// Group column → the values it takes (`EurAsia_group: [Asia]`).
    public var groups: [String: Set<String>] = [:]

    /// Whether an account is of the category's owner type and on one of its platforms.
    func takes(_ account: Account) -> Bool {
        account.owner == owner && platforms?.contains(account.platform) == true
    }

    /// Whether the unit's register facts and groups fit the category (population is checked apart,
    /// because a unit without a population is reported, not skipped).
    func matches(_ unit: Unit) -> Bool {
        if let rodz, !(unit.gmina.map { rodz.contains($0.kind.rawValue) } ?? false) { return false }
        if let powiat, !(unit.gmina.map { powiat.contains($0.powiat) } ?? false) { return false }
        for (column, values) in groups where !values.contains(unit.groups[column] ?? "") { return false }
        return true
    }
}

public enum AccountOwner: String, Sendable, CaseIterable {
    case city
    case mayor
}

public enum Platform: String, Sendable, CaseIterable, Comparable {
    case facebook, instagram, tiktok, youtube, x, linkedin

    public static func < (lhs: Platform, rhs: Platform) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum Direction: String, Sendable, CaseIterable {
    case higherIsBetter = "higher_is_better"
    case lowerIsBetter = "lower_is_better"
}

/// One criterion of the methodology: a configured instance of a criterion kind, with the treatment
/// and normalisation it gets (the ranking's, unless the criterion overrides them).
public struct CriterionInstance: Sendable {
    public let id: String
    public let name: String
    public let unit: String
    public let direction: Direction
    public let kind: String
    public let implementation: any Criterion
    /// Divides the value by another metric (`denominator: {metric: gdp, scale: 1000}`).
    public let denominator: Denominator?
    public let treatment: any TreatmentMethod
    public let normalisation: any NormalisationMethod
}

/// A node of the weight hierarchy: the index, a pillar, or a criterion (a leaf).
public struct WeightNode: Sendable {
    public enum Role: Sendable { case index, pillar, criterion }
    public let id: String
    public let title: String
    public let role: Role
    public let weight: Double
    public let children: [WeightNode]
    /// How the children's scores combine into this node's (nil for a criterion leaf).
    public let aggregation: (any AggregationMethod)?

    var innerDescendants: [WeightNode] {
        children.flatMap { $0.role == .pillar ? [$0] + $0.innerDescendants : [] }
    }
}

/// A minimum an entity must reach to be classified (Złote Lajki: at least 24 posts).
public struct EligibilityRule: Sendable {
    public let metric: String
    public let atLeast: Double
}

/// What happens to missing criterion values: screening by availability, imputation, and whether a
/// node may be aggregated over the children that have a value. The default (`not_classified`): any
/// missing criterion leaves the participant not classified.
public struct MissingDataRules: Sendable {
    /// A participant with a smaller share of criteria available is not classified.
    public var minAvailability: Double?
    public var imputation: (any ImputationMethod)?
    /// Set: a node is aggregated over the children that have a value when at least this share of
    /// their weight is present. Nil: every child is needed.
    public var availableMinShare: Double?

    public init(minAvailability: Double? = nil, imputation: (any ImputationMethod)? = nil, availableMinShare: Double? = nil) {
        self.minAvailability = minAvailability
        self.imputation = imputation
        self.availableMinShare = availableMinShare
    }

    /// Whether a participant with a missing criterion can still be classified.
    var toleratesMissing: Bool { imputation != nil || availableMinShare != nil }
}

public struct AwardSpec: Sendable {
    public let places: ClosedRange<Int>
    public let title: String
}

/// A calendar day, as a count of days since 1970-01-01 (UTC), with ISO text.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let number: Int

    public init(number: Int) { self.number = number }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, year: year) else { return nil }
        number = Day.daysFromCivil(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD` from the bytes of a field.
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) &- 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        let (year, month, day) = Day.civil(fromDays: number)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's civil-date algorithms: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
