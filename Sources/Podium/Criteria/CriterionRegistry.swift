/// Every criterion kind a methodology file may name, by its `kind` id.
public enum CriterionRegistry {
    static let kinds: [any Criterion.Type] = [
        RatioOverWindow.self,
        LastWindowYearValue.self,
        InteractionRate.self,
        CompoundGrowth.self,
        Frequency.self,
        PerResident.self,
    ]

    public static let registry = Registry<any Criterion>(stage: "criterion kind", entries: kinds.map { kind in
        .init(description: kind.description, examples: kind.exampleChecks) { try kind.init(parameters: $0) }
    })

    /// What a kind needs of the ranking's period.
    static func needs(_ id: String) -> CriterionDescription.PeriodNeed? {
        kinds.first { $0.criterion.kind == id }?.criterion.needs
    }
}
