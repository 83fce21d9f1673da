/// A missing value becomes the median of the observed values in the participant's group.
struct GroupMedianImputation: ImputationMethod {
    static let description = KindDescription(
        id: "group_median",
        name: "Median of the unit's group",
        summary: "Each missing value is replaced by the median of the values observed among the category's participants of the same group (a column of the unit table). A group with no observed value, or a unit without a group, cannot impute: the participant is not classified.",
        formula: "median of the observed values of the group",
        parameters: [ParameterDescription(name: "group", meaning: "a group column of the unit table")])

    static let exampleChecks = checks([
        ImputationExample("{group: group}", values: [1, 2, 100, nil, 7, nil], groups: ["A", "A", "A", "A", "B", "B"],
                          expected: [nil, nil, nil, .imputed(2, how: "group median of A, n = 3"), nil, .imputed(7, how: "group median of B, n = 1")]),
        ImputationExample("{group: group}", values: [nil, 5], groups: ["A", "B"],
                          expected: [.impossible("no value in group A to impute from"), nil]),
    ])

    let groupColumn: String?

    init(parameters: KindParameters) throws { groupColumn = try parameters.group("group") }

    func impute(_ values: [Double?], groups: [String]) -> [ImputationOutcome?] {
        imputeWithin(values, groups: groups, statistic: median, name: "median")
    }
}
