/// Normalises every criterion of a category by its normalisation method, over the participants that
/// have a treated value.
enum NormalisationStage {
    static func apply(_ scores: CategoryScores) throws -> CategoryScores {
        var scores = scores
        for index in scores.columns.indices {
            let column = scores.columns[index]
            let (present, values) = column.treated.presentValues()
            let normalised = try column.criterion.normalisation.normalise(values, direction: column.criterion.direction)
            scores.columns[index].normalised = present.spread(normalised, count: column.raw.count)
        }
        return scores
    }
}
