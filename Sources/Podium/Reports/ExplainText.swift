import PodiumCSV

/// Why a municipality is where it is: a view of the values the run already holds. The text is
/// Polish (juries read it); identifiers (criterion, metric and pillar ids) stay as the methodology
/// writes them, and reasons are quoted as `not-classified.csv` gives them.
public enum ExplainText {
    public static func render(_ result: RankingResult, unit: Unit, category wanted: String?) throws -> String {
        let methodology = result.methodology
        var sections: [String] = []
        var places = result.categories.filter { wanted == nil || $0.category.id == wanted }
        if let wanted, places.isEmpty {
            throw ExplainError("ranking \(methodology.ranking) has no category '\(wanted)'; categories: \(result.categories.map(\.category.id).joined(separator: ", "))")
        }
        places = places.filter { category in
            category.entries.contains { $0.unit.code == unit.code }
                || category.notClassified.contains { $0.unit.code == unit.code }
        }
        let heading = unit.heading + "\n"
            + "\(methodology.title) \(methodology.edition), metodologia \(methodology.id), okres \(methodology.period.description)\n"
        for category in places {
            sections.append(explain(unit, in: category, result))
        }
        for item in result.unplaced where item.unit.code == unit.code {
            sections.append("Niesklasyfikowana w żadnej kategorii: \(item.reason)\n")
        }
        if sections.isEmpty {
            sections.append("Nie bierze udziału w żadnej kategorii\(wanted.map { " '\($0)'" } ?? "") tego rankingu (nie ma danych, jakie biorą jego kategorie).\n")
        }
        return heading + "\n" + sections.joined(separator: "\n") + inputValues(result, unit: unit)
    }

    /// The yearly values the sources read for the unit (budget sums, BDL values, population), by
    /// year of the window, with the file each came from: what every criterion above was computed from.
    static func inputValues(_ result: RankingResult, unit: Unit) -> String {
        let origins = result.data.origins
        guard !origins.isEmpty, case .years(let window) = result.methodology.period else { return "" }
        let values = result.data.values(of: unit.code)
        let population = result.register.population[unit.code] ?? [:]
        var table = TextTable([("zmienna", .left), ("jednostka", .left)] + window.map { (String($0), .right) } + [("źródło", .left)])
        for metric in result.methodology.inputs.metrics {
            let yearly = metric.name == "population" && origins["population"] == nil ? population : values.yearly[metric.name] ?? [:]
            let origin = origins[metric.name] ?? result.methodology.inputs.units.population.map(\.label) ?? ""
            let decimals = metric.name == "population" ? 0 : 2
            table.add([metric.name, metric.unit] + window.map { yearly[$0].map { NumberText.fixed($0, decimals) } ?? "-" } + [origin])
        }
        return "\nWartości wejściowe (- brak wartości w danym roku):\n" + table.render(indent: "  ")
    }

    /// The budget lines of a municipality that make up an Rb-28S metric's sum in each year asked
    /// (dział, rozdział, paragraph with its 4th digit, amount), read from the year's report by the
    /// code that summed them in the run; the listed lines add up to the run's value, or this fails.
    public static func budgetLines(_ result: RankingResult, unit: Unit, metric: String, years: [Int]?, inputs: InputFolder) throws -> String {
        let sources = result.methodology.inputs.sources.compactMap { $0 as? Rb28S }
        guard let source = sources.first(where: { $0.rules.contains { $0.metric.name == metric } }) else {
            let known = sources.flatMap { $0.rules.map(\.metric.name) }
            throw ExplainError(known.isEmpty
                ? "--lines lists the budget lines of Rb-28S metrics, and ranking \(result.methodology.ranking) reads no Rb-28S report"
                : "--lines: \(quoted(metric)) is not an Rb-28S metric of ranking \(result.methodology.ranking); its Rb-28S metrics: \(known.joined(separator: ", "))")
        }
        guard case .years(let window) = result.methodology.period else { return "" }
        let asked = years ?? Array(window)
        if let outside = asked.first(where: { !window.contains($0) }) {
            throw ExplainError("--year \(outside) is outside the window \(window.lowerBound)–\(window.upperBound) of ranking \(result.methodology.ranking)")
        }
        let request = SourceRequest(register: result.register, folder: inputs, methodologyFile: result.methodology.file,
                                    period: result.methodology.period, progress: nil)
        let rule = source.rules.first { $0.metric.name == metric }!
        let filters = rule.filters.map { "\($0.field.fieldName) \($0.codes.joined(separator: ", "))" }
        var text = unit.heading + "\n" + "\(metric), \(unit.name) (\(unit.code)): Σ \(source.amount) pozycji sprawozdania"
            + (filters.isEmpty ? " (wszystkich)" : " o \(filters.joined(separator: "; "))") + "\n"
        let values = result.data.values(of: unit.code)
        for year in asked {
            let path = inputs.path(source.file(year))
            let (lines, sum) = try source.lines(of: unit.code, metric: metric, year: year, request)
            guard let sum else {
                text += "\n\(year): brak pozycji \(unit.code) w \(path): brak wartości \(metric) za \(year)\n"
                continue
            }
            guard let run = values.value(metric, year: year), run == sum else {
                throw InputError(file: path, line: nil, message: "the budget lines of \(unit.code) add up to \(NumberText.fixed(sum, 2)), but the run summed \(values.value(metric, year: year).map { NumberText.fixed($0, 2) } ?? "nothing"): the file changed during the run")
            }
            var table = TextTable([("rekord", .right), ("dział", .left), ("rozdział", .left), ("paragraf", .left), (source.amount, .right)])
            for line in lines {
                table.add(["\(line.record)", line.codes.section, line.codes.chapter, line.codes.paragraph + line.codes.financing, NumberText.fixed(line.amount, 2)])
            }
            text += "\n\(year): \(Polish.count(lines.count, "pozycja", "pozycje", "pozycji")) z \(path), suma \(NumberText.fixed(sum, 2)) PLN\n"
            if !lines.isEmpty { text += table.render(indent: "  ") }
        }
        return text
    }

