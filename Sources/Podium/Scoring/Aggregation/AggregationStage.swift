/// Aggregates normalised criterion values up the weight hierarchy, each inner node by its own
/// aggregation method, and attributes each participant's score to the nodes below (contributions
/// are computed here, once; reports and `explain` only print them).
enum AggregationStage {
    static func apply(_ scores: CategoryScores, _ methodology: Methodology) throws -> CategoryScores {
        var scores = scores
        let count = scores.entries.count
        var criteria: [String: [Double?]] = [:]
        for column in scores.columns { criteria[column.criterion.id] = column.normalised }
        let tree = AggregationTree(methodology, count: count) { criteria[$0]![$1] != nil }
        let evaluated: AggregationTree.Evaluation
        do {
            evaluated = try tree.evaluate(criteria, weight: \.weight, method: { $0.aggregation! })
        } catch let failure as AggregationTree.NodeFailure {
            throw failure.error(methodology, scores)
        }
        let values = evaluated.values
        let coefficients = evaluated.coefficients

        // Contributions: each node's share of the score is the product of its ancestors'
        // coefficients times its value; a node without a value contributes nothing, and neither do
        // its children.
        func attribute(_ node: WeightNode, factor: [Double?]) {
            guard let table = coefficients[node.id] ?? nil else {
                for child in node.children { markUnattributed(child) }
                return
            }
            for (index, child) in node.children.enumerated() {
                let childValues = values[child.id]!
                let childFactor = (0..<count).map { participant in
                    childValues[participant] == nil ? nil : factor[participant].map { $0 * table[index][participant] }
                }
                scores.contributions[child.id] = (0..<count).map { participant in
                    childValues[participant].flatMap { value in childFactor[participant].map { $0 * value } }
                }
                if child.role != .criterion { attribute(child, factor: childFactor) }
            }
        }
        func markUnattributed(_ node: WeightNode) {
            scores.contributions[node.id] = [Double?](repeating: nil, count: count)
            for child in node.children { markUnattributed(child) }
        }
        attribute(methodology.index, factor: [Double?](repeating: 1, count: count))

        for pillar in methodology.pillars { scores.pillarScores[pillar.id] = values[pillar.id]! }
        // The screen before treatment has set aside everyone whose index would have no value.
        scores.scores = values[methodology.index.id]!.map { $0! }
        for (entry, score) in scores.scores.enumerated() where !score.isFinite {
            throw ScoringError("\(methodology.file): category \(scores.category.id): the score of \(scores.entries[entry].unit.name) (\(scores.entries[entry].unit.code)) is not a finite number; the values are too large for \(methodology.index.aggregation!.kindID)")
        }
        return scores
    }
}

/// The weight hierarchy of one category's participants, evaluated from the criteria's normalised
/// values up: each inner node by an aggregation method, with the weights given. Which nodes have a
/// value for whom is fixed once (by the methodology's weights and the missing-data rule), so that the
/// nominal run and the sensitivity runs aggregate the same values.
struct AggregationTree: Sendable {
    let index: WeightNode
    /// Node id → the participants for whom the node has no value (too few of its children have one).
    let unavailable: [String: [Int]]

    init(_ methodology: Methodology, count: Int, present: (String, Int) -> Bool) {
        index = methodology.index
        var unavailable: [String: [Int]] = [:]
        let criteria = methodology.criteria.map(\.id)
        for participant in 0..<count {
            // A participant with every criterion has every node: no walk of the hierarchy for it
            // (the walk was half the time of scoring a category).
            if criteria.allSatisfy({ present($0, participant) }) { continue }
            let nodes = Availability.nodes(methodology.index, criteria: { present($0, participant) },
                                           minShare: methodology.missingData.availableMinShare).nodes
            for node in methodology.pillars + [methodology.index] where !nodes.contains(node.id) {
                unavailable[node.id, default: []].append(participant)
            }
        }
        self.unavailable = unavailable
    }

    struct Evaluation {
        /// Node id → its value per participant (criteria: the normalised values given).
        var values: [String: [Double?]]
        /// Inner node id → the method's coefficients (nil where the method attributes nothing).
        var coefficients: [String: [[Double]]?]
    }

    /// An aggregation method that refused a value: at which node.
    struct NodeFailure: Error {
        let node: WeightNode
        let failure: AggregationFailure

        func error(_ methodology: Methodology, _ scores: CategoryScores, method: (any AggregationMethod)? = nil) -> ScoringError {
            let child = node.children[failure.child]
            let unit = scores.entries[failure.participant].unit
            return ScoringError(
                "\(methodology.file): category \(scores.category.id): \((method ?? node.aggregation!).kindID) of '\(node.id)': \(failure.message) (\(child.role == .criterion ? "criterion" : "pillar") '\(child.id)' of \(unit.name), \(unit.code))")
        }
    }

    func evaluate(_ criteria: [String: [Double?]], weight: (WeightNode) -> Double,
                  method: (WeightNode) -> any AggregationMethod) throws -> Evaluation {
        var result = Evaluation(values: criteria, coefficients: [:])
        func aggregate(_ node: WeightNode) throws {
            for child in node.children where child.role != .criterion { try aggregate(child) }
            var children = node.children.map { result.values[$0.id]! }
            // A node without enough of its children gets no value (and its children no say in it).
            for participant in unavailable[node.id] ?? [] {
                for child in children.indices { children[child][participant] = nil }
            }
            let outcome: AggregationOutcome
            do {
                outcome = try method(node).aggregate(children, weights: node.children.map(weight))
            } catch let failure as AggregationFailure {
                throw NodeFailure(node: node, failure: failure)
            }
            result.values[node.id] = outcome.scores
            result.coefficients[node.id] = outcome.coefficients
        }
        try aggregate(index)
        return result
    }
}

/// A ranking that cannot be computed from its data as its methodology asks.
public struct ScoringError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension Kind {
    var kindID: String { Self.description.id }
}
