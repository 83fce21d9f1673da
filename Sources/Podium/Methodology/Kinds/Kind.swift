import Yams

/// A method of one pipeline stage (a criterion, a normalisation, an aggregation, a treatment, an
/// imputation, a data source …): a stable id, a description analysts read, typed parameters, and
/// worked examples that the test suite runs.
///
/// A new method is one file with a type conforming to its stage's protocol (which refines `Kind`)
/// and one line in that stage's registry.
public protocol Kind: Sendable {
    static var description: KindDescription { get }
    /// Reads the method's parameters; an unknown, missing or out-of-range parameter is an error.
    init(parameters: KindParameters) throws
    /// The worked examples as checks: each returns nil when the example holds, or what went wrong.
    static var exampleChecks: [ExampleCheck] { get }
}

public struct KindDescription: Sendable {
    /// The id a methodology file names it by: stable, snake_case.
    public let id: String
    public let name: String
    public let summary: String
    public let formula: String
    public let parameters: [ParameterDescription]

    public init(id: String, name: String, summary: String, formula: String, parameters: [ParameterDescription] = []) {
        self.id = id
        self.name = name
        self.summary = summary
        self.formula = formula
        self.parameters = parameters
    }
}

public struct ParameterDescription: Sendable {
    public let name: String
    public let meaning: String
    /// The value used when the parameter is left out, as text; nil when it is required.
    public let defaultValue: String?

    public init(name: String, meaning: String, defaultValue: String? = nil) {
        self.name = name
        self.meaning = meaning
        self.defaultValue = defaultValue
    }
}

/// One worked example of a method, runnable by the tests.
public struct ExampleCheck: Sendable {
    public let name: String
    /// Nil when the example holds, else a sentence saying what came out instead.
    public let run: @Sendable () throws -> String?

    public init(name: String, run: @escaping @Sendable () throws -> String?) {
        self.name = name
        self.run = run
    }
}

/// Numbers in worked examples are compared to 1e-9, relative to their size.
func close(_ a: Double, _ b: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
}

func close(_ a: [Double?], _ b: [Double?]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { x, y in
        switch (x, y) {
        case (nil, nil): true
        case (let x?, let y?): close(x, y)
        default: false
        }
    }
}

func describe(_ values: [Double?]) -> String {
    "[" + values.map { $0.map { NumberText.plain($0) } ?? "nil" }.joined(separator: ", ") + "]"
}
