import Foundation
import PodiumCSV
import Yams

/// What a method's parameters may refer to: the metrics the inputs provide and the unit table's
/// group columns.
public struct ParameterContext: Sendable {
    public var metrics: [String]
    /// The register's group columns; nil when they are known only once a unit table is read, and
    /// the references are checked then.
    public var groups: [String]?
    let deferred: GroupReferences

    public init(metrics: [String] = [], groups: [String]? = [], deferred: GroupReferences = GroupReferences()) {
        self.metrics = metrics
        self.groups = groups
        self.deferred = deferred
    }

    /// A group column named at `value`: checked now when the groups are known, else later.
    func checkGroup(_ column: String, at value: YAMLValue) throws {
        guard let groups else { return deferred.add(column, at: value) }
        guard groups.contains(column) else {
            let known = groups.isEmpty ? "the units have no group columns" : "group columns: \(groups.joined(separator: ", "))"
            throw value.error("unknown group column \(quoted(column)); \(known)")
        }
    }
}

/// The parameters of one method as written in a methodology file, read by name with their
/// locations, so that every complaint names the file, line, column and key path.
public struct KindParameters {
    /// The node the method was named by (a bare id, or the `{method: …}` mapping).
    let owner: YAMLValue
    let mapping: YAMLMapping?
    public let context: ParameterContext

    init(owner: YAMLValue, mapping: YAMLMapping?, context: ParameterContext) {
        self.owner = owner
        self.mapping = mapping
        self.context = context
    }

    /// Parameters from YAML text, for worked examples and tests.
    public static func example(_ yaml: String, keys: [String], context: ParameterContext = ParameterContext()) throws -> KindParameters {
        let node: Node
        do {
            node = try Yams.compose(yaml: yaml) ?? Node.mapping(Node.Mapping([]))
        } catch let error as YamlError {
            throw MethodologyError(error, file: "example", text: yaml)
        }
        let value = YAMLValue(node: node, file: "example", path: "parameters")
        if case .scalar = node, (try? value.string()) == nil || yaml.trimmingCharacters(in: .whitespaces).isEmpty {
            return KindParameters(owner: value, mapping: nil, context: context)
        }
        return KindParameters(owner: value, mapping: try value.mapping(keys: keys), context: context)
    }

    public func has(_ name: String) -> Bool { mapping?.optional(name) != nil }

    func value(_ name: String) throws -> YAMLValue {
        guard let mapping else { throw owner.error("missing required parameter '\(name)'") }
        return try mapping.required(name)
    }

    /// An error located at the parameter (or at the method when the parameter is absent).
    public func error(_ name: String, _ message: String) -> MethodologyError {
        (mapping?.optional(name) ?? owner).error(message)
    }

    public func number(_ name: String) throws -> Double { try value(name).number() }

    public func number(_ name: String, default fallback: Double) throws -> Double {
        has(name) ? try number(name) : fallback
    }

    public func positiveNumber(_ name: String) throws -> Double { try value(name).positiveNumber() }

    public func positiveNumber(_ name: String, default fallback: Double) throws -> Double {
        has(name) ? try positiveNumber(name) : fallback
    }

    public func integer(_ name: String) throws -> Int { try value(name).integer() }

    public func integer(_ name: String, default fallback: Int) throws -> Int {
        has(name) ? try integer(name) : fallback
    }

    public func flag(_ name: String, default fallback: Bool) throws -> Bool {
        guard has(name) else { return fallback }
        let item = try value(name)
        guard case .scalar = item.node, let flag = item.node.bool else {
            throw item.error("expected true or false, found \(item.node.string.map { quoted($0) } ?? "a mapping or list")")
        }
        return flag
    }

    /// A metric the ranking's inputs provide.
    public func metric(_ name: String) throws -> String {
        let item = try value(name)
        let metric = try item.string()
        guard context.metrics.contains(metric) else {
            throw item.error("unknown metric \(quoted(metric)); the inputs provide: \(context.metrics.joined(separator: ", "))")
        }
        return metric
    }

    /// A group column of the unit table.
    public func group(_ name: String) throws -> String {
        let item = try value(name)
        let group = try item.string()
        try context.checkGroup(group, at: item)
        return group
    }

