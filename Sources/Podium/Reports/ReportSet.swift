import PodiumCSV

/// One report file: its name inside the ranking's folder and its bytes as written (UTF-8 for text
/// reports; a workbook is binary).
public struct ReportFile: Sendable, Equatable {
    public let name: String
    public let bytes: [UInt8]

    public init(name: String, contents: String) {
        self.name = name
        self.bytes = Array(contents.utf8)
    }

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The file's text (a text report's contents; binary files decode with replacement characters).
    public var contents: String { String(decoding: bytes, as: UTF8.self) }
}

/// Every report of a ranking, rendered from the run's values: pure functions, no computation.
public enum ReportSet {
    /// The CSV reports of a ranking's folder that are not a category's leaderboard (`compare` reads
    /// every other `.csv` as one).
    public static let otherCSVFiles: Set<String> = [
        "breakdown.csv", "not-classified.csv", "audit.csv", "uncertainty.csv", "sensitivity.csv",
    ]

    /// The report files of `formats` (see `ReportFormat`), in a fixed order. `digests`: the run's
    /// input files with their SHA-256, printed at the end of `report.html`.
    public static func render(_ result: RankingResult, formats: Set<ReportFormat> = ReportFormat.all,
                              digests: RunDigests? = nil) throws -> [ReportFile] {
        var files: [ReportFile] = []
        let csv = formats.contains(.csv), txt = formats.contains(.txt)
        for category in result.categories {
            if csv { files.append(ReportFile(name: "\(category.category.id).csv", contents: LeaderboardCSV.render(category, result))) }
            if txt { files.append(ReportFile(name: "\(category.category.id).txt", contents: LeaderboardText.render(category, result))) }
        }
        if txt { files.append(ReportFile(name: "awards.txt", contents: AwardsText.render(result))) }
        if formats.contains(.md) { files.append(ReportFile(name: "awards.md", contents: AwardsMarkdown.render(result))) }
        if formats.contains(.html) { files.append(ReportFile(name: "report.html", contents: ReportHTML.render(result, digests: digests))) }
        if csv {
            files.append(ReportFile(name: "breakdown.csv", contents: BreakdownCSV.render(result)))
            files.append(ReportFile(name: "not-classified.csv", contents: NotClassifiedCSV.render(result)))
        }
        if csv, let uncertainty = result.uncertainty {
            files.append(ReportFile(name: "uncertainty.csv", contents: UncertaintyCSV.render(uncertainty, result)))
            files.append(ReportFile(name: "sensitivity.csv", contents: SensitivityCSV.render(uncertainty)))
        }
        if csv || txt {
            let audit = RankingAudit(result)
            if csv { files.append(ReportFile(name: "audit.csv", contents: AuditCSV.render(audit, result))) }
            if txt { files.append(ReportFile(name: "audit.txt", contents: AuditText.render(audit, result))) }
        }
        if formats.contains(.xlsx) {
            files.append(ReportFile(name: RankingWorkbook.fileName(result), bytes: try RankingWorkbook.render(result)))
        }
        return files
    }
}

/// The columns that say who a unit is: code, name, and for gminas the voivodeship.
struct UnitColumns {
    let register: Register

    var header: [String] { [register.codeColumn, "name"] + (register.kind == .terc ? ["voivodeship"] : []) }

    /// Polish headings for plain-text tables.
    var headings: [String] { register.kind == .terc ? ["TERYT", "Gmina", "Województwo"] : ["Kod", "Jednostka"] }

    func cells(_ unit: Unit) -> [CSVCell] {
        ([unit.code.text, unit.name] + (unit.gmina.map { [$0.voivodeship] } ?? [])).map(CSVCell.text)
    }

    /// `Jawor (dolnośląskie)`, or the name alone.
    func label(_ unit: Unit) -> String { unit.gmina.map { "\(unit.name) (\($0.voivodeship))" } ?? unit.name }
}

enum LeaderboardCSV {
    static func render(_ category: CategoryScores, _ result: RankingResult) -> String {
        var writer = CSVWriter()
        let pillars = result.methodology.pillars
        writer.writeRow(["rank"] + UnitColumns(register: result.register).header + ["score"] + pillars.map(\.id) + ["award"]
                        + (result.uncertainty == nil ? [] : ["places_90"]))
        for row in rows(category, result) { writer.writeRow(row) }
        return writer.text
    }

    /// The cells of every leaderboard row, in listing order: the CSV and the text table show the same.
    static func rows(_ category: CategoryScores, _ result: RankingResult) -> [[CSVCell]] {
        let columns = UnitColumns(register: result.register)
        let pillars = result.methodology.pillars
        let band = result.uncertainty?.categories.first { $0.category == category.category.id }
        return category.standings.map { standing in
            [.number(String(standing.place))] + columns.cells(category.entries[standing.entry].unit)
                + [.number(NumberText.fixed(category.scores[standing.entry], 2))]
                + pillars.map { .number(category.pillarScores[$0.id]![standing.entry].map { NumberText.fixed($0, 2) } ?? "") }
                + [.text(standing.award ?? "")]
                + (band.map { [.text($0.band(standing.entry))] } ?? [])
        }
    }
}

