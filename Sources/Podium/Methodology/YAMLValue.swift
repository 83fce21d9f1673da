import PodiumCSV
import Yams

/// A node of a methodology file together with where it is (file, line, key path), so that every
/// complaint about it can say exactly where to look.
public struct YAMLValue {
    let node: Node
    let file: String
    let path: String

    func error(_ message: String) -> MethodologyError {
        MethodologyError(file: file, line: node.mark?.line, column: node.mark?.column, path: path, message: message)
    }

    /// A mapping whose keys must all be among `keys`; any other key is an error that lists the valid ones.
    func mapping(keys: [String]) throws -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of \(keys.joined(separator: ", "))") }
        var entries: [(String, YAMLValue)] = []
        for (key, value) in mapping {
            guard let name = key.string else {
                throw MethodologyError(file: file, line: key.mark?.line, column: key.mark?.column, path: path, message: "keys must be text")
            }
            let childPath = path.isEmpty ? name : "\(path).\(name)"
            guard keys.contains(name) else {
                throw MethodologyError(
                    file: file, line: key.mark?.line, column: key.mark?.column, path: childPath,
                    message: "unknown key \(quoted(name)); valid keys here: \(keys.joined(separator: ", "))")
            }
            if entries.contains(where: { $0.0 == name }) {
                throw MethodologyError(file: file, line: key.mark?.line, column: key.mark?.column, path: childPath, message: "key '\(name)' appears twice")
            }
            entries.append((name, YAMLValue(node: value, file: file, path: childPath)))
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// The keys of a mapping as written (none for a scalar or list).
    func mappingKeys() -> [String] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.keys.compactMap(\.string)
    }

    func sequence() throws -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// Non-empty text without control characters: titles, names and units reach the reports, where a
    /// `"\0"` or `"\n"` escape of YAML would break a line.
    func string() throws -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw error("expected text") }
        if let control = scalar.string.unicodeScalars.first(where: isControlCharacter) {
            throw error("\(quoted(scalar.string)) holds a control character (\(codePoint(control)))")
        }
        return scalar.string
    }

    /// Never a base-60 number: Yams reads `1:30` as 90 (YAML 1.1) and traps when one overflows `Int`
    /// (`1:0:0:0:0:0:0:0:0:0:0`), so a colon is refused before Yams sees it.
    func integer() throws -> Int {
        guard case .scalar(let scalar) = node, !scalar.string.contains(":"), let value = node.int else {
            throw error("expected a whole number, found \(quoted(describe()))")
        }
        return value
    }

    func number() throws -> Double {
        guard case .scalar = node, let value = node.float, value.isFinite else {
            throw error("expected a number, found \(quoted(describe()))")
        }
        return value
    }

    func positiveNumber() throws -> Double {
        let value = try number()
        guard value > 0 else { throw error("expected a positive number, found \(quoted(describe()))") }
        return value
    }

    /// A weight: positive, and small enough that weighted sums stay finite.
    func weight() throws -> Double {
        let value = try positiveNumber()
        guard value <= 1_000_000 else { throw error("a weight above 1000000 is not allowed (weights are relative), found \(quoted(describe()))") }
        return value
    }

    /// One of a closed set of words; anything else is an error that lists them.
    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else {
            throw error("unknown value \(quoted(text)); valid values: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    private func describe() -> String {
        if case .scalar(let scalar) = node { return scalar.string }
        if case .mapping = node { return "a mapping" }
        return "a list"
    }
}

/// The entries of one mapping, read by name.
struct YAMLMapping {
    let owner: YAMLValue
    let entries: [(String, YAMLValue)]

    func optional(_ key: String) -> YAMLValue? {
        entries.first { $0.0 == key }?.1
    }

    func required(_ key: String) throws -> YAMLValue {
        guard let value = optional(key) else { throw owner.error("missing required key '\(key)'") }
        return value
    }

    var keys: [String] { entries.map(\.0) }
}
