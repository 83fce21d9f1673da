/// A missing value becomes the median of the category's observed values of that criterion.
struct MedianImputation: ImputationMethod {
    static let description = KindDescription(
        id: "median",
        name: "Median of the category",
        summary: "Each missing value is replaced by the median of the values observed in the category (the mean of the two middle values when their number is even).",
        formula: "median of the observed values")

    static let exampleChecks = checks([
        ImputationExample("", values: [1, nil, 5, 100], expected: [nil, .imputed(5, how: "median of the category, n = 3"), nil, nil]),
        ImputationExample("", values: [1, 2, nil, 4, 100], expected: [nil, nil, .imputed(3, how: "median of the category, n = 4"), nil, nil]),
        ImputationExample("", values: [nil], expected: [.impossible("no participant has a value to impute from")]),
    ])

    var groupColumn: String? { nil }

    init(parameters: KindParameters) throws {}

    func impute(_ values: [Double?], groups: [String]) -> [ImputationOutcome?] {
        imputeWithin(values, groups: values.map { _ in "" }, statistic: median, name: "median")
    }
}
