import Foundation
import Testing

/// `podium compare` through the built binary: output, files, exit codes.
@Suite("podium compare on the command line")
struct CompareCommandTests {
    static let sample = Podium.repository.appendingPathComponent("Reports/2024/green-finance").path

    /// A report folder of one category, `k`, written by hand: each unit (code, name, place, c1's
    /// contribution, c2's) scores the sum of its two contributions.
    static func folder(_ root: URL, _ name: String, code: String = "teryt", _ units: [(String, String, Int, Double, Double)],
                       notClassified: String = "") throws -> URL {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var breakdown = "category,\(code),name,place,level,id,parent,unit,raw,treated,treatment,normalised,weight_in_parent,effective_weight,contribution\n"
        var board = "rank,\(code),name,score,award\n"
        for (unit, label, place, c1, c2) in units {
            breakdown += "k,\(unit),\(label),\(place),criterion,c1,idx,%,1,1,none,\(2 * c1),0.500000,0.500000,\(c1)\n"
            breakdown += "k,\(unit),\(label),\(place),criterion,c2,idx,%,1,1,none,\(2 * c2),0.500000,0.500000,\(c2)\n"
            breakdown += "k,\(unit),\(label),\(place),index,idx,,pkt,,,,\(c1 + c2),1.000000,1.000000,\(c1 + c2)\n"
            board += "\(place),\(unit),\(label),\(c1 + c2),\n"
        }
        try Data(breakdown.utf8).write(to: folder.appendingPathComponent("breakdown.csv"))
        try Data(board.utf8).write(to: folder.appendingPathComponent("k.csv"))
        try Data("\(code),name,category,reason\n\(notClassified)".utf8).write(to: folder.appendingPathComponent("not-classified.csv"))
        return folder
    }

