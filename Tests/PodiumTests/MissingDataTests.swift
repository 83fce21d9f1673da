import Foundation
import Testing
@testable import Podium

/// The budget fixture (Tests/Fixtures/budget/) with one part of its methodology replaced, run in
/// process. In category `gminy`: Bolesławiec (0201011) and Bolków (0205023) have share 50 % and
/// sewage 50; Bolesławiec wiejska (0201022) has no capital spending, so no share, and sewage 10;
/// Jawor (0205011) has share 10 % and no sewage for 2023.
enum VariedBudget {
    static func run(replacing original: String, with replacement: String) throws -> RankingResult {
        let methodology = try #require(BudgetFixture.files["methodologies/test-budget-2024.yaml"])
        try #require(methodology.contains(original), "fixture text not found: \(original)")
        var files = BudgetFixture.files
        files["methodologies/test-budget-2024.yaml"] = methodology.replacingOccurrences(of: original, with: replacement)
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        return try Pipeline.run(try MethodologyParser.load(fixture.path("methodologies/test-budget-2024.yaml"), displayName: "budget.yaml"),
                                inputs: fixture.folder)
    }

    static func gminy(_ result: RankingResult) throws -> CategoryScores {
        try #require(result.categories.first { $0.category.id == "gminy" })
    }

    static func entry(_ category: CategoryScores, _ code: String) throws -> Int {
        try #require(category.entries.firstIndex { $0.unit.code.text == code })
    }
}

@Suite("Missing data: screening, imputation, aggregating what is available")
struct MissingDataTests {
    @Test("mean imputation fills each missing value with the category's mean of that criterion, and says so")
    func meanImputation() throws {
        let result = try VariedBudget.run(replacing: "missing_data: not_classified", with: "missing_data: {impute: mean}")
        let gminy = try VariedBudget.gminy(result)
        #expect(gminy.entries.count == 4)
        #expect(gminy.notClassified.isEmpty)
        // share of 0201022: mean of 50, 50, 10 = 36.67; sewage of Jawor: mean of 50, 50, 10.
        let share = try #require(gminy.column("share")), sewage = try #require(gminy.column("sewage"))
        let wiejska = try VariedBudget.entry(gminy, "0201022"), jawor = try VariedBudget.entry(gminy, "0205011")
        #expect(share.raw[wiejska] == nil)
        #expect(share.imputed[wiejska] == ImputedValue(value: 110.0 / 3, how: "mean of the category, n = 3"))
        #expect(share.treated[wiejska] == 110.0 / 3)
        #expect(sewage.imputed[jawor] == ImputedValue(value: 110.0 / 3, how: "mean of the category, n = 3"))
        #expect(sewage.imputed[try VariedBudget.entry(gminy, "0201011")] == nil)
        let breakdown = try #require(try ReportSet.render(result).first { $0.name == "breakdown.csv" }).contents
        #expect(breakdown.hasPrefix("category,teryt,name,place,level,id,parent,unit,raw,treated,treatment,normalised,weight_in_parent,effective_weight,contribution,imputation\n"))
        #expect(breakdown.contains(",\"imputed 36.666667: mean of the category, n = 3\"\n"))
        let explain = try ExplainText.render(result, unit: gminy.entries[jawor].unit, category: "gminy")
        #expect(explain.contains("sewage: brak wartości, przyjęto 36.6667 (mean of the category, n = 3)"))
    }

    @Test("group-mean imputation works within a group column of the register")
    func groupMean() throws {
        let result = try VariedBudget.run(replacing: "missing_data: not_classified",
                                          with: "missing_data: {impute: {method: group_mean, group: voivodeship}}")
        let gminy = try VariedBudget.gminy(result)
        let sewage = try #require(gminy.column("sewage"))
        #expect(sewage.imputed[try VariedBudget.entry(gminy, "0205011")]?.how == "group mean of dolnośląskie, n = 3")
    }

