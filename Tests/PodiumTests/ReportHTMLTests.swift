import Foundation
import Testing
@testable import Podium

/// `report.html`: escaping, Polish numbers, every category and classified unit present, nothing
/// external, and the charts drawn to scale (bar lengths and whiskers read back from the SVG).
@Suite("Award report (HTML)")
struct ReportHTMLTests {
    /// The budget fixture with a unit, a category and the ranking named with `<`, `&` and quotes.
    static func awkwardNames() throws -> RankingResult {
        var files = BudgetFixture.files
        files["registry/TERC.csv"] = files["registry/TERC.csv"]!.replacingOccurrences(
            of: "02;64;01;1;Wrocław;", with: "02;64;01;1;\"Wrocław <b>&amp; \"\"Odra\"\" 'x'\";")
        files["methodologies/test-budget-2024.yaml"] = files["methodologies/test-budget-2024.yaml"]!
            .replacingOccurrences(of: "title: Ranking testowy", with: "title: 'Ranking <testowy> & \"próbny\"'")
            .replacingOccurrences(of: "title: Pozostałe gminy", with: "title: Gminy <i>& \"inne\"</i>")
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-budget-2024.yaml"), displayName: "test-budget-2024.yaml")
        return try Pipeline.run(methodology, inputs: fixture.folder)
    }

    /// The budget fixture run with the methodology read from its path (as `podium run` reads it), and
    /// the run's input digests.
    static func budgetWithDigests() throws -> (RankingResult, RunDigests) {
        let fixture = try Fixture(BudgetFixture.files)
        defer { fixture.remove() }
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-budget-2024.yaml"))
        let result = try Pipeline.run(methodology, inputs: fixture.folder)
        return (result, try Manifest.digests(result: result, inputs: fixture.folder))
    }

    @Test("HTMLText.escape escapes &, <, > and both quotes, and nothing else")
    func escape() {
        #expect(HTMLText.escape("Kowalski & \"Syn\" <b>'x'</b> Łódź") == "Kowalski &amp; &quot;Syn&quot; &lt;b&gt;&#39;x&#39;&lt;/b&gt; Łódź")
        #expect(HTMLText.escape("&amp;") == "&amp;amp;")
    }

