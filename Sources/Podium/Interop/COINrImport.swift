import PodiumCSV
import Yams

/// Turns a COINr data set (`iData` and `iMeta`, as COINr's `new_coin()` takes them) into podium
/// inputs: a unit table, a wide metrics file and a methodology with COINr's hierarchy, weights,
/// directions and denominators, for a user to review and edit.
///
/// iData: `uCode`, `uName`, optional `Time`, group columns, denominator columns and indicator
/// columns (which is which comes from iMeta's `Type`: `Group`, `Denominator`, `Indicator`). Empty
/// cells and `NA` are missing values; numbers are copied as written (exponent notation included).
/// iMeta: `Level, iCode, iName, Direction, Weight, Unit, Target, Denominator, Parent, Type`;
/// `Aggregate` rows are the pillars, sub-indices and the index (the one without a parent).
public enum COINrImport {
    /// An option that does not fit the data set (a group column it does not have).
    public struct UsageError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public struct Options: Sendable {
        public var id: String
        public var title: String
        /// A group column to impute missing values within (COINr's `i_mean_grp`), if any.
        public var imputeBy: String?

        public init(id: String = "coinr", title: String = "Composite indicator imported from COINr", imputeBy: String? = nil) {
            self.id = id
            self.title = title
            self.imputeBy = imputeBy
        }
    }

    /// The files to write, by path relative to the new inputs folder.
    public static func convert(iData: String, iMeta: String, options: Options) throws -> [ReportFile] {
        let meta = try readMeta(iMeta)
        let data = try readData(iData, meta: meta)
        let edition = data.years.max() ?? 0
        var files: [ReportFile] = []

        // podium reads these files back: their text stays as it is (the reports guard it).
        var units = CSVWriter(neutralisesFormulas: false)
        units.writeRow(["id", "name"] + meta.groups.map(\.code))
        for row in data.units { units.writeRow([row.code, row.name] + meta.groups.map { row.cells[$0.code] ?? "" }) }
        files.append(ReportFile(name: "units.csv", contents: units.text))

        let metrics = meta.denominators + meta.indicators
        var table = CSVWriter(neutralisesFormulas: false)
        table.writeRow(["id", "year"] + metrics.map(\.code))
        for row in data.rows { table.writeRow([row.code, String(row.year)] + metrics.map { row.cells[$0.code] ?? "" }) }
        files.append(ReportFile(name: "data.csv", contents: table.text))

        let yaml = try methodology(meta, options: options, years: (data.years.min() ?? edition)...edition)
        files.append(ReportFile(name: "methodologies/\(options.id).yaml", contents: yaml))
        return files
    }

    struct MetaRow {
        let line: Int
        let code: String
        let name: String
        let direction: Double?
        let weight: Double?
        let unit: String
        let denominator: String
        let parent: String
        let type: String
    }

    struct Meta {
        var groups: [MetaRow] = []
        var denominators: [MetaRow] = []
        var indicators: [MetaRow] = []
        var aggregates: [MetaRow] = []
    }

    static func readMeta(_ path: String) throws -> Meta {
        var meta = Meta()
        try CSVReader.read(path) { header in
            let c = try header.require(["iCode", "iName", "Direction", "Weight", "Unit", "Denominator", "Parent", "Type"])
            return { record in
                func number(_ column: CSVColumn) throws -> Double? {
                    record.string(column) == "NA" ? nil : try record.number(column)
                }
                func text(_ column: CSVColumn) throws -> String {
                    let value = try record.label(column, allowEmpty: true)
                    return value == "NA" ? "" : value
                }
                let row = MetaRow(line: record.line, code: try text(c[0]), name: try text(c[1]), direction: try number(c[2]),
                                  weight: try number(c[3]), unit: try text(c[4]), denominator: try text(c[5]),
                                  parent: try text(c[6]), type: try text(c[7]))
                guard !row.code.isEmpty else { throw record.fail("column 'iCode' is empty") }
                // podium's own columns in units.csv and data.csv.
                guard !["id", "name", "year"].contains(row.code.lowercased()) else {
                    throw record.fail("column 'iCode': \(quoted(row.code)) is a column podium writes itself (id, name, year); rename it")
                }
                switch row.type {
                case "Group": meta.groups.append(row)
                case "Denominator": meta.denominators.append(row)
                case "Indicator": meta.indicators.append(row)
                case "Aggregate": meta.aggregates.append(row)
                case "Other": break
                default: throw record.fail("column 'Type': \(quoted(row.type)) is not Indicator, Aggregate, Group, Denominator or Other")
                }
                if ["Indicator", "Aggregate"].contains(row.type) {
                    guard row.direction == 1 || row.direction == -1 || row.type == "Aggregate" && row.direction != nil else {
                        throw record.fail("column 'Direction': an indicator's direction is 1 or -1, found \(quoted(record.string(c[2])))")
                    }
                    guard let weight = row.weight, weight > 0 else {
                        throw record.fail("column 'Weight': expected a positive weight, found \(quoted(record.string(c[3])))")
                    }
                }
            }
        }
        guard !meta.indicators.isEmpty else { throw InputError(file: path, line: nil, message: "iMeta lists no indicator") }
        let codes = meta.indicators + meta.aggregates
        for row in codes where !row.parent.isEmpty && !meta.aggregates.contains(where: { $0.code == row.parent }) {
            throw InputError(file: path, line: row.line, message: "column 'Parent': \(quoted(row.parent)) of \(quoted(row.code)) is not an aggregate of iMeta")
        }
        for row in meta.indicators where !row.denominator.isEmpty && !meta.denominators.contains(where: { $0.code == row.denominator }) {
            throw InputError(file: path, line: row.line, message: "column 'Denominator': \(quoted(row.denominator)) of \(quoted(row.code)) is not a denominator of iMeta")
        }
        let roots = meta.aggregates.filter { $0.parent.isEmpty }
        guard roots.count == 1 else {
            throw InputError(file: path, line: nil, message: "iMeta needs exactly one aggregate without a parent (the index), found \(roots.count)")
        }
        return meta
    }

