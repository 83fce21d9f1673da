import PodiumCSV

/// Reads the GUS TERC register as GUS publishes it (`WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA`) and
/// the population file beside it.
public enum RegisterLoader {
    public static func load(terc: String, population: String?, options: CSVReadOptions = CSVReadOptions(),
                            populationOptions: CSVReadOptions = CSVReadOptions()) throws -> Register {
        var register = try read(terc: terc, options: options).register
        if let population {
            register.setPopulation(try loadPopulation(population, register: register, options: populationOptions).values)
        }
        return register
    }

    /// The register, with the rows read and those skipped (voivodeships, powiats, parts of gminas).
    static func read(terc: String, options: CSVReadOptions) throws -> (register: Register, rows: Int, skipped: [InputFileRead.Skipped]) {
        var voivodeships: [String: (name: String, line: Int)] = [:]
        var rows: [(code: UnitCode, name: String, kind: GminaKind, powiat: Int, line: Int)] = []
        var date: String?
        var powiats = 0, parts = 0
        let summary = try CSVReader.read(terc, options: options) { header in
            let columns = try header.require(["WOJ", "POW", "GMI", "RODZ", "NAZWA"])
            let dateColumn = header.column("STAN_NA")
            let (woj, pow, gmi, rodz, name) = (columns[0], columns[1], columns[2], columns[3], columns[4])
            return { record in
                // Every row's text is checked, not only the rows podium keeps: a name or date that
                // is not UTF-8 or holds a control character means the file is not what it claims.
                if let dateColumn {
                    let stan = try record.label(dateColumn, allowEmpty: true)
                    if date == nil { date = stan }
                }
                let unitName = try record.label(name)
                let wojText = try record.code(woj, digits: 2)
                let powText = try record.code(pow, digits: 2, allowEmpty: true)
                let gmiText = try record.code(gmi, digits: 2, allowEmpty: true)
                let rodzText = try record.code(rodz, digits: 1, allowEmpty: true)
                if powText.isEmpty {
                    guard gmiText.isEmpty else { throw record.fail("column 'GMI' is set but 'POW' is empty") }
                    if let first = voivodeships[wojText] {
                        throw record.fail("column 'WOJ': voivodeship \(wojText) is listed twice (first on line \(first.line))")
                    }
                    voivodeships[wojText] = (unitName.lowercased(), record.line)
                    return
                }
                if gmiText.isEmpty {
                    // A powiat row has neither GMI nor RODZ; a unit type without a gmina number is a
                    // gmina (or part of one) that would otherwise vanish from the register.
                    guard rodzText.isEmpty else {
                        throw record.fail("column 'GMI' is empty on a row of unit type RODZ \(rodzText) (only a powiat row has no GMI)")
                    }
                    powiats += 1
                    return
                }
                guard let rodzCode = Int(rodzText), [1, 2, 3, 4, 5, 8, 9].contains(rodzCode) else {
                    throw record.fail("column 'RODZ': \(quoted(rodzText)) is not a TERC unit type (1–5, 8, 9)")
                }
                guard let kind = GminaKind(rawValue: rodzCode) else { parts += 1; return }  // parts and districts of gminas
                let code = UnitCode(teryt: wojText + powText + gmiText + rodzText)!
                rows.append((code, unitName, kind, Int(powText)!, record.line))
            }
        }
        var units: [Unit] = []
        var lines: [UnitCode: Int] = [:]
        for row in rows {
            if let first = lines[row.code] {
                throw InputError(file: terc, line: row.line, message: "TERYT code \(row.code) appears twice (first on line \(first))")
            }
            lines[row.code] = row.line
            let voivodeshipCode = String(row.code.text.prefix(2))
            guard let voivodeship = voivodeships[voivodeshipCode]?.name else {
                throw InputError(file: terc, line: row.line, message: "no voivodeship row (WOJ \(voivodeshipCode) alone) for \(row.code)")
            }
            units.append(Unit(code: row.code, name: row.name, gmina: Gmina(voivodeship: voivodeship, kind: row.kind, powiat: row.powiat)))
        }
        guard !units.isEmpty else { throw InputError(file: terc, line: nil, message: "the register lists no gmina") }
        let fileName = terc.split(separator: "/").last.map(String.init) ?? terc
        let register = Register(
            kind: .terc, units: units,
            source: "\(fileName) (GUS TERC\(date.map { ", stan na \($0)" } ?? ""))",
            groupColumns: ["voivodeship", "rodz", "powiat"])
        return (register, summary.records, [.init(.voivodeship, voivodeships.count), .init(.powiat, powiats), .init(.gminaPart, parts)])
    }

    /// `teryt,year,population` (`id` with a unit table): one row per unit and year; an empty
    /// population is missing.
    static func loadPopulation(_ path: String, register: Register, options: CSVReadOptions,
                               limit: RowLimit = .all) throws -> (values: [UnitCode: [Int: Double]], rows: Int) {
        var population: [UnitCode: [Int: Double]] = [:]
        var lines: [UnitCode: [Int: Int]] = [:]
        let rows = try limit.readCSV(path, options: options) { header in
            let columns = try header.require([register.codeColumn, "year", "population"])
            return { record in
                let unit = try record.unit(columns[0], in: register)
                let year = try record.year(columns[1])
                if let first = lines[unit.code]?[year] {
                    throw record.fail("population of \(unit.code) for \(year) is given twice (first on line \(first))")
                }
                lines[unit.code, default: [:]][year] = record.line
                if let value = try record.amount(columns[2]) {
                    guard value == value.rounded() else { throw record.fail("column 'population': \(quoted(record.string(columns[2]))) is not a whole number of residents") }
                    population[unit.code, default: [:]][year] = value
                }
            }
        }
        return (population, rows)
    }
}