    @Test("a value that cannot be imputed leaves the participant not classified, with the reason")
    func impossibleImputation() throws {
        // Within each gmina type, Jawor is the only urban gmina with sewage missing… and the only one
        // of its RODZ without it? No: group by rodz: 1 = Bolesławiec, Jawor; 2 = Bolesławiec wiejska;
        // 3 = Bolków. Share is missing only for 0201022, alone in RODZ 2: nothing to impute from.
        let result = try VariedBudget.run(replacing: "missing_data: not_classified",
                                          with: "missing_data: {impute: {method: group_mean, group: rodz}}")
        let gminy = try VariedBudget.gminy(result)
        let wiejska = try #require(gminy.notClassified.first { $0.unit.code.text == "0201022" })
        #expect(wiejska.reason == "share: missing and cannot be imputed (no value in rodz 2 to impute from)")
        let sewage = try #require(gminy.column("sewage"))
        #expect(sewage.imputed[try VariedBudget.entry(gminy, "0205011")]?.how == "group mean of 1, n = 1")
    }

    @Test("aggregating what is available: a node needs min_share of its weight, weights renormalised")
    func available() throws {
        let result = try VariedBudget.run(replacing: "missing_data: not_classified",
                                          with: "missing_data: {aggregate: {method: available, min_share: 0.5}}")
        let gminy = try VariedBudget.gminy(result)
        #expect(gminy.entries.count == 4)
        let jawor = try VariedBudget.entry(gminy, "0205011")
        // Jawor has no sewage, so no 'outcomes' pillar: its index is its finance score alone (3 of 4
        // of the weight is present).
        #expect(gminy.pillarScores["outcomes"]![jawor] == nil)
        #expect(gminy.scores[jawor] == gminy.pillarScores["finance"]![jawor])
        // Normalisation ran over the three gminas that have sewage: 10 → 0, 50 → 100.
        #expect(gminy.column("sewage")!.normalised[jawor] == nil)
        #expect(gminy.column("sewage")!.normalised[try VariedBudget.entry(gminy, "0201022")] == 0)
        // The breakdown leaves the missing cells empty.
        let breakdown = try #require(try ReportSet.render(result).first { $0.name == "breakdown.csv" }).contents
        #expect(breakdown.contains("gminy,0205011,Jawor,3,criterion,sewage,outcomes,%,,,none,,1.000000,0.250000,\n"))
    }

    @Test("aggregating what is available: below min_share the participant is not classified")
    func availableBelowShare() throws {
        let result = try VariedBudget.run(replacing: "missing_data: not_classified",
                                          with: "missing_data: {aggregate: {method: available, min_share: 0.8}}")
        let gminy = try VariedBudget.gminy(result)
        let jawor = try #require(gminy.notClassified.first { $0.unit.code.text == "0205011" })
        #expect(jawor.reason == "too few criteria with a value: index: 75% of its weight has a value, below the minimum 80%")
        // 0201022 lacks share but has per_capita: finance at half weight passes 0.8? No: finance has
        // 50 % < 80 %, so finance is missing and the index has 25 % of its weight.
        let wiejska = try #require(gminy.notClassified.first { $0.unit.code.text == "0201022" })
        #expect(wiejska.reason == "too few criteria with a value: index: 25% of its weight has a value, below the minimum 80%")
        #expect(gminy.entries.count == 2)
    }

    @Test("screening: a participant with less than the minimum share of criteria available is not classified")
    func screening() throws {
        let result = try VariedBudget.run(
            replacing: "missing_data: not_classified",
            with: "missing_data: {screen: {min_availability: 0.9}, aggregate: {method: available, min_share: 0.5}}")
        let gminy = try VariedBudget.gminy(result)
        let jawor = try #require(gminy.notClassified.first { $0.unit.code.text == "0205011" })
        #expect(jawor.reason == "2 of 3 criteria available, below the minimum share 0.9; sewage: no sewage for 2023")
        #expect(gminy.entries.count == 2)
    }

    @Test("without rules, any missing criterion leaves the participant not classified (as before)")
    func defaultRule() throws {
        let result = try VariedBudget.run(replacing: "missing_data: not_classified", with: "missing_data: not_classified")
        #expect(try VariedBudget.gminy(result).notClassified.map(\.reason) == ["share: Σ capital over 2022–2023 is 0", "sewage: no sewage for 2023"])
    }

