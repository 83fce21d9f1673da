import Foundation
import Testing
@testable import Podium

@Suite("Methodology files")
struct MethodologyTests {
    @Test("a complete file is read with its hierarchy, weights and awards")
    func valid() throws {
        let methodology = try MethodologyParser.parse(MethodologyText.budget, file: "budget.yaml")
        #expect(methodology.id == "test-budget-2024")
        #expect(methodology.criteria.map(\.id) == ["share", "per_capita", "sewage"])
        #expect(methodology.pillars.map(\.id) == ["finance", "outcomes"])
        #expect(methodology.period == .years(2022...2023))
        let weights = methodology.index.relativeWeights
        #expect(weights["finance"]!.relative == 0.75)
        #expect(weights["share"]!.effective == 0.375)
        #expect(weights["sewage"]!.effective == 0.25)
        #expect(methodology.award(forPlace: 2) == "Lider")
        #expect(methodology.award(forPlace: 3) == "Laureat")
        #expect(methodology.award(forPlace: 4) == nil)
    }

    @Test("the social-media file reads its period in days")
    func social() throws {
        let methodology = try MethodologyParser.parse(MethodologyText.social, file: "social.yaml")
        #expect(methodology.evaluationContext.periodDays == 14)
        #expect(methodology.categories[0].filter.platforms == Set(Platform.allCases))
        #expect(methodology.eligibility.map(\.metric) == ["posts", "followers_start"])
    }

