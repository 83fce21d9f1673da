import PodiumCSV

/// `report.html`: the award report for publication, one self-contained page in Polish (inline
/// styles, inline SVG charts, one small inline script that only sorts tables), that prints on A4
/// with a page per category. It holds the method and its weights, then per category the winners,
/// a chart of the top 10's scores split into the index's parts (with the 90 % band of places when
/// the methodology has a `sensitivity:` block), the full leaderboard (the values of the CSV
/// leaderboard, with decimal commas) and who was not classified and why; then the input files with
/// their SHA-256 (`digests`; the page says so when it has none). Deterministic: no date, no clock.
public enum ReportHTML {
    public static func render(_ result: RankingResult, digests: RunDigests?) -> String {
        let methodology = result.methodology
        let layout = BoardLayout(result)
        var page = """
            <!DOCTYPE html>
            <html lang="pl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(methodology.title)) \(methodology.edition) – wyniki i nagrody</title>
            <style>
            \(ReportStyle.css(numericColumns: layout.numericColumns, codeColumn: 2, awardColumn: layout.awardColumn))
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTMLText.escape(methodology.title)) \(methodology.edition)</h1>
            <p class="lead">Wyniki i nagrody · edycja \(methodology.edition) · okres \(HTMLText.escape(methodology.period.description)) · metodologia <code>\(HTMLText.escape(methodology.id))</code></p>
            </header>

            """
        page += contents(result)
        page += method(result)
        for (number, category) in result.categories.enumerated() {
            let band = result.uncertainty?.categories.first { $0.category == category.category.id }
            page += section(category, number: number, band: band, layout: layout, result)
        }
        if !result.unplaced.isEmpty { page += unplaced(result) }
        page += inputs(digests, result)
        page += "<script>\n\(ReportStyle.script)\n</script>\n</body>\n</html>\n"
        return page
    }

    private static func contents(_ result: RankingResult) -> String {
        var text = "<nav aria-labelledby=\"spis\">\n<h2 id=\"spis\">Spis treści</h2>\n<ol>\n<li><a href=\"#metoda\">Metoda i kryteria</a></li>\n"
        for category in result.categories {
            text += "<li><a href=\"#\(anchor(category.category.id))\">\(HTMLText.escape(category.category.title))</a> "
                + "(\(Polish.count(category.entries.count, "sklasyfikowana", "sklasyfikowane", "sklasyfikowanych")))</li>\n"
        }
        if !result.unplaced.isEmpty { text += "<li><a href=\"#poza-kategoriami\">Poza kategoriami</a></li>\n" }
        return text + "<li><a href=\"#dane\">Dane wejściowe i sumy kontrolne</a></li>\n</ol>\n</nav>\n"
    }

    static func anchor(_ category: String) -> String { "kat-" + HTMLText.escape(category) }

    private static func method(_ result: RankingResult) -> String {
        let methodology = result.methodology
        let weights = methodology.index.relativeWeights
        var text = "<section id=\"metoda\">\n<h2>Metoda i kryteria</h2>\n<p class=\"summary\">\(MethodSummary.paragraph(result))</p>\n"
        text += "<h3>Kryteria i ich wagi</h3>\n" + WeightChart(methodology: methodology, id: "wagi").render() + "\n"
        let leaves = WeightChart.leaves(methodology.index)
        let withPillars = leaves.contains { !$0.pillars.isEmpty }
        text += "<table>\n<caption>Kryteria (numery jak na wykresie wag)</caption>\n<thead><tr><th scope=\"col\" class=\"n\">Nr</th>"
            + "<th scope=\"col\">Kryterium</th>" + (withPillars ? "<th scope=\"col\">Filar</th>" : "")
            + "<th scope=\"col\">Jednostka</th><th scope=\"col\">Kierunek</th>"
            + (withPillars ? "<th scope=\"col\" class=\"n\">Waga w filarze</th>" : "")
            + "<th scope=\"col\" class=\"n\">Waga w indeksie</th></tr></thead>\n<tbody>\n"
        for (number, leaf) in leaves.enumerated() {
            let criterion = methodology.criteria.first { $0.id == leaf.node.id }
            let direction = criterion?.direction == .lowerIsBetter ? "↓ mniej = lepiej" : "↑ więcej = lepiej"
            text += "<tr><td class=\"n\">\(number + 1)</td><th scope=\"row\">\(HTMLText.escape(criterion?.name ?? leaf.node.title))"
                + "<br><code>\(HTMLText.escape(leaf.node.id))</code></th>"
                + (withPillars ? "<td>\(leaf.pillars.map { HTMLText.escape($0.title) }.joined(separator: " › "))</td>" : "")
                + "<td>\(HTMLText.escape(criterion?.unit ?? ""))</td><td>\(direction)</td>"
                + (withPillars ? "<td class=\"n\">\(HTMLText.weight(weights[leaf.node.id]!.relative))</td>" : "")
                + "<td class=\"n\">\(HTMLText.weight(weights[leaf.node.id]!.effective))</td></tr>\n"
        }
        return text + "</tbody>\n</table>\n</section>\n"
    }

