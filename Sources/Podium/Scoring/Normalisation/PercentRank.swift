/// The share of the category's other participants that a value beats, in percent.
struct PercentRank: NormalisationMethod {
    static let description = KindDescription(
        id: "percent_rank",
        name: "Percent rank",
        summary: "(r − 1) / (n − 1) × 100, where r is the value's competition rank from the worst: equal values (compared exactly) share the lowest rank. A category of one gets 100.",
        formula: "(r − 1) / (n − 1) · 100")

    static let exampleChecks = checks([
        NormalisationExample("", values: [10, 30, 20], expected: [0, 100, 50]),
        NormalisationExample("", values: [5, 5, 9], expected: [0, 0, 100]),
        NormalisationExample("", .lowerIsBetter, values: [5, 5, 9], expected: [50, 50, 0]),
        NormalisationExample("", values: [4], expected: [100]),
    ])

    init(parameters: KindParameters) throws {}

    func normalise(_ values: [Double], direction: Direction) -> [Double] {
        let x = oriented(values, direction)
        let n = x.count
        guard n > 1 else { return x.map { _ in 100 } }
        return Rank.ranks(x).map { ($0 - 1) / Double(n - 1) * 100 }
    }
}
