/// Every criterion kind a methodology file may name, by its `kind` id.
public enum CriterionRegistry {
    public static let kinds: [any Criterion.Type] = [
        RatioOverWindow.self,
        LastWindowYearValue.self,
        InteractionRate.self,
        CompoundGrowth.self,
        Frequency.self,
        PerResident.self,
    ]

    public static func kind(_ id: String) -> (any Criterion.Type)? {
        kinds.first { $0.description.kind == id }
    }

    public static var ids: [String] { kinds.map { $0.description.kind } }
}
