import PodiumCSV

/// `compare.csv`: one row per category and unit classified in A or B, in the comparison's order,
/// with places, scores, their changes, the status and, for a unit in both, the change of each
/// criterion's contribution and what the contributions leave unexplained. Every number has the 6
/// decimals of `breakdown.csv`, so that a row adds up exactly:
/// score_change = Σ delta_<criterion> + delta_unattributed.
public enum CompareCSV {
    public static func header(_ comparison: Comparison) -> [String] {
        ["category", comparison.codeColumn, "name", "place_a", "place_b", "place_change", "score_a", "score_b", "score_change",
         "status", "reason"] + comparison.criteria.map { "delta_\($0)" } + ["delta_unattributed"]
    }

    public static func render(_ comparison: Comparison) -> String {
        let place = { (value: Int?) in CSVCell.number(value.map { String($0) } ?? "") }
        let number = { (value: Double?) in CSVCell.number(value.map { NumberText.fixed($0, 6) } ?? "") }
        var writer = CSVWriter()
        writer.writeRow(header(comparison))
        for category in comparison.categories {
            for unit in category.units {
                writer.writeRow([
                    .text(category.id), .text(unit.code), .text(unit.name), place(unit.placeA), place(unit.placeB), place(unit.placeChange),
                    number(unit.scoreA), number(unit.scoreB), number(unit.scoreChange), .text(unit.status.rawValue), .text(unit.reason),
                ] + unit.deltas.map(number) + [number(unit.unattributed)])
            }
        }
        return writer.text
    }
}
