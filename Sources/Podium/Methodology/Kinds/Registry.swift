import PodiumCSV

/// The methods of one pipeline stage, looked up by the id a methodology file names.
///
/// Each stage keeps one registry with one line per method; resolving an unknown id is an error that
/// lists the valid ones, and a method's parameters are checked against its description.
public struct Registry<Method>: Sendable {
    public struct Entry: Sendable {
        public let description: KindDescription
        public let examples: [ExampleCheck]
        let make: @Sendable (KindParameters) throws -> Method
    }

    /// The stage's name in messages: `normalisation method`, `criterion kind` …
    public let stage: String
    public let entries: [Entry]

    public init(stage: String, entries: [Entry]) {
        self.stage = stage
        self.entries = entries
    }

    public var ids: [String] { entries.map(\.description.id) }

    public func entry(_ id: String) -> Entry? { entries.first { $0.description.id == id } }

    /// A method named as `id` (no parameters) or `{method: id, <parameters>}`.
    func resolve(_ value: YAMLValue, context: ParameterContext) throws -> Method {
        if case .scalar = value.node {
            let entry = try lookup(value)
            return try entry.make(KindParameters(owner: value, mapping: nil, context: context))
        }
        guard case .mapping = value.node else { throw value.error("expected a \(stage) id or {method: <id>, …}") }
        let (entry, mapping) = try named(in: value, by: "method")
        return try entry.make(KindParameters(owner: value, mapping: mapping, context: context))
    }

    /// The method a mapping names by `idKey`, and the mapping checked against that key, the
    /// method's parameters and `sharedKeys` (keys the caller reads itself: inputs' `register`
    /// beside `type`).
    func named(in value: YAMLValue, by idKey: String, sharedKeys: [String] = []) throws -> (entry: Entry, mapping: YAMLMapping) {
        let loose = try value.mapping(keys: value.mappingKeys())
        let entry = try lookup(try loose.required(idKey))
        let mapping = try value.mapping(keys: [idKey] + sharedKeys + entry.description.parameters.map(\.name))
        return (entry, mapping)
    }

    /// The method of `entry` with its parameters in a mapping of their own (criteria's `kind:` and
    /// `parameters:`).
    func make(_ entry: Entry, parameters: YAMLValue, context: ParameterContext) throws -> Method {
        let mapping = try parameters.mapping(keys: entry.description.parameters.map(\.name))
        return try entry.make(KindParameters(owner: parameters, mapping: mapping, context: context))
    }

    func lookup(_ idValue: YAMLValue) throws -> Entry {
        let id = try idValue.string()
        guard let entry = entry(id) else {
            let noun = stage.split(separator: " ").last.map { "\($0)s" } ?? "ids"
            throw idValue.error("unknown \(stage) \(quoted(id)); known \(noun): \(ids.joined(separator: ", "))")
        }
        return entry
    }
}
