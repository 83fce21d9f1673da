import Foundation
import PodiumArchive
import PodiumCSV
import PodiumDBase

/// Metrics summed from the Ministry of Finance's Rb-28S reports (expenditure execution of every
/// local government), one ZIP per budget year, read as published (`BudgetReport`).
struct Rb28S: YearlyMetricSource {
    static let description = KindDescription(
        id: "rb28s",
        name: "Rb-28S budget execution reports",
        summary: "Sums of the execution (R4) of every budget line of a municipality in a year, over the lines that match a metric's filters on the section (DZIAL), chapter (ROZDZIAL), paragraph (PAR) and source of financing (PAR4): lists of codes, a trailing * is a prefix. One ZIP per budget year of the window, holding one dBase table (Windows-1250). Gminas are GK ≠ 00 with GT 1–3 (TERYT WK+PK+GK+GT); cities with powiat rights report at powiat level (GK 00, PT 2, PK ≥ 61 → WK+PK+011); other budgets are skipped and counted. A municipality with no line in a year has every metric missing for that year; one with lines but none matching a filter has 0.",
        formula: "metric(gmina, year) = Σ R4 over the gmina's lines of that year's report that match every filter",
        parameters: [
            ParameterDescription(name: "files", meaning: "the reports, relative to the inputs folder, with {year} for the budget year: rb28s/Rb28S_{year}Q4.zip (a ZIP holding one .dbf, as published, or a .dbf)"),
            ParameterDescription(name: "metrics", meaning: "metric → {unit, section, chapter, paragraph, financing}: the filters (lists of codes, 925* a prefix); no filter sums every line"),
            ParameterDescription(name: "amount", meaning: "the amount field summed", defaultValue: "R4"),
        ])

    static let exampleChecks = checks([
        // Jawor's two lines, Wrocław's budget at powiat level (GK 00, PT 2, PK 64), a powiat's budget (PK 05) skipped.
        SourceExample("{files: 'r_{year}.dbf', metrics: {total: {}, green: {paragraph: ['6*'], chapter: ['90001', '925*']}}}",
                      units: units, files: ["r_2023.dbf": table([
                          ["02", "05", "01", "1", "1", "900", "90001", "605", "8", "100.50"],
                          ["02", "05", "01", "1", "1", "750", "75023", "421", "0", "20"],
                          ["02", "64", "00", " ", "2", "925", "92502", "605", "1", "10.00"],
                          ["02", "05", "00", " ", "2", "900", "90001", "605", "8", "7000.00"],
                      ])],
                      period: .years(2023...2023), values: ["0205011": ["total": 120.5, "green": 100.5], "0264011": ["total": 10, "green": 10]]),
        // Corrections are negative lines, summed as they are; a blank amount is 0.
        SourceExample("{files: 'r_{year}.dbf', metrics: {eu: {chapter: ['90001'], financing: ['1', '7', '8']}}}",
                      units: units, files: ["r_2023.dbf": table([
                          ["02", "05", "01", "1", "1", "900", "90001", "605", "8", "100.50"],
                          ["02", "05", "01", "1", "1", "900", "90001", "605", "8", "-0.50"],
                          ["02", "05", "01", "1", "1", "900", "90001", "605", "9", ""],
                      ])],
                      period: .years(2023...2023), values: ["0205011": ["eu": 100]]),
        SourceExample("{files: 'r_{year}.dbf', metrics: {total: {}}}",
                      units: units, files: ["r_2023.dbf": table([["02", "05", "01", "1", "1", "900", "90001", "605", "8", "1,5"]])],
                      period: .years(2023...2023), error: "r_2023.dbf:record 1: field 'R4'"),
    ])

    private static let units = "id,name\n0205011,Jawor\n0264011,Wrocław\n"

    /// A small dBase III table of budget lines for the worked examples (WK, PK, GK, GT, PT, DZIAL,
    /// ROZDZIAL, PAR, PAR4 and R4, one record per row), as text: every byte of so small a table is ASCII.
    private static func table(_ rows: [[String]]) -> String {
        let fields: [(String, UInt8, Int)] = [("WK", 67, 2), ("PK", 67, 2), ("GK", 67, 2), ("GT", 67, 1), ("PT", 67, 1),
                                              ("DZIAL", 67, 3), ("ROZDZIAL", 67, 5), ("PAR", 67, 3), ("PAR4", 67, 1), ("R4", 78, 12)]
        let recordLength = 1 + fields.reduce(0) { $0 + $1.2 }
        let headerLength = 32 + 32 * fields.count + 1
        var bytes: [UInt8] = [3, 124, 1, 1, UInt8(rows.count), 0, 0, 0, UInt8(headerLength & 0xFF), UInt8(headerLength >> 8),
                              UInt8(recordLength), 0] + Array(repeating: 0, count: 20)
        for (name, type, length) in fields {
            var descriptor = Array(name.utf8) + Array(repeating: 0, count: 11 - name.utf8.count) + [type] + [0, 0, 0, 0, UInt8(length)]
            descriptor += [type == 78 ? 2 : 0] + Array(repeating: 0, count: 14)
            bytes += descriptor
        }
        bytes.append(0x0D)
        for row in rows {
            bytes.append(UInt8(ascii: " "))
            for ((_, type, length), value) in zip(fields, row) {
                let padding = Array(repeating: UInt8(ascii: " "), count: length - value.utf8.count)
                bytes += type == 78 ? padding + Array(value.utf8) : Array(value.utf8) + padding
            }
        }
        return String(decoding: bytes + [0x1A], as: UTF8.self)
    }

    let pattern: String
    let rules: [BudgetReport.Rule]
    let amount: String