    /// The band of places and the award odds over the sensitivity runs.
    static func uncertaintyLines(_ band: CategoryUncertainty, entry: Int, _ uncertainty: UncertaintyResult) -> String {
        let varied = uncertainty.factors.map(\.polishName).joined(separator: ", ")
        var text = "W \(uncertainty.runs) przebiegach analizy wrażliwości (zmieniane: \(varied); ziarno \(uncertainty.seed)): mediana miejsca \(band.medianPlace[entry]), "
            + "90% przebiegów na miejscach \(band.band(entry))\n"
        let odds = zip(uncertainty.awardTitles, band.awardShares).map { title, shares in
            "\(title) \(NumberText.fixed(shares[entry] * 100, 1))%"
        }
        if !odds.isEmpty { text += "Szanse nagród: \(odds.joined(separator: "; "))\n" }
        return text
    }

    private static func explain(_ unit: Unit, in category: CategoryScores, _ result: RankingResult) -> String {
        let methodology = result.methodology
        var text = "Kategoria: \(category.category.title) (\(category.category.id))\n"
        if let item = category.notClassified.first(where: { $0.unit.code == unit.code }) {
            text += "Niesklasyfikowana: \(item.reason)\n"
            if let participant = result.accounts.isEmpty ? nil : accountsOf(unit, category, result) { text += participant }
            return text
        }
        let entry = category.entries.firstIndex { $0.unit.code == unit.code }!
        let position = category.standings.firstIndex { $0.entry == entry }!
        let standing = category.standings[position]
        let score = category.scores[entry]
        text += "Miejsce \(standing.place) z \(category.entries.count), wynik \(NumberText.fixed(score, 2))"
        text += standing.award.map { ", \($0)\n" } ?? "\n"
        if standing.place > 1 {
            let above = category.standings[..<position].last { $0.place < standing.place }!
            let leader = category.entries[above.entry].unit
            let gap = category.scores[above.entry] - score
            text += "Za miejscem \(above.place) (\(leader.name), \(NumberText.fixed(category.scores[above.entry], 2))) o \(NumberText.fixed(gap, 2)) pkt\n"
        } else {
            text += "Pierwsze miejsce\n"
        }
        if let uncertainty = result.uncertainty,
           let band = uncertainty.categories.first(where: { $0.category == category.category.id }) {
            text += uncertaintyLines(band, entry: entry, uncertainty)
        }
        if !category.entries[entry].accounts.isEmpty { text += accountFigures(category.entries[entry].accounts, result) }
        let weights = methodology.index.relativeWeights
        let fixed = { (value: Double?, decimals: Int) in value.map { NumberText.fixed($0, decimals) } ?? "-" }
        var criteria = TextTable([
            ("kryterium", .left), ("surowa", .right), ("jednostka", .left), ("po korekcie", .right), ("znormalizowana", .right),
            ("waga", .right), ("w indeksie", .right), ("wkład", .right), ("korekta w kategorii", .left),
        ])
        var imputed: [String] = []
        for column in category.columns {
            let id = column.criterion.id
            criteria.add([
                id, fixed(column.raw[entry], 4), column.criterion.unit, fixed(column.treated[entry], 4),
                fixed(column.normalised[entry], 2), NumberText.fixed(weights[id]!.relative, 4),
                NumberText.fixed(weights[id]!.effective, 4), fixed(category.contributions[id]?[entry] ?? nil, 2),
                column.treatment.label,
            ])
            if let value = column.imputed[entry] {
                imputed.append("  \(id): brak wartości, przyjęto \(NumberText.fixed(value.value, 4)) (\(value.how))\n")
            }
        }
        text += "\n" + criteria.render(indent: "  ")
        if !imputed.isEmpty { text += "\n" + imputed.joined() }
        if !methodology.pillars.isEmpty {
            var pillars = TextTable([("filar", .left), ("nazwa", .left), ("wynik", .right), ("waga", .right), ("w indeksie", .right), ("wkład", .right)])
            for pillar in methodology.pillars {
                let value = category.pillarScores[pillar.id]![entry]
                pillars.add([pillar.id, pillar.title, fixed(value, 2), NumberText.fixed(weights[pillar.id]!.relative, 4),
                             NumberText.fixed(weights[pillar.id]!.effective, 4), fixed(category.contributions[pillar.id]?[entry] ?? nil, 2)])
            }
            text += "\n" + pillars.render(indent: "  ")
        }
        text += "\n  wynik = \(aggregationSummary(methodology)) = \(NumberText.fixed(score, 4))\n"
        return text
    }

