/// Copeland's rule: a non-compensatory aggregation that only asks, for each pair of participants,
/// which one is better on more of the weight.
struct Copeland: AggregationMethod {
    static let description = KindDescription(
        id: "copeland",
        name: "Copeland's rule (pairwise majorities)",
        summary: "Compares every pair of participants of the category: a beats b when the weight of the children on which a is strictly higher exceeds the weight of those on which it is strictly lower (children missing for either are left out of that pair; margins within 1e-9 of the total weight are ties). The score is wins − losses, from −(n − 1) to n − 1. A participant with no child value gets no score and takes part in no pair. The score is not a sum of per-child parts, so no contributions are given.",
        formula: "Σ_b [W(a > b) > W(a < b)] − [W(a > b) < W(a < b)]")

    static let exampleChecks = checks([
        // A beats B and C on both children; B and C split them, a tie.
        AggregationExample("", weights: [1, 1], rows: [[3, 3], [2, 1], [1, 2]], expected: [2, -1, -1]),
        // Unequal weights decide split pairs: C beats B (3 to 0) and A (2 to 1); B beats A (2 to 1).
        AggregationExample("", weights: [2, 1], rows: [[1, 3], [2, 1], [3, 2]], expected: [-2, 0, 2]),
        // The same values with equal weights: A ties B and C.
        AggregationExample("", weights: [1, 1], rows: [[1, 3], [2, 1], [3, 2]], expected: [0, -1, 1]),
        // A and B compare on the first and third child only (1 to 1, a tie); C has no value.
        AggregationExample("", weights: [1, 1, 1], rows: [[5, nil, 1], [4, 4, 4], [nil, nil, nil], [1, 1, 1]],
                           expected: [1, 1, nil, -2]),
    ])

    init(parameters: KindParameters) throws {}

    func aggregate(_ children: [[Double?]], weights: [Double]) -> AggregationOutcome {
        let participants = children.first?.count ?? 0
        let taking = (0..<participants).filter { participant in children.contains { $0[participant] != nil } }
        var scores = [Double?](repeating: nil, count: participants)
        for participant in taking { scores[participant] = 0 }
        // Weights such as 0.1 + 0.2 against 0.3 must tie, not differ in the last bit.
        let tolerance = 1e-9 * weights.reduce(0, +)
        for (position, a) in taking.enumerated() {
            for b in taking[(position + 1)...] {
                var margin = 0.0
                for child in children.indices {
                    guard let x = children[child][a], let y = children[child][b] else { continue }
                    if x > y { margin += weights[child] } else if x < y { margin -= weights[child] }
                }
                if margin > tolerance {
                    scores[a]! += 1
                    scores[b]! -= 1
                } else if margin < -tolerance {
                    scores[a]! -= 1
                    scores[b]! += 1
                }
            }
        }
        return AggregationOutcome(scores: scores, coefficients: nil)
    }
}
