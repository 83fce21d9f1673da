/// Imputes missing raw values within a category by the methodology's imputation method; a
/// participant with a value that cannot be imputed is not classified.
enum MissingValues {
    static func impute(_ scores: CategoryScores, _ rules: MissingDataRules) -> CategoryScores {
        guard let method = rules.imputation else { return scores }
        var scores = scores
        let groups = scores.entries.map { entry in method.groupColumn.flatMap { entry.unit.groups[$0] } ?? "" }
        var failures: [Int: [String]] = [:]
        for index in scores.columns.indices {
            let outcomes = method.impute(scores.columns[index].raw, groups: groups)
            for (entry, outcome) in outcomes.enumerated() {
                switch outcome {
                case nil: continue
                case .imputed(let value, let how)?: scores.columns[index].imputed[entry] = ImputedValue(value: value, how: how)
                case .impossible(let why)?: failures[entry, default: []].append("\(scores.columns[index].criterion.id): missing and cannot be imputed (\(why))")
                }
            }
        }
        scores.exclude(failures.mapValues { $0.joined(separator: "; ") })
        return scores
    }
}