    struct DataRow {
        let code: String
        let name: String
        let year: Int
        let cells: [String: String]
    }

    /// Every row of iData, one per unit and year, and each unit once (its name and groups must not
    /// change between years: a unit table has one row per unit).
    static func readData(_ path: String, meta: Meta) throws -> (rows: [DataRow], units: [DataRow], years: [Int]) {
        var units: [String: (row: DataRow, line: Int)] = [:]
        var order: [String] = []
        var rows: [DataRow] = []
        var seen: [String: Int] = [:]
        try CSVReader.read(path) { header in
            let keys = try header.require(["uCode", "uName"])
            let time = header.column("Time")
            let columns = try (meta.groups + meta.denominators + meta.indicators).map { row -> (String, CSVColumn) in
                guard let column = header.column(row.code) else {
                    throw InputError(file: path, line: 1, message: "no column \(quoted(row.code)) (named in iMeta as \(row.type))")
                }
                return (row.code, column)
            }
            return { record in
                let code = try record.label(keys[0])
                var year = 0
                if let time {
                    guard let value = try record.number(time), value == value.rounded(), (1900...2200).contains(value) else {
                        throw record.fail("column 'Time': \(quoted(record.string(time))) is not a year")
                    }
                    year = Int(value)
                }
                let key = "\(code) \(year)"
                if let first = seen[key] { throw record.fail("unit \(quoted(code)) appears twice for \(year) (first on line \(first))") }
                seen[key] = record.line
                var cells: [String: String] = [:]
                for (name, column) in columns {
                    let text = try record.label(column, allowEmpty: true)
                    guard text != "NA", !text.isEmpty else { continue }
                    if !meta.groups.contains(where: { $0.code == name }) {
                        guard (try? record.number(column)) != nil else { throw record.fail("column \(quoted(name)): \(quoted(text)) is not a number") }
                    }
                    cells[name] = text
                }
                let row = DataRow(code: code, name: try record.label(keys[1]), year: year, cells: cells)
                if let first = units[code] {
                    for group in [("uName", first.row.name, row.name)] + meta.groups.map({ ($0.code, first.row.cells[$0.code] ?? "", cells[$0.code] ?? "") })
                    where group.1 != group.2 {
                        throw record.fail("column \(quoted(group.0)): \(quoted(group.2)) for \(code), but \(quoted(group.1)) on line \(first.line); a unit's name and groups must not change between years")
                    }
                } else {
                    units[code] = (row, record.line)
                    order.append(code)
                }
                rows.append(row)
            }
        }
        guard !rows.isEmpty else { throw InputError(file: path, line: nil, message: "iData lists no unit") }
        return (rows, order.map { units[$0]!.row }, Array(Set(rows.map(\.year))).sorted())
    }

    // MARK: the methodology

