import Foundation
import PodiumCSV

/// The inputs folder a run reads (`Inputs/`): methodology files and the data files they name.
public struct InputFolder: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    public var methodologies: String { root + "/methodologies" }

    /// The path of a file named relative to the folder, as users see it in messages.
    public func path(_ file: FileInput) -> String { root + "/" + file.path }

    /// Checks that a file exists before a loader starts, with a message that says which methodology
    /// wanted it.
    public func existing(_ file: FileInput, for methodology: String) throws -> String {
        let path = path(file)
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(file: path, line: nil, message: "input file not found (named by \(methodology))")
        }
        return path
    }
}

extension CSVRecord {
    /// A code in `column` that must be a unit of the register: a TERYT code of a gmina, or an id of
    /// the unit table.
    func unit(_ column: CSVColumn, in register: Register) throws -> Unit {
        let text = string(column)
        switch register.kind {
        case .terc:
            guard let code = UnitCode(teryt: text) else {
                throw fail("column \(quoted(column.name)): \(quoted(text)) is not a 7-digit TERYT code")
            }
            guard let unit = register.unit(code) else {
                throw fail("column \(quoted(column.name)): \(quoted(text)) is not a gmina of the register (RODZ 1, 2 or 3)")
            }
            return unit
        case .unitTable:
            guard let unit = register.unit(text: text) else {
                throw fail("column \(quoted(column.name)): \(quoted(text)) is not a unit of \(register.source)")
            }
            return unit
        }
    }

    func year(_ column: CSVColumn) throws -> Int {
        guard let year = (try? integer(column)).flatMap({ $0 }), (1900...2200).contains(year) else {
            throw fail("column \(quoted(column.name)): \(quoted(string(column))) is not a year")
        }
        return year
    }

    /// A number that may not be negative, or nil when the field is empty.
    func amount(_ column: CSVColumn) throws -> Double? {
        try amount(column, signed: false)
    }

    /// A number, negative only when `signed`, or nil when the field is empty.
    func amount(_ column: CSVColumn, signed: Bool) throws -> Double? {
        guard let value = try number(column) else { return nil }
        guard signed || value >= 0 else {
            throw fail("column \(quoted(column.name)): negative amount \(quoted(string(column)))")
        }
        return value
    }

    /// Text that reports and messages print: a name, an id, a handle, a group, a register date. It
    /// must be valid UTF-8 (a Windows-1250 file would print replacement characters) and hold no
    /// control character (a NUL or a line break would be written into the reports as it is); it
    /// must not be empty unless `allowEmpty`.
    func label(_ column: CSVColumn, allowEmpty: Bool = false) throws -> String {
        let value = try text(column)
        guard allowEmpty || !value.isEmpty else { throw fail("column \(quoted(column.name)) is empty") }
        if let control = value.unicodeScalars.first(where: isControlCharacter) {
            throw fail("column \(quoted(column.name)): \(quoted(value)) holds a control character (\(codePoint(control)))")
        }
        return value
    }

    /// A code of `digits` ASCII digits (a TERC `WOJ`, `POW`, `GMI` or `RODZ`): `Int` would also take
    /// `+2` or `-1`, which are no codes.
    func code(_ column: CSVColumn, digits: Int, allowEmpty: Bool = false) throws -> String {
        let field = field(column.index)
        if allowEmpty, field.isEmpty { return "" }
        guard field.count == digits, field.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw fail("column \(quoted(column.name)): \(quoted(string(column))) is not a \(digits)-digit code")
        }
        return string(column)
    }

    func fail(_ message: String) -> InputError {
        InputError(file: header.file, line: line, message: message)
    }
}
