import Foundation
import Testing
@testable import Podium

/// A small budget ranking whose every number can be worked out by hand.
enum BudgetFixture {
    /// Jelenia Góra: share 10 %, 0.1 PLN/os., sewage 80; Wrocław: 30 %, 0.15, 90; Łódź: 20 %, 0.2, 100.
    /// Bolesławiec (miejska) and Bolków are identical; Bolesławiec (wiejska) has no capital spending;
    /// Jawor has no sewage figure for 2023. The files are in Tests/Fixtures/budget/.
    static let files: [String: String] = Dictionary(uniqueKeysWithValues: [
        "registry/TERC.csv", "registry/population.csv", "data/metrics.csv", "methodologies/test-budget-2024.yaml",
    ].map { ($0, Fixture.text("budget/" + $0)) })

    static func run() throws -> (RankingResult, Fixture) {
        let fixture = try Fixture(files)
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-budget-2024.yaml"),
                                                     displayName: "test-budget-2024.yaml")
        return (try Pipeline.run(methodology, inputs: fixture.folder), fixture)
    }
}

@Suite("Budget ranking end to end (in process)")
struct BudgetPipelineTests {
    @Test("scores, places and awards match the hand computation")
    func handComputed() throws {
        let (result, fixture) = try BudgetFixture.run()
        defer { fixture.remove() }
        let files = Dictionary(uniqueKeysWithValues: try ReportSet.render(result).map { ($0.name, $0.contents) })
        #expect(files["miasta.csv"] == """
            rank,teryt,name,voivodeship,score,finance,outcomes,award
            1,1061011,Łódź,łódzkie,81.25,75.00,100.00,Lider
            2,0264011,Wrocław,dolnośląskie,68.75,75.00,50.00,Lider
            3,0261011,Jelenia Góra,dolnośląskie,0.00,0.00,0.00,Laureat

            """)
        // Two identical gminas share first place and both get the award.
        #expect(files["gminy.csv"] == """
            rank,teryt,name,voivodeship,score,finance,outcomes,award
            1,0201011,Bolesławiec,dolnośląskie,100.00,100.00,100.00,Lider
            1,0205023,Bolków,dolnośląskie,100.00,100.00,100.00,Lider

            """)
        #expect(files["not-classified.csv"] == """
            teryt,name,category,reason
            0201022,Bolesławiec,gminy,share: Σ capital over 2022–2023 is 0
            0205011,Jawor,gminy,sewage: no sewage for 2023

            """)
    }

    @Test("names, titles and units that start like a formula are text in the CSV reports; negative numbers stay numbers")
    func formulaInjection() throws {
        var files = BudgetFixture.files
        files["registry/TERC.csv"] = files["registry/TERC.csv"]!
            .replacingOccurrences(of: ";Wrocław;gmina miejska", with: ";=HYPERLINK(A1);gmina miejska")
            .replacingOccurrences(of: ";Jelenia Góra;", with: ";@Jelenia Góra;")
        files["methodologies/test-budget-2024.yaml"] = files["methodologies/test-budget-2024.yaml"]!
            .replacingOccurrences(of: "unit: PLN/os.", with: "unit: \"-PLN/os.\"")
            .replacingOccurrences(of: "title: Lider", with: "title: \"+Lider\"")
            // z-scores of the share criterion are negative below the mean.
            .replacingOccurrences(of: "normalisation: min_max", with: "normalisation: z_score")
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-budget-2024.yaml"), displayName: "m.yaml")
        let reports = Dictionary(uniqueKeysWithValues: try ReportSet.render(try Pipeline.run(methodology, inputs: fixture.folder)).map { ($0.name, $0.contents) })
        let leaderboard = try #require(reports["miasta.csv"])
        #expect(leaderboard.contains(",0264011,'=HYPERLINK(A1),dolnośląskie,"), "\(leaderboard)")
        #expect(leaderboard.contains(",0261011,'@Jelenia Góra,dolnośląskie,"))
        #expect(leaderboard.contains(",'+Lider\n"))
        let breakdown = try #require(reports["breakdown.csv"])
        #expect(breakdown.contains(",per_capita,finance,'-PLN/os.,"))
        // Jelenia Góra's share is the lowest: its z-score is a negative number, written as one.
        let share = try #require(breakdown.split(separator: "\n").first { $0.hasPrefix("miasta,0261011,") && $0.contains(",criterion,share,") })
        #expect(share.split(separator: ",")[11].hasPrefix("-"), "\(share)")
        // The plain-text table shows the names as they are.
        #expect(reports["miasta.txt"]!.contains(" =HYPERLINK(A1) "))
    }

    @Test("a metrics file in Polish spreadsheet form (`;`, decimal comma), declared in the methodology, gives the same ranking")
    func polishSpreadsheet() throws {
        var files = BudgetFixture.files
        files["data/metrics.csv"] = files["data/metrics.csv"]!.replacingOccurrences(of: ",", with: ";")
            .replacingOccurrences(of: "0264011;2023;green;40", with: "0264011;2023;green;39,5")
            .replacingOccurrences(of: "0264011;2022;green;20", with: "0264011;2022;green;20,5")
        files["methodologies/test-budget-2024.yaml"] = files["methodologies/test-budget-2024.yaml"]!.replacingOccurrences(
            of: "metrics_file: data/metrics.csv", with: "metrics_file: {path: data/metrics.csv, delimiter: semicolon, decimal: comma}")
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-budget-2024.yaml"))
        let result = try Pipeline.run(methodology, inputs: fixture.folder)
        let (plain, plainFixture) = try BudgetFixture.run()
        defer { plainFixture.remove() }
        // 20.5 + 39.5 = 20 + 40: the same sums, so the same leaderboards.
        #expect(try ReportSet.render(result).filter { $0.name.hasSuffix(".csv") && $0.name != "breakdown.csv" }
                == ReportSet.render(plain).filter { $0.name.hasSuffix(".csv") && $0.name != "breakdown.csv" })
        #expect(result.categories[0].column("share")!.raw.contains(30))
    }

    @Test("the breakdown adds up: contributions sum to the score")
    func breakdown() throws {
        let (result, fixture) = try BudgetFixture.run()
        defer { fixture.remove() }
        let text = try ReportSet.render(result).first { $0.name == "breakdown.csv" }!.contents
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let wroclaw = rows.filter { $0[1] == "0264011" }
        let criteria = wroclaw.filter { $0[4] == "criterion" }.map { Double($0[14])! }.reduce(0, +)
        let index = wroclaw.first { $0[4] == "index" }.map { Double($0[14])! }!
        #expect(abs(criteria - 68.75) < 1e-5)
        #expect(abs(index - 68.75) < 1e-9)
        #expect(wroclaw.contains { $0[5] == "share" && $0[8] == "30.000000" && $0[11] == "100.000000" && $0[13] == "0.375000" })
    }

    @Test("explain shows the values the leaderboard was built from, and the gap to the place above")
    func explain() throws {
        let (result, fixture) = try BudgetFixture.run()
        defer { fixture.remove() }
        let wroclaw = try UnitQuery.resolve("wroclaw", in: result.units)
        let text = try ExplainText.render(result, unit: wroclaw, category: nil)
        #expect(text.contains("Miejsce 2 z 3, wynik 68.75, Lider"))
        #expect(text.contains("Za miejscem 1 (Łódź, 81.25) o 12.50 pkt"))
        let jawor = try UnitQuery.resolve("0205011", in: result.units)
        #expect(try ExplainText.render(result, unit: jawor, category: nil).contains("Niesklasyfikowana: sewage: no sewage for 2023"))
    }

    @Test("names: ambiguous ones list the candidates, unknown ones suggest close matches")
    func names() throws {
        let (result, fixture) = try BudgetFixture.run()
        defer { fixture.remove() }
        let ambiguous = #expect(throws: ExplainError.self) { try UnitQuery.resolve("Bolesławiec", in: result.units) }
        #expect(ambiguous?.description == "'Bolesławiec' names 2 gminas; give the TERYT code of one: 0201011 Bolesławiec (gmina miejska, dolnośląskie); 0201022 Bolesławiec (gmina wiejska, dolnośląskie)")
        let unknown = #expect(throws: ExplainError.self) { try UnitQuery.resolve("Jawr", in: result.units) }
        #expect(unknown?.description == "no gmina named 'Jawr'; did you mean: Jawor (0205011, gmina miejska)")
        let code = #expect(throws: ExplainError.self) { try UnitQuery.resolve("0264012", in: result.units) }
        #expect(code?.description.hasPrefix("no gmina with TERYT code 0264012; did you mean: Wrocław (0264011") == true)
    }
}
