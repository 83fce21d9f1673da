/// Competition ranks from the worst: the lowest value gets 1 and the best, when it is unique, n.
struct Rank: NormalisationMethod {
    static let description = KindDescription(
        id: "rank",
        name: "Rank",
        summary: "The value's competition rank from the worst (for lower_is_better, −x is ranked): the lowest gets 1, equal values (compared exactly) share the lowest of their ranks and the next value skips them (1, 2, 2, 4), so the best gets n when it is unique. When all values are equal, every one gets 1.",
        formula: "1 + #{values below x}")

    static let exampleChecks = checks([
        NormalisationExample("", values: [10, 30, 20], expected: [1, 3, 2]),
        NormalisationExample("", values: [7, 5, 9, 7], expected: [2, 1, 4, 2]),
        NormalisationExample("", .lowerIsBetter, values: [5, 7, 7, 9], expected: [4, 2, 2, 1]),
        NormalisationExample("", values: [3, 3, 3], expected: [1, 1, 1]),
        NormalisationExample("", values: [4], expected: [1]),
        NormalisationExample("", values: [], expected: []),
    ])

    init(parameters: KindParameters) throws {}

    func normalise(_ values: [Double], direction: Direction) -> [Double] {
        Self.ranks(oriented(values, direction))
    }

    /// Competition ranks, ascending: 1 + how many values are strictly below each one.
    static func ranks(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        return values.map { Double(sorted.countBelow($0) + 1) }
    }
}

extension Array where Element == Double {
    /// In a sorted array, how many elements are strictly below `value`.
    func countBelow(_ value: Double) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
