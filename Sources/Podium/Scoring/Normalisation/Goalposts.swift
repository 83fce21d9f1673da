/// Distance between two fixed goalposts in the criterion's units, the same for every category and
/// edition (the Human Development Index's way).
struct Goalposts: NormalisationMethod {
    static let description = KindDescription(
        id: "goalposts",
        name: "Goalposts",
        summary: "Where x lies between two fixed values in the criterion's units: the worst goalpost gives 0 and the best gives the scale (low is the worst for higher_is_better, high for lower_is_better; x is not negated). Values beyond the goalposts are clamped unless clamp is false. The goalposts do not depend on the data, so equal values, a single value or a category of any size need no special case.",
        formula: "higher_is_better: (x − low) / (high − low) · scale; lower_is_better: (x − high) / (low − high) · scale; the fraction clamped to [0, 1] when clamp",
        parameters: [
            ParameterDescription(name: "low", meaning: "the lower goalpost, in the criterion's units; low < high"),
            ParameterDescription(name: "high", meaning: "the upper goalpost, in the criterion's units"),
            ParameterDescription(name: "scale", meaning: "the score of the best goalpost, > 0", defaultValue: "100"),
            ParameterDescription(name: "clamp", meaning: "true: values beyond the goalposts get 0 or the scale", defaultValue: "true"),
        ])

    static let exampleChecks = checks([
        NormalisationExample("{low: 0, high: 200}", values: [0, 50, 200], expected: [0, 25, 100]),
        NormalisationExample("{low: 0, high: 200}", values: [-50, 250], expected: [0, 100]),
        NormalisationExample("{low: 0, high: 200, clamp: false}", values: [-50, 250], expected: [-25, 125]),
        NormalisationExample("{low: 0, high: 200, scale: 1}", values: [50], expected: [0.25]),
        NormalisationExample("{low: 10, high: 30}", .lowerIsBetter, values: [10, 15, 30, 40], expected: [100, 75, 0, 0]),
        NormalisationExample("{low: 10, high: 30, clamp: false}", .lowerIsBetter, values: [5, 40], expected: [125, -50]),
        NormalisationExample("{low: 0, high: 200}", values: [50, 50], expected: [25, 25]),
        NormalisationExample("{low: 0, high: 200}", values: [], expected: []),
    ])

    let low: Double
    let high: Double
    let scale: Double
    let clamp: Bool

    init(parameters: KindParameters) throws {
        low = try parameters.number("low")
        high = try parameters.number("high")
        guard low < high else {
            throw parameters.error("low", "expected low < high, found low \(NumberText.plain(low)), high \(NumberText.plain(high))")
        }
        scale = try parameters.positiveNumber("scale", default: 100)
        clamp = try parameters.flag("clamp", default: true)
    }

    func normalise(_ values: [Double], direction: Direction) -> [Double] {
        values.map { x in
            let fraction = direction == .higherIsBetter ? (x - low) / (high - low) : (x - high) / (low - high)
            return (clamp ? min(max(fraction, 0), 1) : fraction) * scale
        }
    }
}