    init(parameters: KindParameters) throws {
        let filesValue = try parameters.value("files")
        pattern = try filesValue.string()
        guard pattern.contains("{year}") else {
            throw filesValue.error("the file pattern must hold {year}, e.g. rb28s/Rb28S_{year}Q4.zip (one report per budget year)")
        }
        amount = parameters.has("amount") ? try parameters.value("amount").string() : "R4"
        let metricsValue = try parameters.value("metrics")
        let entries = try metricsValue.mapping(keys: metricsValue.mappingKeys()).entries
        guard !entries.isEmpty else { throw metricsValue.error("expected a mapping of metric name to {unit, filters}") }
        guard entries.count <= 64 else { throw metricsValue.error("at most 64 metrics per report") }
        rules = try entries.map { name, value in
            let metric = try YAMLValue(node: .scalar(.init(name)), file: value.file, path: value.path).code()
            guard metric != "population" else { throw value.error("'population' comes from the register's population file") }
            let spec = try value.mapping(keys: ["unit"] + BudgetReport.LineField.allCases.map(\.rawValue))
            let unit = try spec.optional("unit")?.string() ?? "PLN"
            let filters = try BudgetReport.LineField.allCases.compactMap { field -> BudgetReport.Filter? in
                guard let item = spec.optional(field.rawValue) else { return nil }
                // A list of codes, or one code alone.
                let codes = try ((try? item.sequence()) ?? [item]).map { try Self.code($0, field) }
                guard !codes.isEmpty else { throw item.error("expected a list of codes") }
                return BudgetReport.Filter(field: field, codes: codes)
            }
            // Sums of real amounts: corrections make negative lines, and a sum may be negative.
            return BudgetReport.Rule(metric: MetricDeclaration(name: metric, unit: unit, signed: true), filters: filters)
        }
    }

    /// A code as written (`01043` keeps its zero: the scalar's text is read, not a number): all
    /// digits and of the field's length, or digits and a trailing `*`.
    private static func code(_ value: YAMLValue, _ field: BudgetReport.LineField) throws -> String {
        let text = try value.string()
        let digits = text.hasSuffix("*") ? String(text.dropLast()) : text
        let exact = !text.hasSuffix("*")
        guard digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              exact ? digits.utf8.count == field.digits : digits.utf8.count < field.digits else {
            throw value.error("\(quoted(text)) is not a \(field.rawValue) (\(field.fieldName)) code: \(field.digits) digits, or fewer digits and a trailing * for a prefix")
        }
        return text
    }

    var metrics: [MetricDeclaration] { rules.map(\.metric) }
    /// One report per budget year of the window.
    func files(in period: Period) -> [FileInput] {
        guard case .years(let window) = period else { return [] }
        return window.map(file)
    }

    /// The report of one budget year, relative to the inputs folder.
    func file(_ year: Int) -> FileInput { FileInput(path: pattern.replacingOccurrences(of: "{year}", with: String(year))) }

    func loadYearly(_ request: SourceRequest) throws -> YearlyValues {
        let years = try Self.years(request)
        let paths = try years.map { try request.folder.existing(file($0), for: request.methodologyFile) }
        let report = BudgetReport(rules: rules, amountField: amount, register: request.register)
        let read = try Parallel.map(paths.count, threads: request.threads) { index in
            try report.read(paths[index], year: years[index], progress: request.progress, limit: request.limit)
        }
        var values: [UnitCode: [String: [Int: Double]]] = [:]
        var notes: [RunNote] = []
        let units = request.register.units
        for year in read {
            var without = 0
            for (index, unit) in units.enumerated() {
                guard year.hasLines[index] else { without += 1; continue }
                for (position, rule) in rules.enumerated() {
                    values[unit.code, default: [:]][rule.metric.name, default: [:]][year.year] = year.value(unit: index, rule: position)
                }
            }
            notes.append(.rb28s(path: year.path, year: year.year, records: year.records, deleted: year.deleted,
                                notMunicipal: year.notMunicipal,
                                notInRegister: year.unknownBudgets,
                                withoutRows: without, bytes: year.bytes, seconds: year.seconds))
            notes.append(.inputFile(InputFileRead(
                path: file(year.year).path, unit: .records, read: year.records + year.deleted,
                skipped: [.init(.deleted, year.deleted), .init(.otherBudget, year.notMunicipal),
                          .init(.notInRegister, year.unknown.reduce(0) { $0 + $1.lines })])))
        }
        let origin = "\(Self.description.id) \(pattern)"
        return YearlyValues(values: values, notes: notes, origins: Dictionary(uniqueKeysWithValues: rules.map { ($0.metric.name, origin) }))
    }

    /// The budget lines of one municipality that make up a metric's sum in a year, read again from
    /// that year's report by the same code as the run, with their sum (nil: no line at all that year).
    func lines(of unit: UnitCode, metric: String, year: Int, _ request: SourceRequest) throws -> (lines: [BudgetReport.Line], sum: Double?) {
        guard let rule = rules.firstIndex(where: { $0.metric.name == metric }) else { return ([], nil) }
        let path = try request.folder.existing(file(year), for: request.methodologyFile)
        let report = BudgetReport(rules: rules, amountField: amount, register: request.register)
        let read = try report.read(path, year: year, trace: (unit, rule))
        guard let index = report.unitIndex[unit], let sum = read.value(unit: index, rule: rule) else { return ([], nil) }
        return (read.traced, sum)
    }

    /// The budget years of the period.
    static func years(_ request: SourceRequest) throws -> [Int] {
        guard case .years(let window) = request.period else {
            throw InputError(file: request.methodologyFile, line: nil, message: "the rb28s input type reads budget years; give the period as years: {from, to}")
        }
        return Array(window)
    }
}