    static func methodology(_ meta: Meta, options: Options, years: ClosedRange<Int>) throws -> String {
        func scalar(_ text: String) -> Node { Node(text) }
        func number(_ value: Double) -> Node { Node(NumberText.plain(value), Tag(.float)) }
        func map(_ pairs: [(String, Node)]) -> Node { .mapping(Node.Mapping(pairs.map { (Node($0.0), $0.1) })) }

        // Denominators are amounts; indicators may be negative (growth rates, balances).
        let metrics = meta.denominators.map { row in (row.code, scalar(row.unit.isEmpty ? "-" : row.unit)) }
            + meta.indicators.map { row in
                (row.code, map([("unit", scalar(row.unit.isEmpty ? "-" : row.unit)), ("signed", .scalar(.init("true", Tag(.bool))))]))
            }
        let criteria: [Node] = meta.indicators.map { row in
            var pairs: [(String, Node)] = [
                ("id", scalar(row.code)), ("name", scalar(row.name.isEmpty ? row.code : row.name)),
                ("kind", scalar("last_window_year_value")), ("unit", scalar(row.unit.isEmpty ? "-" : row.unit)),
                ("direction", scalar(row.direction == -1 ? "lower_is_better" : "higher_is_better")),
                ("parameters", map([("metric", scalar(row.code))])),
            ]
            if !row.denominator.isEmpty { pairs.append(("denominator", map([("metric", scalar(row.denominator)), ("scale", number(1))]))) }
            return map(pairs)
        }
        func children(of parent: String) -> [Node] {
            let indicators = meta.indicators.filter { $0.parent == parent }.map { row in
                map([("criterion", scalar(row.code)), ("weight", number(row.weight!))])
            }
            let aggregates = meta.aggregates.filter { $0.parent == parent }.map { row in
                map([("pillar", scalar(row.code)), ("title", scalar(row.name.isEmpty ? row.code : row.name)),
                     ("weight", number(row.weight!)), ("children", .sequence(Node.Sequence(children(of: row.code))))])
            }
            return indicators + aggregates
        }
        let root = meta.aggregates.first { $0.parent.isEmpty }!
        var missing: Node = scalar("not_classified")
        if let group = options.imputeBy {
            guard meta.groups.contains(where: { $0.code == group }) else {
                throw UsageError(description: "--impute-by: iMeta has no group \(quoted(group)); groups: \(meta.groups.map(\.code).joined(separator: ", "))")
            }
            missing = map([("impute", map([("method", scalar("group_mean")), ("group", scalar(group))]))])
        }
        let document = map([
            ("schema", .scalar(.init("1", Tag(.int)))),
            ("id", scalar(options.id)),
            ("ranking", scalar(options.id)),
            ("title", scalar(options.title)),
            ("edition", .scalar(.init(String(years.upperBound), Tag(.int)))),
            ("description", scalar("Imported from COINr (iData, iMeta) by podium import coinr: review the choices below.")),
            ("inputs", map([("type", scalar("municipal_metrics")), ("units", scalar("units.csv")),
                            ("metrics_file", scalar("data.csv")), ("metrics", map(metrics))])),
            ("period", map([("years", map([("from", .scalar(.init(String(years.lowerBound), Tag(.int)))),
                                           ("to", .scalar(.init(String(years.upperBound), Tag(.int))))]))])),
            ("categories", .sequence(Node.Sequence([map([("id", scalar("all")), ("title", scalar("Wszystkie jednostki")),
                                                         ("where", map([]))])]))),
            ("criteria", .sequence(Node.Sequence(criteria))),
            ("index", map([("id", scalar(root.code)), ("title", scalar(root.name.isEmpty ? root.code : root.name)),
                           ("children", .sequence(Node.Sequence(children(of: root.code))))])),
            ("missing_data", missing),
            ("treatment", map([("method", scalar("winsorise_or_log")), ("skewness_limit", number(2)), ("kurtosis_limit", number(3.5)),
                               ("max_replaced", .scalar(.init("5", Tag(.int)))), ("min_values", .scalar(.init("4", Tag(.int))))])),
            ("normalisation", map([("method", scalar("min_max")), ("range", .sequence(Node.Sequence([number(0), number(100)])))])),
            ("aggregation", scalar("arithmetic_mean")),
            ("ties", map([("tolerance", .scalar(.init("1.0e-9", Tag(.float)))), ("order", scalar("code"))])),
            ("awards", .sequence(Node.Sequence([]))),
        ])
        let yaml: String
        do {
            yaml = try Yams.serialize(node: document, width: -1, allowUnicode: true, sortKeys: false)
        } catch let error as YamlError {
            throw MethodologyError(error, file: "methodologies/\(options.id).yaml", text: "")
        }
        return "# Imported from COINr by `podium import coinr`. Every choice below is podium's default for a\n"
            + "# COINr-style pipeline (denominate, impute, winsorise or log, min-max, arithmetic means): edit freely.\n"
            + yaml
    }
}
