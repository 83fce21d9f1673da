/// How often something happened per stretch of days (posts per week).
struct Frequency: Criterion {
    static let criterion = CriterionDescription(
        kind: "frequency",
        name: "Count per stretch of days",
        summary: "A count over the period divided by the number of `per_days` stretches in its D days.",
        formula: "count / (D / per_days)",
        parameters: [
            ParameterDescription(name: "metric", meaning: "the count: posts"),
            ParameterDescription(name: "per_days", meaning: "length of the stretch: 7 for weekly"),
        ],
        needs: .days,
        examples: [
            CriterionExample(
                parameters: "{metric: posts, per_days: 7}",
                values: EntityValues(totals: ["posts": 366]),
                context: EvaluationContext(periodDays: 366, edition: 2024),
                expected: .value(7)),
            CriterionExample(
                parameters: "{metric: posts, per_days: 7}",
                values: EntityValues(totals: [:]),
                context: EvaluationContext(periodDays: 366, edition: 2024),
                expected: .missing("no posts")),
        ])

    let metric: String
    let perDays: Double

    init(parameters: KindParameters) throws {
        metric = try parameters.metric("metric")
        perDays = try parameters.positiveNumber("per_days")
    }

    var metrics: [String] { [metric] }

    func evaluate(_ values: EntityValues, in context: EvaluationContext) -> CriterionOutcome {
        guard let days = context.periodDays else { return .missing("the ranking has no period of days") }
        guard let count = values.total(metric) else { return .missing("no \(metric)") }
        return .value(count / (Double(days) / perDays))
    }

    /// The count for the period.
    func lever(in context: EvaluationContext) -> Lever? { Lever(metric: metric, slot: .total) }
}