    @Test("mistakes in missing_data are errors naming the line and key path", arguments: [
        ("missing_data: maybe", "budget.yaml:58:15: missing_data: unknown value 'maybe'; write not_classified or a mapping"),
        ("missing_data: {impute: {method: group_mean}}", "budget.yaml:58:24: missing_data.impute: missing required key 'group'"),
        ("missing_data: {impute: {method: group_mean, group: typ}}",
         "budget.yaml:58:52: missing_data.impute.group: unknown group column 'typ'; group columns: voivodeship, rodz, powiat"),
        ("missing_data: {impute: {method: modal}}", "budget.yaml:58:33: missing_data.impute.method: unknown imputation method 'modal'; known methods: mean, median, group_mean, group_median"),
        ("missing_data: {aggregate: available}", "budget.yaml:58:27: missing_data.aggregate: 'available' needs its min_share: write {method: available, min_share: 0.5}"),
        ("missing_data: {aggregate: {method: available, min_share: 1.5}}", "budget.yaml:58:58: missing_data.aggregate.min_share: expected a share above 0 and at most 1, found '1.5'"),
        ("missing_data: {impute: mean, aggregate: {method: available, min_share: 0.5}}", "budget.yaml:58:24: missing_data.impute: give either 'impute' or 'aggregate: available'"),
        ("missing_data: {screen: {min_availability: 0}}", "budget.yaml:58:43: missing_data.screen.min_availability: expected a share above 0 and at most 1, found '0'"),
    ])
    func errors(broken: String, message: String) throws {
        let text = MethodologyText.budget.replacingOccurrences(of: "missing_data: not_classified", with: broken)
        let error = #expect(throws: MethodologyError.self) { try MethodologyParser.parse(text, file: "budget.yaml") }
        #expect(error?.description.hasPrefix(message) == true, "got: \(error?.description ?? "nothing")")
    }
}

@Suite("Denominators, signed metrics and groups")
struct DenominatorTests {
    @Test("a criterion divided by a denominator metric; a zero denominator makes it missing, with the reason")
    func denominator() throws {
        let result = try VariedBudget.run(
            replacing: "    parameters: {metric: sewage}",
            with: "    parameters: {metric: sewage}\n    denominator: {metric: capital, scale: 1000}")
        let miasta = try #require(result.categories.first { $0.category.id == "miasta" })
        // Jelenia Góra: sewage 80 ÷ capital 100 (2023) × 1000.
        let jelenia = try VariedBudget.entry(miasta, "0261011")
        #expect(miasta.column("sewage")!.raw[jelenia] == 800)
        let gminy = try VariedBudget.gminy(result)
        let wiejska = try #require(gminy.notClassified.first { $0.unit.code.text == "0201022" })
        #expect(wiejska.reason.hasSuffix("sewage: capital for 2023 is 0, so the value cannot be divided by it"))
    }

    @Test("a negative value is an error unless the metric is declared signed")
    func signed() throws {
        let fixture = try Fixture(["registry/TERC.csv": Fixture.terc, "m.csv": "teryt,year,balance\n0261011,2023,-5\n"])
        defer { fixture.remove() }
        let register = try RegisterLoader.load(terc: fixture.path("registry/TERC.csv"), population: nil)
        #expect(throws: InputError.self) {
            try MetricsLoader.load(fixture.path("m.csv"), metrics: [MetricDeclaration(name: "balance", unit: "PLN")], register: register)
        }
        let loaded = try MetricsLoader.load(fixture.path("m.csv"), metrics: [MetricDeclaration(name: "balance", unit: "PLN", signed: true)],
                                            register: register)
        #expect(loaded.values[UnitCode(teryt: "0261011")!]?["balance"]?[2023] == -5)
    }

    @Test("`signed: true` in the methodology reaches the loader")
    func signedInMethodology() throws {
        let methodology = try MethodologyParser.parse(
            MethodologyText.budget.replacingOccurrences(of: "    sewage: \"%\"", with: "    sewage: {unit: \"%\", signed: true}"), file: "budget.yaml")
        #expect(methodology.inputs.metrics.contains(MetricDeclaration(name: "sewage", unit: "%", signed: true)))
    }

    @Test("a category may take units by a group column of the register")
    func groupFilter() throws {
        let result = try VariedBudget.run(replacing: "where: {rodz: [1], powiat: {min: 61}}",
                                          with: "where: {group: {voivodeship: [łódzkie]}}")
        let miasta = try #require(result.categories.first { $0.category.id == "miasta" })
        #expect(miasta.entries.map(\.unit.name) == ["Łódź"])
    }
}

