/// What a criterion yields for one entity: a value, or the reason there is none.
public enum CriterionOutcome: Sendable, Equatable {
    case value(Double)
    case missing(String)
}

/// A kind of criterion: one formula, configured by parameters in the methodology file.
///
/// A new kind is one file with a type conforming to this protocol and one line in `CriterionRegistry`.
/// Its `criterion` description documents it for analysts (`podium methods criterion`) and carries
/// worked examples that the test suite runs.
public protocol Criterion: Kind {
    static var criterion: CriterionDescription { get }
    /// The metrics the criterion reads, checked against what the ranking's inputs provide.
    var metrics: [String] { get }
    func evaluate(_ values: EntityValues, in context: EvaluationContext) -> CriterionOutcome
    /// The one input a user could edit to change the value (`explain --to-move-up`): for a
    /// criterion of one metric, that metric in the window's last year or its period figure; for a
    /// ratio of window sums, the numerator in the window's last year. Nil when no single input
    /// moves the value.
    func lever(in context: EvaluationContext) -> Lever?
}

extension Criterion {
    public static var description: KindDescription {
        KindDescription(id: criterion.kind, name: criterion.name, summary: criterion.summary,
                        formula: criterion.formula, parameters: criterion.parameters)
    }

    public static var exampleChecks: [ExampleCheck] {
        criterion.examples.enumerated().map { number, example in
            ExampleCheck(name: "criterion \(criterion.kind) #\(number + 1)") {
                let metrics = Set(example.values.yearly.keys).union(example.values.totals.keys)
                    .union(["posts", "followers_start", "followers_end", "population", "reactions", "comments", "shares"])
                let parameters = try KindParameters.example(
                    example.parameters, keys: criterion.parameters.map(\.name), context: ParameterContext(metrics: metrics.sorted()))
                let outcome = try Self(parameters: parameters).evaluate(example.values, in: example.context)
                switch (example.expected, outcome) {
                case (.value(let expected), .value(let actual)):
                    return close(expected, actual) ? nil : "gave \(actual), expected \(expected)"
                case (.missing(let fragment), .missing(let reason)):
                    return reason.contains(fragment) ? nil : "gave the reason '\(reason)', which does not say '\(fragment)'"
                default:
                    return "gave \(outcome), expected \(example.expected)"
                }
            }
        }
    }
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
