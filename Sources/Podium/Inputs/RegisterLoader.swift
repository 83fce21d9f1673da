import PodiumCSV

/// Reads the GUS TERC register as GUS publishes it (`WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA`) and
/// the population file beside it.
public enum RegisterLoader {
    public static func load(terc: String, population: String?, options: CSVReadOptions = CSVReadOptions(),
                            populationOptions: CSVReadOptions = CSVReadOptions()) throws -> Register {
        var voivodeships: [String: String] = [:]
        var rows: [(teryt: TerytCode, name: String, kind: GminaKind, powiat: Int, line: Int)] = []
        var date: String?
        try CSVReader.read(terc, options: options) { header in
            let columns = try header.require(["WOJ", "POW", "GMI", "RODZ", "NAZWA"])
            let dateColumn = header.column("STAN_NA")
            let (woj, pow, gmi, rodz, name) = (columns[0], columns[1], columns[2], columns[3], columns[4])
            return { record in
                if date == nil, let dateColumn { date = record.string(dateColumn) }
                let wojText = record.string(woj), powText = record.string(pow), gmiText = record.string(gmi)
                guard wojText.count == 2, Int(wojText) != nil else { throw record.fail("column 'WOJ': '\(wojText)' is not a 2-digit code") }
                if powText.isEmpty {
                    guard gmiText.isEmpty else { throw record.fail("column 'GMI' is set but 'POW' is empty") }
                    voivodeships[wojText] = try record.text(name).lowercased()
                    return
                }
                guard !gmiText.isEmpty else { return }  // a powiat
                let rodzText = record.string(rodz)
                guard let rodzCode = Int(rodzText), [1, 2, 3, 4, 5, 8, 9].contains(rodzCode) else {
                    throw record.fail("column 'RODZ': '\(rodzText)' is not a TERC unit type (1–5, 8, 9)")
                }
                guard let kind = GminaKind(rawValue: rodzCode) else { return }  // parts and districts of gminas
                for (column, text) in [("POW", powText), ("GMI", gmiText)] where text.count != 2 || Int(text) == nil {
                    throw record.fail("column '\(column)': '\(text)' is not a 2-digit code")
                }
                guard let code = TerytCode(wojText + powText + gmiText + rodzText), let powiat = Int(powText) else {
                    throw record.fail("'\(wojText)\(powText)\(gmiText)\(rodzText)' is not a 7-digit TERYT code")
                }
                rows.append((code, try record.text(name), kind, powiat, record.line))
            }
        }
        var municipalities: [Municipality] = []
        var seen = Set<TerytCode>()
        for row in rows {
            guard seen.insert(row.teryt).inserted else {
                throw InputError(file: terc, line: row.line, message: "TERYT code \(row.teryt) appears twice")
            }
            guard let voivodeship = voivodeships[row.teryt.voivodeshipCode] else {
                throw InputError(file: terc, line: row.line, message: "no voivodeship row (WOJ \(row.teryt.voivodeshipCode) alone) for \(row.teryt)")
            }
            municipalities.append(Municipality(teryt: row.teryt, name: row.name, voivodeship: voivodeship, kind: row.kind, powiat: row.powiat))
        }
        guard !municipalities.isEmpty else { throw InputError(file: terc, line: nil, message: "the register lists no gmina") }
        let fileName = terc.split(separator: "/").last.map(String.init) ?? terc
        var register = Register(
            municipalities: municipalities,
            source: "\(fileName) (GUS TERC\(date.map { ", stan na \($0)" } ?? ""))")
        if let population {
            register.setPopulation(try loadPopulation(population, register: register, options: populationOptions))
        }
        return register
    }

    /// `teryt,year,population`: one row per municipality and year; an empty population is missing.
    static func loadPopulation(_ path: String, register: Register, options: CSVReadOptions) throws -> [TerytCode: [Int: Double]] {
        var population: [TerytCode: [Int: Double]] = [:]
        var lines: [TerytCode: [Int: Int]] = [:]
        try CSVReader.read(path, options: options) { header in
            let columns = try header.require(["teryt", "year", "population"])
            return { record in
                let municipality = try record.municipality(columns[0], in: register)
                let year = try record.year(columns[1])
                if let first = lines[municipality.teryt]?[year] {
                    throw record.fail("population of \(municipality.teryt) for \(year) is given twice (first on line \(first))")
                }
                lines[municipality.teryt, default: [:]][year] = record.line
                if let value = try record.amount(columns[2]) {
                    guard value == value.rounded() else { throw record.fail("column 'population': '\(record.string(columns[2]))' is not a whole number of residents") }
                    population[municipality.teryt, default: [:]][year] = value
                }
            }
        }
        return population
    }
}
