import PodiumCSV

/// A GUS Bank Danych Lokalnych (BDL) export as the BDL web site writes it, and how to read it.
///
/// Long layout (the default): `"Kod";"Nazwa";<dimension columns>;"Rok";"Wartosc";"Jednostka miary";"Atrybut";`
/// — one row per unit, dimension values and year. Wide layout: `"Kod";"Nazwa";` then one column per
/// variable and year, the year being one of the `;`-separated parts of the column's name
/// (`"ogółem;2023;[osoba]"`). Both: `;`-separated with a `;` closing every line (an empty last
/// column), decimal comma, spaces or no-break spaces between thousands, `-` for "no data" (missing,
/// never zero), UTF-8 with or without a BOM, or Windows-1250 when the methodology says so.
///
/// `Kod` is BDL's 12-digit unit id; a gmina's TERYT code is `Kod[2..<4] + Kod[7..<12]`
/// (`011212161011` → `1261011` Kraków). Rows whose id maps to no municipality of the register (the
/// country, voivodeships, powiats, parts of urban-rural gminas, gminas created after the register's
/// date) are skipped and counted.
public struct BDLExport: Sendable {
    public enum Layout: String, Sendable, CaseIterable { case long, wide }

    /// A dimension column and the value to keep (`Płeć: ogółem`). A named column that the file does
    /// not have is left aside (the run summary says so): exports of one variable with and without
    /// the breakdown then read alike, and an unnamed dimension that matters still stops the run at
    /// the first repeated (unit, year).
    public struct Dimension: Sendable, Equatable {
        public let column: String
        public let value: String
    }

    public let file: FileInput
    public let encoding: TextEncoding
    public let layout: Layout
    public let dimensions: [Dimension]

    static let parameters = [
        ParameterDescription(name: "file", meaning: "the BDL export (CSV), relative to the inputs folder"),
        ParameterDescription(name: "layout", meaning: "long (one row per unit and year) or wide (one column per year)", defaultValue: "long"),
        ParameterDescription(name: "encoding", meaning: "utf-8 or windows-1250", defaultValue: "utf-8"),
        ParameterDescription(name: "dimensions", meaning: "dimension column → the value to keep, e.g. {Płeć: ogółem}", defaultValue: "none"),
    ]

    init(_ parameters: KindParameters) throws {
        file = FileInput(path: try parameters.value("file").string())
        layout = parameters.has("layout") ? try parameters.value("layout").choice(Layout.self) : .long
        if parameters.has("encoding") {
            let item = try parameters.value("encoding")
            switch try item.string().lowercased() {
            case "utf-8", "utf8": encoding = .utf8
            case "windows-1250", "cp1250", "windows1250": encoding = .windows1250
            case let other: throw item.error("unknown encoding \(quoted(other)); valid values: utf-8, windows-1250")
            }
        } else {
            encoding = .utf8
        }
        var dimensions: [Dimension] = []
        if parameters.has("dimensions") {
            let item = try parameters.value("dimensions")
            for (column, value) in try item.mapping(keys: item.mappingKeys()).entries {
                dimensions.append(Dimension(column: column, value: try value.string()))
            }
        }
        self.dimensions = dimensions
    }

    /// What a read found: values by unit and year, and what it left out.
    public struct Result: Sendable {
        public var values: [UnitCode: [Int: Double]] = [:]
        public var rows = 0
        /// Rows of the country, voivodeships, powiats and other units that are no municipality.
        public var otherUnits = 0
        /// Ids that look like a gmina's (a gmina number and type 1–3) but are not in the register: `1217052 (Nowa)`.
        public var notInRegister: [String] = []
        /// Rows or cells with `-` (no data): missing values.
        public var noData = 0
        /// Rows of other values of a named dimension (`Płeć: mężczyźni`).
        public var otherDimensionValues = 0
        /// Named dimensions the file does not have.
        public var absentDimensions: [String] = []
    }

