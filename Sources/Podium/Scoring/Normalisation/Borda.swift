/// Borda points: how many of the category's values a value beats.
struct Borda: NormalisationMethod {
    static let description = KindDescription(
        id: "borda",
        name: "Borda count",
        summary: "The competition rank from the worst minus 1 (for lower_is_better, −x is ranked): the number of values strictly below x. Equal values (compared exactly) get the same points (0, 1, 1, 3); when all values are equal, every one gets 0.",
        formula: "rank − 1 = #{values below x}")

    static let exampleChecks = checks([
        NormalisationExample("", values: [10, 30, 20], expected: [0, 2, 1]),
        NormalisationExample("", values: [7, 5, 9, 7], expected: [1, 0, 3, 1]),
        NormalisationExample("", .lowerIsBetter, values: [5, 7, 7, 9], expected: [3, 1, 1, 0]),
        NormalisationExample("", values: [3, 3, 3], expected: [0, 0, 0]),
        NormalisationExample("", values: [4], expected: [0]),
        NormalisationExample("", values: [], expected: []),
    ])

    init(parameters: KindParameters) throws {}

    func normalise(_ values: [Double], direction: Direction) -> [Double] {
        Rank.ranks(oriented(values, direction)).map { $0 - 1 }
    }
}