enum LeaderboardText {
    /// Polish headings of the leaderboard's columns (the table and the workbook), with alignments.
    static func columns(_ result: RankingResult) -> [(String, TextTable.Alignment)] {
        let identity: [(String, TextTable.Alignment)] = UnitColumns(register: result.register).headings.map { ($0, .left) }
        return [("Miejsce", .right)] + identity + [("Wynik", .right)]
            + result.methodology.pillars.map { ($0.title, .right) } + [("Nagroda", .left)]
            + (result.uncertainty == nil ? [] : [("Miejsca (90%)", .right)])
    }

    static func render(_ category: CategoryScores, _ result: RankingResult) -> String {
        let methodology = result.methodology
        var table = TextTable(columns(result))
        for row in LeaderboardCSV.rows(category, result) { table.add(row.map(\.value)) }
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
        let columns = UnitColumns(register: result.register)
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
                    let unit = category.entries[standing.entry].unit
                    text += "    \(standing.place). \(columns.label(unit)), \(NumberText.fixed(category.scores[standing.entry], 2)) pkt\n"
                }
            }
            if !awarded { text += "  (brak sklasyfikowanych)\n" }
        }
        return text
    }
}

enum BreakdownCSV {
    static func header(code: String) -> [String] {
        ["category", code, "name", "place", "level", "id", "parent", "unit", "raw", "treated",
         "treatment", "normalised", "weight_in_parent", "effective_weight", "contribution"]
    }

    static func render(_ result: RankingResult) -> String {
        var writer = CSVWriter()
        writer.writeRow(columns(result))
        for row in rows(result) { writer.writeRow(row) }
        return writer.text
    }

    static func columns(_ result: RankingResult) -> [String] {
        header(code: result.register.codeColumn) + (result.methodology.missingData.imputation != nil ? ["imputation"] : [])
    }

    /// The cells of every row: the CSV and the workbook show the same.
    static func rows(_ result: RankingResult) -> [[CSVCell]] {
        let methodology = result.methodology
        let weights = methodology.index.relativeWeights
        let parents = methodology.index.parents
        let imputing = methodology.missingData.imputation != nil
        let number = { (value: Double?) in CSVCell.number(value.map { NumberText.fixed($0, 6) } ?? "") }
        var rows: [[CSVCell]] = []
        for category in result.categories {
            for standing in category.standings {
                let entry = standing.entry
                let unit = category.entries[entry].unit
                let lead: [CSVCell] = [.text(category.category.id), .text(unit.code.text), .text(unit.name), .number(String(standing.place))]
                for column in category.columns {
                    let id = column.criterion.id
                    let imputed: [CSVCell] = imputing ? [.text(column.imputed[entry].map { "imputed \(NumberText.plain($0.value)): \($0.how)" } ?? "")] : []
                    rows.append(lead + [
                        "criterion", .text(id), .text(parents[id]!), .text(column.criterion.unit), number(column.raw[entry]),
                        number(column.treated[entry]), .text(column.treatment.label), number(column.normalised[entry]),
                        number(weights[id]!.relative), number(weights[id]!.effective), number(category.contributions[id]?[entry] ?? nil),
                    ] + imputed)
                }
                for pillar in methodology.pillars {
                    rows.append(lead + [
                        "pillar", .text(pillar.id), .text(parents[pillar.id]!), "pkt", "", "", "", number(category.pillarScores[pillar.id]![entry]),
                        number(weights[pillar.id]!.relative), number(weights[pillar.id]!.effective),
                        number(category.contributions[pillar.id]?[entry] ?? nil),
                    ] + (imputing ? [""] : []))
                }
                let score = category.scores[entry]
                rows.append(lead + ["index", .text(methodology.index.id), "", "pkt", "", "", "", number(score), number(1), number(1), number(score)]
                            + (imputing ? [""] : []))
            }
        }
        return rows
    }
}

enum NotClassifiedCSV {
    static func render(_ result: RankingResult) -> String {
        var writer = CSVWriter()
        writer.writeRow([result.register.codeColumn, "name", "category", "reason"])
        for row in rows(result) { writer.writeRow(row) }
        return writer.text
    }

    static func rows(_ result: RankingResult) -> [[String]] {
        (result.categories.flatMap(\.notClassified) + result.unplaced).map { [$0.unit.code.text, $0.unit.name, $0.category, $0.reason] }
    }
}
