extension WeightNode {
    /// Each node's weight relative to its siblings, and its effective weight in the index (the product
    /// of relative weights on the way up), as the methodology sets them.
    public var relativeWeights: [String: (relative: Double, effective: Double)] {
        var result: [String: (relative: Double, effective: Double)] = [id: (1, 1)]
        func visit(_ node: WeightNode, _ effective: Double) {
            let total = node.children.reduce(0) { $0 + $1.weight }
            for child in node.children {
                let relative = child.weight / total
                result[child.id] = (relative, effective * relative)
                visit(child, effective * relative)
            }
        }
        visit(self, 1)
        return result
    }

    /// Each node's parent id.
    var parents: [String: String] {
        var result: [String: String] = [:]
        func visit(_ node: WeightNode) { for child in node.children { result[child.id] = node.id; visit(child) } }
        visit(self)
        return result
    }
}
