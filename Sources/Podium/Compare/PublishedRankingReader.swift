import Foundation
import PodiumCSV

extension PublishedRanking {
    public static let breakdownFile = "breakdown.csv"
    public static let notClassifiedFile = "not-classified.csv"

    /// Reads a ranking's report folder as `podium run` writes it: `breakdown.csv` (places, scores,
    /// contributions), every other `<category>.csv` (the leaderboards, which must list the same
    /// units on the same places) and `not-classified.csv`. A folder that does not exist or has no
    /// `breakdown.csv` is a `CompareError`; a file that is not what podium writes is an error naming
    /// its line and column.
    public static func read(_ folder: String) throws -> PublishedRanking {
        let root = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CompareError.noFolder(folder)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw InputError(file: root, line: nil, message: "cannot list the folder: \((error as NSError).localizedDescription)")
        }
        guard names.contains(breakdownFile) else {
            let rankings = names.filter { FileManager.default.fileExists(atPath: "\(root)/\($0)/\(breakdownFile)") }
            throw CompareError.notReportFolder(folder, rankings: rankings)
        }
        let breakdown = try Breakdown.read("\(root)/\(breakdownFile)")
        let leaderboards = names.filter { $0.hasSuffix(".csv") && !ReportSet.otherCSVFiles.contains($0) }
            .map { String($0.dropLast(4)) }
        for id in leaderboards {
            try breakdown.check(leaderboard: "\(root)/\(id).csv", category: id)
        }
        if let missing = breakdown.categoryOrder.first(where: { !leaderboards.contains($0) }) {
            throw InputError(file: breakdown.file, line: breakdown.units[missing]![0].line,
                             message: "category \(quoted(missing)) has no leaderboard \(missing).csv in the folder")
        }
        let categories = breakdown.categoryOrder.map { id in PublishedCategory(id: id, units: breakdown.units[id]!.map(\.published)) }
            + leaderboards.filter { breakdown.units[$0] == nil }.map { PublishedCategory(id: $0, units: []) }
        return PublishedRanking(
            folder: root, codeColumn: breakdown.codeColumn, criteria: breakdown.criteria, categories: categories,
            notClassified: try readNotClassified("\(root)/\(notClassifiedFile)", codeColumn: breakdown.codeColumn))
    }

    private static func readNotClassified(_ path: String, codeColumn: String) throws -> [NotClassifiedUnit] {
        var units: [NotClassifiedUnit] = []
        try CSVReader.read(path) { header in
            let c = try header.require([codeColumn, "name", "category", "reason"])
            return { record in
                units.append(NotClassifiedUnit(
                    code: try record.published(c[0]), name: try record.published(c[1]),
                    category: try record.published(c[2]), reason: try record.published(c[3], allowEmpty: true)))
            }
        }
        return units
    }
}

extension CSVRecord {
    /// A text cell of a podium report, as it was before the writer neutralised it for spreadsheets.
    fileprivate func published(_ column: CSVColumn, allowEmpty: Bool = false) throws -> String {
        CSVWriter.unneutralised(try label(column, allowEmpty: allowEmpty))
    }
}

/// `breakdown.csv` read back: a unit's rows (one per criterion, pillar and the index) gathered by
/// category and code.
private struct Breakdown {
    enum Level: String { case criterion, pillar, index }

    struct Row {
        let level: Level
        let parent: String
        let normalised: Double?
        let contribution: Double?
    }

    struct UnitRows {
        let category: String
        let code: String
        let name: String
        let place: Int
        /// The unit's first line.
        let line: Int
        var rows: [String: Row] = [:]
        var criteria: [String] = []
        var score: Double?

        /// A criterion's contribution as printed; a criterion without a value, or whose pillar (or a
        /// pillar above) has none, adds nothing to the score, so 0; a criterion with a value under
        /// nodes with values but no contribution printed is under an aggregation that does not split
        /// its score into parts: unknown, nil.
        func contribution(_ id: String) -> Double? {
            let row = rows[id]!
            if let contribution = row.contribution { return contribution }
            if row.normalised == nil { return 0 }
            var parent = row.parent
            // Bounded by the number of rows, so a file whose parents form a loop cannot hang.
            for _ in rows.indices {
                guard let node = rows[parent] else { break }
                if node.normalised == nil { return 0 }
                if node.level == .index { break }
                parent = node.parent
            }
            return nil
        }

        var published: PublishedUnit {
            var contributions: [String: Double?] = [:]
            // updateValue: a subscript assignment of nil would remove the key.
            for id in criteria { contributions.updateValue(contribution(id), forKey: id) }
            return PublishedUnit(code: code, name: name, place: place, score: score!, contributions: contributions)
        }
    }

    let file: String
    let codeColumn: String
    var criteria: [String] = []
    var categoryOrder: [String] = []
    /// By category, by place then code.
    var units: [String: [UnitRows]] = [:]

