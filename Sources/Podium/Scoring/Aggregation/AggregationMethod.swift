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

/// Scores each participant from the children that have a value: `score` returns the score and
/// writes each present child's coefficient into `shares`, in the order of `parts`. A participant
/// with no child present gets nil. The loop every per-participant method shares; it reuses its
/// buffers from one participant to the next (the sensitivity analysis calls it thousands of times).
func aggregateEach(_ children: [[Double?]], weights: [Double],
                   _ score: (_ parts: [(child: Int, value: Double, weight: Double)], _ participant: Int, _ shares: inout [Double]) throws -> Double)
    rethrows -> AggregationOutcome {
    let participants = children.first?.count ?? 0
    var scores = [Double?](repeating: nil, count: participants)
    var coefficients = children.map { _ in [Double](repeating: 0, count: participants) }
    var parts: [(child: Int, value: Double, weight: Double)] = []
    parts.reserveCapacity(children.count)
    var shares = [Double](repeating: 0, count: children.count)
    for participant in 0..<participants {
        parts.removeAll(keepingCapacity: true)
        for child in children.indices {
            if let value = children[child][participant] { parts.append((child, value, weights[child])) }
        }
        guard !parts.isEmpty else { continue }
        scores[participant] = try score(parts, participant, &shares)
        for (position, part) in parts.enumerated() { coefficients[part.child][participant] = shares[position] }
    }
    return AggregationOutcome(scores: scores, coefficients: coefficients)
}

/// Scores each participant from its present children by `mean`, and attributes the score in
/// proportion to w·x: coefficient_c = score · w_c / Σ_j w_j·x_j over the present children, so that
/// Σ coefficient·x = score. (When Σ w·x is 0 every present value is 0 and so is the score, and the
/// children get w_c / Σ w.) Shared by the means that are not sums of weighted values.
func proportionalMean(_ children: [[Double?]], weights: [Double],
                      _ mean: (_ parts: [(child: Int, value: Double, weight: Double)], _ participant: Int) throws -> Double)
    rethrows -> AggregationOutcome {
    try aggregateEach(children, weights: weights) { parts, participant, shares in
        let score = try mean(parts, participant)
        let weighted = parts.reduce(0) { $0 + $1.weight * $1.value }
        let total = parts.reduce(0) { $0 + $1.weight }
        for (position, part) in parts.enumerated() { shares[position] = weighted == 0 ? part.weight / total : score * part.weight / weighted }
        return score
    }
}

/// The first present child whose value fails `allowed`, as a failure naming it.
func checkDomain(_ parts: [(child: Int, value: Double, weight: Double)], participant: Int,
                 _ allowed: (Double) -> Bool, _ message: (Double) -> String) throws {
    if let bad = parts.first(where: { !allowed($0.value) }) {
        throw AggregationFailure(child: bad.child, participant: participant, message: message(bad.value))
    }
}

/// Every aggregation method a methodology may name, by id.
public enum AggregationMethods {
    public static let registry = Registry<any AggregationMethod>(stage: "aggregation method", kinds: [
        ArithmeticMean.self,
        GeometricMean.self,
        HarmonicMean.self,
        GeneralisedMean.self,
        Copeland.self,
    ])
}

extension Registry where Method == any AggregationMethod {
    init(stage: String, kinds: [any AggregationMethod.Type]) {
        self.init(stage: stage, entries: kinds.map { kind in
            Entry(description: kind.description, examples: kind.exampleChecks) { try kind.init(parameters: $0) }
        })
    }
}
