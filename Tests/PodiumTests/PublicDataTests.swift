import Foundation
import PodiumCSV
import PodiumTestFixtures
import Testing
@testable import Podium

/// The Green Finance inputs as published: Rb-28S ZIPs (dBase, Windows-1250) and GUS BDL exports,
/// over the small register of Tests/Fixtures/budget (Jawor 0205011, Bolków 0205023, Jelenia Góra
/// 0261011 and Wrocław 0264011 with powiat rights, Łódź 1061011 …). Every expected number is worked
/// out by hand from the lines below.
@Suite("Public data: Rb-28S and BDL")
struct PublicDataTests {
    // MARK: Rb-28S

    /// Field order and widths as a report might have them, with fields podium ignores.
    static let fields2023: [DBaseTable.Field] = [
        .init("WK", "C", 2), .init("PK", "C", 2), .init("GK", "C", 2), .init("GT", "C", 1), .init("PT", "C", 1),
        .init("NAZWA", "C", 30), .init("ROK", "N", 4), .init("DZIAL", "C", 3), .init("ROZDZIAL", "C", 5),
        .init("PAR", "C", 3), .init("PAR4", "C", 1), .init("R1", "N", 17, decimals: 2), .init("R4", "N", 17, decimals: 2),
    ]

    /// One budget line in the 2023 layout.
    static func line(_ unit: (String, String, String, String, String), _ section: String, _ chapter: String, _ paragraph: String,
                     _ financing: String, _ r4: String, name: String = "", deleted: Bool = false) -> DBaseTable.Record {
        DBaseTable.Record(bytes: [unit.0, unit.1, unit.2, unit.3, unit.4].map { Array($0.utf8) } + [windows1250(name)]
            + ["2023", section, chapter, paragraph, financing, "999999.00", r4].map { Array($0.utf8) }, deleted: deleted)
    }

    static let jawor = ("02", "05", "01", "1", "1")
    static let wroclaw = ("02", "64", "00", " ", "2")
    static let lodz = ("10", "61", "00", " ", "2")
    static let powiatBoleslawiecki = ("02", "01", "00", " ", "2")
    static let voivodeship = ("02", "00", "00", " ", "3")
    static let union = ("02", "05", "00", " ", "5")
    static let newGmina = ("02", "05", "09", "2", "1")

    static let lines2023: [DBaseTable.Record] = [
        line(jawor, "900", "90001", "605", "8", "100.50"),
        line(jawor, "900", "90002", "421", "0", "50"),
        line(jawor, "750", "75023", "605", "0", "200.00"),
        line(jawor, "900", "90001", "605", "8", "999.00", deleted: true),
        line(jawor, "900", "90001", "605", "8", "-0.50"),
        line(jawor, "750", "75023", "421", "0", ""),
        line(wroclaw, "925", "92502", "605", "1", "10.00"),
        line(lodz, "600", "60016", "430", "0", "5.00"),
        line(powiatBoleslawiecki, "900", "90001", "605", "8", "7000.00"),
        line(voivodeship, "900", "90001", "605", "8", "8000.00"),
        line(union, "900", "90001", "605", "8", "9000.00"),
        line(newGmina, "900", "90001", "605", "8", "1.00", name: "Gmina Łęknica Nowa"),
        // A gmina type with a one-digit gmina code: TERYT 020511 is no gmina of the register, so the
        // line is skipped and named like a gmina created after the register's date, never an error.
        line(("02", "05", "1", "1", "1"), "900", "90001", "605", "8", "2.00", name: "Krzywa"),
    ]

