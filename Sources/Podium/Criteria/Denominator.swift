/// Divides a criterion's value by another metric, times a scale (`denominator: {metric: gdp, scale:
/// 1000}`): per capita, per area, per unit of GDP. The denominator's value is the metric's total for
/// the period (social media) or its value in the window's last year.
public struct Denominator: Sendable {
    public let metric: String
    public let scale: Double

    init(_ value: YAMLValue, context: ParameterContext) throws {
        let mapping = try value.mapping(keys: ["metric", "scale"])
        let parameters = KindParameters(owner: value, mapping: mapping, context: context)
        metric = try parameters.metric("metric")
        scale = try parameters.positiveNumber("scale", default: 1)
    }

    /// value ÷ denominator × scale; a missing or zero denominator makes the value missing.
    func apply(_ outcome: CriterionOutcome, _ values: EntityValues, in context: EvaluationContext) -> CriterionOutcome {
        guard case .value(let value) = outcome else { return outcome }
        let year = context.window?.upperBound
        guard let divisor = values.total(metric) ?? year.flatMap({ values.value(metric, year: $0) }) else {
            return .missing("no \(metric)\(year.map { " for \($0)" } ?? "") to divide by")
        }
        guard divisor != 0 else { return .missing("\(metric)\(year.map { " for \($0)" } ?? "") is 0, so the value cannot be divided by it") }
        return .value(value / divisor * scale)
    }
}
