/// The weighted arithmetic mean: fully compensatory, a low value can be made up by a high one.
struct ArithmeticMean: AggregationMethod {
    static let description = KindDescription(
        id: "arithmetic_mean",
        name: "Weighted arithmetic mean",
        summary: "Σ w·x / Σ w over the children that have a value. Each child contributes w/Σw × its value.",
        formula: "Σ w·x / Σ w")

    static let exampleChecks = checks([
        AggregationExample("", weights: [1, 1], rows: [[40, 60], [0, 100]], expected: [50, 50]),
        AggregationExample("", weights: [70, 30], rows: [[50, 100]], expected: [65]),
        AggregationExample("", weights: [3, 1], rows: [[10, nil], [nil, nil]], expected: [10, nil]),
    ])

    init(parameters: KindParameters) throws {}
    init() {}

    func aggregate(_ children: [[Double?]], weights: [Double]) -> AggregationOutcome {
        aggregateEach(children, weights: weights) { parts, _, shares in
            let total = parts.reduce(0) { $0 + $1.weight }
            for (position, part) in parts.enumerated() { shares[position] = part.weight / total }
            return parts.reduce(0) { $0 + $1.weight * $1.value } / total
        }
    }
}
