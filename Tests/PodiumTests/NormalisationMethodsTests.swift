import Testing
@testable import Podium

/// The normalisation toolbox, read from a methodology file as an analyst writes it.
@Suite("Normalisation methods")
struct NormalisationMethodsTests {
    /// The budget fixture with the ranking's normalisation replaced by `specification`.
    static func methodology(normalisation specification: String) throws -> Methodology {
        let original = "normalisation: min_max"
        try #require(MethodologyText.budget.contains(original))
        let text = MethodologyText.budget.replacingOccurrences(of: original, with: "normalisation: \(specification)")
        return try MethodologyParser.parse(text, file: "budget.yaml")
    }

    /// A method as a methodology names it, values in, and the values out worked out by hand.
    struct HandCase: Sendable, CustomTestStringConvertible {
        let specification: String
        let direction: Direction
        let values: [Double]
        let expected: [Double]

        init(_ specification: String, _ direction: Direction, _ values: [Double], _ expected: [Double]) {
            self.specification = specification
            self.direction = direction
            self.values = values
            self.expected = expected
        }

        var testDescription: String { "\(specification), \(direction.rawValue)" }
    }

    /// Each case is worked out by hand in the comment above it, not copied from a run.
    static let handCases: [HandCase] = [
        // mean 25; deviations −15, −5, 5, 15; sd = √((225 + 25 + 25 + 225) / 3) = √(500 / 3) = 10·√(5/3);
        // 15 · 15 / (10·√(5/3)) = 22.5·√0.6 and 15 · 5 / (10·√(5/3)) = 7.5·√0.6.
        HandCase("{method: z_score, mean: 100, sd: 15}", .higherIsBetter, [10, 20, 30, 40],
                 [100 - 22.5 * root06, 100 - 7.5 * root06, 100 + 7.5 * root06, 100 + 22.5 * root06]),
        // Sorted: −1, 0, 3.5, 3.5, 8; the two 3.5s share rank 3, so 8 gets 5.
        HandCase("rank", .higherIsBetter, [3.5, -1, 3.5, 8, 0], [3, 1, 3, 5, 2]),
        // Negated and sorted: −8, −3.5, −3.5, 0, 1; so 8 → 1, 3.5 → 2 (shared), 0 → 4, −1 → 5.
        HandCase("rank", .lowerIsBetter, [3.5, -1, 3.5, 8, 0], [2, 5, 2, 1, 4]),
        // The ranks above minus 1.
        HandCase("borda", .higherIsBetter, [3.5, -1, 3.5, 8, 0], [2, 0, 2, 4, 1]),
        // (x − 70) / (20 − 70) = (70 − x) / 50: 1, 0.5, 0, −0.2 → 0, 1.4 → 1; times 10.
        HandCase("{method: goalposts, low: 20, high: 70, scale: 10}", .lowerIsBetter, [20, 45, 70, 80, 0], [10, 5, 0, 0, 10]),
        // Unclamped, higher is better: (x − 20) / 50 · 10 = 0, 5, 10, 12, −4.
        HandCase("{method: goalposts, low: 20, high: 70, scale: 10, clamp: false}", .higherIsBetter, [20, 45, 70, 80, 0], [0, 5, 10, 12, -4]),
        // min 20, the way to 80 is 60 long: 0, 30/60, 45/60, 75/60 = 1.25 → capped at 1; times 100.
        HandCase("{method: distance_to_target, target: 80, cap: true}", .higherIsBetter, [20, 50, 65, 95], [0, 50, 75, 100]),
        // max 10, the way down to 2 is 8 long: 0, 4/8, 9/8 (uncapped); times 100.
        HandCase("{method: distance_to_target, target: 2}", .lowerIsBetter, [10, 6, 1], [0, 50, 112.5]),
    ]

    static let root06 = 0.6.squareRoot()

    @Test("hand-computed values", arguments: handCases)
    func handComputed(_ example: HandCase) throws {
        let method = try Self.methodology(normalisation: example.specification).criteria[0].normalisation
        let actual = try method.normalise(example.values, direction: example.direction)
        try #require(actual.count == example.expected.count)
        for (value, expected) in zip(actual, example.expected) {
            #expect(abs(value - expected) <= 1e-9, "got \(actual), expected \(example.expected)")
        }
    }

