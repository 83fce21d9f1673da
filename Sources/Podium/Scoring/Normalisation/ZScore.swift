/// Standard scores, moved to a chosen mean and spread: how many standard deviations a value lies from
/// the category's mean.
struct ZScore: NormalisationMethod {
    static let description = KindDescription(
        id: "z_score",
        name: "Z-score",
        summary: "Subtracts the category's mean and divides by its sample standard deviation (n − 1), then moves the result to the given mean and standard deviation (for lower_is_better, −x is scaled). When all values are equal (compared exactly), or there is only one, every value gets the mean; an empty category gives an empty result.",
        formula: "mean + sd · (x − mean(x)) / sd(x)",
        parameters: [
            ParameterDescription(name: "mean", meaning: "the score of a value at the category's mean", defaultValue: "0"),
            ParameterDescription(name: "sd", meaning: "the score distance of one standard deviation, > 0", defaultValue: "1"),
        ])

    static let exampleChecks = checks([
        // mean 4, sd √((4 + 0 + 4) / 2) = 2.
        NormalisationExample("", values: [2, 4, 6], expected: [-1, 0, 1]),
        NormalisationExample("{mean: 50, sd: 10}", values: [2, 4, 6], expected: [40, 50, 60]),
        NormalisationExample("{mean: 50, sd: 10}", .lowerIsBetter, values: [2, 4, 6], expected: [60, 50, 40]),
        // Ties: mean 3, sd √((4 + 4 + 0 + 4 + 4) / 4) = 2.
        NormalisationExample("{mean: 50, sd: 10}", values: [1, 5, 3, 1, 5], expected: [40, 60, 50, 40, 60]),
        NormalisationExample("{mean: 50, sd: 10}", values: [7, 7, 7], expected: [50, 50, 50]),
        // The computed mean of three 0.1s is not exactly 0.1; equal values must still all get the mean.
        NormalisationExample("", values: [0.1, 0.1, 0.1], expected: [0, 0, 0]),
        NormalisationExample("{mean: 50}", values: [3], expected: [50]),
        NormalisationExample("", values: [], expected: []),
    ])

    let mean: Double
    let sd: Double

    init(parameters: KindParameters) throws {
        mean = try parameters.number("mean", default: 0)
        sd = try parameters.positiveNumber("sd", default: 1)
    }

    func normalise(_ values: [Double], direction: Direction) -> [Double] {
        let x = oriented(values, direction)
        // Tested on the values, not on a computed deviation, which rounding can leave just above 0.
        guard let min = x.min(), let max = x.max(), max > min else { return x.map { _ in mean } }
        let n = Double(x.count)
        let average = x.reduce(0, +) / n
        let deviation = (x.reduce(0) { $0 + ($1 - average) * ($1 - average) } / (n - 1)).squareRoot()
        return x.map { mean + sd * ($0 - average) / deviation }
    }
}
