/// A figure per residents, using the population of the latest register year not after the edition
/// (followers per 1000 residents).
struct PerResident: Criterion {
    static let criterion = CriterionDescription(
        kind: "per_resident",
        name: "Per residents, latest population",
        summary: "A period figure divided by the population of the latest year not after the edition, times `per`.",
        formula: "metric / population[latest year ≤ edition] × per",
        parameters: [
            ParameterDescription(name: "metric", meaning: "the figure: followers_end"),
            ParameterDescription(name: "per", meaning: "residents per unit: 1000"),
        ],
        needs: .nothing,
        examples: [
            CriterionExample(
                parameters: "{metric: followers_end, per: 1000}",
                values: EntityValues(yearly: ["population": [2023: 40_000, 2024: 50_000, 2025: 1]], totals: ["followers_end": 2500]),
                context: EvaluationContext(periodDays: 366, edition: 2024),
                expected: .value(50)),
            CriterionExample(
                parameters: "{metric: followers_end, per: 1000}",
                values: EntityValues(yearly: ["population": [2025: 100]], totals: ["followers_end": 2500]),
                context: EvaluationContext(periodDays: 366, edition: 2024),
                expected: .missing("no population for 2024 or earlier")),
        ])

    let metric: String
    let per: Double

    init(parameters: KindParameters) throws {
        metric = try parameters.metric("metric")
        per = try parameters.positiveNumber("per")
    }

    var metrics: [String] { [metric, "population"] }

    func evaluate(_ values: EntityValues, in context: EvaluationContext) -> CriterionOutcome {
        guard let figure = values.total(metric) else { return .missing("no \(metric)") }
        guard let latest = values.yearly["population"]?.latest(notAfter: context.edition) else {
            return .missing("no population for \(context.edition) or earlier")
        }
        guard latest.value > 0 else { return .missing("population in \(latest.year) is 0") }
        return .value(figure / latest.value * per)
    }

    /// The figure for the period (followers at its end); the population is not something to edit.
    func lever(in context: EvaluationContext) -> Lever? { Lever(metric: metric, slot: .total) }
}
