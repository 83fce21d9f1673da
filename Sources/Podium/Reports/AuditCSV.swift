import PodiumCSV

/// `audit.csv`: the audit's statistics in long form, one number per row, so that a script filters by
/// `statistic` and a spreadsheet pivots them. Rows by category as listed; in each, the criteria in
/// the methodology's order, then each aggregation group (pillars, then the index) with its pairs in
/// the methodology's order and its α, then the size bias.
enum AuditCSV {
    static let header = ["category", "group", "level", "id", "with", "statistic", "value", "n", "note"]

    static func render(_ audit: RankingAudit, _ result: RankingResult) -> String {
        let methodology = result.methodology
        let parents = methodology.index.parents
        var writer = CSVWriter()
        writer.writeRow(header)
        for category in audit.categories {
            func row(_ group: String, _ level: String, _ id: String, _ with: String, _ statistic: String,
                     _ value: CSVCell, _ n: Int, _ note: String = "") {
                writer.writeRow([.text(category.category.id), .text(group), .text(level), .text(id), .text(with), .text(statistic),
                                 value, .number(String(n)), .text(note)])
            }
            for criterion in category.criteria {
                let line = { (statistic: String, value: CSVCell, n: Int, note: String) in
                    row(parents[criterion.id]!, "criterion", criterion.id, "", statistic, value, n, note)
                }
                line("coverage", number(criterion.coverage), category.classified, criterion.coverage == nil ? "no participants" : "")
                line("observed", count(criterion.observed), category.classified, "")
                line("imputed", count(criterion.imputed), category.classified, "")
                for (stage, distribution) in [("before", criterion.before), ("after", criterion.after)] {
                    for statistic in DistributionStatistic.allCases {
                        let value = statistic.value(distribution)
                        line("\(statistic.rawValue)_\(stage)", number(value), distribution.n,
                             value == nil ? statistic.undefinedBecause(distribution) : "")
                    }
                }
                line("values_treated", count(criterion.changed), criterion.before.n, criterion.treatment.label)
            }
            for group in category.groups {
                for pair in group.pairs {
                    let level = group.members.first { $0.id == pair.first }!.role.level
                    let flags = pair.flags.map(\.csvNote).joined(separator: "; ")
                    row(group.id, level, pair.first, pair.second, "pearson", number(pair.pearson.r), pair.pearson.pairs,
                        pair.pearson.undefinedBecause ?? flags)
                    row(group.id, level, pair.first, pair.second, "spearman", number(pair.spearman.r), pair.spearman.pairs,
                        pair.spearman.undefinedBecause ?? "")
                }
                row(group.id, group.role.level, group.id, "", "cronbach_alpha", number(group.alpha.value), group.alpha.cases,
                    group.alpha.undefinedBecause ?? "k = \(group.alpha.items)")
            }
            let bias = category.sizeBias, index = methodology.index.id
            let note = bias.missing == category.classified && category.classified > 0
                ? "no population data"
                : "population of \(bias.year) or the latest earlier year (earlier: \(bias.earlier); missing: \(bias.missing))"
            row(index, "index", index, "population", "pearson", number(bias.pearson.r), bias.pearson.pairs, bias.pearson.undefinedBecause.map { "\(note); \($0)" } ?? note)
            row(index, "index", index, "population", "spearman", number(bias.spearman.r), bias.spearman.pairs, bias.spearman.undefinedBecause.map { "\(note); \($0)" } ?? note)
        }
        return writer.text
    }

    static func number(_ value: Double?) -> CSVCell { .number(value.map { NumberText.fixed($0, 6) } ?? "") }
    static func count(_ value: Int) -> CSVCell { .number(String(value)) }
}

/// The statistics of a `Distribution` in the order reports list them, with their CSV keys.
enum DistributionStatistic: String, CaseIterable {
    case min, max, mean, sd, skewness, kurtosis

    func value(_ distribution: Distribution) -> Double? {
        switch self {
        case .min: distribution.min
        case .max: distribution.max
        case .mean: distribution.mean
        case .sd: distribution.sd
        case .skewness: distribution.skewness
        case .kurtosis: distribution.kurtosis
        }
    }

    /// Why the statistic has no value.
    func undefinedBecause(_ distribution: Distribution) -> String {
        let needed = switch self {
        case .min, .max, .mean: 1
        case .sd: 2
        case .skewness: 3
        case .kurtosis: 4
        }
        if distribution.n < needed { return needed == 1 ? "no values" : "fewer than \(needed) values" }
        if distribution.min == distribution.max { return "all values equal" }
        return "too large to compute"
    }
}

extension WeightNode.Role {
    var level: String {
        switch self {
        case .index: "index"
        case .pillar: "pillar"
        case .criterion: "criterion"
        }
    }
}

extension AuditFlag {
    var csvNote: String {
        switch self {
        case .negative: "negative correlation"
        case .collinear: "|r| > \(PairAudit.collinearity)"
        }
    }
}