    /// 2022 in another layout: other field order, lower-case names, wider fields, no end byte, stored
    /// (not deflated). Jawor only: 40 of green capital spending, 60 elsewhere.
    static var table2022: DBaseTable {
        let fields: [DBaseTable.Field] = [
            .init("r4", "N", 20, decimals: 2), .init("par4", "C", 1), .init("par", "C", 3), .init("rozdzial", "C", 5),
            .init("dzial", "C", 3), .init("extra", "C", 10), .init("pt", "C", 1), .init("gt", "C", 1), .init("gk", "C", 2),
            .init("pk", "C", 2), .init("wk", "C", 2),
        ]
        var table = DBaseTable(fields: fields, records: [
            .init(["40.00", "9", "606", "90005", "900", "x", "1", "1", "01", "05", "02"]),
            .init(["60.00", "0", "430", "75023", "750", "", "1", "1", "01", "05", "02"]),
        ])
        table.endByte = false
        table.version = 0x83
        return table
    }

    static let methodology = """
        schema: 1
        id: test-public-2024
        ranking: test-public
        title: Ranking testowy
        edition: 2024
        inputs:
          register: registry/TERC.csv
          population: {type: bdl, file: registry/bdl-population.csv}
          sources:
            - type: rb28s
              files: rb28s/Rb28S_{year}Q4.zip
              metrics:
                total: {unit: PLN}
                capital: {paragraph: ["6*"]}
                green: {paragraph: ["6*"], chapter: &green ["90001", "90005", "925*"]}
                environment: {chapter: *green}
                eu: {paragraph: ["6*"], chapter: *green, financing: ["1", "7", "8"]}
            - {type: bdl, file: bdl/sewage.csv, metric: sewage, unit: "%"}
        period:
          years: {from: 2022, to: 2023}
        categories:
          - {id: wszystkie, title: Wszystkie gminy, where: {rodz: [1, 2, 3]}}
        criteria:
          - {id: share, name: Udział, kind: ratio_over_window, unit: "%", direction: higher_is_better, parameters: {numerator: green, denominator: capital, scale: 100}}
          - {id: sewage, name: Kanalizacja, kind: last_window_year_value, unit: "%", direction: higher_is_better, parameters: {metric: sewage}}
        index:
          id: index
          title: Indeks
          children:
            - {criterion: share, weight: 1}
            - {criterion: sewage, weight: 1}
        missing_data: not_classified
        treatment: none
        normalisation: min_max
        ties: {tolerance: 1.0e-9, order: teryt}
        awards:
          - {places: {from: 1, to: 1}, title: Lider}
        """

    static let population = "\u{FEFF}\"Kod\";\"Nazwa\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n"
        + "\"000000000000\";\"POLSKA\";\"2023\";\"37 766 327\";\"osoba\";\"\";\n"
        + "\"010214305011\";\"Jawor\";\"2022\";\"22\u{00A0}600\";\"osoba\";\"\";\n"
        + "\"010214305011\";\"Jawor\";\"2023\";\"22 517\";\"osoba\";\"\";\n"
        + "\"011212161011\";\"Kraków\";\"2023\";\"800 000\";\"osoba\";\"\";\n"

    static let sewage = "\"Kod\";\"Nazwa\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n"
        + "\"010214305011\";\"Jawor\";2023;95,6;\"%\";\"\";\n"
        + "\"010214305011\";\"Jawor\";2022;-;\"%\";\"\";\n"
        + "\"010214364011\";\"Wrocław\";2023;99,1;\"%\";\"\";\n"

    /// The fixture's register and the files above, with the reports of 2022 and 2023 as ZIPs.
    static func fixture(lines2023: [DBaseTable.Record] = lines2023, zip2023: [ZipFile.Entry]? = nil,
                        methodology: String = methodology, extra: [String: String] = [:]) throws -> Fixture {
        var files = ["registry/TERC.csv": Fixture.terc, "registry/bdl-population.csv": population, "bdl/sewage.csv": sewage,
                     "methodologies/test-public-2024.yaml": methodology]
        files.merge(extra) { $1 }
        let fixture = try Fixture(files)
        try FileManager.default.createDirectory(atPath: fixture.path("rb28s"), withIntermediateDirectories: true)
        try ZipFile.write([.directory("dane/"), ZipFile.Entry("czytaj.txt", Array("Rb-28S".utf8)),
                           ZipFile.Entry("dane/RB28S_2022.DBF", table2022.bytes, compression: .store)],
                          to: fixture.path("rb28s/Rb28S_2022Q4.zip"))
        try ZipFile.write(zip2023 ?? [ZipFile.Entry("Rb28S_2023Q4.dbf", DBaseTable(fields: fields2023, records: lines2023).bytes)],
                          to: fixture.path("rb28s/Rb28S_2023Q4.zip"))
        return fixture
    }

