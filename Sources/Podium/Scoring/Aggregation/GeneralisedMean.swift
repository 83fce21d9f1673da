import Foundation

/// The weighted power mean of order p: p = 1 is the arithmetic mean, p = −1 the harmonic, p → 0
/// the geometric; the lower p, the less a high value makes up for a low one.
struct GeneralisedMean: AggregationMethod {
    static let description = KindDescription(
        id: "generalised_mean",
        name: "Weighted generalised (power) mean",
        summary: "(Σ w·x^p / Σ w)^(1/p) over the children that have a value. For p > 0 every value must be 0 or more; for p < 0 every value must be above 0 (x^p is infinite at 0); a negative value is refused for every p, as power means are defined for non-negative values only (use arithmetic_mean for signed values). A value outside that range stops the run with an error naming the criterion and the unit. The score is attributed to the children in proportion to w·x: child c contributes score · w_c·x_c / Σ w·x, so the contributions add up to the score (when every value is 0, so is the score).",
        formula: "(Σ w·x^p / Σ w)^(1/p)",
        parameters: [ParameterDescription(name: "p", meaning: "the order: any number but 0 (0 is geometric_mean); 1 is the arithmetic mean, −1 the harmonic")])

    static let exampleChecks = checks([
        // √((1 + 49) / 2) = 5.
        AggregationExample("{p: 2}", weights: [1, 1], rows: [[1, 7]], expected: [5]),
        // p = 1 is the arithmetic mean (ArithmeticMean's examples, a 0 included).
        AggregationExample("{p: 1}", weights: [1, 1], rows: [[40, 60], [0, 100]], expected: [50, 50]),
        AggregationExample("{p: 1}", weights: [70, 30], rows: [[50, 100]], expected: [65]),
        // p = −1 is the harmonic mean: 4 / (3/2 + 1/4) = 16/7.
        AggregationExample("{p: -1}", weights: [3, 1], rows: [[2, 4]], expected: [16.0 / 7]),
        // A p that is not whole, with a 0: ((3·√0 + √16) / 4)² = 1; ((3·√1 + √9) / 4)² = 2.25.
        AggregationExample("{p: 0.5}", weights: [3, 1], rows: [[0, 16], [1, 9]], expected: [1, 2.25]),
        // The missing child is left out and the weights renormalised.
        AggregationExample("{p: 2}", weights: [1, 1, 1], rows: [[nil, 1, 7], [nil, nil, nil]], expected: [5, nil]),
        // Every value 0: the score is 0.
        AggregationExample("{p: 3}", weights: [1, 2], rows: [[0, 0]], expected: [0]),
    ])

    let p: Double

    init(parameters: KindParameters) throws {
        p = try parameters.number("p")
        guard p != 0 else { throw parameters.error("p", "0 is the geometric mean; use geometric_mean") }
    }

    func aggregate(_ children: [[Double?]], weights: [Double]) throws -> AggregationOutcome {
        try proportionalMean(children, weights: weights) { parts, participant in
            if p > 0 {
                try checkDomain(parts, participant: participant, { $0 >= 0 }) {
                    "the generalised mean needs values of 0 or more, found \(NumberText.exact($0))"
                }
            } else {
                try checkDomain(parts, participant: participant, { $0 > 0 }) {
                    "the generalised mean with p = \(NumberText.exact(p)) needs values above 0, found \(NumberText.exact($0))"
                }
            }
            // Scaled by s, the largest value for p > 0 and the smallest for p < 0, so that every
            // (x/s)^p ≤ 1 cannot overflow however large |p| is; expm1 and log1p keep it accurate for
            // p near 0: s · exp(log1p(Σ w·((x/s)^p − 1) / Σ w) / p).
            let values = parts.map(\.value)
            let scale = p > 0 ? values.max()! : values.min()!
            guard scale > 0 else { return 0 }
            let total = parts.reduce(0) { $0 + $1.weight }
            let excess = parts.reduce(0) { $0 + $1.weight * expm1(p * log($1.value / scale)) } / total
            return scale * exp(log1p(excess) / p)
        }
    }
}
