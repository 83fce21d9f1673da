import PodiumCSV

/// Metrics by unit and year, in long form `teryt,year,metric,value` or wide form
/// `teryt,year,<metric>,<metric>,…` (`id` instead of `teryt` with a unit table). Every metric must
/// be one the methodology declares; a code that is not a unit of the register, a duplicate (unit,
/// year, metric), a non-numeric value or a negative one (unless the metric is signed) is an error.
/// An empty value is missing, never zero.
public enum MetricsLoader {
    public struct Result: Sendable {
        public var values: [UnitCode: [String: [Int: Double]]] = [:]
        public var rows = 0
        public var ignoredColumns: [String] = []
    }

    public static func load(_ path: String, metrics declared: [MetricDeclaration], register: Register,
                            options: CSVReadOptions = CSVReadOptions()) throws -> Result {
        try load(path, metrics: declared, register: register, options: options, limit: .all)
    }

    static func load(_ path: String, metrics declared: [MetricDeclaration], register: Register,
                     options: CSVReadOptions, limit: RowLimit) throws -> Result {
        var result = Result()
        let metrics = declared.map(\.name)
        let signed = Set(declared.filter(\.signed).map(\.name))
        var lines: [UnitCode: [String: [Int: Int]]] = [:]
        func store(_ value: Double?, metric: String, year: Int, unit: Unit, record: CSVRecord) throws {
            if let first = lines[unit.code]?[metric]?[year] {
                throw record.fail("\(metric) of \(unit.code) for \(year) is given twice (first on line \(first))")
            }
            lines[unit.code, default: [:]][metric, default: [:]][year] = record.line
            if let value { result.values[unit.code, default: [:]][metric, default: [:]][year] = value }
        }
        let rows = try limit.readCSV(path, options: options) { header in
            let keys = try header.require([register.codeColumn, "year"])
            if let metricColumn = header.column("metric"), let valueColumn = header.column("value") {
                if let mixed = metrics.first(where: { header.column($0) != nil }) {
                    throw InputError(file: path, line: 1, message: "the header has 'metric' and 'value' (long form) and also a column \(quoted(mixed)) (wide form); use one form")
                }
                return { record in
                    let unit = try record.unit(keys[0], in: register)
                    let year = try record.year(keys[1])
                    let metric = record.string(metricColumn)
                    guard metrics.contains(metric) else {
                        throw record.fail("unknown metric \(quoted(metric)); the methodology declares: \(metrics.joined(separator: ", "))")
                    }
                    try store(try record.amount(valueColumn, signed: signed.contains(metric)), metric: metric, year: year, unit: unit, record: record)
                }
            }
            let wide = metrics.compactMap { metric in header.column(metric).map { (metric: metric, column: $0) } }
            guard !wide.isEmpty else {
                throw InputError(file: path, line: 1, message: "no 'metric' and 'value' columns (long form) and no declared metric as a column (wide form); declared metrics: \(metrics.joined(separator: ", "))")
            }
            let used = Set(keys.map(\.index) + wide.map(\.column.index))
            result.ignoredColumns = header.names.enumerated().filter { !used.contains($0.offset) }.map(\.element)
            return { record in
                let unit = try record.unit(keys[0], in: register)
                let year = try record.year(keys[1])
                for (metric, column) in wide {
                    try store(try record.amount(column, signed: signed.contains(metric)), metric: metric, year: year, unit: unit, record: record)
                }
            }
        }
        result.rows = rows
        return result
    }
}