    /// Each broken file must fail with this exact one-line message.
    @Test("mistakes are errors that name the file, line and key path", arguments: [
        ("kind: ratio_over_window\n    unit: \"%\"\n    direction: higher_is_better\n    parameters: {numerator: green, denominator: capital",
         "kind: ratio_over_windw\n    unit: \"%\"\n    direction: higher_is_better\n    parameters: {numerator: green, denominator: capital",
         "budget.yaml:27:11: criteria[0].kind: unknown criterion kind 'ratio_over_windw'; known kinds: ratio_over_window, last_window_year_value, interaction_rate, compound_growth, frequency, per_resident"),
        // A YAML escape can put a control character into a title or unit, and from there into the reports.
        ("title: Finanse", "title: \"Fin\\u0000anse\"",
         "budget.yaml:48:14: index.children[0].title: 'Fin\\u{0}anse' holds a control character (U+0000)"),
        ("    unit: \"%\"\n    direction: higher_is_better\n    parameters: {numerator: green, denominator: capital",
         "    unit: \"%\\n\"\n    direction: higher_is_better\n    parameters: {numerator: green, denominator: capital",
         "budget.yaml:28:11: criteria[0].unit: '%\\n' holds a control character (U+000A)"),
        ("{criterion: share, weight: 1}", "{criterion: share, weight: 0}",
         "budget.yaml:51:38: index.children[0].children[0].weight: expected a positive number, found '0'"),
        ("{criterion: share, weight: 1}", "{criterion: share, weight: heavy}",
         "budget.yaml:51:38: index.children[0].children[0].weight: expected a number, found 'heavy'"),
        ("parameters: {metric: sewage}", "parameters: {metric: sewer}",
         "budget.yaml:42:26: criteria[2].parameters.metric: unknown metric 'sewer'; the inputs provide: capital, green, sewage, population"),
        ("normalisation: min_max", "normalization: min_max",
         "budget.yaml:61:1: normalization: unknown key 'normalization'; valid keys here: schema, id, ranking, title, edition, description, inputs, period, categories, criteria, index, eligibility, treatment, normalisation, aggregation, missing_data, ties, awards"),
        ("normalisation: min_max", "normalisation: z_scor",
         "budget.yaml:61:16: normalisation: unknown normalisation method 'z_scor'; known methods: min_max, percent_rank, z_score, rank, borda, goalposts, distance_to_target"),
        ("{criterion: sewage, weight: 1}", "{criterion: sewer, weight: 1}",
         "budget.yaml:57:23: index.children[1].children[0].criterion: unknown criterion 'sewer'; defined criteria: share, per_capita, sewage"),
        ("        - {criterion: sewage, weight: 1}\n", "        - {criterion: share, weight: 1}\n",
         "budget.yaml:57:23: index.children[1].children[0].criterion: criterion 'share' appears twice in the index"),
        ("direction: higher_is_better\n    parameters: {metric: sewage}", "direction: up\n    parameters: {metric: sewage}",
         "budget.yaml:41:16: criteria[2].direction: unknown value 'up'; valid values: higher_is_better, lower_is_better"),
        ("schema: 1", "schema: 2", "budget.yaml:1:9: schema: this podium reads methodology schema 1 only"),
        ("where: {rodz: [1, 2, 3]", "where: {rodz: [1, 2, 7]", "budget.yaml:23:26: categories[1].where.rodz[2]: RODZ of a gmina is 1, 2 or 3"),
        ("title: Ranking testowy", "title: [Ranking", "budget.yaml:5:"),
        ("years: {from: 2022, to: 2023}", "years: {from: 2022, to: 20230}",
         "budget.yaml:16:10: period.years: years must lie between 1900 and 2200"),
        ("  - id: gminy\n", "  - id: breakdown\n",
         "budget.yaml:21:9: categories[1].id: 'breakdown' is the name of a report file; choose another category id"),
        ("where: {rodz: [1, 2, 3]", "where: {rodz: []", "budget.yaml:23:19: categories[1].where.rodz: an empty list takes no gmina"),
        ("pillar: outcomes", "pillar: finance", "budget.yaml:44:3: index: id 'finance' is used twice in the index"),
        ("pillar: outcomes", "pillar: sewage", "budget.yaml:44:3: index: id 'sewage' is used twice in the index"),
        ("{criterion: share, weight: 1}", "{criterion: share, weight: 1.0e308}",
         "budget.yaml:51:38: index.children[0].children[0].weight: a weight above 1000000 is not allowed"),
        // Base-60 numbers (YAML 1.1) crashed Yams when they overflowed (found while fuzzing the parser).
        ("schema: 1", "schema: 1:0:0:0:0:0:0:0:0:0:0",
         "budget.yaml:1:9: schema: expected a whole number, found '1:0:0:0:0:0:0:0:0:0:0'"),
        ("{places: 3, title: Laureat}", "{places: 9223372036854775807:0, title: Laureat}",
         "budget.yaml:65:14: awards[1].places: expected a whole number, found '9223372036854775807:0'"),
    ])
    func errors(original: String, broken: String, message: String) throws {
        // A case whose original text is absent would test nothing.
        try #require(MethodologyText.budget.contains(original), "fixture text not found: \(original)")
        let text = MethodologyText.budget.replacingOccurrences(of: original, with: broken)
        let error = #expect(throws: MethodologyError.self) { try MethodologyParser.parse(text, file: "budget.yaml") }
        #expect(error?.description.hasPrefix(message) == true, "got: \(error?.description ?? "nothing")")
    }

    @Test("a criterion without a weight in the index is an error")
    func unusedCriterion() throws {
        let text = MethodologyText.budget.replacingOccurrences(of: "        - {criterion: per_capita, weight: 1}\n", with: "")
        let error = #expect(throws: MethodologyError.self) { try MethodologyParser.parse(text, file: "budget.yaml") }
        #expect(error?.message == "criterion 'per_capita' is defined but has no weight in the index")
    }

    @Test("eligibility minimums belong to social-media rankings only")
    func eligibilityInBudget() throws {
        let text = MethodologyText.budget.replacingOccurrences(
            of: "missing_data: not_classified", with: "eligibility:\n  - {metric: capital, at_least: 1}\nmissing_data: not_classified")
        let error = #expect(throws: MethodologyError.self) { try MethodologyParser.parse(text, file: "budget.yaml") }
        #expect(error?.message.hasPrefix("eligibility minimums apply to social_media inputs only") == true)
    }

