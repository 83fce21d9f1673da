import Foundation
import Testing
@testable import Podium

/// The aggregation methods beyond the arithmetic mean, and the treatments box_cox and log: numbers
/// worked out by hand, the values they refuse, their parameters as a methodology file gives them,
/// and one run of the budget fixture through each failure path.
@Suite("Aggregation and treatment methods")
struct AggregationMethodsTests {
    static func aggregation(_ id: String, _ parameters: String = "") throws -> any AggregationMethod {
        let entry = try #require(AggregationMethods.registry.entry(id))
        return try entry.make(.example(parameters, keys: entry.description.parameters.map(\.name)))
    }

    static func treatment(_ id: String, _ parameters: String = "") throws -> any TreatmentMethod {
        let entry = try #require(TreatmentMethods.registry.entry(id))
        return try entry.make(.example(parameters, keys: entry.description.parameters.map(\.name)))
    }

    /// `rows[p][c]` as the stage hands them over: `children[c][p]`.
    static func children(_ rows: [[Double?]]) -> [[Double?]] {
        (rows.first ?? []).indices.map { child in rows.map { $0[child] } }
    }

    struct HandCase: Sendable, CustomTestStringConvertible {
        let method: String
        let parameters: String
        let weights: [Double]
        let rows: [[Double?]]
        let scores: [Double?]
        /// `coefficients[c][p]`; nil where the method gives none.
        let coefficients: [[Double]]?
        var testDescription: String { "\(method) \(parameters)" }
    }

    static let handCases: [HandCase] = [
        // exp((ln 2 + 2·ln 16) / 3) = (2 · 16²)^(1/3) = 512^(1/3) = 8.
        // Σ w·x = 2 + 32 = 34: coefficients 8·1/34 = 4/17 and 8·2/34 = 8/17 (4/17·2 + 8/17·16 = 8).
        HandCase(method: "geometric_mean", parameters: "", weights: [1, 2], rows: [[2, 16]], scores: [8],
                 coefficients: [[4.0 / 17], [8.0 / 17]]),
        // 3 / (1/2 + 2/8) = 3 / 0.75 = 4. Σ w·x = 2 + 16 = 18: coefficients 4/18 = 2/9 and 8/18 = 4/9.
        HandCase(method: "harmonic_mean", parameters: "", weights: [1, 2], rows: [[2, 8]], scores: [4],
                 coefficients: [[2.0 / 9], [4.0 / 9]]),
        // The first child is missing, so the other two weigh 1 and 1: √((1 + 49) / 2) = 5.
        // Σ w·x = 8: coefficients 5/8 each (5/8 + 35/8 = 5), 0 for the missing child.
        HandCase(method: "generalised_mean", parameters: "{p: 2}", weights: [2, 1, 1], rows: [[nil, 1, 7]], scores: [5],
                 coefficients: [[0], [5.0 / 8], [5.0 / 8]]),
        // p = −1: 3 / (1/2 + 2/8) = 4, as the harmonic mean.
        HandCase(method: "generalised_mean", parameters: "{p: -1}", weights: [1, 2], rows: [[2, 8]], scores: [4],
                 coefficients: [[2.0 / 9], [4.0 / 9]]),
        // Weights 4, 2, 2. A = (10, 0, 0), B = (0, 10, 10), C = (5, 5, 0), D = (1, 1, 1).
        // A–B: +4 −2 −2 = 0, tie. A–C: +4 −2 = +2, A. A–D: +4 −2 −2 = 0, tie.
        // B–C: −4 +2 +2 = 0, tie. B–D: −4 +2 +2 = 0, tie. C–D: +4 +2 −2 = +4, C.
        // A: 1 win; B: none; C: 1 win, 1 loss; D: 1 loss.
        HandCase(method: "copeland", parameters: "", weights: [4, 2, 2],
                 rows: [[10, 0, 0], [0, 10, 10], [5, 5, 0], [1, 1, 1]], scores: [1, 0, 0, -1], coefficients: nil),
        // 0.1 + 0.2 against 0.3 differs in the last bit only: a tie, not a win.
        HandCase(method: "copeland", parameters: "", weights: [0.1, 0.2, 0.3], rows: [[1, 1, 0], [0, 0, 1]],
                 scores: [0, 0], coefficients: nil),
    ]

