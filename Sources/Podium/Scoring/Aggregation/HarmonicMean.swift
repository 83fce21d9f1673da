/// The weighted harmonic mean: the least compensatory of the classical means, pulled towards the
/// lowest value.
struct HarmonicMean: AggregationMethod {
    static let description = KindDescription(
        id: "harmonic_mean",
        name: "Weighted harmonic mean",
        summary: "Σ w / Σ (w / x) over the children that have a value; every value must be above 0, else the run stops with an error naming the criterion and the unit. The score is attributed to the children in proportion to w·x: child c contributes score · w_c·x_c / Σ w·x, so the contributions add up to the score.",
        formula: "Σ w / Σ (w / x)")

    static let exampleChecks = checks([
        // 2 / (1/3 + 1/6) = 4.
        AggregationExample("", weights: [1, 1], rows: [[3, 6]], expected: [4]),
        // 4 / (3/2 + 1/4) = 16/7.
        AggregationExample("", weights: [3, 1], rows: [[2, 4]], expected: [16.0 / 7]),
        // The missing child is left out and the weights renormalised.
        AggregationExample("", weights: [1, 1, 1], rows: [[nil, 3, 6], [nil, nil, nil]], expected: [4, nil]),
    ])

    init(parameters: KindParameters) throws {}

    func aggregate(_ children: [[Double?]], weights: [Double]) throws -> AggregationOutcome {
        try proportionalMean(children, weights: weights) { parts, participant in
            try checkDomain(parts, participant: participant, { $0 > 0 }) {
                "the harmonic mean needs values above 0, found \(NumberText.exact($0))"
            }
            return parts.reduce(0) { $0 + $1.weight } / parts.reduce(0) { $0 + $1.weight / $1.value }
        }
    }
}
