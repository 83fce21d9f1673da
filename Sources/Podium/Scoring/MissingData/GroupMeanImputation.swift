/// A missing value becomes the mean of the observed values in the participant's group (COINr's
/// `i_mean_grp`).
struct GroupMeanImputation: ImputationMethod {
    static let description = KindDescription(
        id: "group_mean",
        name: "Mean of the unit's group",
        summary: "Each missing value is replaced by the mean of the values observed among the category's participants of the same group (a column of the unit table). A group with no observed value, or a unit without a group, cannot impute: the participant is not classified.",
        formula: "Σ x / n over the observed values of the group",
        parameters: [ParameterDescription(name: "group", meaning: "a group column of the unit table")])

    static let exampleChecks = checks([
        ImputationExample("{group: group}", values: [1, 3, nil, 10, nil], groups: ["A", "A", "A", "B", "B"],
                          expected: [nil, nil, .imputed(2, how: "group mean of A, n = 2"), nil, .imputed(10, how: "group mean of B, n = 1")]),
        ImputationExample("{group: group}", values: [1, nil], groups: ["A", "B"],
                          expected: [nil, .impossible("no value in group B to impute from")]),
        ImputationExample("{group: group}", values: [1, nil], groups: ["A", ""],
                          expected: [nil, .impossible("the unit has no group to impute within")]),
    ])

    let groupColumn: String?

    init(parameters: KindParameters) throws { groupColumn = try parameters.group("group") }

    func impute(_ values: [Double?], groups: [String]) -> [ImputationOutcome?] {
        imputeWithin(values, groups: groups, statistic: mean, name: "mean")
    }
}
