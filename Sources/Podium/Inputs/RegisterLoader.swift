import PodiumCSV

/// Reads the GUS TERC register as GUS publishes it (`WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA`) and
/// the population file beside it.
public enum RegisterLoader {
    public static func load(terc: String, population: String?, options: CSVReadOptions = CSVReadOptions(),
                            populationOptions: CSVReadOptions = CSVReadOptions()) throws -> Register {
        var voivodeships: [String: String] = [:]
        var rows: [(code: UnitCode, name: String, kind: GminaKind, powiat: Int, line: Int)] = []
        var date: String?
        try CSVReader.read(terc, options: options) { header in
            let columns = try header.require(["WOJ", "POW", "GMI", "RODZ", "NAZWA"])
            let dateColumn = header.column("STAN_NA")
            let (woj, pow, gmi, rodz, name) = (columns[0], columns[1], columns[2], columns[3], columns[4])
            return { record in
                if date == nil, let dateColumn { date = record.string(dateColumn) }
                let wojText = record.string(woj), powText = record.string(pow), gmiText = record.string(gmi)
                guard wojText.count == 2, Int(wojText) != nil else { throw record.fail("column 'WOJ': \(quoted(wojText)) is not a 2-digit code") }
                if powText.isEmpty {
                    guard gmiText.isEmpty else { throw record.fail("column 'GMI' is set but 'POW' is empty") }
                    voivodeships[wojText] = try record.text(name).lowercased()
                    return
                }
                guard !gmiText.isEmpty else { return }  // a powiat
                let rodzText = record.string(rodz)
                guard let rodzCode = Int(rodzText), [1, 2, 3, 4, 5, 8, 9].contains(rodzCode) else {
                    throw record.fail("column 'RODZ': \(quoted(rodzText)) is not a TERC unit type (1–5, 8, 9)")
                }
                guard let kind = GminaKind(rawValue: rodzCode) else { return }  // parts and districts of gminas
                for (column, text) in [("POW", powText), ("GMI", gmiText)] where text.count != 2 || Int(text) == nil {
                    throw record.fail("column '\(column)': \(quoted(text)) is not a 2-digit code")
                }
                guard let code = UnitCode(teryt: wojText + powText + gmiText + rodzText), let powiat = Int(powText) else {
                    throw record.fail("\(quoted(wojText + powText + gmiText + rodzText)) is not a 7-digit TERYT code")
                }
                rows.append((code, try record.text(name), kind, powiat, record.line))
            }
        }
        var units: [Unit] = []
        var seen = Set<UnitCode>()
        for row in rows {
            guard seen.insert(row.code).inserted else {
                throw InputError(file: terc, line: row.line, message: "TERYT code \(row.code) appears twice")
            }
            let voivodeshipCode = String(row.code.text.prefix(2))
            guard let voivodeship = voivodeships[voivodeshipCode] else {
                throw InputError(file: terc, line: row.line, message: "no voivodeship row (WOJ \(voivodeshipCode) alone) for \(row.code)")
            }
            units.append(Unit(code: row.code, name: row.name, gmina: Gmina(voivodeship: voivodeship, kind: row.kind, powiat: row.powiat)))
        }
        guard !units.isEmpty else { throw InputError(file: terc, line: nil, message: "the register lists no gmina") }
        let fileName = terc.split(separator: "/").last.map(String.init) ?? terc
        var register = Register(
            kind: .terc, units: units,
            source: "\(fileName) (GUS TERC\(date.map { ", stan na \($0)" } ?? ""))",
            groupColumns: ["voivodeship", "rodz", "powiat"])
        if let population {
            register.setPopulation(try loadPopulation(population, register: register, options: populationOptions))
        }
        return register
    }

    /// `teryt,year,population` (`id` with a unit table): one row per unit and year; an empty
    /// population is missing.
    static func loadPopulation(_ path: String, register: Register, options: CSVReadOptions) throws -> [UnitCode: [Int: Double]] {
        var population: [UnitCode: [Int: Double]] = [:]
        var lines: [UnitCode: [Int: Int]] = [:]
        try CSVReader.read(path, options: options) { header in
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
        return population
    }
}
