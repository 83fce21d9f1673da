import Testing
import Yams
@testable import Podium

/// Every registered criterion kind's worked examples, run as tests: a new kind is tested by writing
/// its examples.
@Suite("Criterion kinds")
struct CriterionExamplesTests {
    static let cases: [(kind: String, index: Int)] = CriterionRegistry.kinds.flatMap { kind in
        kind.description.examples.indices.map { (kind.description.kind, $0) }
    }

    @Test("worked examples", arguments: cases.map { "\($0.kind)#\($0.index)" })
    func example(_ name: String) throws {
        let parts = name.split(separator: "#")
        let kind = try #require(CriterionRegistry.kind(String(parts[0])))
        let example = kind.description.examples[Int(parts[1])!]
        let node = try #require(try Yams.compose(yaml: example.parameters))
        let metrics = Array(Set(example.values.yearly.keys).union(example.values.totals.keys)).sorted()
            + ["posts", "followers_start", "followers_end", "population", "reactions", "comments", "shares", "green", "capital", "sewage"]
        let mapping = try YAMLValue(node: node, file: "example", path: "parameters")
            .mapping(keys: kind.description.parameters.map(\.name))
        let criterion = try kind.init(parameters: CriterionParameters(mapping: mapping, knownMetrics: metrics))
        let outcome = criterion.evaluate(example.values, in: example.context)
        switch (example.expected, outcome) {
        case (.value(let expected), .value(let actual)):
            #expect(abs(expected - actual) <= 1e-9 * max(1, abs(expected)), "\(name): \(actual) ≠ \(expected)")
        case (.missing(let fragment), .missing(let reason)):
            #expect(reason.contains(fragment), "\(name): '\(reason)' does not say '\(fragment)'")
        default:
            Issue.record("\(name): expected \(example.expected), got \(outcome)")
        }
    }

    @Test("every kind has examples, a unique id and documented parameters")
    func registry() {
        let ids = CriterionRegistry.ids
        #expect(Set(ids).count == ids.count)
        for kind in CriterionRegistry.kinds {
            #expect(!kind.description.examples.isEmpty, "\(kind.description.kind) has no examples")
            #expect(kind.description.examples.contains { if case .missing = $0.expected { true } else { false } },
                    "\(kind.description.kind) shows no missing case")
            #expect(!kind.description.parameters.isEmpty)
        }
    }
}