    static func read(_ path: String) throws -> Breakdown {
        var breakdown: Breakdown?
        // Rows are gathered by unit in the order units first appear, then grouped by category.
        var all: [UnitRows] = []
        var positions: [NotClassifiedUnit.Key: Int] = [:]
        var criteria: Set<String> = []
        // A unit table's code column is `id`, like the column of the criterion, pillar or index.
        var options = CSVReadOptions()
        options.allowsRepeatedColumns = true
        try CSVReader.read(path, options: options) { header in
            guard header.names.count > 1, header.column("category")?.index == 0,
                  let codeColumn = ["teryt", "id"].first(where: { header.column($0)?.index == 1 }) else {
                throw InputError(file: path, line: 1, message: "not a podium breakdown: the first columns must be category and teryt (or id); found "
                                 + header.names.prefix(5).map { quoted($0) }.joined(separator: ", "))
            }
            if let repeated = header.names.first(where: { header.columns($0).count > (codeColumn == "id" && $0 == "id" ? 2 : 1) }) {
                throw CSVError.duplicateColumn(file: path, column: repeated)
            }
            var c = try header.require(["category", codeColumn, "name", "place", "level", "id", "parent", "normalised", "contribution"])
            // The node column is the last `id`; a unit table's code column is the first.
            guard let node = header.columns("id").last, node.index > 1 else {
                throw CSVError.missingColumns(file: path, missing: ["id"], found: header.names)
            }
            c[5] = node
            breakdown = Breakdown(file: path, codeColumn: codeColumn)
            // Categories, ids and parents repeat on every unit, codes and names on every row of one:
            // each distinct text is checked (UTF-8, no control character) and restored once. Not the
            // empty text (allowed in one column only), nor one with U+FFFD, which bytes that are not
            // UTF-8 also decode to.
            var checked: [String: String] = [:]
            func text(_ record: CSVRecord, _ column: CSVColumn, allowEmpty: Bool = false) throws -> String {
                let raw = record.string(column)
                if let known = checked[raw] { return known }
                let value = try record.published(column, allowEmpty: allowEmpty)
                if !raw.isEmpty, !raw.unicodeScalars.contains("\u{FFFD}") { checked[raw] = value }
                return value
            }
            return { record in
                let category = try text(record, c[0]), code = try text(record, c[1]), name = try text(record, c[2])
                func unitLabel() -> String { "\(codeColumn) \(quoted(code)) in category \(quoted(category))" }
                guard let place = try record.integer(c[3]), place >= 1 else {
                    throw record.fail("column \(quoted(c[3].name)): \(quoted(record.string(c[3]))) is not a place (1, 2, …)")
                }
                guard let level = Level(rawValue: try record.label(c[4])) else {
                    throw record.fail("column \(quoted(c[4].name)): \(quoted(record.string(c[4]))) is not criterion, pillar or index")
                }
                let id = try text(record, c[5])
                let row = Row(level: level, parent: try text(record, c[6], allowEmpty: true),
                              normalised: try record.number(c[7]), contribution: try record.number(c[8]))

                let key = NotClassifiedUnit.Key(category: category, code: code)
                let position: Int
                if let known = positions[key] {
                    position = known
                    let first = all[known]
                    guard first.place == place, first.name == name else {
                        throw record.fail("\(unitLabel()) is \(quoted(name)) on place \(place) here "
                                          + "but \(quoted(first.name)) on place \(first.place) on line \(first.line)")
                    }
                } else {
                    position = all.count
                    positions[key] = position
                    all.append(UnitRows(category: category, code: code, name: name, place: place, line: record.line))
                }
                guard all[position].rows[id] == nil else {
                    throw record.fail("\(quoted(id)) is listed twice for \(unitLabel())")
                }
                switch level {
                case .index:
                    guard all[position].score == nil else { throw record.fail("a second index row for \(unitLabel())") }
                    guard let score = row.normalised else { throw record.fail("column \(quoted(c[7].name)) is empty: the index row holds the score") }
                    all[position].score = score
                case .criterion:
                    all[position].criteria.append(id)
                    if criteria.insert(id).inserted { breakdown!.criteria.append(id) }
                case .pillar:
                    break
                }
                all[position].rows[id] = row
            }
        }
        guard var result = breakdown else { throw CSVError.emptyFile(file: path) }
        if let unit = all.first(where: { $0.score == nil }) {
            throw InputError(file: path, line: unit.line,
                             message: "\(result.codeColumn) \(quoted(unit.code)) in category \(quoted(unit.category)) has no index row (its score)")
        }
        for unit in all {
            if result.units[unit.category] == nil { result.categoryOrder.append(unit.category) }
            result.units[unit.category, default: []].append(unit)
        }
        for category in result.categoryOrder {
            result.units[category]!.sort { ($0.place, $0.code) < ($1.place, $1.code) }
        }
        return result
    }

    /// A leaderboard must list the category's units of `breakdown.csv`, each on its place: the two
    /// files are one record.
    func check(leaderboard path: String, category: String) throws {
        let expected = Dictionary(uniqueKeysWithValues: (units[category] ?? []).map { ($0.code, $0.place) })
        var seen: [String: Int] = [:]
        try CSVReader.read(path) { header in
            let c = try header.require(["rank", codeColumn])
            return { record in
                let code = try record.published(c[1])
                guard let place = expected[code] else {
                    throw record.fail("\(codeColumn) \(quoted(code)) is not in category \(quoted(category)) of \(Breakdown.name(file))")
                }
                if let first = seen[code] { throw record.fail("\(codeColumn) \(quoted(code)) is listed twice (first on line \(first))") }
                seen[code] = record.line
                guard try record.integer(c[0]) == place else {
                    throw record.fail("column \(quoted(c[0].name)): \(quoted(record.string(c[0]))) disagrees with \(Breakdown.name(file)), which puts \(quoted(code)) on place \(place)")
                }
            }
        }
        if let missing = units[category]?.first(where: { seen[$0.code] == nil }) {
            throw InputError(file: file, line: missing.line, message: "\(codeColumn) \(quoted(missing.code)) of category \(quoted(category)) is missing from its leaderboard \(path)")
        }
    }

    static func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
}
