/// Leaves the values as they are.
struct NoTreatment: TreatmentMethod {
    static let description = KindDescription(
        id: "none",
        name: "No treatment",
        summary: "The raw values go to normalisation unchanged.",
        formula: "x")

    static let exampleChecks = checks([
        TreatmentExample("", values: [1, 2, 1000], expected: [1, 2, 1000], label: "none"),
        TreatmentExample("", values: [], expected: [], label: "none"),
    ])

    init(parameters: KindParameters) throws {}

    func treat(_ values: [Double]) -> TreatmentOutcome { TreatmentOutcome(values: values, record: .none) }
}
