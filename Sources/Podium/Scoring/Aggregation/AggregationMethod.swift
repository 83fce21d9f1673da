/// Combines the scores of a node's children (criteria, or lower pillars) into the node's score,
/// for every participant of a category at once (some methods, such as Copeland's, compare
/// participants with each other).
public protocol AggregationMethod: Kind {
    /// `children[c][p]` is child c's value for participant p, nil where it is missing (only when the
    /// missing-data rule aggregates over the children that have a value); `weights[c]` is child c's
    /// weight (positive). A participant whose every child is missing gets nil.
    func aggregate(_ children: [[Double?]], weights: [Double]) throws -> AggregationOutcome
}

public struct AggregationOutcome: Sendable, Equatable {
    /// The node's score per participant.
    public var scores: [Double?]
    /// `coefficients[c][p]`: child c's contribution to participant p's score is coefficient × value,
    /// and the contributions add up to the score. Nil when the method's score is not a sum of
    /// per-child parts (Copeland's), so no contribution is printed.
    public var coefficients: [[Double]]?

    public init(scores: [Double?], coefficients: [[Double]]?) {
        self.scores = scores
        self.coefficients = coefficients
    }
}

/// An aggregation that cannot be computed: which child and which participant, and why.
public struct AggregationFailure: Error, Sendable {
    public let child: Int
    public let participant: Int
    public let message: String

    public init(child: Int, participant: Int, message: String) {
        self.child = child
        self.participant = participant
        self.message = message
    }
}

/// A worked example: parameters as YAML, the weights, each participant's children values (a row per
/// participant, nil for missing) and the scores that must come out.
public struct AggregationExample: Sendable {
    public let parameters: String
    public let weights: [Double]
    public let rows: [[Double?]]
    public let expected: [Double?]

    public init(_ parameters: String, weights: [Double], rows: [[Double?]], expected: [Double?]) {
        self.parameters = parameters
        self.weights = weights
        self.rows = rows
        self.expected = expected
    }
}

extension AggregationMethod {
    static func checks(_ examples: [AggregationExample]) -> [ExampleCheck] {
        examples.enumerated().map { number, example in
            ExampleCheck(name: "aggregation \(description.id) #\(number + 1)") {
                let method = try Self(parameters: .example(example.parameters, keys: description.parameters.map(\.name)))
                let children = example.weights.indices.map { child in example.rows.map { $0[child] } }
                let outcome = try method.aggregate(children, weights: example.weights)
                guard close(outcome.scores, example.expected) else {
                    return "gave \(describe(outcome.scores)), expected \(describe(example.expected))"
                }
                // Where a method attributes its score to children, the parts must add up to it.
                if let coefficients = outcome.coefficients {
                    for (participant, score) in outcome.scores.enumerated() {
                        guard let score else { continue }
                        let parts = children.indices.reduce(0.0) { sum, child in
                            sum + (children[child][participant].map { coefficients[child][participant] * $0 } ?? 0)
                        }
                        if !close(parts, score) { return "contributions of participant \(participant + 1) add up to \(parts), not \(score)" }
                    }
                }
                return nil
            }
        }
    }
}

/// The children that have a value for one participant, with their weights.
func present(_ children: [[Double?]], weights: [Double], participant: Int) -> [(child: Int, value: Double, weight: Double)] {
    children.indices.compactMap { child in children[child][participant].map { (child, $0, weights[child]) } }
}

/// Every aggregation method a methodology may name, by id.
public enum AggregationMethods {
    public static let registry = Registry<any AggregationMethod>(stage: "aggregation method", kinds: [
        ArithmeticMean.self,
    ])
}

extension Registry where Method == any AggregationMethod {
    init(stage: String, kinds: [any AggregationMethod.Type]) {
        self.init(stage: stage, entries: kinds.map { kind in
            Entry(description: kind.description, examples: kind.exampleChecks) { try kind.init(parameters: $0) }
        })
    }
}
