/// Fills in a criterion's missing raw values within a category, from the participants that have
/// one: over the whole category, or within the participant's group (a column of the unit table).
public protocol ImputationMethod: Kind {
    /// The unit-table column whose groups the method works within, if any.
    var groupColumn: String? { get }
    /// `values[p]` is participant p's raw value (nil: missing); `groups[p]` its group (empty when the
    /// method has no group column or the unit has none). The result is nil where a value was observed.
    func impute(_ values: [Double?], groups: [String]) -> [ImputationOutcome?]
}

public enum ImputationOutcome: Sendable, Equatable {
    /// The value put in, and how it was found (`group mean of Europe, n = 29`).
    case imputed(Double, how: String)
    /// Why no value could be put in (`no value in group Asia`).
    case impossible(String)
}

/// A worked example: parameters as YAML, the values with their groups, and what must come out
/// (nil where a value was observed).
public struct ImputationExample: Sendable {
    public let parameters: String
    public let values: [Double?]
    public let groups: [String]
    public let expected: [ImputationOutcome?]

    public init(_ parameters: String, values: [Double?], groups: [String]? = nil, expected: [ImputationOutcome?]) {
        self.parameters = parameters
        self.values = values
        self.groups = groups ?? values.map { _ in "" }
        self.expected = expected
    }
}

extension ImputationMethod {
    static func checks(_ examples: [ImputationExample]) -> [ExampleCheck] {
        examples.enumerated().map { number, example in
            ExampleCheck(name: "imputation \(description.id) #\(number + 1)") {
                let context = ParameterContext(groups: ["group"])
                let method = try Self(parameters: .example(example.parameters, keys: description.parameters.map(\.name), context: context))
                let actual = method.impute(example.values, groups: example.groups)
                let same = actual.count == example.expected.count && zip(actual, example.expected).allSatisfy { a, e in
                    switch (a, e) {
                    case (nil, nil): true
                    case (.imputed(let x, let how)?, .imputed(let y, let expectedHow)?): close(x, y) && how == expectedHow
                    case (.impossible(let why)?, .impossible(let expectedWhy)?): why == expectedWhy
                    default: false
                    }
                }
                return same ? nil : "gave \(actual), expected \(example.expected)"
            }
        }
    }

    /// Imputes every missing value by `statistic` over the observed values of its pool: the whole
    /// category, or the participant's group.
    func imputeWithin(_ values: [Double?], groups: [String], statistic: ([Double]) -> Double, name: String) -> [ImputationOutcome?] {
        var pools: [String: [Double]] = [:]
        for (value, group) in zip(values, groups) { if let value { pools[group, default: []].append(value) } }
        return zip(values, groups).map { value, group in
            guard value == nil else { return nil }
            guard groupColumn == nil || !group.isEmpty else {
                return .impossible("the unit has no \(groupColumn!) to impute within")
            }
            guard let pool = pools[group], !pool.isEmpty else {
                return .impossible(groupColumn == nil ? "no participant has a value to impute from" : "no value in \(groupColumn!) \(group) to impute from")
            }
            let scope = groupColumn == nil ? "\(name) of the category" : "group \(name) of \(group)"
            return .imputed(statistic(pool), how: "\(scope), n = \(pool.count)")
        }
    }
}

func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Every imputation method a methodology may name, by id.
public enum ImputationMethods {
    public static let registry = Registry<any ImputationMethod>(stage: "imputation method", kinds: [
        MeanImputation.self,
        MedianImputation.self,
        GroupMeanImputation.self,
        GroupMedianImputation.self,
    ])
}

extension Registry where Method == any ImputationMethod {
    init(stage: String, kinds: [any ImputationMethod.Type]) {
        self.init(stage: stage, entries: kinds.map { kind in
            Entry(description: kind.description, examples: kind.exampleChecks) { try kind.init(parameters: $0) }
        })
    }
}