@Suite("Unit tables")
struct UnitTableTests {
    static let methodology = """
        schema: 1
        id: schools
        ranking: schools
        title: Szkoły
        edition: 2024
        inputs:
          type: municipal_metrics
          units: units.csv
          metrics_file: data.csv
          metrics: {score: pkt, cost: PLN}
        period:
          years: {from: 2024, to: 2024}
        categories:
          - id: north
            title: Północ
            where: {group: {region: [N]}}
          - id: all
            title: Wszystkie
            where: {}
        criteria:
          - {id: score, name: Wynik, kind: last_window_year_value, unit: pkt, direction: higher_is_better, parameters: {metric: score}}
          - {id: cost, name: Koszt, kind: last_window_year_value, unit: PLN, direction: lower_is_better, parameters: {metric: cost}}
        index:
          id: index
          title: Indeks
          children:
            - {criterion: score, weight: 1}
            - {criterion: cost, weight: 1}
        missing_data: {impute: {method: group_median, group: region}}
        treatment: none
        normalisation: min_max
        ties: {tolerance: 1.0e-9, order: code}
        awards: [{places: 1, title: Najlepsza}]

        """

    static let units = "id,name,region\nS1,Szkoła A,N\nS2,Szkoła B,N\nS3,Szkoła C,S\nS4,Szkoła D,\n"
    static let data = "id,year,score,cost\nS1,2024,80,100\nS2,2024,60,\nS3,2024,90,300\nS4,2024,70,200\n"

    static func run(_ files: [String: String]) throws -> RankingResult {
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        return try Pipeline.run(try MethodologyParser.load(fixture.path("methodologies/m.yaml"), displayName: "m.yaml"), inputs: fixture.folder)
    }

    @Test("units, groups, group filters and group imputation from a unit table")
    func ranking() throws {
        let result = try Self.run(["methodologies/m.yaml": Self.methodology, "units.csv": Self.units, "data.csv": Self.data])
        let north = try #require(result.categories.first { $0.category.id == "north" })
        #expect(north.entries.map(\.unit.code.text) == ["S1", "S2"])
        // S2's cost is imputed from the north group's median (S1 only: 100); then S1 and S2 tie on
        // cost, and S1 wins on score.
        #expect(north.column("cost")!.imputed[1] == ImputedValue(value: 100, how: "group median of N, n = 1"))
        let files = Dictionary(uniqueKeysWithValues: try ReportSet.render(result).map { ($0.name, $0.contents) })
        #expect(files["north.csv"] == "rank,id,name,score,award\n1,S1,Szkoła A,100.00,Najlepsza\n2,S2,Szkoła B,50.00,\n")
        // In 'all', S4 has no region, so nothing to impute within — but it has every value.
        let all = try #require(result.categories.first { $0.category.id == "all" })
        #expect(all.entries.count == 4)
        #expect(files["not-classified.csv"] == "id,name,category,reason\n")
        #expect(result.notes.first == .register(units: 4, word: "unit", source: "units.csv"))
    }

