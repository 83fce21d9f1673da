/// Which nodes of the weight hierarchy have a value for a participant: a criterion when it has a
/// value; an inner node when all its children do, or — with `aggregate: {method: available,
/// min_share}` — when the children that do carry at least `min_share` of its children's weight.
///
/// The screen runs before treatment, so that a participant that will not be ranked does not shape
/// anyone's treated or normalised values; aggregation then uses the same rule for the nodes below.
enum Availability {
    /// The nodes with a value, and why the highest node that has none fell short.
    static func nodes(_ index: WeightNode, criteria present: (String) -> Bool, minShare: Double?) -> (nodes: Set<String>, shortfall: String?) {
        var available = Set<String>()
        var shortfall: String?
        func visit(_ node: WeightNode) -> Bool {
            if node.role == .criterion {
                if present(node.id) { available.insert(node.id) }
                return present(node.id)
            }
            let have = node.children.map(visit)
            let total = node.children.reduce(0) { $0 + $1.weight }
            let share = zip(node.children, have).reduce(0) { $0 + ($1.1 ? $1.0.weight : 0) } / total
            let ok = have.allSatisfy { $0 } || (minShare.map { share >= $0 } ?? false) && have.contains(true)
            if ok {
                available.insert(node.id)
            } else {  // post-order: the last node to fall short is the highest, the one that decides
                shortfall = "\(node.id): \(NumberText.plain((share * 10_000).rounded() / 100))% of its weight has a value"
                    + (minShare.map { ", below the minimum \(NumberText.plain($0 * 100))%" } ?? "")
            }
            return ok
        }
        _ = visit(index)
        return (available, shortfall)
    }

    /// Sets aside the participants whose index would have no value.
    static func screen(_ scores: CategoryScores, _ methodology: Methodology) -> CategoryScores {
        guard methodology.missingData.availableMinShare != nil else { return scores }
        var scores = scores
        var excluded: [Int: String] = [:]
        var inputs: [String: [Double?]] = [:]
        for column in scores.columns { inputs[column.criterion.id] = column.input }
        for entry in scores.entries.indices {
            let (nodes, shortfall) = nodes(methodology.index, criteria: { id in inputs[id]![entry] != nil },
                                           minShare: methodology.missingData.availableMinShare)
            if !nodes.contains(methodology.index.id) {
                excluded[entry] = "too few criteria with a value: " + (shortfall ?? methodology.index.id)
            }
        }
        scores.exclude(excluded)
        return scores
    }
}
