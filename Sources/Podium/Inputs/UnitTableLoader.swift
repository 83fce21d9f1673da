import PodiumCSV

/// Reads a unit table: `id`, `name`, and any number of group columns (`EurAsia_group`, `GDP_group`
/// …), one unit per row. Ids are text, compared exactly; an empty or repeated id or an empty name is
/// an error, an empty group cell means the unit is in no group of that column. Ids, names and groups
/// are checked as TERC names are (UTF-8, no control characters).
public enum UnitTableLoader {
    public static func load(_ path: String, options: CSVReadOptions = CSVReadOptions()) throws -> Register {
        try read(path, options: options).register
    }

    /// The unit table, with the rows read.
    static func read(_ path: String, options: CSVReadOptions) throws -> (register: Register, rows: Int) {
        var units: [Unit] = []
        var lines: [String: Int] = [:]
        var groupColumns: [CSVColumn] = []
        let summary = try CSVReader.read(path, options: options) { header in
            let columns = try header.require(["id", "name"])
            groupColumns = header.names.indices.filter { $0 != columns[0].index && $0 != columns[1].index }
                .map { CSVColumn(index: $0, name: header.names[$0]) }
            return { record in
                let id = try record.label(columns[0])
                let code = UnitCode(id: id)!
                if let first = lines[id] { throw record.fail("unit \(quoted(id)) is listed twice (first on line \(first))") }
                lines[id] = record.line
                var groups: [String: String] = [:]
                for column in groupColumns {
                    let value = try record.label(column, allowEmpty: true)
                    if !value.isEmpty { groups[column.name] = value }
                }
                units.append(Unit(code: code, name: try record.label(columns[1]), groups: groups))
            }
        }
        guard !units.isEmpty else { throw InputError(file: path, line: nil, message: "the unit table lists no unit") }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        return (Register(kind: .unitTable, units: units, source: fileName, groupColumns: groupColumns.map(\.name)), summary.records)
    }
}

/// Loads the register a methodology names: the TERC register with its population file, or a unit
/// table (with an optional population file). The register is read whole even under a row limit
/// (`podium validate`): every other file's codes are checked against it.
enum UnitsLoader {
    static func load(_ input: UnitsInput, folder: InputFolder, methodology: String, limit: RowLimit = .all,
                     notes: inout [RunNote]) throws -> Register {
        var register: Register
        switch input.register {
        case .terc(let terc):
            let read = try RegisterLoader.read(terc: try folder.existing(terc, for: methodology), options: terc.options)
            register = read.register
            notes.append(.inputFile(InputFileRead(path: terc.path, read: read.rows, skipped: read.skipped)))
        case .table(let table):
            let read = try UnitTableLoader.read(try folder.existing(table, for: methodology), options: table.options)
            register = read.register
            notes.append(.inputFile(InputFileRead(path: table.path, read: read.rows)))
        }
        switch input.population {
        case .table(let population)?:
            let read = try RegisterLoader.loadPopulation(
                try folder.existing(population, for: methodology), register: register, options: population.options, limit: limit)
            register.setPopulation(read.values)
            notes.append(.inputFile(InputFileRead(path: population.path, read: read.rows)))
        case .bdl(let export)?:
            let path = try folder.existing(export.file, for: methodology)
            let read = try export.read(path, register: register, whole: true, signed: false, limit: limit)
            register.setPopulation(read.values.mapValues { $0 })
            notes.append(read.note(path, metric: "population"))
            notes.append(.inputFile(read.file(export.file.path)))
        case nil:
            break
        }
        return register
    }
}