    @Test("hand-computed scores and coefficients", arguments: handCases)
    func handComputed(_ example: HandCase) throws {
        let method = try Self.aggregation(example.method, example.parameters)
        let outcome = try method.aggregate(Self.children(example.rows), weights: example.weights)
        #expect(close(outcome.scores, example.scores), "gave \(describe(outcome.scores))")
        if let expected = example.coefficients {
            let coefficients = try #require(outcome.coefficients)
            #expect(zip(coefficients, expected).allSatisfy { close($0, $1) } && coefficients.count == expected.count,
                    "gave \(coefficients)")
        } else {
            #expect(outcome.coefficients == nil)
        }
    }

    @Test("a participant with no child value gets no score", arguments: [
        ("arithmetic_mean", ""), ("geometric_mean", ""), ("harmonic_mean", ""), ("generalised_mean", "{p: 3}"), ("copeland", ""),
    ])
    func noValues(method: String, parameters: String) throws {
        let outcome = try Self.aggregation(method, parameters).aggregate(Self.children([[1, 2], [nil, nil], [2, 1]]), weights: [1, 1])
        #expect(outcome.scores[1] == nil)
        #expect(outcome.scores[0] != nil && outcome.scores[2] != nil)
    }

    @Test("the generalised mean: p = 1 is arithmetic, p = −1 harmonic, p near 0 geometric")
    func equivalences() throws {
        let rows: [[Double?]] = [[12, 40, 7], [3, nil, 90], [55, 55, 1]]
        let weights: [Double] = [5, 2, 3]
        func scores(_ method: String, _ parameters: String = "") throws -> [Double?] {
            try Self.aggregation(method, parameters).aggregate(Self.children(rows), weights: weights).scores
        }
        #expect(close(try scores("generalised_mean", "{p: 1}"), try scores("arithmetic_mean")))
        #expect(close(try scores("generalised_mean", "{p: -1}"), try scores("harmonic_mean")))
        #expect(close(try scores("generalised_mean", "{p: 1.0e-12}"), try scores("geometric_mean")))
        #expect(close(try scores("generalised_mean", "{p: -1.0e-12}"), try scores("geometric_mean")))
    }

    @Test("the generalised mean does not overflow for a large p")
    func largeOrder() throws {
        // 200 · ((1 + 0.5^1000) / 2)^(1/1000), where 0.5^1000 is far below 1e-9.
        let outcome = try Self.aggregation("generalised_mean", "{p: 1000}").aggregate([[100], [200]], weights: [1, 1])
        #expect(close(outcome.scores, [200 * pow(0.5, 0.001)]))
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let method: String
        let parameters: String
        let rows: [[Double?]]
        let child: Int
        let participant: Int
        let message: String
        var testDescription: String { "\(method) \(parameters): \(message)" }
    }

    @Test("values outside a mean's domain are refused, naming the child and the participant", arguments: [
        Refusal(method: "geometric_mean", parameters: "", rows: [[1, 2], [3, 0]], child: 1, participant: 1,
                message: "the geometric mean needs values above 0, found 0"),
        Refusal(method: "geometric_mean", parameters: "", rows: [[-0.5, 2]], child: 0, participant: 0,
                message: "the geometric mean needs values above 0, found -0.5"),
        Refusal(method: "harmonic_mean", parameters: "", rows: [[nil, 2], [0, 5]], child: 0, participant: 1,
                message: "the harmonic mean needs values above 0, found 0"),
        Refusal(method: "generalised_mean", parameters: "{p: -2}", rows: [[1, 0]], child: 1, participant: 0,
                message: "the generalised mean with p = -2 needs values above 0, found 0"),
        Refusal(method: "generalised_mean", parameters: "{p: 0.5}", rows: [[1, -1.0e-7]], child: 1, participant: 0,
                message: "the generalised mean needs values of 0 or more, found -1e-07"),
    ])
    func refusals(_ refusal: Refusal) throws {
        let method = try Self.aggregation(refusal.method, refusal.parameters)
        let failure = #expect(throws: AggregationFailure.self) {
            try method.aggregate(Self.children(refusal.rows), weights: [1, 1])
        }
        #expect(failure?.child == refusal.child)
        #expect(failure?.participant == refusal.participant)
        #expect(failure?.message == refusal.message)
    }

    @Test("the generalised mean takes a 0 when p > 0")
    func zeroWithPositiveOrder() throws {
        // ((0 + 4²) / 2)^(1/2) = √8.
        let outcome = try Self.aggregation("generalised_mean", "{p: 2}").aggregate([[0], [4]], weights: [1, 1])
        #expect(close(outcome.scores, [(8.0).squareRoot()]))
    }

    @Test("box_cox and log refuse values they cannot take, naming the value", arguments: [
        ("box_cox", "{lambda: 0.5}", [4, -3, 2], 1, "box-cox needs values above 0, found -3"),
        ("box_cox", "{lambda: 0}", [0, 1], 0, "box-cox needs values above 0, found 0"),
        ("box_cox", "{lambda: 2}", [1.0e300], 0, "box-cox with λ 2 of 1e+300 is too large to represent"),
        ("log", "", [1, 0], 1, "log needs values above 0, found 0"),
        ("log", "{shift: 1}", [3, -1], 1, "log needs x + shift above 0, found x = -1, x + 1 = 0"),
        ("log", "{shift: -10}", [11, 2.5], 1, "log needs x + shift above 0, found x = 2.5, x − 10 = -7.5"),
    ] as [(String, String, [Double], Int, String)])
    func treatmentRefusals(method: String, parameters: String, values: [Double], position: Int, message: String) throws {
        let treatment = try Self.treatment(method, parameters)
        let failure = #expect(throws: TreatmentFailure.self) { try treatment.treat(values) }
        #expect(failure?.position == position)
        #expect(failure?.message == message)
    }

    @Test("box_cox by hand: λ = 1 is x − 1, λ = 0 is ln x, λ = −2 is (1 − x⁻²) / 2")
    func boxCox() throws {
        #expect(try Self.treatment("box_cox", "{lambda: 1}").treat([0.25, 3]).values == [-0.75, 2])
        let logged = try Self.treatment("box_cox", "{lambda: 0}").treat([exp(3)])
        #expect(close(logged.values, [3]) && logged.record.label == "box-cox (λ 0)")
        // (2⁻² − 1) / −2 = (0.25 − 1) / −2 = 0.375.
        let negative = try Self.treatment("box_cox", "{lambda: -2}").treat([2])
        #expect(close(negative.values, [0.375]) && negative.record.label == "box-cox (λ -2)")
        // A λ near 0 gives nearly ln x, not (1 − 1) / λ rounded to nothing.
        #expect(close(try Self.treatment("box_cox", "{lambda: 1.0e-12}").treat([exp(2)]).values, [2]))
    }

    /// Each broken methodology must fail with this message, at this place.
    @Test("parameters are checked where the methodology names them", arguments: [
        ("normalisation: min_max", "normalisation: min_max\naggregation: {method: generalised_mean, p: 0}",
         "budget.yaml:62:44: aggregation.p: 0 is the geometric mean; use geometric_mean"),
        ("normalisation: min_max", "normalisation: min_max\naggregation: {method: generalised_mean}",
         "budget.yaml:62:14: aggregation: missing required key 'p'"),
        ("normalisation: min_max", "normalisation: min_max\naggregation: {method: generalised_mean, p: low}",
         "budget.yaml:62:44: aggregation.p: expected a number, found 'low'"),
        ("normalisation: min_max", "normalisation: min_max\naggregation: geometric_man",
         "budget.yaml:62:14: aggregation: unknown aggregation method 'geometric_man'; known methods: arithmetic_mean, geometric_mean, harmonic_mean, generalised_mean, copeland"),
        ("      title: Finanse\n", "      title: Finanse\n      aggregation: {method: generalised_mean, p: 0}\n",
         "budget.yaml:49:50: index.children[0].aggregation.p: 0 is the geometric mean; use geometric_mean"),
        ("  method: none", "  method: box_cox", "budget.yaml:60:3: treatment: missing required key 'lambda'"),
        ("treatment:\n  method: none", "treatment: box_cox", "budget.yaml:59:12: treatment: missing required parameter 'lambda'"),
        ("treatment:\n  method: none", "treatment: {method: box_cox, lambda: .inf}",
         "budget.yaml:59:38: treatment.lambda: expected a number, found '.inf'"),
        ("treatment:\n  method: none", "treatment: {method: log, base: 10}",
         "budget.yaml:59:26: treatment.base: unknown key 'base'; valid keys here: method, shift"),
    ])
    func parameterErrors(original: String, broken: String, message: String) throws {
        try #require(MethodologyText.budget.contains(original), "fixture text not found: \(original)")
        let text = MethodologyText.budget.replacingOccurrences(of: original, with: broken)
        let error = #expect(throws: MethodologyError.self) { try MethodologyParser.parse(text, file: "budget.yaml") }
        #expect(error?.description == message)
    }

    /// The budget fixture with its methodology edited.
    static func runBudget(_ edits: [(String, String)]) throws -> RankingResult {
        var files = BudgetFixture.files
        var text = files["methodologies/test-budget-2024.yaml"]!
        for (original, replacement) in edits {
            try #require(text.contains(original), "fixture text not found: \(original)")
            text = text.replacingOccurrences(of: original, with: replacement)
        }
        files["methodologies/test-budget-2024.yaml"] = text
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-budget-2024.yaml"),
                                                     displayName: "test-budget-2024.yaml")
        return try Pipeline.run(methodology, inputs: fixture.folder)
    }

    static let geometricFinance = ("      title: Finanse\n", "      title: Finanse\n      aggregation: geometric_mean\n")

    @Test("a pillar by geometric mean: its score, and contributions that add up")
    func geometricPillar() throws {
        let result = try Self.runBudget([Self.geometricFinance,
                                         ("normalisation: min_max", "normalisation: {method: min_max, range: [1, 100]}")])
        let miasta = try #require(result.categories.first { $0.category.id == "miasta" })
        let share = try #require(miasta.column("share")), perCapita = try #require(miasta.column("per_capita"))
        let finance = try #require(miasta.pillarScores["finance"])
        for entry in miasta.entries.indices {
            let x = try #require(share.normalised[entry]), y = try #require(perCapita.normalised[entry])
            #expect(close(try #require(finance[entry]), exp((log(x) + log(y)) / 2)))
            let parts = try #require(miasta.contributions["share"]?[entry]) + (try #require(miasta.contributions["per_capita"]?[entry]))
            #expect(close(parts, try #require(miasta.contributions["finance"]?[entry])))
            let pillars = try #require(miasta.contributions["finance"]?[entry]) + (try #require(miasta.contributions["outcomes"]?[entry]))
            #expect(close(pillars, miasta.scores[entry]))
        }
        // Wrocław: share 30 % of 10–30 → 100; 0.15 PLN of 0.1–0.2 → 1 + 99/2 = 50.5; √(100 · 50.5).
        let wroclaw = try #require(miasta.entries.firstIndex { $0.unit.code.text == "0264011" })
        #expect(close(try #require(finance[wroclaw]), (5050.0).squareRoot()))
        // Its share of the finance pillar's 0.75 of the score: w·x / Σ w·x = 100 / 150.5.
        #expect(close(try #require(miasta.contributions["share"]?[wroclaw]), 0.75 * (5050.0).squareRoot() * 100 / 150.5))
    }

    @Test("a 0 under the geometric mean stops the run, naming the criterion and the unit")
    func geometricZero() throws {
        // The default min_max range [0, 100] gives Jelenia Góra's share, the lowest, 0.
        let error = #expect(throws: ScoringError.self) { try Self.runBudget([Self.geometricFinance]) }
        #expect(error?.description == "test-budget-2024.yaml: category miasta: geometric_mean of 'finance': the geometric mean needs values above 0, found 0 (criterion 'share' of Jelenia Góra, 0261011)")
    }

    @Test("a value a treatment cannot take stops the run, naming the criterion, the unit and the value")
    func treatmentFailure() throws {
        // Jelenia Góra's share is 10 %: 10 − 15 = −5.
        let error = #expect(throws: ScoringError.self) {
            try Self.runBudget([("parameters: {numerator: green, denominator: capital, scale: 100}",
                                 "parameters: {numerator: green, denominator: capital, scale: 100}\n    treatment: {method: log, shift: -15}")])
        }
        #expect(error?.description == "test-budget-2024.yaml: category miasta: log treatment of criterion 'share': log needs x + shift above 0, found x = 10, x − 15 = -5 (Jelenia Góra, 0261011)")
    }

    @Test("box_cox and log run through the pipeline, with their labels in the breakdown")
    func treatmentLabels() throws {
        let result = try Self.runBudget([
            ("parameters: {metric: sewage}", "parameters: {metric: sewage}\n    treatment: {method: box_cox, lambda: 0.5}"),
            ("treatment:\n  method: none", "treatment: {method: log, shift: 1}"),
        ])
        let miasta = try #require(result.categories.first { $0.category.id == "miasta" })
        #expect(miasta.column("sewage")?.treatment.label == "box-cox (λ 0.5)")
        #expect(miasta.column("share")?.treatment.label == "log (shift 1)")
        // Jelenia Góra: sewage 80 gives (√80 − 1) / 0.5; share 10 % gives ln(10 + 1).
        let jelenia = try #require(miasta.entries.firstIndex { $0.unit.code.text == "0261011" })
        #expect(close(try #require(miasta.column("sewage")?.treated[jelenia]), ((80.0).squareRoot() - 1) / 0.5))
        #expect(close(try #require(miasta.column("share")?.treated[jelenia]), log(11)))
    }
}
