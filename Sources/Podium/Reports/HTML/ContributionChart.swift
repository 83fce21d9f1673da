/// The chart of a category's top 10: one horizontal bar per unit, its score split into the
/// contribution of each child of the index (the pillars, or the criteria where there are none),
/// each segment labelled with its value and the score at the bar's end; with a sensitivity
/// analysis, a whisker per unit on a place axis to the right: its 90 % band of places, a dot at its
/// place. Inline SVG with a `<title>` and a `<desc>`.
///
/// Bar lengths are drawn to scale from the contributions: a segment's width is its contribution
/// times the axis scale (the test reads them back).
struct ContributionChart {
    let category: CategoryScores
    let result: RankingResult
    let band: CategoryUncertainty?
    /// Unique in the document: the prefix of the chart's element ids.
    let id: String

    static let width = 760.0
    private static let nameLeft = 30.0, barLeft = 210.0, lineHeight = 14.0, barHeight = 16.0
    private static let nameWidth = 24  // characters per line of a unit's name

    /// The shown rows: places 1 to 10 (more when units tie for 10th).
    var shown: [Standing] { category.standings.filter { $0.place <= 10 } }

    /// The index's children: the segments of every bar.
    var parts: [WeightNode] { result.methodology.index.children }

    func render() -> String {
        let shown = self.shown
        guard !shown.isEmpty else { return "" }
        let parts = self.parts
        let weights = result.methodology.index.relativeWeights
        // A row's parts, or nil where the aggregation gives no breakdown.
        let rows: [[Double]?] = shown.map { standing in
            let values = parts.map { category.contributions[$0.id]?[standing.entry] ?? nil }
            return values.contains { $0 == nil } ? nil : values.map { $0! }
        }
        let totals = zip(shown, rows).map { standing, row in
            (low: row.map { $0.filter { $0 < 0 }.reduce(0, +) } ?? min(0, category.scores[standing.entry]),
             high: row.map { $0.filter { $0 > 0 }.reduce(0, +) } ?? max(0, category.scores[standing.entry]))
        }
        let barRight = band == nil ? Self.width - 60 : 520.0
        let axis = ChartAxis(covering: totals.map(\.low).min()!, totals.map(\.high).max()!, from: Self.barLeft, to: barRight)
        let places = band.map { band in
            ChartAxis(covering: 1, Double(max(10, shown.map { band.highPlace[$0.entry] }.max()!)), from: 590, to: Self.width - 50, ticks: 4, whole: true)
        }

        var body = ""
        // Legend: one line per part, with the same fill and the part's weight in the index.
        var y = 4.0
        let kind = parts.allSatisfy { $0.role == .pillar } ? "filar" : parts.allSatisfy { $0.role == .criterion } ? "kryterium" : "składowa"
        for (index, part) in parts.enumerated() {
            let name = part.role == .criterion ? (result.methodology.criteria.first { $0.id == part.id }?.name ?? part.title) : part.title
            body += "<rect x=\"0\" y=\"\(SVGNumber.text(y))\" width=\"14\" height=\"14\" fill=\"\(ReportPalette.fill(id, index))\" stroke=\"#000\" stroke-width=\"0.5\"/>"
            body += "<text x=\"20\" y=\"\(SVGNumber.text(y + 11))\">\(HTMLText.escape(name)) (\(kind), waga \(HTMLText.weight(weights[part.id]!.effective)))</text>"
            y += 20
        }
        y += 8
        let top = y + 14
        body += "<text class=\"head\" x=\"\(SVGNumber.text(Self.barLeft))\" y=\"\(SVGNumber.text(y + 8))\">Wynik (pkt) i wkład \(parts.count == 1 ? "składowej" : "składowych")</text>"
        if let places {
            body += "<text class=\"head\" x=\"\(SVGNumber.text(places.left))\" y=\"\(SVGNumber.text(y + 8))\">Miejsca w 90% przebiegów</text>"
        }

        // Rows: heights follow the wrapped names.
        var rowTops: [Double] = []
        var rowHeights: [Double] = []
        var rowLines: [[String]] = []
        y = top
        for standing in shown {
            let lines = LineBreaking.lines(category.entries[standing.entry].unit.name, width: Self.nameWidth)
            let height = max(26, Double(lines.count) * Self.lineHeight + 10)
            rowTops.append(y)
            rowHeights.append(height)
            rowLines.append(lines)
            y += height
        }
        let bottom = y

        // Grid and axes behind the bars.
        var grid = ""
        for tick in axis.ticks {
            let x = SVGNumber.text(axis.x(tick))
            grid += "<line class=\"grid\" x1=\"\(x)\" y1=\"\(SVGNumber.text(top))\" x2=\"\(x)\" y2=\"\(SVGNumber.text(bottom))\"/>"
            grid += "<text class=\"tick\" x=\"\(x)\" y=\"\(SVGNumber.text(bottom + 14))\">\(axis.label(tick))</text>"
        }
        let zero = SVGNumber.text(axis.x(0))
        grid += "<line class=\"axis\" x1=\"\(zero)\" y1=\"\(SVGNumber.text(top))\" x2=\"\(zero)\" y2=\"\(SVGNumber.text(bottom))\"/>"
        if let places {
            for tick in places.ticks.filter({ $0 >= 1 }) + (places.ticks.contains(1) ? [] : [1]) {
                let x = SVGNumber.text(places.x(tick))
                grid += "<line class=\"grid\" x1=\"\(x)\" y1=\"\(SVGNumber.text(top))\" x2=\"\(x)\" y2=\"\(SVGNumber.text(bottom))\"/>"
                grid += "<text class=\"tick\" x=\"\(x)\" y=\"\(SVGNumber.text(bottom + 14))\">\(Int(tick))</text>"
            }
        }

        for (row, standing) in shown.enumerated() {
            let entry = standing.entry
            let unit = category.entries[entry].unit
            let rowTop = rowTops[row], height = rowHeights[row]
            let middle = rowTop + height / 2
            let barTop = middle - Self.barHeight / 2
            let lines = rowLines[row]
            let firstBaseline = middle - Double(lines.count - 1) * Self.lineHeight / 2 + 4
            body += "<g class=\"bar\" data-code=\"\(HTMLText.escape(unit.code.text))\">"
            body += "<text class=\"place\" x=\"\(SVGNumber.text(Self.nameLeft - 6))\" y=\"\(SVGNumber.text(firstBaseline))\">\(standing.place).</text>"
            body += "<text class=\"name\" x=\"\(SVGNumber.text(Self.nameLeft))\" y=\"\(SVGNumber.text(firstBaseline))\">"
            for (number, line) in lines.enumerated() {
                body += "<tspan x=\"\(SVGNumber.text(Self.nameLeft))\"\(number == 0 ? "" : " dy=\"\(SVGNumber.text(Self.lineHeight))\"")>\(HTMLText.escape(line))</tspan>"
            }
            body += "</text>"
            let score = category.scores[entry]
            if let values = rows[row] {
                var positive = 0.0, negative = 0.0
                for (index, value) in values.enumerated() where value != 0 {
                    let start = value > 0 ? positive : negative + value
                    if value > 0 { positive += value } else { negative += value }
                    let x = axis.x(start), width = abs(value) * axis.scale
                    body += "<rect class=\"seg\" data-node=\"\(HTMLText.escape(parts[index].id))\" x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(barTop))\" "
                        + "width=\"\(SVGNumber.text(width))\" height=\"\(SVGNumber.text(Self.barHeight))\" fill=\"\(ReportPalette.fill(id, index))\">"
                        + "<title>\(HTMLText.escape(parts[index].title)): \(HTMLText.number(value, 2)) pkt</title></rect>"
                    if width >= 34 {
                        body += "<text class=\"in\" x=\"\(SVGNumber.text(x + width / 2))\" y=\"\(SVGNumber.text(middle + 4))\" "
                            + "fill=\"\(ReportPalette.swatch(index).ink)\">\(HTMLText.number(value, 1))</text>"
                    }
                }
            } else {
                let x = axis.x(min(0, score)), width = abs(score) * axis.scale
                body += "<rect class=\"seg\" x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(barTop))\" width=\"\(SVGNumber.text(width))\" "
                    + "height=\"\(SVGNumber.text(Self.barHeight))\" fill=\"\(ReportPalette.plain.fill)\"><title>wynik bez podziału na składowe</title></rect>"
            }
            let end = rows[row].map { axis.x($0.filter { $0 > 0 }.reduce(0, +)) } ?? axis.x(max(0, score))
            body += "<text class=\"total\" x=\"\(SVGNumber.text(end + 4))\" y=\"\(SVGNumber.text(middle + 4))\">\(HTMLText.number(score, 2))</text>"
            if let band, let places {
                let low = places.x(Double(band.lowPlace[entry])), high = places.x(Double(band.highPlace[entry]))
                let cap = 5.0
                body += "<g class=\"band\"><title>miejsca w 90% przebiegów: \(band.band(entry))</title>"
                body += "<line x1=\"\(SVGNumber.text(low))\" y1=\"\(SVGNumber.text(middle))\" x2=\"\(SVGNumber.text(high))\" y2=\"\(SVGNumber.text(middle))\"/>"
                for x in [low, high] {
                    body += "<line x1=\"\(SVGNumber.text(x))\" y1=\"\(SVGNumber.text(middle - cap))\" x2=\"\(SVGNumber.text(x))\" y2=\"\(SVGNumber.text(middle + cap))\"/>"
                }
                body += "<circle cx=\"\(SVGNumber.text(places.x(Double(standing.place))))\" cy=\"\(SVGNumber.text(middle))\" r=\"3.5\"/>"
                body += "<text class=\"bandtext\" x=\"\(SVGNumber.text(places.right + 8))\" y=\"\(SVGNumber.text(middle + 4))\">\(band.band(entry))</text></g>"
            }
            body += "</g>"
        }

        let height = bottom + 22
        let title = "\(category.category.title): wynik \(shown.count == 1 ? "jedynej jednostki" : "\(shown.count) najlepszych") i wkład \(kind == "filar" ? "filarów" : kind == "kryterium" ? "kryteriów" : "składowych")"
        var description = "Poziome słupki: wynik w punktach podzielony na wkład "
            + parts.map { $0.title }.joined(separator: ", ") + "; na końcu słupka wynik."
        if band != nil { description += " Po prawej: pasmo miejsc w 90% przebiegów analizy niepewności (wąs) i miejsce w rankingu (kropka)." }
        return "<svg class=\"chart\" viewBox=\"0 0 \(SVGNumber.text(Self.width)) \(SVGNumber.text(height))\" width=\"\(SVGNumber.text(Self.width))\" "
            + "height=\"\(SVGNumber.text(height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
            + "<title id=\"\(id)-t\">\(HTMLText.escape(title))</title><desc id=\"\(id)-d\">\(HTMLText.escape(description))</desc>"
            + ReportPalette.patterns(id, count: parts.count) + grid + body + "</svg>"
    }
}
