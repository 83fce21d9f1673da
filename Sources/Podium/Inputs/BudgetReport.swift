import Foundation
import PodiumArchive
import PodiumCSV
import PodiumDBase

/// One year's Rb-28S report (expenditure execution of every local government), read as published:
/// a ZIP holding one dBase table, streamed through libarchive and `DBaseReader` without extracting
/// it, so memory does not grow with the file.
///
/// Which budget belongs to which municipality of the register:
/// - a gmina's budget: `GK` ≠ `00` and `GT` ∈ {1, 2, 3} → TERYT `WK+PK+GK+GT`;
/// - a city with powiat rights reports one budget at powiat level: `GK` = `00`, `PT` = `2`,
///   `PK` ≥ `61` → TERYT `WK+PK+"01"+"1"` (Wrocław `0264011`);
/// - every other row (powiats, voivodeships, unions…) is no municipality's: skipped and counted. A
///   TERYT code that is not in the register (a gmina created after the register's date) is skipped,
///   counted and named with the name the report gives it.
///
/// Each budget line adds its amount (`R4`, execution) to every metric whose filters it matches. The
/// sums are exact: amounts are read as integers of 10^-scale PLN and summed in 64 bits.
struct BudgetReport {
    /// A metric's rule: the sum of the amount over the lines that match every filter.
    struct Rule: Sendable {
        let metric: MetricDeclaration
        let filters: [Filter]

        func matches(_ line: LineCodes) -> Bool { filters.allSatisfy { $0.matches(line) } }
    }

    /// Codes of one field of a budget line, exact (`90001`) or a prefix (`925*`).
    struct Filter: Sendable {
        let field: LineField
        let codes: [String]

        func matches(_ line: LineCodes) -> Bool {
            let value = line[field]
            return codes.contains { code in code.hasSuffix("*") ? value.hasPrefix(code.dropLast()) : value == code }
        }
    }

    /// The fields of a budget line that filters may name: the methodology's key and the report's field.
    enum LineField: String, CaseIterable, Sendable {
        case section, chapter, paragraph, financing

        var fieldName: String {
            switch self {
            case .section: "DZIAL"
            case .chapter: "ROZDZIAL"
            case .paragraph: "PAR"
            case .financing: "PAR4"
            }
        }
        /// How many digits an exact code has.
        var digits: Int {
            switch self {
            case .section: 3
            case .chapter: 5
            case .paragraph: 3
            case .financing: 1
            }
        }
    }

    /// The codes of one budget line, trimmed.
    struct LineCodes: Sendable, Equatable {
        var section = "", chapter = "", paragraph = "", financing = ""

        subscript(field: LineField) -> String {
            switch field {
            case .section: section
            case .chapter: chapter
            case .paragraph: paragraph
            case .financing: financing
            }
        }
    }

    /// One budget line of a municipality, for `explain --lines`: the record's number in the table
    /// (deleted records counted), its codes and its amount in PLN.
    struct Line: Sendable, Equatable {
        let record: Int
        let codes: LineCodes
        let amount: Double
    }

    /// A budget whose TERYT code is not in the register: its code, the name the report gives, its lines.
    struct UnknownBudget: Sendable, Equatable {
        let teryt: String
        let name: String
        var lines = 0
    }

    /// What one year's report gave.
    struct Year: Sendable {
        let year: Int
        let path: String
        /// Sums by unit (index in the register) and rule, in units of 10^-scale PLN.
        var sums: [Int64]
        /// Whether the unit has at least one line in the report.
        var hasLines: [Bool]
        var scale = 2
        var records = 0, deleted = 0, notMunicipal = 0, bytes = 0
        var seconds = 0.0
        /// Budgets whose TERYT code is not in the register, in the order first met.
        var unknown: [UnknownBudget] = []
        /// The traced unit's lines that match the traced rule.
        var traced: [Line] = []

        /// The exact sum of `amount` 10^-scale PLN, in PLN.
        func pln(_ amount: Int64) -> Double { Double(amount) / pow(10, Double(scale)) }

        /// A rule's sum for the unit at `index` of the register, in PLN; nil when the unit has no line
        /// in the report (missing, never zero).
        func value(unit index: Int, rule: Int) -> Double? {
            guard hasLines[index] else { return nil }
            return pln(sums[index * (sums.count / hasLines.count) + rule])
        }

        /// The unknown budgets as the run summary names them: `0205092 Gmina Nowa (12 lines)`, by code.
        var unknownBudgets: [String] {
            unknown.sorted { $0.teryt < $1.teryt }.map { budget in
                "\(budget.teryt)\(budget.name.isEmpty ? "" : " \(budget.name)") (\(budget.lines) line\(budget.lines == 1 ? "" : "s"))"
            }
        }
    }

