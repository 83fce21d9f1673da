/// A column found in a file's header: where it is and what it is called, for error messages.
public struct CSVColumn: Sendable, Hashable {
    public let index: Int
    public let name: String

    public init(index: Int, name: String) {
        self.index = index
        self.name = name
    }
}

/// The header row of one file. Columns are found by name, in any order, ignoring case and surrounding
/// spaces; extra columns are allowed. A class: every row refers to it, and a reference is cheap.
public final class CSVHeader: Sendable {
    public let file: String
    public let names: [String]
    public let delimiter: CSVDelimiter
    public let decimal: DecimalSeparator
    public let encoding: TextEncoding

    init(file: String, names: [String], delimiter: CSVDelimiter, decimal: DecimalSeparator, encoding: TextEncoding = .utf8,
         allowsRepeatedColumns: Bool = false) throws {
        var seen = Set<String>()
        for name in names where !allowsRepeatedColumns {
            let key = Self.key(name)
            if !seen.insert(key).inserted { throw CSVError.duplicateColumn(file: file, column: name) }
        }
        self.file = file
        self.names = names
        self.delimiter = delimiter
        self.decimal = decimal
        self.encoding = encoding
    }

    static func key(_ name: String) -> String {
        name.trimmingSpaces.lowercased()
    }

    /// The column called `name`, or nil when the file has none.
    public func column(_ name: String) -> CSVColumn? {
        let key = Self.key(name)
        guard let index = names.firstIndex(where: { Self.key($0) == key }) else { return nil }
        return CSVColumn(index: index, name: names[index])
    }

    /// Every column called `name`, in order (more than one only with `allowsRepeatedColumns`).
    public func columns(_ name: String) -> [CSVColumn] {
        let key = Self.key(name)
        return names.indices.filter { Self.key(names[$0]) == key }.map { CSVColumn(index: $0, name: names[$0]) }
    }

    /// The named columns, in the order asked; a missing one is an error that lists every missing column
    /// and every column found.
    public func require(_ required: [String]) throws -> [CSVColumn] {
        let found = required.map { column($0) }
        let missing = zip(required, found).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else {
            throw CSVError.missingColumns(file: file, missing: missing, found: names)
        }
        return found.map { $0! }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
