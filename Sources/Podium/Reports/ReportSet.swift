import PodiumCSV

/// One report file: its name inside the ranking's folder and its full text.
public struct ReportFile: Sendable, Equatable {
    public let name: String
    public let contents: String
}

/// Every report of a ranking, rendered from the run's values: pure functions, no computation.
public enum ReportSet {
    public static func render(_ result: RankingResult) -> [ReportFile] {
        var files: [ReportFile] = []
        for category in result.categories {
            files.append(ReportFile(name: "\(category.category.id).csv", contents: LeaderboardCSV.render(category, result.methodology)))
            files.append(ReportFile(name: "\(category.category.id).txt", contents: LeaderboardText.render(category, result)))
        }
        files.append(ReportFile(name: "awards.txt", contents: AwardsText.render(result)))
        files.append(ReportFile(name: "breakdown.csv", contents: BreakdownCSV.render(result)))
        files.append(ReportFile(name: "not-classified.csv", contents: NotClassifiedCSV.render(result)))
        return files
    }
}

enum LeaderboardCSV {
    static func render(_ category: CategoryScores, _ methodology: Methodology) -> String {
        var writer = CSVWriter()
        let pillars = methodology.pillars
        writer.writeRow(["rank", "teryt", "name", "voivodeship", "score"] + pillars.map(\.id) + ["award"])
        for row in rows(category, pillars: pillars) { writer.writeRow(row) }
        return writer.text
    }

    /// The cells of every leaderboard row, in listing order: the CSV and the text table show the same.
    static func rows(_ category: CategoryScores, pillars: [WeightNode]) -> [[String]] {
        category.standings.map { standing in
            let entry = category.entries[standing.entry].municipality
            return [String(standing.place), entry.teryt.text, entry.name, entry.voivodeship,
                    NumberText.fixed(category.scores[standing.entry], 2)]
                + pillars.map { NumberText.fixed(category.pillarScores[$0.id]![standing.entry], 2) }
                + [standing.award ?? ""]
        }
    }
}

enum LeaderboardText {
    static func render(_ category: CategoryScores, _ result: RankingResult) -> String {
        let methodology = result.methodology
        let pillars = methodology.pillars
        var table = TextTable(
            [("Miejsce", .right), ("TERYT", .left), ("Gmina", .left), ("Województwo", .left), ("Wynik", .right)]
            + pillars.map { ($0.title, .right) } + [("Nagroda", .left)])
        for row in LeaderboardCSV.rows(category, pillars: pillars) { table.add(row) }
        return """
            \(methodology.title) \(methodology.edition)
            \(category.category.title) (\(category.category.id))
            Metodologia \(methodology.id), okres \(methodology.period.description); rejestr \(result.registerSource)
            Sklasyfikowane: \(category.entries.count); niesklasyfikowane: \(category.notClassified.count) (zob. not-classified.csv)


            """ + table.render()
    }
}

enum AwardsText {
    static func render(_ result: RankingResult) -> String {
        let methodology = result.methodology
        var text = "\(methodology.title) \(methodology.edition)\nNagrodzeni (metodologia \(methodology.id))\n"
        for category in result.categories {
            text += "\n\(category.category.title)\n"
            var awarded = false
            for award in methodology.awards {
                let winners = category.standings.filter { award.places.contains($0.place) }
                guard !winners.isEmpty else { continue }
                awarded = true
                text += "  \(award.title)\n"
                for standing in winners {
                    let entry = category.entries[standing.entry].municipality
                    text += "    \(standing.place). \(entry.name) (\(entry.voivodeship)), \(NumberText.fixed(category.scores[standing.entry], 2)) pkt\n"
                }
            }
            if !awarded { text += "  (brak sklasyfikowanych)\n" }
        }
        return text
    }
}

enum BreakdownCSV {
    static let header = ["category", "teryt", "name", "place", "level", "id", "parent", "unit", "raw", "treated",
                         "treatment", "normalised", "weight_in_parent", "effective_weight", "contribution"]

    static func render(_ result: RankingResult) -> String {
        let methodology = result.methodology
        let weights = Aggregation.weights(methodology.index)
        var parents: [String: String] = [:]
        func visit(_ node: WeightNode) { for child in node.children { parents[child.id] = node.id; visit(child) } }
        visit(methodology.index)
        let number = { (value: Double) in NumberText.fixed(value, 6) }
        var writer = CSVWriter()
        writer.writeRow(header)
        for category in result.categories {
            for standing in category.standings {
                let entry = category.entries[standing.entry].municipality
                let lead = [category.category.id, entry.teryt.text, entry.name, String(standing.place)]
                for column in category.columns {
                    let id = column.criterion.id
                    let normalised = column.normalised[standing.entry]
                    writer.writeRow(lead + [
                        "criterion", id, parents[id]!, column.criterion.unit, number(column.raw[standing.entry]),
                        number(column.treated[standing.entry]), column.treatment.label, number(normalised),
                        number(weights[id]!.relative), number(weights[id]!.effective), number(weights[id]!.effective * normalised),
                    ])
                }
                for pillar in methodology.pillars {
                    let value = category.pillarScores[pillar.id]![standing.entry]
                    writer.writeRow(lead + [
                        "pillar", pillar.id, parents[pillar.id]!, "pkt", "", "", "", number(value),
                        number(weights[pillar.id]!.relative), number(weights[pillar.id]!.effective),
                        number(weights[pillar.id]!.effective * value),
                    ])
                }
                let score = category.scores[standing.entry]
                writer.writeRow(lead + ["index", methodology.index.id, "", "pkt", "", "", "", number(score), number(1), number(1), number(score)])
            }
        }
        return writer.text
    }
}

enum NotClassifiedCSV {
    static func render(_ result: RankingResult) -> String {
        var writer = CSVWriter()
        writer.writeRow(["teryt", "name", "category", "reason"])
        for item in result.categories.flatMap(\.notClassified) + result.unplaced {
            writer.writeRow([item.municipality.teryt.text, item.municipality.name, item.category, item.reason])
        }
        return writer.text
    }
}
