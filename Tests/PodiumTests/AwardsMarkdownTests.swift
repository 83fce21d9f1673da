import Testing
@testable import Podium

@Suite("awards.md")
struct AwardsMarkdownTests {
    @Test("Markdown's own characters in names are escaped; other text is left as written", arguments: [
        ("Grabów nad Prosną", "Grabów nad Prosną"),
        ("Gmina *Alfa* | [Beta]", "Gmina \\*Alfa\\* \\| \\[Beta\\]"),
        ("a_b `c` <d> \\", "a\\_b \\`c\\` \\<d\\> \\\\"),
        ("Kudowa-Zdrój (m.)", "Kudowa-Zdrój (m.)"),
    ])
    func escape(name: String, escaped: String) {
        #expect(AwardsMarkdown.escape(name) == escaped)
    }

    @Test("numbers in Polish documents have a decimal comma and no -0", arguments: [
        (84.444, 2, "84,44"), (-1.5, 1, "-1,5"), (-0.001, 2, "0,00"), (100, 0, "100"),
    ])
    func polishNumbers(value: Double, decimals: Int, text: String) {
        #expect(PolishNumber.fixed(value, decimals) == text)
    }

    @Test("a table per award with the places the methodology gives it, and a category without classified units says so")
    func tables() throws {
        let (result, fixture) = try BudgetFixture.run()
        defer { fixture.remove() }
        let text = AwardsMarkdown.render(result)
        let leaderboard = try ReportSet.render(result, formats: [.csv]).filter { $0.name.hasSuffix(".csv") && !ReportSet.otherCSVFiles.contains($0.name) }
        // Every awarded row of every leaderboard is a table row with the same place, name and score.
        var rows = 0
        for file in leaderboard {
            for line in file.contents.split(separator: "\n").dropFirst() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard let award = cells.last, !award.isEmpty else { continue }
                let score = cells[4].replacingOccurrences(of: ".", with: ",")
                #expect(text.contains("| \(cells[0]) | \(cells[2]) | \(cells[3]) | \(score) |"), "\(line)")
                rows += 1
            }
        }
        #expect(rows > 0)
        #expect(text.components(separatedBy: "\n| ").count - 1 == rows + result.categories.reduce(0) { count, category in
            count + result.methodology.awards.filter { award in category.standings.contains { award.places.contains($0.place) } }.count
        })
    }
}
