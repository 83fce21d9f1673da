import ArgumentParser
import Podium

struct Methods: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the methods a methodology file can name at each stage, with their parameters.",
        discussion: """
            Stages, in pipeline order: input types, export formats (of social-media exports), criterion kinds, \
            imputation, treatment, normalisation and \
            aggregation. Give a stage's word (e.g. normalisation) to list only that stage.
            """,
        aliases: ["criteria"])

    @Argument(help: "Only the stage whose name contains this word (criterion, normalisation, aggregation …).")
    var stage: String?

    func validate() throws {
        if let stage, !Stages.all.contains(where: { $0.stage.contains(stage) }) {
            throw ValidationError("no stage '\(stage)'; stages: \(Stages.all.map(\.stage).joined(separator: ", "))")
        }
    }

    func run() {
        for catalog in Stages.all where stage.map({ catalog.stage.contains($0) }) ?? true {
            print("# \(catalog.stage)s (\(catalog.key))\n")
            for (description, _) in catalog.entries {
                print("\(description.id): \(description.name)")
                print("  \(description.summary)")
                print("  formula: \(description.formula)")
                for parameter in description.parameters {
                    print("  - \(parameter.name): \(parameter.meaning)" + (parameter.defaultValue.map { " (default \($0))" } ?? ""))
                }
                print("")
            }
        }
    }
}