    static let unitFields = ["WK", "PK", "GK", "GT", "PT"]
    static let lineFields = LineField.allCases.map(\.fieldName)
    /// The field that names the budget's unit, when the report has it (used only to name gminas not in the register).
    static let nameFields = ["NAZWA", "NAZWA_JST", "JST"]

    let rules: [Rule]
    let amountField: String
    let register: Register
    /// Each unit's position in the register.
    let unitIndex: [UnitCode: Int]

    init(rules: [Rule], amountField: String, register: Register) {
        self.rules = rules
        self.amountField = amountField
        self.register = register
        unitIndex = Dictionary(uniqueKeysWithValues: register.units.enumerated().map { ($1.code, $0) })
    }

    /// Reads one year's ZIP. `trace`: a unit and a rule whose lines to keep (for `explain --lines`).
    func read(_ path: String, year: Int, trace: (unit: UnitCode, rule: Int)? = nil,
              progress: SourceRequest.Progress? = nil, limit: RowLimit = .all) throws -> Year {
        let started = ContinuousClock.now
        // A ZIP as published, or a table someone has already unzipped.
        let plain = path.lowercased().hasSuffix(".dbf")
        let stream = plain ? nil : try ZipEntryStream(path: path, what: "'.dbf' table", matching: { $0.lowercased().hasSuffix(".dbf") })
        let name = stream.map { "\(path)/\($0.entryName)" } ?? path
        let units = register.units.count
        var result = Year(year: year, path: path, sums: Array(repeating: 0, count: units * rules.count),
                          hasLines: Array(repeating: false, count: units))
        let traceUnit = trace.flatMap { unitIndex[$0.unit] }
        var read = 0
        var reported = 0
        let makeHandler = { (header: DBaseHeader) throws -> (DBaseRecord) throws -> Void in
            let unitFields = try header.require(Self.unitFields)
            let lineFields = try header.require(Self.lineFields)
            let amount = try header.require([amountField])[0]
            guard "NF".contains(amount.type) else {
                throw DBaseError(file: name, message: "field \(quoted(amount.name)) is of type \(amount.type), expected a number (N)")
            }
            // `scaled` takes at most 18 decimals (a precondition: 10^19 is beyond Int64), but the
            // header's decimal count is a byte: a table stating more is refused, not a trap.
            guard amount.decimals <= 18 else {
                throw DBaseError(file: name, message: "field \(quoted(amount.name)) has \(amount.decimals) decimals; amounts are summed exactly with at most 18")
            }
            let nameField = Self.nameFields.lazy.compactMap { header.field($0) }.first
            let scale = max(amount.decimals, 2)
            result.scale = scale
            guard let unitKey = KeyLayout(unitFields), let lineKey = KeyLayout(lineFields) else {
                throw DBaseError(file: name, message: "the code fields (WK, PK, GK, GT, PT, DZIAL, ROZDZIAL, PAR, PAR4) are wider than a budget code can be")
            }
            var unitCache: [FieldKey: Int] = [:]
            var lineCache: [FieldKey: UInt64] = [:]
            var lastUnitKey = FieldKey(), lastUnit = Int.min
            var lastLineKey = FieldKey(), lastMask: UInt64 = 0, haveLine = false
            return limit.handler { record in
                let amountValue = try record.scaled(amount, scale: scale)
                let uKey = unitKey.key(record)
                let unit: Int
                if uKey == lastUnitKey, lastUnit != Int.min {
                    unit = lastUnit
                } else if let cached = unitCache[uKey] {
                    unit = cached
                } else {
                    unit = try classify(record, unitFields, nameField: nameField, unknown: &result.unknown)
                    unitCache[uKey] = unit
                }
                lastUnitKey = uKey
                lastUnit = unit
                guard unit >= 0 else {
                    if unit == -1 { result.notMunicipal += 1 } else { result.unknown[-2 - unit].lines += 1 }
                    return
                }
                result.hasLines[unit] = true
                let lKey = lineKey.key(record)
                let mask: UInt64
                if haveLine, lKey == lastLineKey {
                    mask = lastMask
                } else if let cached = lineCache[lKey] {
                    mask = cached
                } else {
                    let codes = Self.codes(record, lineFields)
                    mask = rules.enumerated().reduce(0) { $0 | ($1.element.matches(codes) ? 1 << UInt64($1.offset) : 0) }
                    lineCache[lKey] = mask
                }
                lastLineKey = lKey
                lastMask = mask
                haveLine = true
                if mask != 0 {
                    var bits = mask
                    let base = unit * rules.count
                    while bits != 0 {
                        let rule = bits.trailingZeroBitCount
                        bits &= bits - 1
                        let (sum, overflow) = result.sums[base + rule].addingReportingOverflow(amountValue)
                        if overflow { throw record.fail("the sum of \(quoted(amount.name)) for \(register.units[unit].code) overflows") }
                        result.sums[base + rule] = sum
                    }
                }
                if let trace, unit == traceUnit, mask & (1 << UInt64(trace.rule)) != 0 {
                    result.traced.append(Line(record: record.number, codes: Self.codes(record, lineFields), amount: result.pln(amountValue)))
                }
            }
        }
        let summary: DBaseSummary? = try limit.read {
            guard let stream else { return try DBaseReader.read(path: path, makeHandler) }
            return try DBaseReader.read(name: name, size: stream.size, source: { buffer in
                let count = try stream.read(into: buffer)
                read += count
                if let progress, let size = stream.size, size > 0, read - reported >= 8 << 20 || count == 0 {
                    reported = read
                    progress(path, Double(read) / Double(size))
                }
                return count
            }, makeHandler)
        }
        // A limited read that stopped knows only the live records it took.
        result.records = limit.taken(summary?.records)
        result.deleted = summary?.deleted ?? 0
        result.bytes = summary?.bytes ?? read
        result.seconds = (ContinuousClock.now - started).seconds
        return result
    }

