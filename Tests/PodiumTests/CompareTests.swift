import Foundation
import Testing
@testable import Podium
import PodiumCSV

/// Two report folders written by hand, with numbers chosen so that every expected figure can be
/// checked in one's head.
///
/// A (criteria c1, c2, each half of the index): miasta ranks Alfa 80 (c1 50 + c2 30), Beta 70
/// (40 + 30), Gamma and Delta tied on 60 (20 + 40, 30 + 30); Epsilon is not classified; gminy has
/// Omega 50; puste is empty.
/// B (the methodology changed: c2 dropped, c3 added): miasta ranks Gamma 85 (c1 40 + c3 45),
/// Epsilon 75, Alfa 70 (30 + 40), =Zeta 50 (new); Beta is not classified, Delta is gone; gminy was
/// renamed wsie (Omega 40); puste is empty.
enum HandMadeReports {
    static let header = "category,teryt,name,place,level,id,parent,unit,raw,treated,treatment,normalised,weight_in_parent,effective_weight,contribution\n"
    static let leaderboardHeader = "rank,teryt,name,voivodeship,score,award\n"
    static let notClassifiedHeader = "teryt,name,category,reason\n"

    static let a: [String: String] = [
        "breakdown.csv": header + """
            miasta,0000001,Alfa,1,criterion,c1,idx,%,10.000000,10.000000,none,100.000000,0.500000,0.500000,50.000000
            miasta,0000001,Alfa,1,criterion,c2,idx,%,6.000000,6.000000,none,60.000000,0.500000,0.500000,30.000000
            miasta,0000001,Alfa,1,index,idx,,pkt,,,,80.000000,1.000000,1.000000,80.000000
            miasta,0000002,Beta,2,criterion,c1,idx,%,8.000000,8.000000,none,80.000000,0.500000,0.500000,40.000000
            miasta,0000002,Beta,2,criterion,c2,idx,%,6.000000,6.000000,none,60.000000,0.500000,0.500000,30.000000
            miasta,0000002,Beta,2,index,idx,,pkt,,,,70.000000,1.000000,1.000000,70.000000
            miasta,0000003,Gamma,3,criterion,c1,idx,%,4.000000,4.000000,none,40.000000,0.500000,0.500000,20.000000
            miasta,0000003,Gamma,3,criterion,c2,idx,%,8.000000,8.000000,none,80.000000,0.500000,0.500000,40.000000
            miasta,0000003,Gamma,3,index,idx,,pkt,,,,60.000000,1.000000,1.000000,60.000000
            miasta,0000004,Delta,3,criterion,c1,idx,%,6.000000,6.000000,none,60.000000,0.500000,0.500000,30.000000
            miasta,0000004,Delta,3,criterion,c2,idx,%,6.000000,6.000000,none,60.000000,0.500000,0.500000,30.000000
            miasta,0000004,Delta,3,index,idx,,pkt,,,,60.000000,1.000000,1.000000,60.000000
            gminy,0000011,Omega,1,criterion,c1,idx,%,5.000000,5.000000,none,50.000000,0.500000,0.500000,25.000000
            gminy,0000011,Omega,1,criterion,c2,idx,%,5.000000,5.000000,none,50.000000,0.500000,0.500000,25.000000
            gminy,0000011,Omega,1,index,idx,,pkt,,,,50.000000,1.000000,1.000000,50.000000

            """,
        "miasta.csv": leaderboardHeader + """
            1,0000001,Alfa,mazowieckie,80.00,Złoto
            2,0000002,Beta,mazowieckie,70.00,
            3,0000003,Gamma,mazowieckie,60.00,
            3,0000004,Delta,mazowieckie,60.00,

            """,
        "gminy.csv": leaderboardHeader + "1,0000011,Omega,mazowieckie,50.00,Złoto\n",
        "puste.csv": leaderboardHeader,
        "not-classified.csv": notClassifiedHeader + "0000005,Epsilon,miasta,c2: no data for 2023\n",
    ]

