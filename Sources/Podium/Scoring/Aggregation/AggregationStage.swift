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
        var shortfall: [Int: String] = [:]

        func aggregate(_ node: WeightNode) throws {
            for child in node.children where child.role != .criterion { try aggregate(child) }
            var children = node.children.map { values[$0.id]! }
            let weights = node.children.map(\.weight)
            for participant in 0..<count {
                let present = node.children.indices.filter { children[$0][participant] != nil }
                guard present.count < node.children.count else { continue }
                let share = present.reduce(0) { $0 + weights[$1] } / weights.reduce(0, +)
                if let least = methodology.missingData.availableMinShare, share >= least, !present.isEmpty { continue }
                for child in children.indices { children[child][participant] = nil }
                do {  // post-order: the last node to fall short is the highest, the one that decides
                    shortfall[participant] = "\(node.id): \(NumberText.plain((share * 10_000).rounded() / 100))% of its weight has a value"
                        + (methodology.missingData.availableMinShare.map { ", below the minimum \(NumberText.plain($0 * 100))%" } ?? "")
                }
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
        // coefficients times its value.
        func attribute(_ node: WeightNode, factor: [Double?]) {
            guard let table = coefficients[node.id] ?? nil else {
                for child in node.children { markUnattributed(child) }
                return
            }
            for (index, child) in node.children.enumerated() {
                let childFactor = (0..<count).map { participant in factor[participant].map { $0 * table[index][participant] } }
                let childValues = values[child.id]!
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
        let index = values[methodology.index.id]!
        var excluded: [Int: String] = [:]
        for participant in 0..<count where index[participant] == nil {
            excluded[participant] = "too few criteria with a value: " + (shortfall[participant] ?? "no value to aggregate")
        }
        scores.scores = index.map { $0 ?? .nan }
        scores.exclude(excluded)
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
