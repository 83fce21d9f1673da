/// What a criterion yields for one entity: a value, or the reason there is none.
public enum CriterionOutcome: Sendable, Equatable {
    case value(Double)
    case missing(String)
}

/// A kind of criterion: one formula, configured by parameters in the methodology file.
///
/// A new kind is one file with a type conforming to this protocol and one line in `CriterionRegistry`.
/// Its `description` documents it for analysts (`podium criteria`) and carries worked examples that
/// the test suite runs.
public protocol Criterion: Sendable {
    static var description: CriterionDescription { get }
    /// Reads the kind's parameters; an unknown or missing parameter is an error.
    init(parameters: CriterionParameters) throws
    /// The metrics the criterion reads, checked against what the ranking's inputs provide.
    var metrics: [String] { get }
    func evaluate(_ values: EntityValues, in context: EvaluationContext) -> CriterionOutcome
}

public struct CriterionDescription: Sendable {
    public let kind: String
    public let name: String
    public let summary: String
    public let formula: String
    public let parameters: [ParameterDescription]
    /// What the ranking's period must be: budget years or calendar days.
    public let needs: PeriodNeed
    public let examples: [CriterionExample]

    public enum PeriodNeed: Sendable { case years, days, nothing }
}

public struct ParameterDescription: Sendable {
    public let name: String
    public let meaning: String
}

/// A worked example: parameters as written in YAML, inputs, and the outcome they must give.
public struct CriterionExample: Sendable {
    public let parameters: String
    public let values: EntityValues
    public let context: EvaluationContext
    /// The expected value, or a fragment of the expected reason when the value is missing.
    public let expected: CriterionOutcome

    public init(parameters: String, values: EntityValues, context: EvaluationContext, expected: CriterionOutcome) {
        self.parameters = parameters
        self.values = values
        self.context = context
        self.expected = expected
    }
}

/// The `parameters:` mapping of one criterion in a methodology file.
public struct CriterionParameters {
    let mapping: YAMLMapping
    let knownMetrics: [String]

    func value(_ name: String) throws -> YAMLValue { try mapping.required(name) }

    public func metric(_ name: String) throws -> String {
        let value = try value(name)
        let metric = try value.string()
        guard knownMetrics.contains(metric) else {
            throw value.error("unknown metric '\(metric)'; the inputs provide: \(knownMetrics.joined(separator: ", "))")
        }
        return metric
    }

    public func number(_ name: String) throws -> Double { try value(name).number() }
    public func positiveNumber(_ name: String) throws -> Double { try value(name).positiveNumber() }

    /// A nested mapping of numbers with exactly the given keys.
    public func numbers(_ name: String, keys: [String]) throws -> [String: Double] {
        let nested = try value(name).mapping(keys: keys)
        var result: [String: Double] = [:]
        for key in keys { result[key] = try nested.required(key).number() }
        return result
    }
}

extension ClosedRange where Bound == Int {
    /// `2019–2023`, or `2021` for a single year.
    var yearsText: String { lowerBound == upperBound ? "\(lowerBound)" : "\(lowerBound)–\(upperBound)" }
}

/// `2019, 2021–2023`: a list of years, runs folded.
func describeYears(_ years: [Int]) -> String {
    var runs: [ClosedRange<Int>] = []
    for year in years.sorted() {
        if let last = runs.last, last.upperBound + 1 == year {
            runs[runs.count - 1] = last.lowerBound...year
        } else {
            runs.append(year...year)
        }
    }
    return runs.map(\.yearsText).joined(separator: ", ")
}