    static func run(_ fixture: Fixture, threads: Int = 1) throws -> RankingResult {
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-public-2024.yaml"))
        return try Pipeline.run(methodology, inputs: fixture.folder, threads: threads)
    }

    @Test("Rb-28S sums by gmina and year: filters with prefixes, deleted records, blank and negative amounts, cities with powiat rights")
    func sums() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        for threads in [1, 2] {
            let result = try Self.run(fixture, threads: threads)
            let jawor = result.data.values(of: UnitCode(teryt: "0205011")!)
            #expect(jawor.value("total", year: 2023) == 350)
            #expect(jawor.value("capital", year: 2023) == 300)
            #expect(jawor.value("green", year: 2023) == 100)
            #expect(jawor.value("eu", year: 2023) == 100)
            #expect(jawor.value("environment", year: 2023) == 100, "90002 is not in this list")
            #expect(jawor.value("total", year: 2022) == 100)
            #expect(jawor.value("green", year: 2022) == 40)
            #expect(jawor.value("eu", year: 2022) == 0, "PAR4 9 is not 1, 7 or 8: rows but none matching is 0")
            let wroclaw = result.data.values(of: UnitCode(teryt: "0264011")!)
            #expect(wroclaw.value("green", year: 2023) == 10, "925* is a prefix; GK 00, PT 2, PK 64 → 0264011")
            #expect(wroclaw.value("eu", year: 2023) == 10)
            #expect(wroclaw.value("total", year: 2022) == nil, "no line in 2022: missing, never zero")
            let lodz = result.data.values(of: UnitCode(teryt: "1061011")!)
            #expect(lodz.value("total", year: 2023) == 5)
            #expect(lodz.value("green", year: 2023) == 0)
            #expect(result.data.values(of: UnitCode(teryt: "0205023")!).value("total", year: 2023) == nil)
            let notes = result.notes.compactMap { note -> (Int, Int, Int, [String], Int)? in
                if case .rb28s(_, let year, let records, let deleted, let other, let unknown, _, _, _) = note {
                    return (year, records, deleted, unknown, other)
                }
                return nil
            }
            #expect(notes.count == 2)
            #expect(notes[1].0 == 2023 && notes[1].1 == 12 && notes[1].2 == 1 && notes[1].4 == 3)
            #expect(notes[1].3 == ["0205092 Gmina Łęknica Nowa (1 line)", "020511 Krzywa (1 line)"], "named as the report spells it, from Windows-1250")
        }
    }

    @Test("BDL: population and a variable, country and other rows skipped, '-' is missing, BOM, no-break spaces")
    func bdl() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let result = try Self.run(fixture)
        #expect(result.register.population[UnitCode(teryt: "0205011")!] == [2022: 22600, 2023: 22517])
        let jawor = result.data.values(of: UnitCode(teryt: "0205011")!)
        #expect(jawor.value("sewage", year: 2023) == 95.6)
        #expect(jawor.value("sewage", year: 2022) == nil)
        #expect(result.data.values(of: UnitCode(teryt: "0264011")!).value("sewage", year: 2023) == 99.1)
        let population = result.notes.compactMap { note -> (Int, Int, [String])? in
            if case .bdl(_, "population", let rows, let other, let unknown, _, _, _) = note { return (rows, other, unknown) }
            return nil
        }
        #expect(population.count == 1)
        #expect(population.first?.0 == 4 && population.first?.1 == 2)
        #expect(population.first?.2 == ["1261011 (Kraków)"], "a gmina's id that is not in the register is named")
    }

    @Test("BDL quirks, one file each", arguments: [
        // Windows-1250 declared: the dimension column and its value are read in that encoding.
        ("{file: b.csv, metric: m, unit: '%', encoding: windows-1250, dimensions: {Płeć: ogółem}}",
         [UInt8](windows1250("\"Kod\";\"Nazwa\";\"Płeć\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n\"010214305011\";\"Jawor\";\"ogółem\";\"2023\";\"1 234,5\";\"%\";\"\";\n\"010214305011\";\"Jawor\";\"kobiety\";\"2023\";\"9\";\"%\";\"\";\n")),
         "1234.5"),
        ("{file: b.csv, metric: m, unit: '%'}",
         Array("\"Kod\";\"Nazwa\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n\"010214305011\";\"Jawor\";\"2023\";\"-12\u{202F}345,25\";\"%\";\"\";\n".utf8),
         "error: negative value"),
        ("{file: b.csv, metric: m, unit: '%', signed: true}",
         Array("\"Kod\";\"Nazwa\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n\"010214305011\";\"Jawor\";\"2023\";\"-12\u{202F}345,25\";\"%\";\"\";\n".utf8),
         "-12345.25"),
        ("{file: b.csv, metric: m, unit: '%'}",
         Array("\"Kod\";\"Nazwa\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n\"010214305011\";\"Jawor\";\"2023\";\"12,3,4\";\"%\";\"\";\n".utf8),
         "error: b.csv:2: column 'Wartosc': '12,3,4' is not a number"),
        ("{file: b.csv, metric: m, unit: '%'}",
         Array("teryt;year;value\n0205011;2023;1\n".utf8),
         "error: b.csv:1: not a BDL export: no column 'Kod'"),
        ("{file: b.csv, metric: m, unit: '%'}",
         Array("\"Kod\";\"Nazwa\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n\"0205011\";\"Jawor\";\"2023\";\"1\";\"%\";\"\";\n".utf8),
         "error: b.csv:2: column 'Kod': '0205011' is not a 12-digit BDL unit code"),
        ("{file: b.csv, metric: m, unit: '%', layout: wide, dimensions: {Płeć: ogółem}}",
         Array("\"Kod\";\"Nazwa\";\"ogółem;2023;[%]\";\"kobiety;2023;[%]\";\"ogółem;2022;[%]\";\n\"010214305011\";\"Jawor\";\"7,5\";\"1\";\"-\";\n".utf8),
         "7.5"),
        ("{file: b.csv, metric: m, unit: '%', layout: wide}",
         Array("\"Kod\";\"Nazwa\";\"ogółem;2023;[%]\";\"kobiety;2023;[%]\";\n\"010214305011\";\"Jawor\";\"7,5\";\"1\";\n".utf8),
         "error: b.csv:1: columns 'ogółem;2023;[%]' and 'kobiety;2023;[%]' are both for 2023"),
        ("{file: b.csv, metric: m, unit: '%'}",
         Array("\"Kod\";\"Nazwa\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n\"010214305011\";\"Jawor\";\"2023\";\"1\";\"%\";\"\";\n\"010214305011\";\"Jawor\";\"2023\";\"2\";\"%\";\"\";\n".utf8),
         "error: b.csv:3: the value of 0205011 (Jawor) for 2023 is given twice (first on line 2)"),
    ])
    func bdlQuirks(parameters: String, file: [UInt8], expected: String) throws {
        let fixture = try Fixture(["units.csv": "id,name\n0205011,Jawor\n"])
        defer { fixture.remove() }
        try Data(file).write(to: URL(fileURLWithPath: fixture.path("b.csv")))
        let register = try UnitTableLoader.load(fixture.path("units.csv"))
        let source = try BDL(parameters: .example(parameters, keys: BDL.description.parameters.map(\.name)))
        do {
            let read = try source.loadYearly(SourceRequest(register: register, folder: fixture.folder, methodologyFile: "m.yaml",
                                                           period: .years(2023...2023), progress: nil))
            let value = read.values[UnitCode(id: "0205011")!]?["m"]?[2023]
            #expect(value.map { NumberText.plain($0) } == expected)
        } catch {
            #expect(expected.hasPrefix("error: "), "\(error)")
            #expect("\(error)".contains(expected.dropFirst("error: ".count)), "\(error)")
        }
    }

    @Test("explain --lines lists the budget lines behind a sum, and they add up to the run's value")
    func budgetLines() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let result = try Self.run(fixture)
        let jawor = try #require(result.units.first { $0.code.text == "0205011" })
        let text = try ExplainText.budgetLines(result, unit: jawor, metric: "green", years: [2023], inputs: fixture.folder)
        #expect(text.contains("2023: 2 pozycje z"))
        #expect(text.contains("suma 100.00 PLN"))
        #expect(text.contains("1  900    90001     6058      100.50"))
        #expect(text.contains("5  900    90001     6058       -0.50"))
        #expect(!text.contains("999.00"), "a deleted record is no budget line")
        let wroclaw = try #require(result.units.first { $0.code.text == "0264011" })
        let missing = try ExplainText.budgetLines(result, unit: wroclaw, metric: "green", years: nil, inputs: fixture.folder)
        #expect(missing.contains("2022: brak pozycji 0264011"))
        #expect(throws: ExplainError.self) { try ExplainText.budgetLines(result, unit: jawor, metric: "sewage", years: nil, inputs: fixture.folder) }
        #expect(throws: ExplainError.self) { try ExplainText.budgetLines(result, unit: jawor, metric: "green", years: [2019], inputs: fixture.folder) }
        let explained = try ExplainText.render(result, unit: jawor, category: nil)
        #expect(explained.contains("rb28s rb28s/Rb28S_{year}Q4.zip"))
        #expect(explained.contains("bdl registry/bdl-population.csv"))
    }

    @Test("Errors in Rb-28S reports name the file, the record and the field", arguments: [
        ("R4 not a number", [line(jawor, "900", "90001", "605", "8", "12a")], nil, "Rb28S_2023Q4.zip/Rb28S_2023Q4.dbf:record 1: field 'R4'"),
        ("no dBase table", [], [ZipFile.Entry("readme.txt", Array("x".utf8))], "Rb28S_2023Q4.zip"),
        // Found by the rb28s fuzz target: 63 decimals reached `scaled`'s precondition (at most 18) and trapped.
        ("R4 with 19 decimals", [], [ZipFile.Entry("Rb28S_2023Q4.dbf", DBaseTable(
            fields: fields2023.dropLast() + [.init("R4", "N", 17, decimals: 19)], records: [line(jawor, "900", "90001", "605", "8", "1")]).bytes)],
         "Rb28S_2023Q4.zip/Rb28S_2023Q4.dbf: field 'R4' has 19 decimals; amounts are summed exactly with at most 18"),
    ] as [(String, [DBaseTable.Record], [ZipFile.Entry]?, String)])
    func reportErrors(name: String, lines: [DBaseTable.Record], zip: [ZipFile.Entry]?, expected: String) throws {
        let fixture = try Self.fixture(lines2023: lines, zip2023: zip)
        defer { fixture.remove() }
        do {
            _ = try Self.run(fixture)
            Issue.record("\(name): read without an error")
        } catch {
            #expect("\(error)".contains(expected), "\(name): \(error)")
        }
    }

    @Test("A missing field and a truncated ZIP are errors, not crashes")
    func brokenFiles() throws {
        var fields = Self.fields2023
        fields.removeLast()
        let table = DBaseTable(fields: fields, records: [DBaseTable.Record(bytes: Self.line(Self.jawor, "900", "90001", "605", "8", "1").values.dropLast().map { $0 })])
        let fixture = try Self.fixture(zip2023: [ZipFile.Entry("Rb28S_2023Q4.dbf", table.bytes)])
        defer { fixture.remove() }
        #expect { try Self.run(fixture) } throws: { "\($0)".contains("missing required field 'R4'") }
        let path = fixture.path("rb28s/Rb28S_2023Q4.zip")
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try ZipFile.write([ZipFile.Entry("Rb28S_2023Q4.dbf", DBaseTable(fields: Self.fields2023, records: Self.lines2023 + Self.lines2023 + Self.lines2023).bytes)], to: path)
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(whole.count > 0)
        #expect { try Self.run(fixture) } throws: { "\($0)".contains("Rb28S_2023Q4.zip") }
    }

    // MARK: Sources together

    @Test("Two sources giving one metric for one gmina and year is an error naming both")
    func collision() throws {
        let methodology = Self.methodology.replacingOccurrences(
            of: "    - {type: bdl, file: bdl/sewage.csv, metric: sewage, unit: \"%\"}",
            with: "    - {type: bdl, file: bdl/sewage.csv, metric: sewage, unit: \"%\"}\n    - {type: municipal_metrics, metrics_file: extra.csv, metrics: {sewage: \"%\"}}")
        let fixture = try Self.fixture(methodology: methodology, extra: ["extra.csv": "teryt,year,metric,value\n0205023,2023,sewage,50\n"])
        defer { fixture.remove() }
        let result = try Self.run(fixture)
        #expect(result.data.values(of: UnitCode(teryt: "0205023")!).value("sewage", year: 2023) == 50, "another gmina: no collision")
        try fixture.write("extra.csv", "teryt,year,metric,value\n0205011,2023,sewage,50\n")
        #expect { try Self.run(fixture) } throws: {
            "\($0)".contains("two sources give sewage of 0205011 for 2023: bdl bdl/sewage.csv and municipal_metrics extra.csv")
        }
    }

    @Test("Methodology errors of the sources", arguments: [
        ("    - {type: bdl, file: bdl/sewage.csv, metric: sewage, unit: \"%\"}", "    - {type: bdl, file: bdl/sewage.csv, metric: sewage, unit: PLN}\n    - {type: bdl, file: bdl/sewage.csv, metric: sewage, unit: \"%\"}",
         "metric 'sewage' is given in '%' here and in 'PLN' by an earlier source"),
        ("files: rb28s/Rb28S_{year}Q4.zip", "files: rb28s/Rb28S.zip", "must hold {year}"),
        ("chapter: &green [\"90001\"", "chapter: &green [\"9001\"", "'9001' is not a chapter (ROZDZIAL) code"),
        ("capital: {paragraph: [\"6*\"]}", "capital: {paragraph: [\"6*\"], article: [\"1\"]}", "unknown key 'article'"),
        ("  sources:", "  type: municipal_metrics\n  sources:", "give either 'type' (one source) or 'sources'"),
        ("population: {type: bdl,", "population: {type: csv,", "population is read from a file"),
    ])
    func methodologyErrors(replace: String, with: String, expected: String) throws {
        let fixture = try Fixture(["m.yaml": Self.methodology.replacingOccurrences(of: replace, with: with)])
        defer { fixture.remove() }
        #expect(Self.methodology.contains(replace))
        #expect { try MethodologyParser.load(fixture.path("m.yaml")) } throws: { "\($0)".contains(expected) }
    }
}

/// Text in Windows-1250, as the published files hold it: the few Polish letters the tests use.
func windows1250(_ text: String) -> [UInt8] {
    let table: [Character: UInt8] = ["ą": 0xB9, "ć": 0xE6, "ę": 0xEA, "ł": 0xB3, "ń": 0xF1, "ó": 0xF3, "ś": 0x9C, "ź": 0x9F, "ż": 0xBF,
                                     "Ą": 0xA5, "Ć": 0xC6, "Ę": 0xCA, "Ł": 0xA3, "Ń": 0xD1, "Ó": 0xD3, "Ś": 0x8C, "Ź": 0x8F, "Ż": 0xAF]
    return text.flatMap { character in table[character].map { [$0] } ?? Array(String(character).utf8) }
}