    static let b: [String: String] = [
        "breakdown.csv": header + """
            miasta,0000003,Gamma,1,criterion,c1,idx,%,8.000000,8.000000,none,80.000000,0.500000,0.500000,40.000000
            miasta,0000003,Gamma,1,criterion,c3,idx,%,9.000000,9.000000,none,90.000000,0.500000,0.500000,45.000000
            miasta,0000003,Gamma,1,index,idx,,pkt,,,,85.000000,1.000000,1.000000,85.000000
            miasta,0000005,Epsilon,2,criterion,c1,idx,%,10.000000,10.000000,none,100.000000,0.500000,0.500000,50.000000
            miasta,0000005,Epsilon,2,criterion,c3,idx,%,5.000000,5.000000,none,50.000000,0.500000,0.500000,25.000000
            miasta,0000005,Epsilon,2,index,idx,,pkt,,,,75.000000,1.000000,1.000000,75.000000
            miasta,0000001,Alfa,3,criterion,c1,idx,%,6.000000,6.000000,none,60.000000,0.500000,0.500000,30.000000
            miasta,0000001,Alfa,3,criterion,c3,idx,%,8.000000,8.000000,none,80.000000,0.500000,0.500000,40.000000
            miasta,0000001,Alfa,3,index,idx,,pkt,,,,70.000000,1.000000,1.000000,70.000000
            miasta,0000006,'=Zeta,4,criterion,c1,idx,%,5.000000,5.000000,none,50.000000,0.500000,0.500000,25.000000
            miasta,0000006,'=Zeta,4,criterion,c3,idx,%,5.000000,5.000000,none,50.000000,0.500000,0.500000,25.000000
            miasta,0000006,'=Zeta,4,index,idx,,pkt,,,,50.000000,1.000000,1.000000,50.000000
            wsie,0000011,Omega,1,criterion,c1,idx,%,4.000000,4.000000,none,40.000000,0.500000,0.500000,20.000000
            wsie,0000011,Omega,1,criterion,c3,idx,%,4.000000,4.000000,none,40.000000,0.500000,0.500000,20.000000
            wsie,0000011,Omega,1,index,idx,,pkt,,,,40.000000,1.000000,1.000000,40.000000

            """,
        "miasta.csv": leaderboardHeader + """
            1,0000003,Gamma,mazowieckie,85.00,Złoto
            2,0000005,Epsilon,mazowieckie,75.00,
            3,0000001,Alfa,mazowieckie,70.00,
            4,0000006,'=Zeta,mazowieckie,50.00,

            """,
        "wsie.csv": leaderboardHeader + "1,0000011,Omega,mazowieckie,40.00,Złoto\n",
        "puste.csv": leaderboardHeader,
        "not-classified.csv": notClassifiedHeader + "0000002,Beta,miasta,c3: no data for 2024\n",
    ]

    /// Both folders under one temporary root: `a/` and `b/`.
    static func write(a: [String: String] = a, b: [String: String] = b) throws -> Fixture {
        var files: [String: String] = [:]
        for (name, text) in a { files["a/\(name)"] = text }
        for (name, text) in b { files["b/\(name)"] = text }
        return try Fixture(files)
    }
}

