/// Weighted arithmetic means up the hierarchy: criteria → pillars → index.
enum Aggregation {
    /// The score of every inner node (pillars and the index) for every entry.
    static func scores(_ index: WeightNode, columns: [CriterionColumn], entries: Int) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        func value(_ node: WeightNode, _ entry: Int) -> Double {
            if node.role == .criterion {
                return columns.first { $0.criterion.id == node.id }!.normalised[entry]
            }
            let total = node.children.reduce(0) { $0 + $1.weight }
            return node.children.reduce(0) { $0 + $1.weight * value($1, entry) } / total
        }
        for node in [index] + index.innerDescendants {
            result[node.id] = (0..<entries).map { value(node, $0) }
        }
        return result
    }

    /// Each node's weight relative to its siblings, and its effective weight in the index (the product
    /// of relative weights on the way up).
    static func weights(_ index: WeightNode) -> [String: (relative: Double, effective: Double)] {
        var result: [String: (relative: Double, effective: Double)] = [index.id: (1, 1)]
        func visit(_ node: WeightNode, _ effective: Double) {
            let total = node.children.reduce(0) { $0 + $1.weight }
            for child in node.children {
                let relative = child.weight / total
                result[child.id] = (relative, effective * relative)
                visit(child, effective * relative)
            }
        }
        visit(index, 1)
        return result
    }
}
