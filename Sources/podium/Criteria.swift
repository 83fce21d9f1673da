import ArgumentParser
import Podium

struct Criteria: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the criterion kinds a methodology file can use, with their parameters.")

    func run() {
        for kind in CriterionRegistry.kinds {
            let description = kind.description
            print("\(description.kind): \(description.name)")
            print("  \(description.summary)")
            print("  formula: \(description.formula)")
            for parameter in description.parameters { print("  - \(parameter.name): \(parameter.meaning)") }
            print("")
        }
    }
}
