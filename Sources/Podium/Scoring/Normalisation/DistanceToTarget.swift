/// How far each value has come from the category's worst value towards a fixed target.
struct DistanceToTarget: NormalisationMethod {
    static let description = KindDescription(
        id: "distance_to_target",
        name: "Distance to target",
        summary: "The share of the way from the category's worst value to the target that x has covered (x is not negated; the worst is the minimum for higher_is_better, the maximum for lower_is_better): the worst gets 0, the target the scale, values past the target more unless cap is true (there is no lower cap; no value is worse than the worst). When the target is at or behind the worst value (target ≤ min for higher_is_better, target ≥ max for lower_is_better, so the denominator is 0 or negative), every value has reached the target and gets the scale, capped or not. Values that are all equal (or a single value) short of the target are the worst and get 0; an empty category gives an empty result.",
        formula: "higher_is_better: (x − min) / (target − min) · scale; lower_is_better: (max − x) / (max − target) · scale; at most 1 · scale when cap; scale for all when the denominator ≤ 0",
        parameters: [
            ParameterDescription(name: "target", meaning: "the value to reach, in the criterion's units"),
            ParameterDescription(name: "cap", meaning: "true: values past the target get the scale, not more", defaultValue: "false"),
            ParameterDescription(name: "scale", meaning: "the score of a value at the target, > 0", defaultValue: "100"),
        ])

    static let exampleChecks = checks([
        // min 10, so the way to the target is 40 long.
        NormalisationExample("{target: 50}", values: [10, 30, 50, 70], expected: [0, 50, 100, 150]),
        NormalisationExample("{target: 50, cap: true}", values: [10, 30, 50, 70], expected: [0, 50, 100, 100]),
        // max 100, so the way down to the target is 80 long.
        NormalisationExample("{target: 20}", .lowerIsBetter, values: [20, 60, 100, 10], expected: [100, 50, 0, 112.5]),
        NormalisationExample("{target: 20, cap: true}", .lowerIsBetter, values: [20, 60, 100, 10], expected: [100, 50, 0, 100]),
        // The target is the minimum: every value has reached it.
        NormalisationExample("{target: 10, scale: 1}", values: [10, 20], expected: [1, 1]),
        // The target is below the minimum (resp. above the maximum): every value is past it.
        NormalisationExample("{target: 5}", values: [10, 20], expected: [100, 100]),
        NormalisationExample("{target: 5, cap: true}", values: [10, 20], expected: [100, 100]),
        NormalisationExample("{target: 30}", .lowerIsBetter, values: [10, 20], expected: [100, 100]),
        NormalisationExample("{target: 50}", values: [7, 7], expected: [0, 0]),
        NormalisationExample("{target: 50}", values: [20], expected: [0]),
        NormalisationExample("{target: 50}", values: [], expected: []),
    ])

    let target: Double
    let cap: Bool
    let scale: Double

    init(parameters: KindParameters) throws {
        target = try parameters.number("target")
        cap = try parameters.flag("cap", default: false)
        scale = try parameters.positiveNumber("scale", default: 100)
    }

    func normalise(_ values: [Double], direction: Direction) -> [Double] {
        guard let min = values.min(), let max = values.max() else { return [] }
        let higher = direction == .higherIsBetter
        let distance = higher ? target - min : max - target
        guard distance > 0 else { return values.map { _ in scale } }
        return values.map { x in
            let covered = (higher ? x - min : max - x) / distance
            return (cap ? Swift.min(covered, 1) : covered) * scale
        }
    }
}
