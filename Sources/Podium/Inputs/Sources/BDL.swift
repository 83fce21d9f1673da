/// One metric from a GUS Bank Danych Lokalnych export, by gmina and year (`BDLExport` reads the file
/// as the BDL web site writes it).
struct BDL: YearlyMetricSource {
    static let description = KindDescription(
        id: "bdl",
        name: "GUS BDL export",
        summary: "One variable of a GUS Bank Danych Lokalnych CSV export, as the BDL web site writes it: long layout (Kod;Nazwa;dimensions;Rok;Wartosc;Jednostka miary;Atrybut;) or wide (Kod;Nazwa; one column per year), decimal comma, spaces or no-break spaces between thousands, '-' for no data (missing, never zero). The gmina's TERYT code is Kod[2..<4] + Kod[7..<12]; rows of the country, voivodeships and powiats are skipped and counted.",
        formula: "value(gmina, year) = Wartosc of the row (Kod → TERYT, Rok)",
        parameters: [
            ParameterDescription(name: "metric", meaning: "the metric the values become"),
            ParameterDescription(name: "unit", meaning: "its unit, e.g. %"),
            ParameterDescription(name: "signed", meaning: "whether a value may be negative", defaultValue: "false"),
        ] + BDLExport.parameters)

    static let exampleChecks = checks([
        SourceExample("{file: s.csv, metric: sewage, unit: '%'}", units: Self.units,
                      files: ["s.csv": "\"Kod\";\"Nazwa\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n"
                        + "\"000000000000\";\"POLSKA\";\"2023\";\"71,2\";\"%\";\"\";\n"
                        + "\"010200000000\";\"DOLNOŚLĄSKIE\";\"2023\";\"80,1\";\"%\";\"\";\n"
                        + "\"010214305011\";\"Jawor\";\"2023\";\"95,6\";\"%\";\"\";\n"
                        + "\"010214305011\";\"Jawor\";\"2022\";\"-\";\"%\";\"\";\n"],
                      period: .years(2023...2023), values: ["0205011": ["sewage": 95.6]]),
        SourceExample("{file: s.csv, metric: people, unit: os., dimensions: {Płeć: ogółem}}", units: Self.units,
                      files: ["s.csv": "\u{FEFF}\"Kod\";\"Nazwa\";\"Płeć\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n"
                        + "\"010214305011\";\"Jawor\";\"ogółem\";\"2023\";\"22 517\";\"osoba\";\"\";\n"
                        + "\"010214305011\";\"Jawor\";\"kobiety\";\"2023\";\"11 900\";\"osoba\";\"\";\n"],
                      period: .years(2023...2023), values: ["0205011": ["people": 22517]]),
        SourceExample("{file: s.csv, metric: people, unit: os., layout: wide}", units: Self.units,
                      files: ["s.csv": "\"Kod\";\"Nazwa\";\"ogółem;2022;[osoba]\";\"ogółem;2023;[osoba]\";\n"
                        + "\"010214305011\";\"Jawor\";\"22 600\";\"22\u{00A0}517\";\n"],
                      period: .years(2023...2023), values: ["0205011": ["people": 22517]]),
        SourceExample("{file: s.csv, metric: people, unit: os.}", units: Self.units,
                      files: ["s.csv": "\"Kod\";\"Nazwa\";\"Płeć\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n"
                        + "\"010214305011\";\"Jawor\";\"ogółem\";\"2023\";\"22 517\";\"osoba\";\"\";\n"
                        + "\"010214305011\";\"Jawor\";\"kobiety\";\"2023\";\"11 900\";\"osoba\";\"\";\n"],
                      period: .years(2023...2023), error: "s.csv:3: the value of 0205011 (Jawor) for 2023 is given twice (first on line 2); the file has dimension columns ('Płeć')"),
        SourceExample("{file: s.csv, metric: sewage, unit: '%'}", units: Self.units,
                      files: ["s.csv": "\"Kod\";\"Nazwa\";\"Rok\";\"Wartosc\";\"Jednostka miary\";\"Atrybut\";\n"
                        + "\"10214305011\";\"Jawor\";\"2023\";\"95,6\";\"%\";\"\";\n"],
                      period: .years(2023...2023), error: "s.csv:2: column 'Kod': '10214305011' is not a 12-digit BDL unit code"),
    ])

    /// The units of the examples: Jawor, TERYT 0205011.
    private static let units = "id,name\n0205011,Jawor\n"

    let export: BDLExport
    let metric: MetricDeclaration

    init(parameters: KindParameters) throws {
        export = try BDLExport(parameters)
        let name = try parameters.value("metric").code()
        guard name != "population" else {
            throw parameters.error("metric", "population comes from the register's 'population' (which may be {type: bdl, file: …})")
        }
        metric = MetricDeclaration(name: name, unit: try parameters.value("unit").string(), signed: try parameters.flag("signed", default: false))
    }

    var metrics: [MetricDeclaration] { [metric] }
    func files(in period: Period) -> [FileInput] { [export.file] }

    func loadYearly(_ request: SourceRequest) throws -> YearlyValues {
        let path = try request.folder.existing(export.file, for: request.methodologyFile)
        let read = try export.read(path, register: request.register, whole: false, signed: metric.signed, limit: request.limit)
        var values: [UnitCode: [String: [Int: Double]]] = [:]
        for (unit, years) in read.values { values[unit] = [metric.name: years] }
        return YearlyValues(values: values, notes: [read.note(path, metric: metric.name), .inputFile(read.file(export.file.path))],
                            origins: [metric.name: "\(Self.description.id) \(export.file.path)"])
    }
}

extension BDLExport.Result {
    func note(_ path: String, metric: String) -> RunNote {
        .bdl(path: path, metric: metric, rows: rows, otherUnits: otherUnits, notInRegister: notInRegister, noData: noData,
             otherDimensionValues: otherDimensionValues, absentDimensions: absentDimensions)
    }

    /// The file read, for the manifest: `file` relative to the inputs folder.
    func file(_ file: String) -> InputFileRead {
        InputFileRead(path: file, read: rows, skipped: [.init(.otherUnit, otherUnits), .init(.otherDimensionValue, otherDimensionValues),
                                                        .init(.noData, noData)])
    }
}
