import Foundation

/// The weighted geometric mean: partly compensatory, a low value weighs more than in the arithmetic
/// mean, and a value of 0 cannot be made up at all (so it is refused rather than scored 0).
struct GeometricMean: AggregationMethod {
    static let description = KindDescription(
        id: "geometric_mean",
        name: "Weighted geometric mean",
        summary: "exp(Σ w·ln x / Σ w) over the children that have a value; every value must be above 0, else the run stops with an error naming the criterion and the unit (use a normalisation range above 0, such as min_max with range [1, 100]). The score is attributed to the children in proportion to w·x: child c contributes score · w_c·x_c / Σ w·x, so the contributions add up to the score.",
        formula: "exp(Σ w·ln x / Σ w)")

    static let exampleChecks = checks([
        // √(4 · 9) = 6; √(2 · 8) = 4.
        AggregationExample("", weights: [1, 1], rows: [[4, 9], [2, 8]], expected: [6, 4]),
        // (1³ · 16)^(1/4) = 2.
        AggregationExample("", weights: [3, 1], rows: [[1, 16]], expected: [2]),
        // The missing child is left out and the weights renormalised: √(4 · 9) = 6.
        AggregationExample("", weights: [1, 1, 1], rows: [[4, nil, 9], [nil, nil, nil]], expected: [6, nil]),
        AggregationExample("", weights: [2, 5], rows: [[7, 7]], expected: [7]),
    ])

    init(parameters: KindParameters) throws {}

    func aggregate(_ children: [[Double?]], weights: [Double]) throws -> AggregationOutcome {
        try proportionalMean(children, weights: weights) { parts, participant in
            try checkDomain(parts, participant: participant, { $0 > 0 }) {
                "the geometric mean needs values above 0, found \(NumberText.exact($0))"
            }
            let total = parts.reduce(0) { $0 + $1.weight }
            return exp(parts.reduce(0) { $0 + $1.weight * log($1.value) } / total)
        }
    }
}