    @Test("names with <, & and quotes print as written, never as markup")
    func awkwardNamesEscaped() throws {
        let page = ReportHTML.render(try Self.awkwardNames(), digests: nil)
        #expect(page.contains("<th scope=\"row\">Wrocław &lt;b&gt;&amp;amp; &quot;Odra&quot; &#39;x&#39;</th>"))
        #expect(page.contains("<h2 id=\"kat-gminy-h\">Gminy &lt;i&gt;&amp; &quot;inne&quot;&lt;/i&gt;</h2>"))
        #expect(page.contains("<h1>Ranking &lt;testowy&gt; &amp; &quot;próbny&quot; 2024</h1>"))
        for raw in ["<b>", "<i>", "\"Odra\"", "'x'", "& \"", "&amp; \"\""] { #expect(!page.contains(raw), "unescaped \(raw)") }
        // In the chart too (SVG text is parsed as markup as well).
        #expect(page.contains("<tspan x=\"30\">Wrocław &lt;b&gt;&amp;amp; &quot;Odra&quot;</tspan><tspan x=\"30\" dy=\"14\">&#39;x&#39;</tspan>"))
    }

    @Test("numbers print with a decimal comma and a real minus sign", arguments: [
        (84.444, 2, "84,44"), (-1.5, 2, "−1,50"), (-0.001, 2, "0,00"), (100, 0, "100"), (0.26, 1, "0,3"),
    ])
    func polishNumbers(value: Double, decimals: Int, text: String) {
        #expect(HTMLText.number(value, decimals) == text)
    }

    @Test("percentages, leaderboard cells and axis labels")
    func otherNumbers() {
        #expect(HTMLText.percent(0.679) == "68%")
        #expect(HTMLText.percent(1) == "100%")
        #expect(HTMLText.weight(0.375) == "37,5%")
        #expect(HTMLText.weight(0.28) == "28%")
        #expect(HTMLText.weight(1.0 / 3) == "33,3%")
        #expect(HTMLText.polish("80.91") == "80,91")
        #expect(HTMLText.polish("-1.50") == "−1,50")
        let axis = ChartAxis(covering: 0, 80.91, from: 0, to: 100)
        #expect(axis.step == 20)
        #expect(axis.ticks == [0, 20, 40, 60, 80, 100])
        #expect(axis.x(50) == 50)
        let fine = ChartAxis(covering: 0, 12, from: 0, to: 100)
        #expect(fine.step == 2.5)
        #expect(fine.label(7.5) == "7,5")
        #expect(SVGNumber.text(12.5) == "12.5")
        #expect(SVGNumber.text(12) == "12")
    }

    @Test("long names wrap at spaces and hyphens into lines of the width")
    func lineBreaking() {
        #expect(LineBreaking.lines("Grabów nad Prosną", width: 10) == ["Grabów", "nad Prosną"])
        #expect(LineBreaking.lines("Kędzierzyn-Koźle", width: 12) == ["Kędzierzyn-", "Koźle"])
        #expect(LineBreaking.lines("Łódź", width: 2) == ["Łódź"])
    }

    @Test("every category has its section and heading, and every classified unit its row in it, in leaderboard order")
    func everyCategoryAndUnit() throws {
        let (result, fixture) = try BudgetFixture.run()
        defer { fixture.remove() }
        try Self.checkSections(result)
        try Self.checkSections(try SocialFixture.run(SocialFixture.files()))
    }

    static func checkSections(_ result: RankingResult) throws {
        let page = ReportHTML.render(result, digests: nil)
        for category in result.categories {
            let section = try #require(Self.section(page, category.category.id))
            #expect(section.contains("<h2 id=\"kat-\(category.category.id)-h\">\(HTMLText.escape(category.category.title))</h2>"))
            let board = try #require(section.range(of: "<table class=\"board sortable\">").map { String(section[$0.lowerBound...]) })
            let codes = Self.matches(board, #"<tr><td>[0-9]+</td><td>([0-9A-Za-z]+)</td><th scope="row">([^<]*)</th>"#)
            #expect(codes.map { $0[0] } == category.standings.map { category.entries[$0.entry].unit.code.text })
            #expect(codes.map { $0[1] } == category.standings.map { HTMLText.escape(category.entries[$0.entry].unit.name) })
            for item in category.notClassified { #expect(section.contains(HTMLText.escape(item.reason))) }
        }
        #expect(Self.matches(page, #"<section class="category" id="kat-([^"]+)""#).map { $0[0] } == result.categories.map(\.category.id))
    }

    @Test("the page loads nothing: no URL, no src, no import, no link to a file")
    func selfContained() throws {
        let (result, digests) = try Self.budgetWithDigests()
        for page in [ReportHTML.render(result, digests: digests), ReportHTML.render(try SocialFixture.run(SocialFixture.files()), digests: nil)] {
            for forbidden in ["http://", "https://", "src=", "@import", "<link", "//", "<img", "<iframe", "<object"] {
                #expect(!page.replacingOccurrences(of: "http://www.w3.org", with: "").contains(forbidden), "found \(forbidden)")
            }
            // The only url() references are the charts' own patterns.
            #expect(Self.matches(page, #"url\(([^)]*)\)"#).allSatisfy { $0[0].hasPrefix("#") })
            #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"pl\">"))
            // Every chart is titled and labelled.
            let charts = page.components(separatedBy: "<svg ").dropFirst()
            #expect(!charts.isEmpty)
            for chart in charts { #expect(chart.contains("role=\"img\" aria-labelledby=") && chart.contains("<title id=")) }
        }
    }

    @Test("the input files with their bytes and SHA-256, or a note that the page has none")
    func digests() throws {
        let (result, digests) = try Self.budgetWithDigests()
        let page = ReportHTML.render(result, digests: digests)
        #expect(page.contains("<code>methodologies/test-budget-2024.yaml</code> (metodologia)</th><td class=\"n\"></td><td class=\"n\">\(digests.methodology.bytes)</td><td class=\"sha\">\(digests.methodology.sha256)</td>"))
        #expect(digests.inputs.count == 3)
        for input in digests.inputs {
            #expect(page.contains("<code>\(input.file.path)</code></th>"))
            #expect(page.contains("<td class=\"n\">\(input.digest.bytes)</td><td class=\"sha\">\(input.digest.sha256)</td>"))
        }
        let without = ReportHTML.render(result, digests: nil)
        #expect(without.contains("bez sum kontrolnych"))
        #expect(!without.contains("class=\"sha\""))
    }

    @Test("the same result renders byte-identical pages")
    func deterministic() throws {
        let (result, fixture) = try BudgetFixture.run()
        defer { fixture.remove() }
        #expect(ReportHTML.render(result, digests: nil) == ReportHTML.render(result, digests: nil))
    }

    @Test("each bar's segments are its contributions to scale, in the index's order", arguments: [false, true])
    func barsToScale(social: Bool) throws {
        let result: RankingResult
        if social {
            result = try SocialFixture.run(SocialFixture.files())
        } else {
            let (budget, fixture) = try BudgetFixture.run()
            fixture.remove()
            result = budget
        }
        let page = ReportHTML.render(result, digests: nil)
        let parts = result.methodology.index.children.map(\.id)
        var bars = 0
        for (number, category) in result.categories.enumerated() where !category.standings.isEmpty {
            let chart = try #require(Self.chart(page, id: "w\(number + 1)"))
            let scale = try Self.scale(chart)
            for standing in category.standings where standing.place <= 10 {
                let code = category.entries[standing.entry].unit.code.text
                let bar = try #require(Self.group(chart, code: code))
                let segments = Self.matches(bar, #"<rect class="seg" data-node="([^"]+)" x="([-0-9.]+)" y="[-0-9.]+" width="([0-9.]+)""#)
                let expected = parts.compactMap { part in category.contributions[part]![standing.entry].flatMap { $0 == 0 ? nil : (part, $0) } }
                #expect(segments.map { $0[0] } == expected.map(\.0), "\(category.category.id) \(code)")
                var end = try Self.zeroX(chart)
                for (segment, (_, contribution)) in zip(segments, expected) {
                    let width = try #require(Double(segment[2]))
                    let x = try #require(Double(segment[1]))
                    // Coordinates are written with 2 decimals.
                    #expect(abs(width / scale - contribution) <= 0.006 / scale, "\(code) \(segment[0]): \(width / scale) ≠ \(contribution)")
                    #expect(abs(x - end) <= 0.011, "\(code) \(segment[0]) does not start where the previous one ends")
                    end = x + width
                }
                // The score at the bar's end, with a decimal comma.
                #expect(bar.contains(">\(HTMLText.number(category.scores[standing.entry], 2))</text>"))
                bars += 1
            }
        }
        #expect(bars >= 5)
    }

    @Test("whiskers span each unit's 90 % band of places on the place axis, the dot at its place")
    func whiskers() throws {
        let result = try SensitivityTests.run("""
            sensitivity:
              seed: 11
              runs: 60
              vary:
                weights: {noise: 0.5}
                normalisation: [min_max, rank]
            """)
        let uncertainty = try #require(result.uncertainty)
        let page = ReportHTML.render(result, digests: nil)
        var checked = 0
        for (number, category) in result.categories.enumerated() where !category.standings.isEmpty {
            let band = uncertainty.categories[number]
            let chart = try #require(Self.chart(page, id: "w\(number + 1)"))
            // The place axis: its tick labels are whole numbers right of the score axis.
            let ticks = Self.matches(chart, #"<text class="tick" x="([0-9.]+)" y="[0-9.]+">([0-9]+)</text>"#)
                .compactMap { tick in Double(tick[0]).flatMap { x in Double(tick[1]).map { (x: x, value: $0) } } }
                .filter { $0.x >= 590 }
            let first = try #require(ticks.min { $0.value < $1.value }), last = try #require(ticks.max { $0.value < $1.value })
            let perPlace = (last.x - first.x) / (last.value - first.value)
            let place = { (x: Double) in first.value + (x - first.x) / perPlace }
            for standing in category.standings where standing.place <= 10 {
                let entry = standing.entry
                let bar = try #require(Self.group(chart, code: category.entries[entry].unit.code.text))
                let line = try #require(Self.matches(bar, #"<g class="band">.*?<line x1="([0-9.]+)" y1="[0-9.]+" x2="([0-9.]+)""#).first)
                #expect(abs(place(Double(line[0])!) - Double(band.lowPlace[entry])) < 0.01)
                #expect(abs(place(Double(line[1])!) - Double(band.highPlace[entry])) < 0.01)
                let dot = try #require(Self.matches(bar, #"<circle cx="([0-9.]+)""#).first)
                #expect(abs(place(Double(dot[0])!) - Double(standing.place)) < 0.01)
                #expect(bar.contains(">\(band.band(entry))</text>"))
                checked += 1
            }
        }
        #expect(checked >= 5)
        // The winners table gives the band and the odds of the row's award.
        let lodz = try #require(result.categories[0].entries.firstIndex { $0.unit.name == "Łódź" })
        let lider = try #require(uncertainty.awardTitles.firstIndex(of: "Lider"))
        #expect(page.contains("<th scope=\"row\">Łódź</th><td>łódzkie</td><td class=\"n\">81,25</td><td class=\"n\">\(uncertainty.categories[0].band(lodz))</td>"
                              + "<td class=\"n\">\(HTMLText.percent(uncertainty.categories[0].awardShares[lider][lodz]))</td>"))
    }

    // MARK: - Reading the page back

    static func matches(_ text: String, _ pattern: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
        }
    }

    static func section(_ page: String, _ id: String) -> String? {
        guard let start = page.range(of: "<section class=\"category\" id=\"kat-\(id)\"") else { return nil }
        let rest = page[start.lowerBound...]
        return rest.range(of: "</section>").map { String(rest[..<$0.upperBound]) }
    }

    static func chart(_ page: String, id: String) -> String? {
        guard let start = page.range(of: "aria-labelledby=\"\(id)-t \(id)-d\"") else { return nil }
        let rest = page[start.lowerBound...]
        return rest.range(of: "</svg>").map { String(rest[..<$0.upperBound]) }
    }

    static func group(_ chart: String, code: String) -> String? {
        guard let start = chart.range(of: "<g class=\"bar\" data-code=\"\(code)\">") else { return nil }
        let rest = chart[start.lowerBound...]
        // A bar's group holds one nested group (the whisker) at most.
        let pieces = rest.components(separatedBy: "</g>")
        return pieces[0].contains("<g class=\"band\">") ? pieces[0] + "</g>" + pieces[1] : pieces[0]
    }

    /// Points per score point, from the score axis' tick labels and their positions.
    static func scale(_ chart: String) throws -> Double {
        let ticks = matches(chart, #"<line class="grid" x1="([0-9.]+)"[^>]*/><text class="tick" x="[0-9.]+" y="[0-9.]+">([−0-9,]+)</text>"#)
            .map { (x: Double($0[0])!, value: Double($0[1].replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "−", with: "-"))!) }
        let first = try #require(ticks.first), second = try #require(ticks.dropFirst().first)
        return (second.x - first.x) / (second.value - first.value)
    }

    static func zeroX(_ chart: String) throws -> Double {
        try #require(matches(chart, #"<line class="axis" x1="([0-9.]+)""#).first.flatMap { Double($0[0]) })
    }
}