    /// `weighted mean up the hierarchy`, or which method each node uses when they differ.
    private static func aggregationSummary(_ methodology: Methodology) -> String {
        let nodes = [methodology.index] + methodology.pillars
        let methods = nodes.map { ($0.id, $0.aggregation!.kindID) }
        if methods.allSatisfy({ $0.1 == ArithmeticMean.description.id }) { return "średnia ważona w górę hierarchii" }
        return "agregacja w górę hierarchii (" + methods.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + ")"
    }

    private static func accountsOf(_ unit: Unit, _ category: CategoryScores, _ result: RankingResult) -> String? {
        let filter = category.category.filter
        let accounts = result.accounts.filter {
            $0.account.unit == unit.code && filter.takes($0.account)
        }
        return accounts.isEmpty ? nil : accountFigures(accounts, result)
    }

    private static func accountFigures(_ accounts: [AccountFigures], _ result: RankingResult) -> String {
        var table = TextTable([
            ("konto", .left), ("platforma", .left), ("P", .right), ("R", .right), ("C", .right), ("S", .right),
            ("F0", .right), ("F1", .right), ("status", .left),
        ])
        for figure in accounts {
            let start = figure.followersStart.map { "\($0)" + (figure.startSnapshot.map { " (\($0))" } ?? "") } ?? "-"
            let end = figure.followersEnd.map { "\($0)" + (figure.endSnapshot.map { " (\($0))" } ?? "") } ?? "-"
            table.add([figure.account.id, figure.account.platform.rawValue, "\(figure.posts)", "\(figure.reactions)",
                       "\(figure.comments)", "\(figure.shares)", start, end, figure.leftOutReason.map { "pominięte: \($0)" } ?? "wliczone"])
        }
        return "\nKonta (P posty, R reakcje, C komentarze, S udostępnienia w okresie; F0, F1 obserwujący na początku i na końcu):\n"
            + table.render(indent: "  ")
    }
}

/// A question `explain` cannot answer as asked.
public struct ExplainError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Finds a unit by its code (a TERYT code for gminas) or by its name.
public enum UnitQuery {
    public static func resolve(_ query: String, in units: [Unit]) throws -> Unit {
        let trimmed = query.trimmingCharacters(in: " ")
        if let found = units.first(where: { $0.code.text == trimmed }) { return found }
        if UnitCode(teryt: trimmed) != nil, units.contains(where: { $0.gmina != nil }) {
            let close = units.filter { $0.code.text.hasPrefix(String(trimmed.prefix(6))) }.prefix(5)
            throw ExplainError("no gmina with TERYT code \(trimmed)" + suggestions(Array(close)))
        }
        let word = units.contains { $0.gmina != nil } ? "gmina" : "unit"
        let key = fold(trimmed)
        let matches = units.filter { fold($0.name) == key }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let list = matches.map { "\($0.code) \($0.name)" + ($0.gmina.map { " (\($0.kind.polishName), \($0.voivodeship))" } ?? "") }
                .joined(separator: "; ")
            throw ExplainError("'\(trimmed)' names \(matches.count) \(word)s; give the \(word == "gmina" ? "TERYT code" : "code") of one: \(list)")
        }
        let scored = units.map { ($0, editDistance(fold($0.name), key)) }
            .filter { $0.1 <= max(2, key.count / 3) || fold($0.0.name).hasPrefix(key) }
            .sorted { ($0.1, $0.0.code) < ($1.1, $1.0.code) }
            .prefix(5).map(\.0)
        throw ExplainError("no \(word) named '\(trimmed)'" + suggestions(scored))
    }

    private static func suggestions(_ candidates: [Unit]) -> String {
        guard !candidates.isEmpty else { return "" }
        return "; did you mean: " + candidates.map { "\($0.name) (\($0.code)" + ($0.gmina.map { ", \($0.kind.polishName)" } ?? "") + ")" }
            .joined(separator: ", ")
    }

    /// Case- and diacritic-insensitive form of a name: `Łódź` → `lodz`.
    static func fold(_ text: String) -> String {
        let map: [Character: Character] = ["ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"]
        return String(text.lowercased().map { map[$0] ?? $0 })
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return String(text)
    }
}

/// Polish words that agree with a number.
enum Polish {
    /// `1 pozycja`, `2 pozycje`, `5 pozycji`, `22 pozycje`, `12 pozycji`.
    static func count(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let word = n == 1 ? one : (2...4).contains(n % 10) && !(12...14).contains(n % 100) ? few : many
        return "\(n) \(word)"
    }
}