    /// `[a, b]` with a < b.
    public func increasingPair(_ name: String, default fallback: (Double, Double)? = nil) throws -> (Double, Double) {
        if !has(name), let fallback { return fallback }
        let item = try value(name)
        let items = try item.sequence()
        guard items.count == 2 else { throw item.error("expected two numbers [low, high]") }
        let low = try items[0].number(), high = try items[1].number()
        guard low < high else { throw item.error("expected [low, high] with low < high, found [\(NumberText.plain(low)), \(NumberText.plain(high))]") }
        return (low, high)
    }

    /// A nested mapping of numbers with exactly the given keys.
    public func numbers(_ name: String, keys: [String]) throws -> [String: Double] {
        let nested = try value(name).mapping(keys: keys)
        var result: [String: Double] = [:]
        for key in keys { result[key] = try nested.required(key).number() }
        return result
    }
}

extension KindParameters {
    /// A data file: its path relative to the inputs folder, or `{path, delimiter, decimal}`.
    public func file(_ name: String) throws -> FileInput { try value(name).fileInput() }

    /// `metric: unit` or `metric: {unit: …, signed: true}`, at least one.
    public func metricDeclarations(_ name: String) throws -> [MetricDeclaration] {
        let item = try value(name)
        guard case .mapping(let entries) = item.node, !entries.isEmpty else {
            throw item.error("expected a mapping of metric name to unit")
        }
        var metrics: [MetricDeclaration] = []
        for (key, _) in entries {
            let keyValue = YAMLValue(node: key, file: item.file, path: item.path)
            let metric = try keyValue.code()
            guard metric != "population" else { throw keyValue.error("'population' comes from the register's population file") }
            let declaration = YAMLValue(node: entries[key]!, file: item.file, path: "\(item.path).\(metric)")
            if case .scalar = declaration.node {
                metrics.append(MetricDeclaration(name: metric, unit: try declaration.string()))
            } else {
                let fields = try declaration.mapping(keys: ["unit", "signed"])
                let signed = try fields.optional("signed").map { value -> Bool in
                    guard let flag = value.node.bool else { throw value.error("expected true or false") }
                    return flag
                } ?? false
                metrics.append(MetricDeclaration(name: metric, unit: try fields.required("unit").string(), signed: signed))
            }
        }
        return metrics
    }
}

extension YAMLValue {
    /// A file is its path relative to the inputs folder, or `{path, delimiter, decimal}`.
    func fileInput() throws -> FileInput {
        if case .scalar = node { return FileInput(path: try string()) }
        let mapping = try mapping(keys: ["path", "delimiter", "decimal"])
        var options = CSVReadOptions()
        if let delimiter = mapping.optional("delimiter") { options.delimiter = try delimiter.choice(CSVDelimiter.self) }
        if let decimal = mapping.optional("decimal") { options.decimal = try decimal.choice(DecimalSeparator.self) }
        return FileInput(path: try mapping.required("path").string(), options: options)
    }

    /// Ids are stable snake- or kebab-case words: they become file names and CSV column names.
    func identifier() throws -> String {
        let text = try string()
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard text.allSatisfy({ allowed.contains($0) }) else {
            throw error("\(quoted(text)) is not an id: use lower-case letters, digits, '-' and '_'")
        }
        return text
    }
}

extension YAMLValue {
    /// Codes of metrics, criteria and pillars: letters of either case, digits, '_' and '-' (COINr's
    /// `LPI`, `ConEcFin`); they name CSV columns and breakdown rows, never files.
    func code() throws -> String {
        let text = try string()
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }) else {
            throw error("\(quoted(text)) is not a code: use letters, digits, '-' and '_'")
        }
        return text
    }
}

/// Group columns named in a methodology, checked once the unit table's header is known (a unit
/// table is data, read at run time; the TERC register's groups are known at once).
public final class GroupReferences: @unchecked Sendable {
    private(set) var references: [(column: String, at: YAMLValue)] = []

    public init() {}

    func add(_ column: String, at value: YAMLValue) { references.append((column, value)) }

    /// The first reference to a column the register does not have, as an error.
    func check(against register: Register) -> MethodologyError? {
        guard let bad = references.first(where: { !register.groupColumns.contains($0.column) }) else { return nil }
        let known = register.groupColumns.isEmpty ? "\(register.source) has no group columns" : "group columns of \(register.source): \(register.groupColumns.joined(separator: ", "))"
        return bad.at.error("unknown group column \(quoted(bad.column)); \(known)")
    }
}
