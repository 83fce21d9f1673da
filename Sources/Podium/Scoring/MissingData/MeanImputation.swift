/// A missing value becomes the mean of the category's observed values of that criterion.
struct MeanImputation: ImputationMethod {
    static let description = KindDescription(
        id: "mean",
        name: "Mean of the category",
        summary: "Each missing value is replaced by the arithmetic mean of the values observed in the category. With no observed value it cannot be imputed and the participant is not classified.",
        formula: "Σ x / n over the observed values")

    static let exampleChecks = checks([
        ImputationExample("", values: [1, nil, 5], expected: [nil, .imputed(3, how: "mean of the category, n = 2"), nil]),
        ImputationExample("", values: [nil, nil], expected: [.impossible("no participant has a value to impute from"), .impossible("no participant has a value to impute from")]),
    ])

    var groupColumn: String? { nil }

    init(parameters: KindParameters) throws {}

    func impute(_ values: [Double?], groups: [String]) -> [ImputationOutcome?] {
        imputeWithin(values, groups: values.map { _ in "" }, statistic: mean, name: "mean")
    }
}
