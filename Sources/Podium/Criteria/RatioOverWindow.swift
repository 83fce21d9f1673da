/// Σ numerator / Σ denominator × scale over the window: green capital spending as a share of capital
/// spending, or per resident when the denominator is `population`.
struct RatioOverWindow: Criterion {
    static let criterion = CriterionDescription(
        kind: "ratio_over_window",
        name: "Ratio of sums over the window",
        summary: "Sums two metrics over every year of the window and divides them. Every window year of both metrics is needed; a zero denominator makes the value missing.",
        formula: "Σ numerator / Σ denominator × scale",
        parameters: [
            ParameterDescription(name: "numerator", meaning: "metric summed above the line"),
            ParameterDescription(name: "denominator", meaning: "metric summed below the line"),
            ParameterDescription(name: "scale", meaning: "multiplier: 100 for percent, 1 for a plain ratio"),
        ],
        needs: .years,
        examples: [
            CriterionExample(
                parameters: "{numerator: green, denominator: capital, scale: 100}",
                values: EntityValues(yearly: ["green": [2019: 10, 2020: 30], "capital": [2019: 100, 2020: 100]]),
                context: EvaluationContext(window: 2019...2020, edition: 2024),
                expected: .value(20)),
            CriterionExample(
                parameters: "{numerator: green, denominator: population, scale: 1}",
                values: EntityValues(yearly: ["green": [2019: 500, 2020: 700, 2021: 0], "population": [2019: 100, 2020: 100, 2021: 100]]),
                context: EvaluationContext(window: 2019...2021, edition: 2024),
                expected: .value(4)),
            CriterionExample(
                parameters: "{numerator: green, denominator: capital, scale: 100}",
                values: EntityValues(yearly: ["green": [2019: 10, 2020: 30], "capital": [2019: 100]]),
                context: EvaluationContext(window: 2019...2020, edition: 2024),
                expected: .missing("no capital for 2020")),
            CriterionExample(
                parameters: "{numerator: green, denominator: capital, scale: 100}",
                values: EntityValues(yearly: ["green": [2019: 0, 2020: 0], "capital": [2019: 0, 2020: 0]]),
                context: EvaluationContext(window: 2019...2020, edition: 2024),
                expected: .missing("Σ capital over 2019–2020 is 0")),
        ])

    let numerator: String
    let denominator: String
    let scale: Double

    init(parameters: KindParameters) throws {
        numerator = try parameters.metric("numerator")
        denominator = try parameters.metric("denominator")
        scale = try parameters.positiveNumber("scale")
    }

    var metrics: [String] { [numerator, denominator] }

    func evaluate(_ values: EntityValues, in context: EvaluationContext) -> CriterionOutcome {
        guard let window = context.window else { return .missing("the ranking has no window of years") }
        var gaps: [String] = []
        for metric in [numerator, denominator] where !gaps.contains(where: { $0.hasPrefix(metric + " ") }) {
            let absent = window.filter { values.value(metric, year: $0) == nil }
            if !absent.isEmpty { gaps.append("\(metric) for \(describeYears(absent))") }
        }
        guard gaps.isEmpty else { return .missing("no " + gaps.joined(separator: " and no ")) }
        let top = window.reduce(0.0) { $0 + values.value(numerator, year: $1)! }
        let bottom = window.reduce(0.0) { $0 + values.value(denominator, year: $1)! }
        guard bottom != 0 else { return .missing("Σ \(denominator) over \(window.yearsText) is 0") }
        return .value(top / bottom * scale)
    }

    /// The numerator in the window's last year: one more unit of it raises the sum above the line,
    /// and so the ratio (the denominator's sum is positive for every amount podium reads).
    func lever(in context: EvaluationContext) -> Lever? {
        context.window.map { Lever(metric: numerator, slot: .year($0.upperBound)) }
    }
}