    /// Reads the export: `whole` asks for whole numbers (residents), `signed` allows negative values.
    func read(_ path: String, register: Register, whole: Bool, signed: Bool, limit: RowLimit = .all) throws -> Result {
        var result = Result()
        var lines: [UnitCode: [Int: Int]] = [:]
        var unknown: [String: String] = [:]
        let options = CSVReadOptions(delimiter: .semicolon, decimal: .comma, encoding: encoding)
        let rows = try limit.readCSV(path, options: options) { header in
            let kod = try Self.column(header, ["Kod"], path: path)
            let name = header.column("Nazwa")
            let cells: [(column: CSVColumn, year: Int?)]
            var yearColumn: CSVColumn?
            var kept: [(column: CSVColumn, value: String)] = []
            /// Dimension columns (between `Nazwa` and `Rok`) the methodology does not name.
            let unnamed: [String]
            switch layout {
            case .long:
                let rok = try Self.column(header, ["Rok"], path: path)
                let value = try Self.column(header, ["Wartosc", "Wartość"], path: path)
                yearColumn = rok
                cells = [(value, nil)]
                let first = (name ?? kod).index + 1
                let between = first < rok.index ? (first..<rok.index).map { CSVColumn(index: $0, name: header.names[$0]) } : []
                for dimension in dimensions {
                    if let column = between.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == dimension.column.lowercased() }) {
                        kept.append((column, dimension.value.lowercased()))
                    } else {
                        result.absentDimensions.append(dimension.column)
                    }
                }
                unnamed = between.filter { column in !kept.contains { $0.column.index == column.index } }.map(\.name)
            case .wide:
                cells = try wideColumns(header, after: (name ?? kod).index, path: path)
                unnamed = []
            }
            return { record in
                let unit = try Self.unit(record, kod, name: name, register: register, unknown: &unknown)
                for (column, value) in kept where try record.text(column).trimmingCharacters(in: .whitespaces).lowercased() != value {
                    result.otherDimensionValues += 1
                    return
                }
                // Counted after the dimension values, so that no row is counted under two reasons.
                guard let unit else { result.otherUnits += 1; return }
                let rowYear = try yearColumn.map { try record.year($0) }
                for (column, columnYear) in cells {
                    let year = columnYear ?? rowYear!
                    if let first = lines[unit.code]?[year] {
                        let hint = unnamed.isEmpty ? "" : "; the file has dimension columns (\(unnamed.map { quoted($0) }.joined(separator: ", "))): name the value to keep in 'dimensions'"
                        throw record.fail("the value of \(unit.code) (\(unit.name)) for \(year) is given twice (first on line \(first))\(hint)")
                    }
                    lines[unit.code, default: [:]][year] = record.line
                    guard let value = try Self.value(record, column, signed: signed) else {
                        result.noData += 1
                        continue
                    }
                    if whole, value != value.rounded() {
                        throw record.fail("column \(quoted(column.name)): \(quoted(record.string(column))) is not a whole number")
                    }
                    result.values[unit.code, default: [:]][year] = value
                }
            }
        }
        result.rows = rows
        result.notInRegister = unknown.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
        return result
    }

    private static func column(_ header: CSVHeader, _ names: [String], path: String) throws -> CSVColumn {
        for name in names { if let column = header.column(name) { return column } }
        throw InputError(file: path, line: 1, message: "not a BDL export: no column \(quoted(names[0])) (a BDL export starts \"Kod\";\"Nazwa\"; and, in the long layout, has \"Rok\" and \"Wartosc\"); found: \(header.names.map { quoted($0) }.joined(separator: ", "))")
    }

    /// The wide layout's value columns: those whose name has a year among its parts and every named
    /// dimension value; two for one year is an error.
    private func wideColumns(_ header: CSVHeader, after index: Int, path: String) throws -> [(column: CSVColumn, year: Int?)] {
        var byYear: [Int: CSVColumn] = [:]
        let wanted = dimensions.map { $0.value.lowercased() }
        for position in header.names.indices where position > index {
            let name = header.names[position]
            let parts = name.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let years = parts.compactMap { part -> Int? in
                guard part.count == 4, let year = Int(part), (1900...2200).contains(year) else { return nil }
                return year
            }
            guard years.count == 1, wanted.allSatisfy(parts.contains) else { continue }
            let column = CSVColumn(index: position, name: name)
            if let first = byYear[years[0]] {
                throw InputError(file: path, line: 1, message: "columns \(quoted(first.name)) and \(quoted(name)) are both for \(years[0]); name the dimension value to keep in 'dimensions'")
            }
            byYear[years[0]] = column
        }
        guard !byYear.isEmpty else {
            throw InputError(file: path, line: 1, message: "not a BDL export in the wide layout: no column after \"Nazwa\" names a year\(wanted.isEmpty ? "" : " and the values \(wanted.map { quoted($0) }.joined(separator: ", "))")")
        }
        return byYear.sorted { $0.key < $1.key }.map { ($0.value, $0.key) }
    }

    /// The municipality a row is about, or nil when its id maps to none (named when it looks like a gmina's).
    private static func unit(_ record: CSVRecord, _ kod: CSVColumn, name: CSVColumn?, register: Register,
                             unknown: inout [String: String]) throws -> Unit? {
        let bytes = record.field(kod.index)
        guard bytes.count == 12, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw record.fail("column \(quoted(kod.name)): \(quoted(record.string(kod))) is not a 12-digit BDL unit code")
        }
        let text = record.string(kod)
        let digits = Array(text.utf8)
        let teryt = String(decoding: digits[2..<4] + digits[7..<12], as: UTF8.self)
        if let unit = register.unit(text: teryt) { return unit }
        if register.kind == .terc, digits[9..<11] != [48, 48], (49...51).contains(digits[11]) {
            unknown[teryt] = try name.map { try record.text($0) } ?? "?"
        }
        return nil
    }

    /// A BDL value: `-` or nothing is no data; else digits with a decimal comma and spaces or
    /// no-break spaces between thousands, read exactly (as the decimal text it is).
    static func value(_ record: CSVRecord, _ column: CSVColumn, signed: Bool) throws -> Double? {
        let bytes = record.field(column.index)
        guard let value = BDLNumber.parse(bytes) else {
            throw record.fail("column \(quoted(column.name)): \(quoted(record.string(column))) is not a number (BDL writes 1 234,5 or - for no data)")
        }
        guard case .number(let number) = value else { return nil }
        guard signed || number >= 0 else {
            throw record.fail("column \(quoted(column.name)): negative value \(quoted(record.string(column)))")
        }
        return number
    }
}

