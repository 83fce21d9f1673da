/// Every registry of every pipeline stage, in pipeline order: what `podium methods` lists and what
/// the tests run the examples of.
public enum Stages {
    public static let all: [StageCatalog] = [
        MetricSources.registry.catalog(key: "inputs.type or inputs.sources[].type"),
        ExportFormats.registry.catalog(key: "inputs.exports[].format"),
        CriterionRegistry.registry.catalog(key: "criteria[].kind"),
        ImputationMethods.registry.catalog(key: "missing_data.impute"),
        TreatmentMethods.registry.catalog(key: "treatment"),
        NormalisationMethods.registry.catalog(key: "normalisation"),
        AggregationMethods.registry.catalog(key: "aggregation"),
    ]
}

/// One stage's methods, without their types: for listing and for running examples.
public struct StageCatalog: Sendable {
    /// `normalisation method`.
    public let stage: String
    /// Where a methodology names it: `normalisation`, `criteria[].kind` …
    public let key: String
    public let entries: [(description: KindDescription, examples: [ExampleCheck])]
}

extension Registry {
    func catalog(key: String) -> StageCatalog {
        StageCatalog(stage: stage, key: key, entries: entries.map { ($0.description, $0.examples) })
    }
}