@Suite("Comparing two published rankings")
struct CompareTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func compare(_ fixture: Fixture) throws -> Comparison {
        try Comparison(PublishedRanking.read(fixture.path("a")), PublishedRanking.read(fixture.path("b")))
    }

    @Test("compare.csv of the hand-made folders, row by row")
    func handMadeCSV() throws {
        let fixture = try HandMadeReports.write()
        defer { fixture.remove() }
        let comparison = try compare(fixture)
        // Gamma: c1 40 − 20 = 20, c2 0 − 40 = −40 (dropped), c3 45 − 0 = 45 (new); 20 − 40 + 45 = 25 = 85 − 60.
        // Alfa: c1 30 − 50 = −20, c2 −30, c3 +40; −10 = 70 − 80.
        #expect(CompareCSV.render(comparison) == """
            category,teryt,name,place_a,place_b,place_change,score_a,score_b,score_change,status,reason,delta_c1,delta_c2,delta_c3,delta_unattributed
            miasta,0000003,Gamma,3,1,2,60.000000,85.000000,25.000000,both,,20.000000,-40.000000,45.000000,0.000000
            miasta,0000005,Epsilon,,2,,,75.000000,,not_classified_a,c2: no data for 2023,,,,
            miasta,0000001,Alfa,1,3,-2,80.000000,70.000000,-10.000000,both,,-20.000000,-30.000000,40.000000,0.000000
            miasta,0000006,'=Zeta,,4,,,50.000000,,entered,not in A,,,,
            miasta,0000002,Beta,2,,,70.000000,,,not_classified_b,c3: no data for 2024,,,,
            miasta,0000004,Delta,3,,,60.000000,,,left,not in B,,,,
            gminy,0000011,Omega,1,,,50.000000,,,left,no category 'gminy' in B,,,,
            wsie,0000011,Omega,,1,,,40.000000,,entered,no category 'wsie' in A,,,,

            """)
        #expect(comparison.categories.map(\.id) == ["miasta", "gminy", "puste", "wsie"])
        #expect(comparison.categories.map(\.presence) == [.both, .onlyA, .both, .onlyB])
        #expect(comparison.criteriaOnlyInA == ["c2"] && comparison.criteriaOnlyInB == ["c3"])
        // The name is read as it was before the writer neutralised it for spreadsheets.
        #expect(comparison.categories[0].units[3].name == "=Zeta")
    }

    @Test("the text summary of the hand-made folders")
    func handMadeText() throws {
        let fixture = try HandMadeReports.write()
        defer { fixture.remove() }
        let text = CompareText.render(try compare(fixture), top: 2, moves: 10)
        #expect(text == """
            Porównanie rankingów
            A: \(fixture.path("a"))
            B: \(fixture.path("b"))
            Kryteria: 2 w A, 2 w B; tylko w A: c2; tylko w B: c3 (wkład kryterium, którego nie ma, liczy się jako 0).
            Zmiana miejsca = miejsce w A − miejsce w B (dodatnia: awans); zmiana wyniku = wynik w B − wynik w A.

            Kategoria miasta
            Sklasyfikowane: 4 w A, 4 w B; w obu 2, tylko w A 2, tylko w B 2
            Miejsca: 1 w górę, 1 w dół, 0 bez zmiany; czołówka (miejsca 1–2): weszło 2, wypadło 2
            Zmiana wyniku: od -10.00 do +25.00, średnio +7.50

            Największe awanse (1):
              Miejsce A  Miejsce B  Zmiana  TERYT    Gmina  Wynik A  Wynik B  Zmiana wyniku  Największa zmiana wkładu
              ---------  ---------  ------  -------  -----  -------  -------  -------------  ------------------------
                      3          1      +2  0000003  Gamma    60.00    85.00         +25.00  c3 +45.00

            Największe spadki (1):
              Miejsce A  Miejsce B  Zmiana  TERYT    Gmina  Wynik A  Wynik B  Zmiana wyniku  Największa zmiana wkładu
              ---------  ---------  ------  -------  -----  -------  -------  -------------  ------------------------
                      1          3      -2  0000001  Alfa     80.00    70.00         -10.00  c3 +40.00

            Weszły do czołówki (miejsca 1–2) (2):
              Miejsce A  Miejsce B  TERYT    Gmina    Wynik A  Wynik B
              ---------  ---------  -------  -------  -------  -------
                      3          1  0000003  Gamma      60.00    85.00
                      -          2  0000005  Epsilon        -    75.00

            Wypadły z czołówki (miejsca 1–2) (2):
              Miejsce A  Miejsce B  TERYT    Gmina  Wynik A  Wynik B
              ---------  ---------  -------  -----  -------  -------
                      1          3  0000001  Alfa     80.00    70.00
                      2          -  0000002  Beta     70.00        -

            Tylko w A (2):
              Miejsce A  TERYT    Gmina  Wynik A  Powód
              ---------  -------  -----  -------  -------------------------------------------
                      2  0000002  Beta     70.00  niesklasyfikowana w B: c3: no data for 2024
                      3  0000004  Delta    60.00  brak w B

            Tylko w B (2):
              Miejsce B  TERYT    Gmina    Wynik B  Powód
              ---------  -------  -------  -------  -------------------------------------------
                      2  0000005  Epsilon    75.00  niesklasyfikowana w A: c2: no data for 2023
                      4  0000006  =Zeta      50.00  brak w A

            Kategoria gminy: tylko w A (sklasyfikowane: 1); w B nie ma tej kategorii.

            Kategoria puste
            Sklasyfikowane: 0 w A, 0 w B; w obu 0, tylko w A 0, tylko w B 0
            Miejsca: 0 w górę, 0 w dół, 0 bez zmiany; czołówka (miejsca 1–2): weszło 0, wypadło 0

            Kategoria wsie: tylko w B (sklasyfikowane: 1); w A nie ma tej kategorii.

            """)
    }

    @Test("a folder compared with itself: every unit in both, every change zero", arguments: [
        "hand-made", "Reports/2024/green-finance", "Reports/2024/zlote-lajki",
    ])
    func itself(folder: String) throws {
        let fixture = try HandMadeReports.write()
        defer { fixture.remove() }
        let path = folder == "hand-made" ? fixture.path("a") : Self.repository.appendingPathComponent(folder).path
        let published = try PublishedRanking.read(path)
        let comparison = try Comparison(published, published)
        let units = comparison.categories.flatMap(\.units)
        #expect(units.count == published.categories.reduce(0) { $0 + $1.units.count })
        #expect(units.count > 0)
        for unit in units {
            #expect(unit.status == .both && unit.placeChange == 0 && unit.scoreChange == 0 && unit.unattributed == 0, "\(unit)")
            #expect(unit.deltas.count == comparison.criteria.count && unit.deltas.allSatisfy { $0 == 0 }, "\(unit)")
        }
        let csv = CompareCSV.render(comparison).split(separator: "\n").dropFirst()
        #expect(csv.allSatisfy { $0.contains(",0,") && $0.contains(",0.000000,both,,") }, "\(csv.first ?? "")")
    }

    /// A's index is an arithmetic mean over pillars p (c1) and q (c2); Kappa's pillar q has no value
    /// (aggregated around: c2 has a value but contributes nothing). B is a Copeland ranking: values,
    /// no contributions.
    @Test("contributions not printed are unknown and the residual carries the change; a criterion under a pillar without a value contributes 0")
    func unattributed() throws {
        let header = HandMadeReports.header
        let a = header + """
            k,A1,Kappa,1,criterion,c1,p,%,1,1,none,80.000000,1.000000,0.500000,80.000000
            k,A1,Kappa,1,criterion,c2,q,%,1,1,none,30.000000,1.000000,0.500000,
            k,A1,Kappa,1,pillar,p,idx,pkt,,,,80.000000,0.500000,0.500000,80.000000
            k,A1,Kappa,1,pillar,q,idx,pkt,,,,,0.500000,0.500000,
            k,A1,Kappa,1,index,idx,,pkt,,,,80.000000,1.000000,1.000000,80.000000
            k,A2,Lambda,2,criterion,c1,p,%,1,1,none,40.000000,1.000000,0.500000,20.000000
            k,A2,Lambda,2,criterion,c2,q,%,1,1,none,20.000000,1.000000,0.500000,10.000000
            k,A2,Lambda,2,pillar,p,idx,pkt,,,,40.000000,0.500000,0.500000,20.000000
            k,A2,Lambda,2,pillar,q,idx,pkt,,,,20.000000,0.500000,0.500000,10.000000
            k,A2,Lambda,2,index,idx,,pkt,,,,30.000000,1.000000,1.000000,30.000000

            """
        let b = header.replacingOccurrences(of: "teryt", with: "id") + """
            k,A2,Lambda,1,criterion,c1,idx,%,1,1,none,40.000000,0.500000,0.500000,
            k,A2,Lambda,1,criterion,c2,idx,%,1,1,none,20.000000,0.500000,0.500000,
            k,A2,Lambda,1,index,idx,,pkt,,,,1.000000,1.000000,1.000000,1.000000
            k,A1,Kappa,2,criterion,c1,idx,%,1,1,none,80.000000,0.500000,0.500000,
            k,A1,Kappa,2,criterion,c2,idx,%,1,1,none,30.000000,0.500000,0.500000,
            k,A1,Kappa,2,index,idx,,pkt,,,,-1.000000,1.000000,1.000000,-1.000000

            """
        let board = "rank,id,name,score,award\n"
        let fixture = try HandMadeReports.write(
            a: ["breakdown.csv": a.replacingOccurrences(of: "teryt", with: "id"), "k.csv": board + "1,A1,Kappa,80.00,\n2,A2,Lambda,30.00,\n",
                "not-classified.csv": "id,name,category,reason\n"],
            b: ["breakdown.csv": b, "k.csv": board + "1,A2,Lambda,1.00,\n2,A1,Kappa,-1.00,\n", "not-classified.csv": "id,name,category,reason\n"])
        defer { fixture.remove() }
        let published = try PublishedRanking.read(fixture.path("a"))
        #expect(published.codeColumn == "id")
        #expect(published.categories[0].units[0].contributions == ["c1": 80, "c2": 0])
        let copeland = try PublishedRanking.read(fixture.path("b"))
        #expect(copeland.categories[0].units[0].contributions == ["c1": nil, "c2": nil])

        let comparison = try Comparison(published, copeland)
        #expect(CompareCSV.render(comparison) == """
            category,id,name,place_a,place_b,place_change,score_a,score_b,score_change,status,reason,delta_c1,delta_c2,delta_unattributed
            k,A2,Lambda,2,1,1,30.000000,1.000000,-29.000000,both,,,,-29.000000
            k,A1,Kappa,1,2,-1,80.000000,-1.000000,-81.000000,both,,,,-81.000000

            """)
        #expect(comparison.categories[0].units.allSatisfy { $0.hasUnattributedChange })
        #expect(CompareText.render(comparison).contains("Zmiana wyniku niewyjaśniona wkładami kryteriów (agregacja, która nie jest sumą wkładów, np. Copeland): 2 z 2, największa 81.00 pkt"))

        // Back from Copeland to the arithmetic mean: Kappa's c1 is known on one side only.
        let back = try Comparison(copeland, published)
        #expect(back.categories[0].units.map(\.deltas) == [[nil, nil], [nil, nil]])
        #expect(back.categories[0].units.map(\.unattributed) == [81, 29])
    }

    @Test("the residual is nonzero only by the rounding of the printed figures when the aggregation is a sum of parts")
    func rounding() throws {
        // 0.333333 + 0.333333 + 0.333333 = 0.999999, printed score 1.000000: 10⁻⁶ of rounding.
        var a = HandMadeReports.a, b = HandMadeReports.b
        a["breakdown.csv"] = HandMadeReports.header + """
            x,0000001,Alfa,1,criterion,c1,idx,%,1,1,none,1.000000,0.333333,0.333333,0.000000
            x,0000001,Alfa,1,index,idx,,pkt,,,,0.000000,1.000000,1.000000,0.000000

            """
        a["x.csv"] = HandMadeReports.leaderboardHeader + "1,0000001,Alfa,m,0.00,\n"
        b["breakdown.csv"] = HandMadeReports.header + """
            x,0000001,Alfa,1,criterion,c1,idx,%,1,1,none,1.000000,0.333333,0.333333,0.333333
            x,0000001,Alfa,1,criterion,c2,idx,%,1,1,none,1.000000,0.333333,0.333333,0.333333
            x,0000001,Alfa,1,criterion,c3,idx,%,1,1,none,1.000000,0.333333,0.333333,0.333333
            x,0000001,Alfa,1,index,idx,,pkt,,,,1.000000,1.000000,1.000000,1.000000

            """
        b["x.csv"] = a["x.csv"]
        for name in ["miasta.csv", "gminy.csv", "wsie.csv", "puste.csv"] { a[name] = nil; b[name] = nil }
        let fixture = try HandMadeReports.write(a: a, b: b)
        defer { fixture.remove() }
        let unit = try compare(fixture).categories[0].units[0]
        #expect(CompareCSV.render(try compare(fixture)).hasSuffix(
            "\nx,0000001,Alfa,1,1,0,0.000000,1.000000,1.000000,both,,0.333333,0.333333,0.333333,0.000001\n"))
        #expect(!unit.hasUnattributedChange)
    }

    @Test("a report file that is not what podium writes is an error naming its file, line and column", arguments: [
        ("breakdown.csv", "miasta,0000002,Beta,2,index", "miasta,0000002,Beta,x,index",
         "a/breakdown.csv:7: column 'place': 'x' is not a whole number"),
        ("breakdown.csv", "miasta,0000002,Beta,2,index", "miasta,0000002,Beta,2,indeks",
         "a/breakdown.csv:7: column 'level': 'indeks' is not criterion, pillar or index"),
        ("breakdown.csv", "1.000000,70.000000", "1.000000,7O.000000",
         "a/breakdown.csv:7: column 'contribution': '7O.000000' is not a number (decimal point, e.g. 1234.56)"),
        ("breakdown.csv", ",,,70.000000,1.000000", ",,,,1.000000",
         "a/breakdown.csv:7: column 'normalised' is empty: the index row holds the score"),
        ("breakdown.csv", "miasta,0000002,Beta,2,index,idx,,pkt,,,,70.000000,1.000000,1.000000,70.000000\n", "",
         "a/breakdown.csv:5: teryt '0000002' in category 'miasta' has no index row (its score)"),
        ("breakdown.csv", "miasta,0000002,Beta,2,criterion,c2", "miasta,0000002,Beta,3,criterion,c2",
         "a/breakdown.csv:6: teryt '0000002' in category 'miasta' is 'Beta' on place 3 here but 'Beta' on place 2 on line 5"),
        ("breakdown.csv", "miasta,0000002,Beta,2,criterion,c2", "miasta,0000002,Beta,2,criterion,c1",
         "a/breakdown.csv:6: 'c1' is listed twice for teryt '0000002' in category 'miasta'"),
        ("breakdown.csv", "category,teryt,name", "rank,teryt,name",
         "a/breakdown.csv:1: not a podium breakdown: the first columns must be category and teryt (or id); found 'rank', 'teryt', 'name', 'place', 'level'"),
        ("breakdown.csv", "miasta,0000001,Alfa,1,criterion,c1,", "miasta,\"0000001\"x,Alfa,1,criterion,c1,",
         "a/breakdown.csv:2: malformed CSV: "),
        ("miasta.csv", "2,0000002,Beta", "4,0000002,Beta",
         "a/miasta.csv:3: column 'rank': '4' disagrees with breakdown.csv, which puts '0000002' on place 2"),
        ("miasta.csv", "2,0000002,Beta", "2,0000009,Beta",
         "a/miasta.csv:3: teryt '0000009' is not in category 'miasta' of breakdown.csv"),
        ("miasta.csv", "3,0000004,Delta,mazowieckie,60.00,\n", "",
         "a/breakdown.csv:11: teryt '0000004' of category 'miasta' is missing from its leaderboard a/miasta.csv"),
        ("not-classified.csv", "teryt,name,category,reason", "teryt,name,kategoria,reason",
         "a/not-classified.csv:1: missing required column 'category'; found 'teryt', 'name', 'kategoria', 'reason'"),
    ])
    func malformed(file: String, original: String, replacement: String, message: String) throws {
        var a = HandMadeReports.a
        let text = a[file]!
        #expect(text.contains(original), "the test's original text is not in \(file)")
        a[file] = text.replacingOccurrences(of: original, with: replacement)
        let fixture = try HandMadeReports.write(a: a)
        defer { fixture.remove() }
        do {
            _ = try PublishedRanking.read(fixture.path("a"))
            Issue.record("no error for \(message)")
        } catch {
            let description = "\(error)".replacingOccurrences(of: fixture.root.path + "/", with: "")
            #expect(description.hasPrefix(message), "\(description)")
            #expect(error is CSVError || error is InputError, "\(type(of: error))")
        }
    }

    @Test("a category in breakdown.csv without its leaderboard is an error")
    func missingLeaderboard() throws {
        var a = HandMadeReports.a
        a["gminy.csv"] = nil
        let fixture = try HandMadeReports.write(a: a)
        defer { fixture.remove() }
        #expect(throws: InputError(file: fixture.path("a/breakdown.csv"), line: 14, message: "category 'gminy' has no leaderboard gminy.csv in the folder")) {
            try PublishedRanking.read(fixture.path("a"))
        }
    }

    @Test("folders that cannot be compared: none, not a report folder, units keyed differently")
    func usage() throws {
        let fixture = try HandMadeReports.write()
        defer { fixture.remove() }
        #expect(throws: CompareError.noFolder(fixture.path("c"))) { try PublishedRanking.read(fixture.path("c")) }
        #expect(throws: CompareError.noFolder(fixture.path("a/miasta.csv"))) { try PublishedRanking.read(fixture.path("a/miasta.csv")) }
        #expect(throws: CompareError.notReportFolder(fixture.root.path, rankings: ["a", "b"])) { try PublishedRanking.read(fixture.root.path) }

        try fixture.write("c/breakdown.csv", HandMadeReports.header.replacingOccurrences(of: "teryt", with: "id"))
        try fixture.write("c/not-classified.csv", "id,name,category,reason\n")
        let keyedById = try PublishedRanking.read(fixture.path("c"))
        #expect(keyedById.categories.isEmpty && keyedById.codeColumn == "id")
        #expect(throws: CompareError.differentCodes(a: fixture.path("a"), codeA: "teryt", b: fixture.path("c"), codeB: "id")) {
            try Comparison(PublishedRanking.read(fixture.path("a")), keyedById)
        }
    }

    @Test("--output may name a new folder or one with only an earlier comparison, nothing else")
    func output() throws {
        let fixture = try HandMadeReports.write()
        defer { fixture.remove() }
        try CompareReport.checkOutput(fixture.path("new"))
        try fixture.write("old/compare.csv", "x\n")
        try fixture.write("old/compare.txt", "x\n")
        try CompareReport.checkOutput(fixture.path("old"))
        #expect(throws: CompareError.outputHoldsOtherFiles(fixture.path("a"), files: ["breakdown.csv", "gminy.csv", "miasta.csv", "not-classified.csv", "puste.csv"])) {
            try CompareReport.checkOutput(fixture.path("a"))
        }
        #expect(throws: CompareError.outputNotFolder(fixture.path("a/miasta.csv"))) { try CompareReport.checkOutput(fixture.path("a/miasta.csv")) }
    }
}