    private static func section(_ category: CategoryScores, number: Int, band: CategoryUncertainty?, layout: BoardLayout,
                                _ result: RankingResult) -> String {
        let methodology = result.methodology
        let spec = category.category
        var text = "<section class=\"category\" id=\"\(anchor(spec.id))\" aria-labelledby=\"\(anchor(spec.id))-h\">\n"
        text += "<h2 id=\"\(anchor(spec.id))-h\">\(HTMLText.escape(spec.title))</h2>\n"
        text += "<p>Sklasyfikowane: \(category.entries.count); niesklasyfikowane: \(category.notClassified.count).</p>\n"
        text += "<h3>Nagrodzeni</h3>\n"
        let awards = methodology.awards.map { award in (award, category.standings.filter { award.places.contains($0.place) }) }
            .filter { !$0.1.isEmpty }
        text += awards.isEmpty ? "<p>Brak sklasyfikowanych: nagród nie przyznano.</p>\n" : winnersTable(awards, category, band: band, result)
        if !category.standings.isEmpty {
            let parts = methodology.index.children
            let word = parts.allSatisfy { $0.role == .pillar } ? "filarów" : parts.allSatisfy { $0.role == .criterion } ? "kryteriów" : "składowych"
            text += "<h3>Pierwsza dziesiątka: wkład \(word) w wynik</h3>\n"
            text += ContributionChart(category: category, result: result, band: band, id: "w\(number + 1)").render() + "\n"
            text += "<h3>Pełny ranking</h3>\n" + layout.table(category, result)
        }
        text += "<h3>Niesklasyfikowane</h3>\n"
        text += category.notClassified.isEmpty
            ? "<p>Wszyscy uczestnicy kategorii zostali sklasyfikowani.</p>\n"
            : notClassifiedTable(category.notClassified, result, withCategory: false)
        return text + "</section>\n"
    }

    /// One table of every award's winners in place order, the award's title spanning its rows.
    private static func winnersTable(_ awards: [(AwardSpec, [Standing])], _ category: CategoryScores,
                                     band: CategoryUncertainty?, _ result: RankingResult) -> String {
        let gminas = result.register.kind == .terc
        let titles = result.uncertainty?.awardTitles ?? []
        var text = "<table class=\"winners\">\n<thead><tr><th scope=\"col\">Nagroda</th><th scope=\"col\" class=\"n\">Miejsce</th>"
            + "<th scope=\"col\">\(gminas ? "Gmina" : "Jednostka")</th>" + (gminas ? "<th scope=\"col\">Województwo</th>" : "")
            + "<th scope=\"col\" class=\"n\">Wynik (pkt)</th>"
            + (band == nil ? "" : "<th scope=\"col\" class=\"n\">Miejsca (90%)</th><th scope=\"col\" class=\"n\">Szansa na tę nagrodę</th>")
            + "</tr></thead>\n"
        for (award, winners) in awards {
            let odds = band.flatMap { band in titles.firstIndex(of: award.title).map { band.awardShares[$0] } }
            text += "<tbody>\n"
            for (row, standing) in winners.enumerated() {
                let entry = standing.entry
                let unit = category.entries[entry].unit
                text += "<tr>" + (row == 0 ? "<td class=\"award\"\(winners.count > 1 ? " rowspan=\"\(winners.count)\"" : "")>\(HTMLText.escape(award.title))</td>" : "")
                    + "<td class=\"n\">\(standing.place)</td><th scope=\"row\">\(HTMLText.escape(unit.name))</th>"
                    + (gminas ? "<td>\(HTMLText.escape(unit.gmina?.voivodeship ?? ""))</td>" : "")
                    + "<td class=\"n\">\(HTMLText.number(category.scores[entry], 2))</td>"
                    + (band.map { "<td class=\"n\">\($0.band(entry))</td>" } ?? "")
                    + (band == nil ? "" : "<td class=\"n\">\(odds.map { HTMLText.percent($0[entry]) } ?? "")</td>") + "</tr>\n"
            }
            text += "</tbody>\n"
        }
        return text + "</table>\n"
    }

    private static func notClassifiedTable(_ items: [NotClassified], _ result: RankingResult, withCategory: Bool) -> String {
        let code = result.register.kind == .terc ? "TERYT" : "Kod"
        var text = "<table class=\"excluded\">\n<thead><tr><th scope=\"col\">\(code)</th><th scope=\"col\">\(result.register.kind == .terc ? "Gmina" : "Jednostka")</th>"
            + (withCategory ? "<th scope=\"col\">Kategoria</th>" : "") + "<th scope=\"col\">Powód</th></tr></thead>\n<tbody>\n"
        for item in items {
            text += "<tr><td>\(HTMLText.escape(item.unit.code.text))</td><th scope=\"row\">\(HTMLText.escape(item.unit.name))</th>"
                + (withCategory ? "<td>\(HTMLText.escape(item.category))</td>" : "") + "<td>\(HTMLText.escape(item.reason))</td></tr>\n"
        }
        return text + "</tbody>\n</table>\n"
    }

