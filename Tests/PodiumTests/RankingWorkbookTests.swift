import Foundation
import PodiumArchive
import PodiumTestFixtures
import Testing
@testable import Podium

@Suite("Sheet names")
struct SheetNamesTests {
    @Test("forbidden characters become _, apostrophes and spaces at the ends go", arguments: [
        ("Miasta/gminy", "Miasta_gminy"),
        ("a[b]c:d*e?f\\g", "a_b_c_d_e_f_g"),
        ("'Gminy wiejskie'", "Gminy wiejskie"),
        ("  Łódź  ", "Łódź"),
        ("tab\there", "tab_here"),
        ("", "Arkusz"),
        ("''", "Arkusz"),
    ])
    func cleaned(title: String, name: String) {
        #expect(SheetNames.unique([title]) == [name])
    }

    @Test("long titles are cut to 31 characters, whole letters, not bytes")
    func length() {
        let title = "Gminy miejsko-wiejskie powyżej 20 tys. mieszkańców"
        let name = SheetNames.unique([title])[0]
        #expect(name == "Gminy miejsko-wiejskie powyżej")  // 31 characters cut to 30 after the trailing space goes
        #expect(name.count <= 31)
        // Ź is two bytes in UTF-8: 31 of them still fit.
        #expect(SheetNames.unique([String(repeating: "Ź", count: 40)]) == [String(repeating: "Ź", count: 31)])
    }

    @Test("duplicates, regardless of case, get (2), (3), cut to make room; History is Excel's own")
    func duplicates() {
        #expect(SheetNames.unique(["Miasta", "MIASTA", "miasta", "Miasta (2)"]) == ["Miasta", "MIASTA (2)", "miasta (3)", "Miasta (2) (2)"])
        let long = String(repeating: "x", count: 40)
        #expect(SheetNames.unique([long, long]) == [String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)"])
        #expect(SheetNames.unique(["History", "Gminy"]) == ["History (2)", "Gminy"])
        #expect(SheetNames.unique(["a/b", "a:b"]) == ["a_b", "a_b (2)"])
    }
}

