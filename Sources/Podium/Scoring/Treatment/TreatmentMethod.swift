/// Transforms one criterion's raw values within a category before normalisation, typically to tame
/// outliers. `values` are the participants' values in participant order; the result is aligned.
public protocol TreatmentMethod: Kind {
    func treat(_ values: [Double]) throws -> TreatmentOutcome
}

/// The treated values and what was done, as the breakdown and `explain` print it.
public struct TreatmentOutcome: Sendable, Equatable {
    public let values: [Double]
    public let record: TreatmentRecord

    public init(values: [Double], record: TreatmentRecord) {
        self.values = values
        self.record = record
    }
}

/// A treatment that cannot be applied to one of the values: its position in the values given to
/// `treat`, and why. The stage names the criterion and the unit.
public struct TreatmentFailure: Error, Sendable {
    public let position: Int
    public let message: String

    public init(position: Int, message: String) {
        self.position = position
        self.message = message
    }
}

/// What treatment did to one criterion in one category: a short label for tables (`winsorised (2
/// high; 0 low)`, `log`, `none`) and why, when nothing was done.
public struct TreatmentRecord: Sendable, Equatable {
    public let label: String
    public let detail: String?

    public init(label: String, detail: String? = nil) {
        self.label = label
        self.detail = detail
    }

    public static let none = TreatmentRecord(label: "none")
}

/// A worked example: parameters as YAML, the values in, the values out and the label.
public struct TreatmentExample: Sendable {
    public let parameters: String
    public let values: [Double]
    public let expected: [Double]
    public let label: String

    public init(_ parameters: String, values: [Double], expected: [Double], label: String) {
        self.parameters = parameters
        self.values = values
        self.expected = expected
        self.label = label
    }
}

extension TreatmentMethod {
    static func checks(_ examples: [TreatmentExample]) -> [ExampleCheck] {
        examples.enumerated().map { number, example in
            ExampleCheck(name: "treatment \(description.id) #\(number + 1)") {
                let method = try Self(parameters: .example(example.parameters, keys: description.parameters.map(\.name)))
                let outcome = try method.treat(example.values)
                if !close(outcome.values, example.expected) {
                    return "gave \(describe(outcome.values)), expected \(describe(example.expected))"
                }
                return outcome.record.label == example.label ? nil : "labelled '\(outcome.record.label)', expected '\(example.label)'"
            }
        }
    }
}

/// Every treatment method a methodology may name, by id.
public enum TreatmentMethods {
    public static let registry = Registry<any TreatmentMethod>(stage: "treatment method", kinds: [
        NoTreatment.self,
        WinsoriseOrLog.self,
        BoxCox.self,
        Logarithm.self,
    ])
}

extension Registry where Method == any TreatmentMethod {
    init(stage: String, kinds: [any TreatmentMethod.Type]) {
        self.init(stage: stage, entries: kinds.map { kind in
            Entry(description: kind.description, examples: kind.exampleChecks) { try kind.init(parameters: $0) }
        })
    }
}
