import Foundation

/// Average compound growth of a figure per stretch of days (weekly follower growth, in percent).
struct CompoundGrowth: Criterion {
    static let criterion = CriterionDescription(
        kind: "compound_growth",
        name: "Average compound growth per stretch of days",
        summary: "The growth from the start figure to the end figure, spread evenly over the period's D days and expressed per `per_days` days, in percent.",
        formula: "((end / start)^(per_days / D) − 1) × 100",
        parameters: [
            ParameterDescription(name: "start", meaning: "metric at the start of the period"),
            ParameterDescription(name: "end", meaning: "metric at the end of the period"),
            ParameterDescription(name: "per_days", meaning: "length of the stretch: 7 for weekly growth"),
        ],
        needs: .days,
        examples: [
            CriterionExample(
                parameters: "{start: followers_start, end: followers_end, per_days: 7}",
                values: EntityValues(totals: ["followers_start": 1000, "followers_end": 2000]),
                context: EvaluationContext(periodDays: 14, edition: 2024),
                expected: .value((2.0.squareRoot() - 1) * 100)),
            CriterionExample(
                parameters: "{start: followers_start, end: followers_end, per_days: 7}",
                values: EntityValues(totals: ["followers_start": 1000, "followers_end": 1000]),
                context: EvaluationContext(periodDays: 366, edition: 2024),
                expected: .value(0)),
            CriterionExample(
                parameters: "{start: followers_start, end: followers_end, per_days: 7}",
                values: EntityValues(totals: ["followers_start": 0, "followers_end": 50]),
                context: EvaluationContext(periodDays: 366, edition: 2024),
                expected: .missing("followers_start is 0")),
        ])

    let start: String
    let end: String
    let perDays: Double

    init(parameters: KindParameters) throws {
        start = try parameters.metric("start")
        end = try parameters.metric("end")
        perDays = try parameters.positiveNumber("per_days")
    }

    var metrics: [String] { [start, end] }

    func evaluate(_ values: EntityValues, in context: EvaluationContext) -> CriterionOutcome {
        guard let days = context.periodDays else { return .missing("the ranking has no period of days") }
        guard let first = values.total(start) else { return .missing("no \(start)") }
        guard let last = values.total(end) else { return .missing("no \(end)") }
        guard first > 0 else { return .missing("\(start) is 0") }
        return .value((pow(last / first, perDays / Double(days)) - 1) * 100)
    }

    /// The end figure: the start is history by the time anyone asks how to move up.
    func lever(in context: EvaluationContext) -> Lever? { Lever(metric: end, slot: .total) }
}
