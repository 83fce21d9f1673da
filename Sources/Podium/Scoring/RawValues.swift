/// Computes every criterion for every entity of a category and sets aside the entities that cannot be
/// classified: a criterion is missing or an eligibility minimum is not met.
enum RawValues {
    static func evaluate(_ methodology: Methodology, _ field: CategoryField) -> CategoryScores {
        let context = methodology.evaluationContext
        var entries: [Participant] = []
        var raw: [[Double]] = Array(repeating: [], count: methodology.criteria.count)
        var notClassified = field.notClassified
        for participant in field.participants {
            var reasons: [String] = []
            for rule in methodology.eligibility {
                let value = participant.values.total(rule.metric) ?? 0
                if value < rule.atLeast {
                    reasons.append("\(rule.metric) \(NumberText.plain(value)) is below the minimum \(NumberText.plain(rule.atLeast))")
                }
            }
            var values: [Double] = []
            for criterion in methodology.criteria {
                switch criterion.implementation.evaluate(participant.values, in: context) {
                case .value(let value) where value.isFinite: values.append(value)
                case .value(let value): reasons.append("\(criterion.id): the value is not finite (\(value))")
                case .missing(let why): reasons.append("\(criterion.id): \(why)")
                }
            }
            if reasons.isEmpty {
                entries.append(participant)
                for index in values.indices { raw[index].append(values[index]) }
            } else {
                notClassified.append(NotClassified(municipality: participant.municipality, category: field.category.id,
                                                   reason: reasons.joined(separator: "; ")))
            }
        }
        let columns = methodology.criteria.enumerated().map { index, criterion in
            CriterionColumn(criterion: criterion, raw: raw[index], treated: raw[index], treatment: .notConfigured, normalised: [])
        }
        return CategoryScores(category: field.category, entries: entries, columns: columns,
                              notClassified: notClassified.sorted { $0.municipality.teryt < $1.municipality.teryt })
    }
}
