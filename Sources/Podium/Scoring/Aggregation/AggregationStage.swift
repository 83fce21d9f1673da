/// Aggregates normalised criterion values up the weight hierarchy, each inner node by its own
/// aggregation method, and attributes each participant's score to the nodes below (contributions
/// are computed here, once; reports and `explain` only print them).
enum AggregationStage {
    static func apply(_ scores: CategoryScores, _ methodology: Methodology) throws -> CategoryScores {
        var scores = scores
        let count = scores.entries.count
        var values: [String: [Double?]] = [:]
        for column in scores.columns { values[column.criterion.id] = column.normalised }
        var coefficients: [String: [[Double]]?] = [:]
        // Nil: every criterion has a value, so every node has one (the common case, found without
        // walking the hierarchy for each participant).
        let available: [Set<String>?] = (0..<count).map { participant in
            if scores.columns.allSatisfy({ $0.normalised[participant] != nil }) { return nil }
            return Availability.nodes(methodology.index, criteria: { values[$0]![participant] != nil },
                                      minShare: methodology.missingData.availableMinShare).nodes
        }

        func aggregate(_ node: WeightNode) throws {
            for child in node.children where child.role != .criterion { try aggregate(child) }
            var children = node.children.map { values[$0.id]! }
            let weights = node.children.map(\.weight)
            // A node without enough of its children gets no value (and its children no say in it).
            for participant in 0..<count where available[participant].map({ !$0.contains(node.id) }) ?? false {
                for child in children.indices { children[child][participant] = nil }
            }
            let outcome: AggregationOutcome
            do {
                outcome = try node.aggregation!.aggregate(children, weights: weights)
            } catch let failure as AggregationFailure {
                let child = node.children[failure.child]
                let unit = scores.entries[failure.participant].unit
                throw ScoringError(
                    "\(methodology.file): category \(scores.category.id): \(node.aggregation!.kindID) of '\(node.id)': \(failure.message) (\(child.role == .criterion ? "criterion" : "pillar") '\(child.id)' of \(unit.name), \(unit.code))")
            }
            values[node.id] = outcome.scores
            coefficients[node.id] = outcome.coefficients
        }
        try aggregate(methodology.index)

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

/// A ranking that cannot be computed from its data as its methodology asks.
public struct ScoringError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension Kind {
    var kindID: String { Self.description.id }
}
