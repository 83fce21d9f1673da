/// Metrics by unit and year from one CSV file, long (`teryt,year,metric,value`) or wide
/// (`teryt,year,<metric>,…`); with a unit table the key column is `id` instead of `teryt`.
/// Every unit of the register competes in each category whose conditions it meets.
struct MunicipalMetrics: YearlyMetricSource {
    static let description = KindDescription(
        id: "municipal_metrics",
        name: "Metrics by unit and year",
        summary: "One CSV file of metrics by unit and year, long form (code, year, metric, value) or wide form (code, year, one column per metric); the code column is `teryt` for the TERC register and `id` for a unit table. Declared metrics only; an empty value is missing, never zero; a negative value is an error unless the metric is declared `signed: true`.",
        formula: "value(unit, metric, year)",
        parameters: [
            ParameterDescription(name: "metrics_file", meaning: "the CSV file: a path, or {path, delimiter, decimal}"),
            ParameterDescription(name: "metrics", meaning: "metric → unit, or metric → {unit, signed}"),
        ])

    static let exampleChecks = checks([
        SourceExample("{metrics_file: m.csv, metrics: {green: PLN, share: '%'}}", units: "id,name\nA,Alfa\nB,Beta\n",
                      files: ["m.csv": "id,year,metric,value\nA,2023,green,10\nA,2023,share,2.5e1\nB,2023,green,0\n"],
                      period: .years(2023...2023), values: ["A": ["green": 10, "share": 25], "B": ["green": 0]]),
        SourceExample("{metrics_file: {path: m.csv, delimiter: semicolon, decimal: comma}, metrics: {green: PLN}}",
                      units: "id,name\nA,Alfa\n", files: ["m.csv": "id;year;green\nA;2023;1 234,5\n"],
                      period: .years(2023...2023), values: ["A": ["green": 1234.5]]),
        SourceExample("{metrics_file: m.csv, metrics: {balance: {unit: PLN, signed: true}}}", units: "id,name\nA,Alfa\n",
                      files: ["m.csv": "id,year,balance\nA,2023,-7\n"], period: .years(2023...2023), values: ["A": ["balance": -7]]),
        SourceExample("{metrics_file: m.csv, metrics: {green: PLN}}", units: "id,name\nA,Alfa\n",
                      files: ["m.csv": "id,year,green\nA,2023,-7\n"], period: .years(2023...2023), error: "m.csv:2: column 'green': negative amount '-7'"),
        SourceExample("{metrics_file: m.csv, metrics: {green: PLN}}", units: "id,name\nA,Alfa\n",
                      files: ["m.csv": "id,year,green\nZ,2023,1\n"], period: .years(2023...2023), error: "'Z' is not a unit of units.csv"),
    ])
    let metricsFile: FileInput
    let metrics: [MetricDeclaration]

    init(parameters: KindParameters) throws {
        metricsFile = try parameters.file("metrics_file")
        metrics = try parameters.metricDeclarations("metrics")
    }

    func files(in period: Period) -> [FileInput] { [metricsFile] }

    func loadYearly(_ request: SourceRequest) throws -> YearlyValues {
        let path = try request.folder.existing(metricsFile, for: request.methodologyFile)
        let loaded = try MetricsLoader.load(path, metrics: metrics, register: request.register, options: metricsFile.options,
                                            limit: request.limit)
        var notes: [RunNote] = [.metrics(rows: loaded.rows, path: path), .inputFile(InputFileRead(path: metricsFile.path, read: loaded.rows))]
        if !loaded.ignoredColumns.isEmpty { notes.append(.ignoredColumns(loaded.ignoredColumns)) }
        let origin = "\(Self.description.id) \(metricsFile.path)"
        return YearlyValues(values: loaded.values, notes: notes, origins: Dictionary(uniqueKeysWithValues: metrics.map { ($0.name, origin) }))
    }
}

struct MetricsData: SourceData {
    let notes: [RunNote]
    let values: [UnitCode: [String: [Int: Double]]]
    /// Metric → where it was read from, for `explain`.
    var origins: [String: String] = [:]
    var accounts: [AccountFigures] { [] }

    func values(of unit: UnitCode) -> EntityValues { EntityValues(yearly: values[unit] ?? [:]) }

    /// Every unit of the register competes in the categories its register attributes and groups
    /// match; one that matches none is listed as not classified.
    func categorise(_ methodology: Methodology, register: Register) -> Categorised {
        var fields = methodology.categories.map { CategoryField(category: $0, participants: [], notClassified: []) }
        var homeless: [NotClassified] = []
        for unit in register.units {
            var yearly = values[unit.code] ?? [:]
            if let population = register.population[unit.code] { yearly["population"] = population }
            let entityValues = EntityValues(yearly: yearly)
            let population = register.latestPopulation(of: unit.code, notAfter: methodology.edition)?.value
            var placed = false
            for index in fields.indices where fields[index].category.filter.matches(unit) {
                if let band = fields[index].category.filter.population {
                    guard let population else {
                        fields[index].notClassified.append(NotClassified(
                            unit: unit, category: fields[index].category.id,
                            reason: "no population for \(methodology.edition) or earlier"))
                        placed = true
                        continue
                    }
                    guard band.holds(population) else { continue }
                }
                fields[index].participants.append(Participant(unit: unit, values: entityValues, accounts: []))
                placed = true
            }
            if !placed {
                homeless.append(NotClassified(unit: unit, category: "-", reason: "belongs to no category of the methodology"))
            }
        }
        return Categorised(fields: fields, unplaced: homeless)
    }
}