@Suite("Ranking workbook")
struct RankingWorkbookTests {
    @Test("sheets hold the leaderboards, breakdown and not-classified units, numbers as numbers and codes as text")
    func sheets() throws {
        let (result, fixture) = try BudgetFixture.run()
        defer { fixture.remove() }
        let workbook = RankingWorkbook.workbook(result)
        #expect(workbook.name == "test-budget.xlsx")
        #expect(workbook.sheets.map(\.name) == ["Miasta na prawach powiatu", "Pozostałe gminy", "Składowe wyniku", "Niesklasyfikowane"])
        #expect(workbook.properties.title == "Ranking testowy 2024")
        #expect(workbook.properties.created == 1_704_067_200)  // 2024-01-01T00:00:00Z
        let miasta = workbook.sheets[0].rows
        // The hand-computed leaderboard of BudgetPipelineTests: Łódź 81.25 (finance 75, outcomes 100).
        #expect(miasta[0] == ["Miejsce", "TERYT", "Gmina", "Województwo", "Wynik", "Finanse", "Efekty", "Nagroda"].map { .text($0) })
        #expect(miasta[1] == [.number(1, decimals: nil), .text("1061011"), .text("Łódź"), .text("łódzkie"),
                              .number(81.25, decimals: 2), .number(75, decimals: 2), .number(100, decimals: 2), .text("Lider")])
        #expect(miasta[3][1] == .text("0261011"))  // Jelenia Góra keeps its leading zero
        #expect(miasta.count == 4)
        let notClassified = workbook.sheets[3].rows
        #expect(notClassified[0] == ["TERYT", "Gmina", "Kategoria", "Powód"].map { .text($0) })
        #expect(notClassified[1] == ["0201022", "Bolesławiec", "gminy", "share: Σ capital over 2022–2023 is 0"].map { .text($0) })
        let breakdown = workbook.sheets[2].rows
        #expect(breakdown.count == 1 + BreakdownCSV.rows(result).count)
        #expect(Array(breakdown[0].prefix(4)) == ["Kategoria", "TERYT", "Gmina", "Miejsce"].map { XLSXWorkbook.Cell.text($0) })
        // A criterion's raw value, to the CSV's 6 decimals: Łódź's green share is 20 %.
        let share = try #require(breakdown.first { $0[2] == .text("Łódź") && $0[5] == .text("share") })
        #expect(share[8] == .number(20, decimals: 6))
    }

    @Test("the same ranking gives the same bytes a second later; the document's dates are the edition's")
    func deterministic() throws {
        let (result, fixture) = try BudgetFixture.run()
        defer { fixture.remove() }
        let first = try RankingWorkbook.render(result)
        Thread.sleep(forTimeInterval: 1.1)
        let second = try RankingWorkbook.render(result)
        #expect(first == second)
        let file = try TemporaryFile(first, suffix: ".xlsx")
        defer { file.remove() }
        let core = try entry("docProps/core.xml", of: file.path)
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-01-01T00:00:00Z</dcterms:created>"))
        #expect(core.contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-01-01T00:00:00Z</dcterms:modified>"))
        #expect(core.contains("<dc:title>Ranking testowy 2024</dc:title>"))
        let sheet = try entry("xl/worksheets/sheet1.xml", of: file.path)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:H4\"/>"))
        #expect(sheet.contains("<c r=\"E2\" s=\"2\"><v>81.25</v></c>"))  // a number with the 0.00 format
        #expect(sheet.contains("<c r=\"B2\" t=\"s\">"))  // the TERYT code: a shared string
    }

    @Test("text longer than a cell holds is a data error naming the sheet and cell")
    func tooLong() throws {
        let workbook = XLSXWorkbook(name: "x.xlsx", properties: .init(title: "t", subject: "s", created: 1), sheets: [
            .init(name: "Arkusz", rows: [[.text("a")], [.text(String(repeating: "ą", count: 32_768))]]),
        ])
        #expect(throws: WorkbookError.textTooLong(file: "x.xlsx", sheet: "Arkusz", cell: "A2", length: 32_768)) { try workbook.bytes() }
        #expect(WorkbookError.textTooLong(file: "x.xlsx", sheet: "Arkusz", cell: "A2", length: 32_768).isDataError)
    }

    @Test("a sheet name Excel refuses, and a temporary folder that cannot be written, are errors, not crashes")
    func libraryErrors() throws {
        let badName = XLSXWorkbook(name: "x.xlsx", properties: .init(title: "t", subject: "s", created: 1),
                                   sheets: [.init(name: "a/b", rows: [[.text("a")]])])
        #expect {
            try badName.bytes()
        } throws: { error in
            guard let error = error as? WorkbookError, case .library(let file, let step, _) = error else { return false }
            return file == "x.xlsx" && step == "adding sheet 'a/b'"
        }
        let good = XLSXWorkbook(name: "x.xlsx", properties: .init(title: "t", subject: "s", created: 1),
                                sheets: [.init(name: "a", rows: [[.text("a")]])])
        #expect {
            try good.bytes(temporaryFolder: "/nonexistent-podium-folder")
        } throws: { error in
            guard let error = error as? WorkbookError, case .temporaryFile(_, let path, _) = error else { return false }
            return path == "/nonexistent-podium-folder" && !error.isDataError
        }
    }

    @Test("cell names", arguments: [(0, 0, "A1"), (1, 25, "Z2"), (9, 26, "AA10"), (0, 701, "ZZ1"), (0, 702, "AAA1")])
    func cellName(row: Int, column: Int, name: String) {
        #expect(XLSXWorkbook.cellName(row: row, column: column) == name)
    }

    @Test("columns are as wide as their widest cell, within limits")
    func widths() {
        #expect(XLSXWorkbook.width([.text("TERYT"), .text("0201011")]) == 10)
        #expect(XLSXWorkbook.width([.text("a"), .empty]) == 6)
        #expect(XLSXWorkbook.width([.number(1234.5, decimals: 2), .number(7, decimals: nil)]) == 10)  // "1234.50"
        #expect(XLSXWorkbook.width([.text(String(repeating: "x", count: 200))]) == 50)
    }

    private func entry(_ name: String, of path: String) throws -> String {
        let stream = try ZipEntryStream(path: path, what: name) { $0 == name }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