    @Test("on the sample reports: prints the summary, writes compare.csv and compare.txt, the same bytes every time")
    func sample() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("compare").path
        let first = try Podium.run(["compare", Self.sample, Self.sample, "--output", output])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.errors.isEmpty)
        let written = try Podium.snapshot(work.appendingPathComponent("compare"))
        #expect(written.keys.sorted() == ["/compare.csv", "/compare.txt"])
        #expect(String(decoding: written["/compare.txt"]!, as: UTF8.self) == first.output)
        #expect(first.output.contains("Kategoria gminy-wiejskie\nSklasyfikowane: 1527 w A, 1527 w B; w obu 1527, tylko w A 0, tylko w B 0\n"
                                      + "Miejsca: 0 w górę, 0 w dół, 1527 bez zmiany"))
        let rows = String(decoding: written["/compare.csv"]!, as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 1 + 65 + 235 + 639 + 1527)
        // Again into the same folder, which holds only an earlier comparison: replaced, byte for byte the same.
        let second = try Podium.run(["compare", Self.sample, Self.sample, "--output", output])
        #expect(second.status == 0, "\(second.errors)")
        #expect(try Podium.snapshot(work.appendingPathComponent("compare")) == written)
        #expect(second.output == first.output)
    }

    @Test("hand-made folders: who moved and why, in compare.csv")
    func handMade() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let a = try Self.folder(work, "a", [("0000001", "Alfa", 1, 40, 30), ("0000002", "Beta", 2, 20, 30)])
        let b = try Self.folder(work, "b", [("0000002", "Beta", 1, 45, 30), ("0000001", "Alfa", 2, 40, 10)])
        let outcome = try Podium.run(["compare", a.path, b.path, "--output", work.appendingPathComponent("out").path])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains("czołówka (miejsca 1–10): weszło 0, wypadło 0\nZmiana wyniku: od -20.00 do +25.00, średnio +2.50\n"))
        #expect(outcome.output.contains("          2          1      +1  0000002  Beta     50.00    75.00         +25.00  c1 +25.00\n"))
        let csv = try String(contentsOf: work.appendingPathComponent("out/compare.csv"), encoding: .utf8)
        #expect(csv == """
            category,teryt,name,place_a,place_b,place_change,score_a,score_b,score_change,status,reason,delta_c1,delta_c2,delta_unattributed
            k,0000002,Beta,2,1,1,50.000000,75.000000,25.000000,both,,25.000000,0.000000,0.000000
            k,0000001,Alfa,1,2,-1,70.000000,50.000000,-20.000000,both,,0.000000,-20.000000,0.000000

            """)
    }

    @Test("folders that cannot be compared are usage errors (64), one line", arguments: [
        (["compare", "$WORK/none", "$A"], "there is no report folder '$WORK/none'"),
        (["compare", "$REPORTS", "$A"], "'$REPORTS' is not a ranking's report folder (it has no breakdown.csv); report folders in it: green-finance, zlote-lajki"),
        (["compare", "$A", "$BYID"], "cannot compare '$A', whose units are keyed by 'teryt', with '$BYID', keyed by 'id': a ranking of TERC gminas and one of a unit table share no units"),
        (["compare", "$A", "$A", "--output", "$B"], "the output folder '$B' holds other files than compare.csv and compare.txt (breakdown.csv, k.csv, not-classified.csv), which writing would remove; choose a new or empty folder"),
        (["compare", "$A", "$A", "--output", ""], "--output is empty; give the folder for compare.csv and compare.txt"),
        (["compare", "$A", "$A", "--top", "0"], "--top must be at least 1"),
        (["compare", "$A"], "Missing expected argument '<reports-b>'"),
    ])
    func usage(arguments: [String], message: String) throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let a = try Self.folder(work, "a", [("0000001", "Alfa", 1, 40, 30)])
        let b = try Self.folder(work, "b", [("0000001", "Alfa", 1, 40, 30)])
        let byID = try Self.folder(work, "by-id", code: "id", [("AUT", "Austria", 1, 40, 30)])
        let before = try Podium.snapshot(work)
        let substitute = { (text: String) in
            text.replacingOccurrences(of: "$WORK", with: work.path).replacingOccurrences(of: "$A", with: a.path)
                .replacingOccurrences(of: "$BYID", with: byID.path).replacingOccurrences(of: "$B", with: b.path)
                .replacingOccurrences(of: "$REPORTS", with: Podium.repository.appendingPathComponent("Reports/2024").path)
        }
        let outcome = try Podium.run(arguments.map(substitute))
        #expect(outcome.status == 64, "\(outcome.errors)")
        #expect(outcome.errors == "podium: error: \(substitute(message))\n")
        #expect(outcome.output.isEmpty)
        #expect(try Podium.snapshot(work) == before, "a failed compare changed a folder")
    }

    @Test("a malformed report file is a data error (65) naming file, line and column")
    func malformed() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let a = try Self.folder(work, "a", [("0000001", "Alfa", 1, 40, 30), ("0000002", "Beta", 2, 20, 30)])
        let breakdown = a.appendingPathComponent("breakdown.csv")
        let text = try String(contentsOf: breakdown, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "k,0000002,Beta,2,criterion,c2,idx,%,1,1,none,60.0", with: "k,0000002,Beta,2,criterion,c2,idx,%,1,1,none,6O.0").utf8)
            .write(to: breakdown)
        let outcome = try Podium.run(["compare", a.path, a.path])
        #expect(outcome.status == 65)
        #expect(outcome.errors == "podium: error: \(breakdown.path):6: column 'normalised': '6O.0' is not a number (decimal point, e.g. 1234.56)\n")
        #expect(outcome.output.isEmpty)

        try Data("rank,teryt,name,score,award\n1,0000001,Alfa,70.0,\n".utf8).write(to: a.appendingPathComponent("breakdown.csv"))
        let foreign = try Podium.run(["compare", a.path, a.path])
        #expect(foreign.status == 65)
        #expect(foreign.errors == "podium: error: \(breakdown.path):1: not a podium breakdown: the first columns must be category and teryt (or id); found 'rank', 'teryt', 'name', 'score', 'award'\n")
    }
}