    @Test("a group column the unit table does not have is an error at its place in the methodology")
    func unknownGroup() throws {
        let text = Self.methodology.replacingOccurrences(of: "group: region}}", with: "group: county}}")
        let error = #expect(throws: MethodologyError.self) {
            try Self.run(["methodologies/m.yaml": text, "units.csv": Self.units, "data.csv": Self.data])
        }
        #expect(error?.description == "m.yaml:29:54: missing_data.impute.group: unknown group column 'county'; group columns of units.csv: region")
    }

    @Test("bad unit tables are errors naming file and line", arguments: [
        ("id,name\nA,x\nA,y\n", "units.csv:3: unit 'A' is listed twice (first on line 2)"),
        ("id,name\n,x\n", "units.csv:2: column 'id' is empty"),
        ("code,name\nA,x\n", "units.csv:1: missing required column 'id'; found 'code', 'name'"),
        ("id,name\nA,\n", "units.csv:2: column 'name' is empty"),
        ("id,name\nA,x\u{0}y\n", "units.csv:2: column 'name': 'x\\u{0}y' holds a control character (U+0000)"),
        ("id,name\n\"A\r\",x\n", "units.csv:2: column 'id': 'A\\r' holds a control character (U+000D)"),
        ("id,name,region\nA,x,N\u{85}\n", "units.csv:2: column 'region': 'N\\u{85}' holds a control character (U+0085)"),
        ("id,name,region\nS1,Szkoła A,N\n", "data.csv:3: column 'id': 'S2' is not a unit of units.csv"),
    ])
    func badTables(units: String, message: String) throws {
        let error = #expect(throws: (any Error).self) {
            try Self.run(["methodologies/m.yaml": Self.methodology, "units.csv": units, "data.csv": Self.data])
        }
        let description = String(describing: error!)
        #expect(description.hasSuffix(message), "got: \(description)")
    }
}

@Suite("Missing data: what the rules must not do")
struct MissingDataGuardTests {
    @Test("a participant excluded for missing weight does not shape the others' normalisation (min_share 1 = not_classified)")
    func excludedBeforeTreatment() throws {
        let strict = try VariedBudget.run(replacing: "missing_data: not_classified", with: "missing_data: not_classified")
        let available = try VariedBudget.run(replacing: "missing_data: not_classified",
                                             with: "missing_data: {aggregate: {method: available, min_share: 1}}")
        let render = { (result: RankingResult) in try ReportSet.render(result).first { $0.name == "gminy.csv" }!.contents }
        #expect(try render(available) == render(strict))
        // Jawor's share of 10 % would otherwise be the minimum and pull the others below 100.
        #expect(try render(strict).contains("1,0201011,Bolesławiec,dolnośląskie,100.00,100.00,100.00,Lider"))
    }

    @Test("a unit with no criterion observed is not ranked on imputed values alone")
    func nothingObserved() throws {
        let units = "id,name,region\nS1,Szkoła A,N\nS2,Szkoła B,N\nS3,Szkoła C,S\nS4,Szkoła D,S\nS5,Widmo,N\n"
        let result = try UnitTableTests.run(["methodologies/m.yaml": UnitTableTests.methodology, "units.csv": units, "data.csv": UnitTableTests.data])
        let all = try #require(result.categories.first { $0.category.id == "all" })
        #expect(!all.entries.contains { $0.unit.code.text == "S5" })
        let ghost = try #require(all.notClassified.first { $0.unit.code.text == "S5" })
        #expect(ghost.reason == "score: no score for 2024; cost: no cost for 2024")
    }

    @Test("values so far apart that min-max overflows are an error naming the criterion and unit, not nan in a report")
    func overflow() throws {
        let text = UnitTableTests.methodology.replacingOccurrences(of: "metrics: {score: pkt, cost: PLN}", with: "metrics: {score: {unit: pkt, signed: true}, cost: PLN}")
        let data = "id,year,score,cost\nS1,2024,-1.5e308,100\nS2,2024,1.5e308,100\nS3,2024,0,300\nS4,2024,1,200\n"
        let error = #expect(throws: ScoringError.self) {
            try UnitTableTests.run(["methodologies/m.yaml": text, "units.csv": UnitTableTests.units, "data.csv": data])
        }
        #expect(error?.description.hasPrefix("m.yaml: category north: min_max of criterion 'score' gives Szkoła B (S2) a value that is not a finite number") == true,
                "got: \(error?.description ?? "nothing")")
    }
}