    @Test("a budget kind in a ranking of dates is an error")
    func periodMismatch() throws {
        let text = MethodologyText.social.replacingOccurrences(of: "kind: frequency", with: "kind: ratio_over_window")
        let error = #expect(throws: MethodologyError.self) { try MethodologyParser.parse(text, file: "social.yaml") }
        #expect(error?.message == "kind 'ratio_over_window' needs a period of years")
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }

    func components(separatedBy separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}

@Suite("Methodology files: YAML syntax")
struct MethodologySyntaxTests {
    /// Yams' own descriptions span several lines (a duplicated key's holds the whole file); each of
    /// these must be one line with the line and column.
    @Test("YAML errors are one line, file:line:col", arguments: [
        ("title: Ranking testowy", "title: Ranking\u{0} testowy",
         "budget.yaml:4:15: YAML: control characters are not allowed (U+0000)"),
        ("title: Ranking testowy", "title: Ranking\u{7} testowy",
         "budget.yaml:4:15: YAML: control characters are not allowed (U+0007)"),
        ("years: {from: 2022, to: 2023}", "years: {from: 2022, from: 2023}",
         "budget.yaml:16:11: YAML: a key appears twice in one mapping: 'from'"),
        ("normalisation: min_max", "normalisation: min_max\nnormalisation: rank",
         "budget.yaml:61:1: YAML: a key appears twice in one mapping: 'normalisation'"),
        // The open quote runs on to the next quote, on line 14.
        ("title: Ranking testowy", "title: \"Ranking testowy",
         "budget.yaml:14:14: YAML syntax: found character that cannot start any token (while scanning for the next token, from line 14 column 14)"),
        ("years: {from: 2022, to: 2023}", "years: {from: 2022, to: 2023",
         "budget.yaml:17:11: YAML syntax: did not find expected ',' or '}' (while parsing a flow mapping, from line 16 column 10)"),
    ])
    func syntax(original: String, broken: String, message: String) throws {
        try #require(MethodologyText.budget.contains(original))
        let text = MethodologyText.budget.replacingOccurrences(of: original, with: broken)
        let error = #expect(throws: MethodologyError.self) { try MethodologyParser.parse(text, file: "budget.yaml") }
        #expect(error?.description == message)
    }

    @Test("a methodology saved in Windows-1250 is an error located at the first byte that is not UTF-8")
    func notUTF8() throws {
        let fixture = try Fixture([:])
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.root, withIntermediateDirectories: true)
        let bytes = Array(MethodologyText.budget.replacingOccurrences(of: "title: Ranking testowy", with: "title: Ranking ").utf8)
            + Array("\n# Łódź: ".utf8) + [0xA3, 0xF3, 0x64, 0x9F] + [0x0A]
        try Data(bytes).write(to: fixture.root.appendingPathComponent("m.yaml"))
        let error = #expect(throws: MethodologyError.self) { try MethodologyParser.load(fixture.path("m.yaml"), displayName: "m.yaml") }
        let lines = MethodologyText.budget.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(error?.description == "m.yaml:\(lines + 1):9: the file is not UTF-8 text (save it as UTF-8)")
    }

    @Test("a key written twice is one line naming where")
    func duplicateKey() throws {
        let text = MethodologyText.budget.replacingOccurrences(of: "normalisation: min_max", with: "normalisation: min_max\nnormalisation: rank")
        let error = #expect(throws: MethodologyError.self) { try MethodologyParser.parse(text, file: "budget.yaml") }
        let description = error?.description ?? ""
        #expect(!description.contains("\n"))
        #expect(description.hasPrefix("budget.yaml:"))
        #expect(description.contains("a key appears twice in one mapping: 'normalisation'"), "got: \(description)")
    }
}
