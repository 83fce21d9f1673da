/// Normalises every criterion of a category by its normalisation method, over the participants that
/// have a treated value. A value that comes out not finite (values so far apart that their range
/// overflows) is an error naming the criterion and the unit, never a `nan` in a report.
enum NormalisationStage {
    static func apply(_ scores: CategoryScores, _ methodology: Methodology) throws -> CategoryScores {
        var scores = scores
        for index in scores.columns.indices {
            let column = scores.columns[index]
            let (present, values) = column.treated.presentValues()
            let normalised = try column.criterion.normalisation.normalise(values, direction: column.criterion.direction)
            if let bad = normalised.firstIndex(where: { !$0.isFinite }) {
                let unit = scores.entries[present[bad]].unit
                throw ScoringError("\(methodology.file): category \(scores.category.id): \(column.criterion.normalisation.kindID) of criterion '\(column.criterion.id)' gives \(unit.name) (\(unit.code)) a value that is not a finite number; its values are too far apart")
            }
            scores.columns[index].normalised = present.spread(normalised, count: column.raw.count)
        }
        return scores
    }
}