/// A number as BDL writes it.
enum BDLNumber: Equatable {
    case noData
    case number(Double)

    /// `-` or empty → no data; `-12 345,6` → −12345.6. Spaces, no-break spaces (U+00A0 in UTF-8 or
    /// Windows-1250, U+202F) are thousands separators, only between digits; one decimal comma (a
    /// point is taken too, as some exports write it, but not both). Anything else → nil.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> BDLNumber? {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var index = 0
        // Surrounding spaces.
        var end = bytes.count
        while index < end, bytes[index] == 0x20 { index += 1 }
        while end > index, bytes[end - 1] == 0x20 { end -= 1 }
        if index == end { return .noData }
        if end - index == 1, bytes[index] == UInt8(ascii: "-") { return .noData }
        if bytes[index] == UInt8(ascii: "-") {
            text.append(UInt8(ascii: "-"))
            index += 1
        }
        var digits = 0, separatorPending = false, decimalSeen = false
        while index < end {
            let byte = bytes[index]
            if byte >= 48 && byte <= 57 {
                text.append(byte)
                digits += 1
                separatorPending = false
                index += 1
                continue
            }
            // Thousands separators: space, U+00A0 (C2 A0, or A0 alone in Windows-1250), U+202F (E2 80 AF).
            var width = 0
            if byte == 0x20 || byte == 0xA0 { width = 1 }
            else if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 { width = 2 }
            else if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF { width = 3 }
            if width > 0 {
                guard digits > 0, !decimalSeen, !separatorPending else { return nil }
                separatorPending = true
                index += width
                continue
            }
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                guard digits > 0, !decimalSeen, !separatorPending else { return nil }
                decimalSeen = true
                text.append(UInt8(ascii: "."))
                digits = 0
                index += 1
                continue
            }
            return nil
        }
        guard digits > 0, !separatorPending else { return nil }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else { return nil }
        return .number(value)
    }
}
