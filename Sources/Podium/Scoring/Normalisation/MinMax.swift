/// Min-max scaling to a range, within the category: the best value gets the top of the range.
struct MinMax: NormalisationMethod {
    static let description = KindDescription(
        id: "min_max",
        name: "Min-max",
        summary: "Scales the values linearly so that the lowest gets the bottom of the range and the highest the top (for lower_is_better, −x is scaled). When all values are equal, every one gets the top of the range.",
        formula: "a + (x − min) / (max − min) · (b − a)",
        parameters: [ParameterDescription(name: "range", meaning: "[a, b], a < b", defaultValue: "[0, 100]")])

    static let exampleChecks = checks([
        NormalisationExample("", values: [10, 20, 30], expected: [0, 50, 100]),
        NormalisationExample("{range: [1, 10]}", values: [10, 20, 30], expected: [1, 5.5, 10]),
        NormalisationExample("", .lowerIsBetter, values: [10, 20, 30], expected: [100, 50, 0]),
        NormalisationExample("", values: [7, 7], expected: [100, 100]),
        NormalisationExample("", values: [3], expected: [100]),
        NormalisationExample("", values: [], expected: []),
    ])

    let low: Double
    let high: Double

    init(parameters: KindParameters) throws {
        (low, high) = try parameters.increasingPair("range", default: (0, 100))
    }

    func normalise(_ values: [Double], direction: Direction) -> [Double] {
        let x = oriented(values, direction)
        guard let min = x.min(), let max = x.max() else { return [] }
        guard max > min else { return x.map { _ in high } }
        return x.map { low + ($0 - min) / (max - min) * (high - low) }
    }
}
