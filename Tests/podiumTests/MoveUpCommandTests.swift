import Foundation
import Testing

@Suite("podium explain --to-move-up")
struct MoveUpCommandTests {
    static let inputs = ["--inputs", Podium.fixtures.appendingPathComponent("budget").path]

    @Test("--format csv prints the header and one row per criterion; without --to-move-up it is a usage error")
    func csv() throws {
        let csv = try Podium.run(["explain", "test-budget", "Wrocław", "--to-move-up", "--format", "csv"] + Self.inputs)
        #expect(csv.status == 0, "\(csv.errors)")
        let lines = csv.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "criterion,metric,year,current,needed,change,unit,place_now,place_after")
        #expect(lines.count == 1 + 3 + 1)  // three criteria, and the final line end
        #expect(lines[1].hasPrefix("share,green,2023,") && lines[3].hasPrefix("sewage,sewage,2023,"))

        let alone = try Podium.run(["explain", "test-budget", "Wrocław", "--format", "csv"] + Self.inputs)
        #expect(alone.status == 64)
        #expect(alone.errors == "podium: error: --format goes with --to-move-up (the answers it prints as csv)\n")
        #expect(alone.output.isEmpty)
        let wrong = try Podium.run(["explain", "test-budget", "Wrocław", "--to-move-up", "--format", "xml"] + Self.inputs)
        #expect(wrong.status == 64)
        #expect(wrong.errors.contains("'text'") && wrong.errors.contains("'csv'"))
        let both = try Podium.run(["explain", "test-budget", "Wrocław", "--to-move-up", "--lines", "green"] + Self.inputs)
        #expect(both.status == 64)
    }

    @Test("the text is the Polish section with the table and the next award")
    func text() throws {
        let outcome = try Podium.run(["explain", "test-budget", "Wrocław", "--to-move-up"] + Self.inputs)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains("Kategoria: Miasta na prawach powiatu (miasta)\nMiejsce 2 z 3, Lider\n"))
        #expect(outcome.output.contains("Awans o co najmniej jedno miejsce:\n  kryterium"))
        #expect(outcome.output.contains("Ma już najwyższą nagrodę."))
    }
}
