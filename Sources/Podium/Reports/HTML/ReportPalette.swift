/// The colours of the report's charts: Okabe and Ito's palette, which readers with any common
/// colour-vision deficiency tell apart, ordered so that neighbouring segments alternate dark and
/// light (they stay apart in grey-scale print too). Every other segment is also hatched, and every
/// segment is labelled, so that no chart depends on colour alone.
enum ReportPalette {
    struct Swatch {
        let fill: String
        /// The label colour on this fill (contrast ≥ 4.5 : 1).
        let ink: String
    }

    static let swatches: [Swatch] = [
        Swatch(fill: "#0072B2", ink: "#ffffff"),  // blue
        Swatch(fill: "#E69F00", ink: "#000000"),  // orange
        Swatch(fill: "#009E73", ink: "#000000"),  // bluish green
        Swatch(fill: "#F0E442", ink: "#000000"),  // yellow
        Swatch(fill: "#CC79A7", ink: "#000000"),  // reddish purple
        Swatch(fill: "#56B4E9", ink: "#000000"),  // sky blue
        Swatch(fill: "#D55E00", ink: "#000000"),  // vermilion
    ]

    /// Segments past the seventh reuse the colours with the other hatching.
    static func swatch(_ index: Int) -> Swatch { swatches[index % swatches.count] }

    /// Whether segment `index` is hatched: every other one, shifted after a full round of colours.
    static func hatched(_ index: Int) -> Bool { (index + index / swatches.count) % 2 == 1 }

    /// A bar with no breakdown (an aggregation whose score is not a sum of parts).
    static let plain = Swatch(fill: "#999999", ink: "#000000")

    /// `<defs>` with one hatching pattern per swatch used, ids prefixed with the chart's id (one
    /// document holds many charts, and ids must be unique in it).
    static func patterns(_ prefix: String, count: Int) -> String {
        var defs = "<defs>"
        for index in 0..<count where hatched(index) {
            let swatch = swatch(index)
            defs += "<pattern id=\"\(prefix)-h\(index)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"\(swatch.fill)\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\" stroke-opacity=\"0.55\"/></pattern>"
        }
        return defs + "</defs>"
    }

    /// The fill of segment `index`: its colour, or its hatching pattern.
    static func fill(_ prefix: String, _ index: Int) -> String {
        hatched(index) ? "url(#\(prefix)-h\(index))" : swatch(index).fill
    }
}