    private static func unplaced(_ result: RankingResult) -> String {
        "<section class=\"category\" id=\"poza-kategoriami\">\n<h2>Poza kategoriami</h2>\n"
            + "<p>Jednostki, których nie można było przypisać do żadnej kategorii, i powód.</p>\n"
            + notClassifiedTable(result.unplaced, result, withCategory: true) + "</section>\n"
    }

    private static func inputs(_ digests: RunDigests?, _ result: RankingResult) -> String {
        var text = "<section class=\"inputs\" id=\"dane\">\n<h2>Dane wejściowe i sumy kontrolne</h2>\n"
        text += "<p>Rejestr jednostek: \(HTMLText.escape(result.registerSource)).</p>\n"
        let zones = result.timeZones
        if !zones.isEmpty {
            text += "<p>Czas lokalny w eksportach z platform przeliczono na UTC według bazy stref czasowych IANA w wersji "
                + "\(HTMLText.escape(ZoneRules.databaseVersion)) (\(zones.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: ", "))).</p>\n"
        }
        guard let digests else {
            return text + "<p class=\"note\">Ten raport wygenerowano bez sum kontrolnych plików wejściowych; "
                + "pliki i ich SHA-256 podaje <code>manifest.json</code> w folderze raportu.</p>\n</section>\n"
        }
        text += "<p>Raport obliczono z poniższych plików (ścieżki względem folderu danych). Sumy SHA-256 pozwalają sprawdzić, "
            + "że wydrukowana kopia odpowiada tym samym danym (<code>podium verify</code>).</p>\n"
        text += "<table class=\"files\">\n<thead><tr><th scope=\"col\">Plik</th><th scope=\"col\" class=\"n\">Odczytano</th>"
            + "<th scope=\"col\" class=\"n\">Bajty</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n"
        text += "<tr><th scope=\"row\"><code>\(HTMLText.escape(digests.methodologyFile))</code> (metodologia)</th><td class=\"n\"></td>"
            + "<td class=\"n\">\(digests.methodology.bytes)</td><td class=\"sha\">\(digests.methodology.sha256)</td></tr>\n"
        for input in digests.inputs {
            let unit = input.file.unit == .rows ? Polish.count(input.file.read, "wiersz", "wiersze", "wierszy")
                : Polish.count(input.file.read, "rekord", "rekordy", "rekordów")
            text += "<tr><th scope=\"row\"><code>\(HTMLText.escape(input.file.path))</code></th><td class=\"n\">\(unit)</td>"
                + "<td class=\"n\">\(input.digest.bytes)</td><td class=\"sha\">\(HTMLText.escape(input.digest.sha256))</td></tr>\n"
        }
        return text + "</tbody>\n</table>\n</section>\n"
    }
}

/// The full leaderboard tables: the cells of `LeaderboardCSV.rows` (the same values as the CSV),
/// numbers with a decimal comma, the unit's name as the row header.
struct BoardLayout {
    let headings: [String]
    /// 1-based, for the stylesheet.
    let numericColumns: [Int]
    /// The column of the unit's name (a row header).
    let nameColumn: Int
    let awardColumn: Int
    let gminas: Bool

    init(_ result: RankingResult) {
        gminas = result.register.kind == .terc
        let identity = gminas ? ["TERYT", "Gmina", "Województwo"] : ["Kod", "Jednostka"]
        let pillars = result.methodology.pillars.map(\.title)
        headings = ["Miejsce"] + identity + ["Wynik"] + pillars + ["Nagroda"] + (result.uncertainty == nil ? [] : ["Miejsca (90%)"])
        let score = 1 + identity.count + 1
        numericColumns = [1] + Array(score...(score + pillars.count)) + (result.uncertainty == nil ? [] : [headings.count])
        nameColumn = 3
        awardColumn = score + pillars.count + 1
    }

    func table(_ category: CategoryScores, _ result: RankingResult) -> String {
        var text = "<table class=\"board sortable\">\n<thead><tr>"
        for (index, heading) in headings.enumerated() {
            text += "<th scope=\"col\"\(numericColumns.contains(index + 1) ? " class=\"n\"" : "")>\(HTMLText.escape(heading))</th>"
        }
        text += "</tr></thead>\n<tbody>\n"
        for row in LeaderboardCSV.rows(category, result) {
            text += "<tr>"
            for (index, cell) in row.enumerated() {
                let value: String
                switch cell {
                case .number(let number): value = HTMLText.polish(number)
                case .text(let string): value = HTMLText.escape(string)
                }
                text += index + 1 == nameColumn ? "<th scope=\"row\">\(value)</th>" : "<td>\(value)</td>"
            }
            text += "</tr>\n"
        }
        return text + "</tbody>\n</table>\n"
    }
}
