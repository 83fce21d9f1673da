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
    public let inputs: InputSpec
    public let period: Period
    public let categories: [CategorySpec]
    public let criteria: [CriterionInstance]
    public let index: WeightNode
    public let eligibility: [EligibilityRule]
    public let treatment: TreatmentSpec
    public let normalisation: NormalisationMethod
    public let tieTolerance: Double
    public let awards: [AwardSpec]

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

/// The data a ranking reads, relative to the inputs folder.
public enum InputSpec: Sendable {
    case municipalMetrics(MunicipalMetricsInput)
    case socialMedia(SocialMediaInput)

    public var register: RegisterInput {
        switch self {
        case .municipalMetrics(let input): input.register
        case .socialMedia(let input): input.register
        }
    }

    /// The metrics criteria may read, with their units.
    public var metrics: [(name: String, unit: String)] {
        switch self {
        case .municipalMetrics(let input): input.metrics + [("population", "os.")]
        case .socialMedia: SocialMediaInput.metrics
        }
    }
}

public struct FileInput: Sendable {
    public let path: String
    /// How to read it: delimiter (detected unless set) and decimal separator.
    public let options: CSVReadOptions
}


public struct RegisterInput: Sendable {
    public let terc: FileInput
    public let population: FileInput
}

public struct MunicipalMetricsInput: Sendable {
    public let register: RegisterInput
    public let metricsFile: FileInput
    public let metrics: [(name: String, unit: String)]
}

public struct SocialMediaInput: Sendable {
    public let register: RegisterInput
    public let accounts: FileInput
    public let source: Source

    public enum Source: Sendable {
        case posts(posts: FileInput, followers: FileInput)
        case accountStats(FileInput)
    }

    public static let metrics: [(name: String, unit: String)] = [
        ("posts", "posts"), ("reactions", "reactions"), ("comments", "comments"), ("shares", "shares"),
        ("followers_start", "followers"), ("followers_end", "followers"), ("population", "os."),
    ]
}

/// The time a ranking covers: budget years, or a span of calendar days.
public enum Period: Sendable, Equatable {
    case years(ClosedRange<Int>)
    case dates(from: Day, to: Day)

    static func days(from: Day, to: Day) -> Int { to.number - from.number + 1 }

    public var description: String {
        switch self {
        case .years(let window): "\(window.lowerBound)–\(window.upperBound)"
        case .dates(let from, let to): "\(from)–\(to)"
        }
    }
}

/// Which municipalities (or accounts) a category takes.
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

    /// Whether an account is of the category's owner type and on one of its platforms.
    func takes(_ account: Account) -> Bool {
        account.owner == owner && platforms?.contains(account.platform) == true
    }

    func matches(_ municipality: Municipality) -> Bool {
        if let rodz, !rodz.contains(municipality.kind.rawValue) { return false }
        if let powiat, !powiat.contains(municipality.powiat) { return false }
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

/// One criterion of the methodology: a configured instance of a criterion kind.
public struct CriterionInstance: Sendable {
    public let id: String
    public let name: String
    public let unit: String
    public let direction: Direction
    public let kind: String
    public let implementation: any Criterion
}

/// A node of the weight hierarchy: the index, a pillar, or a criterion (a leaf).
public struct WeightNode: Sendable {
    public enum Role: Sendable { case index, pillar, criterion }
    public let id: String
    public let title: String
    public let role: Role
    public let weight: Double
    public let children: [WeightNode]

    var innerDescendants: [WeightNode] {
        children.flatMap { $0.role == .pillar ? [$0] + $0.innerDescendants : [] }
    }
}

/// A minimum an entity must reach to be classified (Złote Lajki: at least 24 posts).
public struct EligibilityRule: Sendable {
    public let metric: String
    public let atLeast: Double
}

public enum TreatmentSpec: Sendable, Equatable {
    case none
    /// The JRC composite-indicator rule: winsorise while |skewness| and kurtosis are both over their
    /// limits, and fall back to a log transform when that takes too many values.
    case winsoriseOrLog(skewnessLimit: Double, kurtosisLimit: Double, maxReplaced: Int, minValues: Int)
}

public enum NormalisationMethod: String, Sendable, CaseIterable {
    case minMax = "min_max"
    case percentRank = "percent_rank"
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
