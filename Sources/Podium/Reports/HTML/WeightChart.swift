/// The methodology's effective weights as one stacked bar: a segment per criterion (numbered as
/// in the criteria table, with its weight in the index), coloured by the index's child it belongs
/// to (the same fill as in the category charts), with a bracket under each pillar.
struct WeightChart {
    let methodology: Methodology
    let id: String

    static let width = 760.0

    /// A criterion of the hierarchy in depth-first order, with the index's child above it.
    struct Leaf {
        let node: WeightNode
        /// Index into `index.children`: the segment colour.
        let part: Int
        /// The pillars on the way down from the index, outermost first.
        let pillars: [WeightNode]
    }

    static func leaves(_ index: WeightNode) -> [Leaf] {
        var leaves: [Leaf] = []
        func visit(_ node: WeightNode, part: Int, pillars: [WeightNode]) {
            if node.role == .criterion { leaves.append(Leaf(node: node, part: part, pillars: pillars)); return }
            for child in node.children { visit(child, part: part, pillars: pillars + [node]) }
        }
        for (part, child) in index.children.enumerated() { visit(child, part: part, pillars: []) }
        return leaves
    }

    func render() -> String {
        let weights = methodology.index.relativeWeights
        let leaves = Self.leaves(methodology.index)
        let barTop = 4.0, barHeight = 34.0
        var body = ""
        var x = 0.0
        var spans: [(start: Double, end: Double)] = Array(repeating: (0, 0), count: methodology.index.children.count)
        for (number, leaf) in leaves.enumerated() {
            let weight = weights[leaf.node.id]!.effective
            let width = weight * Self.width
            if spans[leaf.part].end == 0 { spans[leaf.part].start = x }
            let swatch = ReportPalette.swatch(leaf.part)
            body += "<rect class=\"seg\" data-node=\"\(HTMLText.escape(leaf.node.id))\" x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(barTop))\" "
                + "width=\"\(SVGNumber.text(width))\" height=\"\(SVGNumber.text(barHeight))\" fill=\"\(ReportPalette.fill(id, leaf.part))\" "
                + "stroke=\"#ffffff\" stroke-width=\"1.5\"><title>\(number + 1). \(HTMLText.escape(leaf.node.id)): \(HTMLText.weight(weight))</title></rect>"
            let middle = SVGNumber.text(x + width / 2)
            if width >= 14 {
                body += "<text class=\"in\" x=\"\(middle)\" y=\"\(SVGNumber.text(barTop + 14))\" fill=\"\(swatch.ink)\">\(number + 1)</text>"
            }
            if width >= 30 {
                body += "<text class=\"in\" x=\"\(middle)\" y=\"\(SVGNumber.text(barTop + 28))\" fill=\"\(swatch.ink)\">\(HTMLText.weight(weight))</text>"
            }
            x += width
            spans[leaf.part].end = x
        }
        var bottom = barTop + barHeight
        for (part, child) in methodology.index.children.enumerated() where child.role == .pillar {
            let span = spans[part]
            let top = barTop + barHeight + 6
            body += "<path class=\"bracket\" d=\"M\(SVGNumber.text(span.start + 2)) \(SVGNumber.text(top))v5H\(SVGNumber.text(span.end - 2))v-5\"/>"
            let lines = LineBreaking.lines("\(child.title) \(HTMLText.weight(weights[child.id]!.effective))",
                                           width: max(8, Int((span.end - span.start) / 6.6)))
            var baseline = top + 19
            for line in lines {
                body += "<text class=\"pillar\" x=\"\(SVGNumber.text((span.start + span.end) / 2))\" y=\"\(SVGNumber.text(baseline))\">\(HTMLText.escape(line))</text>"
                baseline += 14
            }
            bottom = max(bottom, baseline - 10)
        }
        let height = bottom + 8
        let description = leaves.enumerated().map { number, leaf in
            "\(number + 1). \(leaf.node.id) \(HTMLText.weight(weights[leaf.node.id]!.effective))"
        }.joined(separator: ", ")
        return "<svg class=\"chart weights\" viewBox=\"0 0 \(SVGNumber.text(Self.width)) \(SVGNumber.text(height))\" "
            + "width=\"\(SVGNumber.text(Self.width))\" height=\"\(SVGNumber.text(height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
            + "<title id=\"\(id)-t\">Efektywne wagi kryteriów w indeksie</title><desc id=\"\(id)-d\">\(HTMLText.escape(description))</desc>"
            + ReportPalette.patterns(id, count: methodology.index.children.count) + body + "</svg>"
    }
}
