import PodiumCSV

/// `awards.md`: the award list in Markdown for the web site and the press release, one section per
/// category, one table per award, in Polish with decimal commas. With a sensitivity analysis each
/// table also gives the 90 % band of places.
///
/// ```
/// ## Gminy miejskie
///
/// ### Lider Zielonych Finansów Samorządowych
///
/// | Miejsce | Gmina | Województwo | Wynik (pkt) | Miejsca (90%) |
/// |---:|---|---|---:|---:|
/// | 1 | Sanok | podkarpackie | 84,44 | 1–4 |
/// ```
enum AwardsMarkdown {
    static func render(_ result: RankingResult) -> String {
        let methodology = result.methodology
        let gminas = result.register.kind == .terc
        var text = "# \(escape(methodology.title)) \(methodology.edition)\n\n"
        text += "Nagrodzeni według metodologii `\(methodology.id)`, okres \(methodology.period.description). "
        text += "Wyniki w punktach; równe wyniki dzielą miejsce.\n"
        for category in result.categories {
            text += "\n## \(escape(category.category.title))\n"
            let band = result.uncertainty?.categories.first { $0.category == category.category.id }
            var awarded = false
            for award in methodology.awards {
                let winners = category.standings.filter { award.places.contains($0.place) }
                guard !winners.isEmpty else { continue }
                awarded = true
                text += "\n### \(escape(award.title))\n\n"
                var header = ["Miejsce"] + (gminas ? ["Gmina", "Województwo"] : ["Jednostka"]) + ["Wynik (pkt)"]
                var alignment = ["---:"] + (gminas ? ["---", "---"] : ["---"]) + ["---:"]
                if band != nil {
                    header.append("Miejsca (90%)")
                    alignment.append("---:")
                }
                text += "| " + header.joined(separator: " | ") + " |\n"
                text += "|" + alignment.joined(separator: "|") + "|\n"
                for standing in winners {
                    let unit = category.entries[standing.entry].unit
                    var cells = [String(standing.place), escape(unit.name)] + (unit.gmina.map { [escape($0.voivodeship)] } ?? (gminas ? [""] : []))
                    cells.append(PolishNumber.fixed(category.scores[standing.entry], 2))
                    if let band { cells.append(band.band(standing.entry)) }
                    text += "| " + cells.joined(separator: " | ") + " |\n"
                }
            }
            if !awarded { text += "\nBrak sklasyfikowanych.\n" }
        }
        return text
    }

    /// Markdown's own characters in a name or title, escaped so they print as written.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

/// Numbers in Polish documents: a decimal comma (`84,44`), a minus sign kept, no grouping.
public enum PolishNumber {
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(NumberText.fixed(value, decimals).map { $0 == "." ? "," : $0 })
    }
}
