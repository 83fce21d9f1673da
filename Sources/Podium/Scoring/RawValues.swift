/// Computes every criterion for every participant of a category, and sets aside the participants
/// that cannot be classified: an eligibility minimum is not met, or a criterion is missing and the
/// missing-data rules neither impute nor aggregate around it, or fewer criteria are available than
/// the screen asks, or none at all (a unit with no data is never ranked on imputed values alone).
enum RawValues {
    static func evaluate(_ methodology: Methodology, _ field: CategoryField) -> CategoryScores {
        let context = methodology.evaluationContext
        let rules = methodology.missingData
        var entries: [Participant] = []
        var raw: [[Double?]] = Array(repeating: [], count: methodology.criteria.count)
        var notClassified = field.notClassified
        for participant in field.participants {
            var reasons: [String] = []
            for rule in methodology.eligibility {
                let value = participant.values.total(rule.metric) ?? 0
                if value < rule.atLeast {
                    reasons.append("\(rule.metric) \(NumberText.plain(value)) is below the minimum \(NumberText.plain(rule.atLeast))")
                }
            }
            var values: [Double?] = []
            var missing: [String] = []
            for criterion in methodology.criteria {
                var outcome = criterion.implementation.evaluate(participant.values, in: context)
                if let denominator = criterion.denominator { outcome = denominator.apply(outcome, participant.values, in: context) }
                switch outcome {
                case .value(let value) where value.isFinite: values.append(value)
                case .value(let value): values.append(nil); missing.append("\(criterion.id): the value is not finite (\(value))")
                case .missing(let why): values.append(nil); missing.append("\(criterion.id): \(why)")
                }
            }
            if !missing.isEmpty, reasons.isEmpty, rules.toleratesMissing, missing.count < values.count {
                let available = Double(values.count - missing.count) / Double(values.count)
                if let least = rules.minAvailability, available < least {
                    reasons.append("\(values.count - missing.count) of \(values.count) criteria available, below the minimum share \(NumberText.plain(least))")
                    reasons += missing
                }
            } else {
                reasons += missing
            }
            if reasons.isEmpty {
                entries.append(participant)
                for index in values.indices { raw[index].append(values[index]) }
            } else {
                notClassified.append(NotClassified(unit: participant.unit, category: field.category.id,
                                                   reason: reasons.joined(separator: "; ")))
            }
        }
        let columns = methodology.criteria.enumerated().map { index, criterion in
            CriterionColumn(criterion: criterion, raw: raw[index], imputed: raw[index].map { _ in nil },
                            treated: raw[index], treatment: .none, normalised: raw[index].map { _ in nil })
        }
        return CategoryScores(category: field.category, entries: entries, columns: columns,
                              notClassified: notClassified.sorted { $0.unit.code < $1.unit.code })
    }
}