    /// Each bad parameter fails with this exact message, located at the parameter.
    @Test("bad parameters are errors that name the file, line, column and key path", arguments: [
        ("{method: goalposts, low: 5, high: 5}",
         "budget.yaml:61:41: normalisation.low: expected low < high, found low 5, high 5"),
        ("{method: goalposts, low: 10, high: 0}",
         "budget.yaml:61:41: normalisation.low: expected low < high, found low 10, high 0"),
        ("{method: z_score, sd: 0}",
         "budget.yaml:61:38: normalisation.sd: expected a positive number, found '0'"),
        ("{method: distance_to_target, cap: true}",
         "budget.yaml:61:16: normalisation: missing required key 'target'"),
        ("distance_to_target",
         "budget.yaml:61:16: normalisation: missing required parameter 'target'"),
        ("{method: rank, scale: 2}",
         "budget.yaml:61:31: normalisation.scale: unknown key 'scale'; valid keys here: method"),
        ("{method: goalposts, low: a, high: 3}",
         "budget.yaml:61:41: normalisation.low: expected a number, found 'a'"),
        ("{method: distance_to_target, target: 50, cap: maybe}",
         "budget.yaml:61:62: normalisation.cap: expected true or false, found 'maybe'"),
    ])
    func errors(specification: String, message: String) throws {
        let error = #expect(throws: MethodologyError.self) { try Self.methodology(normalisation: specification) }
        #expect(error?.description == message)
    }

    @Test("a bad parameter of a criterion's own normalisation names the criterion")
    func criterionError() throws {
        let original = "    parameters: {metric: sewage}\n"
        try #require(MethodologyText.budget.contains(original))
        let text = MethodologyText.budget.replacingOccurrences(
            of: original, with: original + "    normalisation: {method: goalposts, low: 100, high: 0}\n")
        let error = #expect(throws: MethodologyError.self) { try MethodologyParser.parse(text, file: "budget.yaml") }
        #expect(error?.description == "budget.yaml:43:45: criteria[2].normalisation.low: expected low < high, found low 100, high 0")
    }

    @Test("a criterion's own normalisation is used for it, the ranking's for the others")
    func criterionOverride() throws {
        var files = BudgetFixture.files
        let path = "methodologies/test-budget-2024.yaml"
        let original = "    parameters: {metric: sewage}\n"
        try #require(files[path]!.contains(original))
        files[path] = files[path]!.replacingOccurrences(
            of: original, with: original + "    normalisation: {method: goalposts, low: 0, high: 100}\n")
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let result = try Pipeline.run(try MethodologyParser.load(fixture.path(path)), inputs: fixture.folder)

        let cities = try #require(result.categories.first { $0.category.id == "miasta" })
        #expect(cities.entries.map(\.unit.code.text) == ["0261011", "0264011", "1061011"])
        // Sewage 80, 90, 100 % between goalposts 0 and 100 stays 80, 90, 100 (min-max would give 0, 50, 100).
        let sewage = try #require(cities.column("sewage"))
        #expect(sewage.normalised == [80, 90, 100])
        // Share 10, 30, 20 % keeps the ranking's min-max: 0, 100, 50.
        let share = try #require(cities.column("share"))
        #expect(share.normalised == [0, 100, 50])
        // Finance 0, 75, 75 (unchanged) weighs 3/4, outcomes 1/4: 0 + 20, 56.25 + 22.5, 56.25 + 25.
        for (score, expected) in zip(cities.scores, [20.0, 78.75, 81.25]) {
            #expect(abs(score - expected) <= 1e-9, "scores \(cities.scores)")
        }

        // Two gminas with sewage 50 %: min-max would give both 100; the goalposts give 50.
        let gminas = try #require(result.categories.first { $0.category.id == "gminy" })
        let gminaSewage = try #require(gminas.column("sewage"))
        #expect(gminaSewage.normalised == [50, 50])
    }
}