    /// The register index of the budget's municipality; -1 when it is no municipality's; -2 − k when
    /// its TERYT code is not in the register, k being its place in `unknown` (where it is added, with
    /// the name the report gives it). The rules take the codes as the
    /// report writes them (spaces trimmed): `GK` `00` is a powiat-level budget, and `PK` ≥ 61 is read as
    /// a number only when it is two digits.
    private func classify(_ record: DBaseRecord, _ fields: [DBaseField], nameField: DBaseField?,
                          unknown: inout [UnknownBudget]) throws -> Int {
        let text = fields.map { Self.trimmed(record.bytes($0)) }
        let (wk, pk, gk, gt, pt) = (text[0], text[1], text[2], text[3], text[4])
        let teryt: String
        if gk != "00", ["1", "2", "3"].contains(gt) {
            teryt = wk + pk + gk + gt
        } else if gk == "00", pt == "2", Self.isCode(pk, digits: 2), Int(pk)! >= 61 {
            teryt = wk + pk + "011"
        } else {
            return -1
        }
        // A code that is not a gmina of the register, however it is written (a gmina created after
        // the register's date, or codes of another shape), is skipped, counted and named: never an error.
        if let index = UnitCode(teryt: teryt).flatMap({ unitIndex[$0] }) { return index }
        let name = try nameField.map { try record.text($0, encoding: .windows1250).trimmingCharacters(in: .whitespaces) } ?? ""
        // Two spellings of one code (`02 05 09 2` and ` 2 5 9 2`…) are one budget.
        if let known = unknown.firstIndex(where: { $0.teryt == teryt }) { return -2 - known }
        unknown.append(UnknownBudget(teryt: teryt, name: name))
        return -2 - (unknown.count - 1)
    }

    private static func codes(_ record: DBaseRecord, _ fields: [DBaseField]) -> LineCodes {
        LineCodes(section: trimmed(record.bytes(fields[0])), chapter: trimmed(record.bytes(fields[1])),
                  paragraph: trimmed(record.bytes(fields[2])), financing: trimmed(record.bytes(fields[3])))
    }

    /// A code field's text without surrounding spaces and NULs (ASCII; other bytes are kept as they
    /// decode, so that they never match a code).
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> String {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0 { end -= 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    static func isCode(_ text: String, digits: Int) -> Bool {
        text.utf8.count == digits && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

/// Up to 32 bytes of a record's fields, as one hashable value: the cache key of a budget's unit codes
/// or of a line's codes, so that classifying costs a hash lookup per record, not string work.
struct FieldKey: Hashable {
    var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0
}

/// Where the fields of a key lie in the record.
struct KeyLayout {
    let fields: [DBaseField]

    init?(_ fields: [DBaseField]) {
        guard fields.reduce(0, { $0 + $1.length }) <= 32 else { return nil }
        self.fields = fields
    }

    @inline(__always)
    func key(_ record: DBaseRecord) -> FieldKey {
        var key = FieldKey()
        withUnsafeMutableBytes(of: &key) { target in
            var at = 0
            for field in fields {
                let source = record.bytes(field)
                target.baseAddress!.advanced(by: at).copyMemory(from: source.baseAddress!, byteCount: field.length)
                at += field.length
            }
        }
        return key
    }
}
