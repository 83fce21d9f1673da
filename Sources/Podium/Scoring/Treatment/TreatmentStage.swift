/// Treats every criterion of a category by its treatment method, over the participants that have a
/// value (observed or imputed).
enum TreatmentStage {
    static func apply(_ scores: CategoryScores, _ methodology: Methodology) throws -> CategoryScores {
        var scores = scores
        for index in scores.columns.indices {
            let column = scores.columns[index]
            let (present, values) = column.input.presentValues()
            let outcome: TreatmentOutcome
            do {
                outcome = try column.criterion.treatment.treat(values)
            } catch let failure as TreatmentFailure {
                let unit = scores.entries[present[failure.position]].unit
                throw ScoringError(
                    "\(methodology.file): category \(scores.category.id): \(column.criterion.treatment.kindID) treatment of criterion '\(column.criterion.id)': \(failure.message) (\(unit.name), \(unit.code))")
            }
            scores.columns[index].treated = present.spread(outcome.values, count: column.raw.count)
            scores.columns[index].treatment = outcome.record
        }
        return scores
    }
}

extension Array where Element == Double? {
    /// The positions that have a value, and those values.
    func presentValues() -> (positions: [Int], values: [Double]) {
        var positions: [Int] = [], values: [Double] = []
        for (position, value) in enumerated() { if let value { positions.append(position); values.append(value) } }
        return (positions, values)
    }
}

extension Array where Element == Int {
    /// Values for these positions, spread back over `count` places (nil elsewhere).
    func spread(_ values: [Double], count: Int) -> [Double?] {
        var result = [Double?](repeating: nil, count: count)
        for (position, value) in zip(self, values) { result[position] = value }
        return result
    }
}
