/// The value of a metric in the last year of the window (sewage connection rate in 2023).
struct LastWindowYearValue: Criterion {
    static let criterion = CriterionDescription(
        kind: "last_window_year_value",
        name: "Value in the last year of the window",
        summary: "Takes a metric's value in the window's last year; without it the value is missing.",
        formula: "metric[last window year]",
        parameters: [ParameterDescription(name: "metric", meaning: "the metric to take")],
        needs: .years,
        examples: [
            CriterionExample(
                parameters: "{metric: sewage}",
                values: EntityValues(yearly: ["sewage": [2022: 80, 2023: 82.5]]),
                context: EvaluationContext(window: 2019...2023, edition: 2024),
                expected: .value(82.5)),
            CriterionExample(
                parameters: "{metric: sewage}",
                values: EntityValues(yearly: ["sewage": [2022: 80]]),
                context: EvaluationContext(window: 2019...2023, edition: 2024),
                expected: .missing("no sewage for 2023")),
        ])

    let metric: String

    init(parameters: KindParameters) throws {
        metric = try parameters.metric("metric")
    }

    var metrics: [String] { [metric] }

    func evaluate(_ values: EntityValues, in context: EvaluationContext) -> CriterionOutcome {
        guard let year = context.window?.upperBound else { return .missing("the ranking has no window of years") }
        guard let value = values.value(metric, year: year) else { return .missing("no \(metric) for \(year)") }
        return .value(value)
    }

    /// The metric in the window's last year: the value itself.
    func lever(in context: EvaluationContext) -> Lever? {
        context.window.map { Lever(metric: metric, slot: .year($0.upperBound)) }
    }
}
