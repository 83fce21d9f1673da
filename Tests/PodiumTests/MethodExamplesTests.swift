import Testing
@testable import Podium

/// Every worked example of every registered method of every stage, run as tests: a new method is
/// tested by writing its examples.
@Suite("Methods of every stage")
struct MethodExamplesTests {
    static let examples: [ExampleCheck] = Stages.all.flatMap { $0.entries.flatMap(\.examples) }

    @Test("worked examples", arguments: examples.map(\.name))
    func example(_ name: String) throws {
        let check = try #require(Self.examples.first { $0.name == name })
        if let failure = try check.run() { Issue.record("\(name): \(failure)") }
    }

    @Test("example names are unique, so each runs once")
    func uniqueNames() {
        #expect(Set(Self.examples.map(\.name)).count == Self.examples.count)
    }

    @Test("ids are unique within each stage, and every method is documented")
    func registries() {
        for catalog in Stages.all {
            let ids = catalog.entries.map(\.description.id)
            #expect(Set(ids).count == ids.count, "\(catalog.stage): repeated ids")
            for (description, _) in catalog.entries {
                #expect(!description.summary.isEmpty && !description.formula.isEmpty, "\(description.id)")
                // snake_case: lower-case letters, '_', and digits after the first letter (`rb28s`, the report's name).
                #expect(description.id.first?.isLowercase == true
                    && description.id.allSatisfy { $0.isLowercase || $0 == "_" || ("0"..."9").contains($0) },
                        "\(description.id) is not snake_case")
            }
        }
    }

    @Test("every method of every stage has worked examples")
    func examplesPresent() {
        for catalog in Stages.all {
            for (description, examples) in catalog.entries {
                #expect(!examples.isEmpty, "\(catalog.stage) \(description.id) has no examples")
            }
        }
    }

    @Test("every criterion kind shows a missing case")
    func missingCases() {
        for kind in CriterionRegistry.kinds {
            #expect(kind.criterion.examples.contains { if case .missing = $0.expected { true } else { false } },
                    "\(kind.criterion.kind) shows no missing case")
        }
    }

    @Test("a failing example is reported, not passed (the checks can fail)")
    func checksCanFail() throws {
        let wrong = NormalisationExample("", values: [10, 20], expected: [0, 99])
        let check = try #require(MinMax.checks([wrong]).first)
        #expect(try check.run() != nil)
    }
}
