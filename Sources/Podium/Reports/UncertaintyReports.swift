import PodiumCSV

extension CategoryUncertainty {
    /// `3–7`: the places between the 5th and the 95th percentile of the runs.
    public func band(_ entry: Int) -> String { "\(lowPlace[entry])–\(highPlace[entry])" }
}

/// `uncertainty.csv`: each classified unit's place, the median and 90 % band of its place over the
/// sensitivity runs, and the share of runs in which it gets each award.
enum UncertaintyCSV {
    static func render(_ uncertainty: UncertaintyResult, _ result: RankingResult) -> String {
        var writer = CSVWriter()
        writer.writeRow(["category", result.register.codeColumn, "name", "place", "median_place", "p05_place", "p95_place"]
                        + uncertainty.awardTitles.map { "p_\($0)" })
        for (category, band) in zip(result.categories, uncertainty.categories) {
            for standing in category.standings {
                let entry = standing.entry
                let unit = category.entries[entry].unit
                writer.writeRow([.text(category.category.id), .text(unit.code.text), .text(unit.name), .number(String(standing.place)),
                                 .number(String(band.medianPlace[entry])), .number(String(band.lowPlace[entry])),
                                 .number(String(band.highPlace[entry]))]
                                + band.awardShares.map { .number(NumberText.fixed($0[entry], 4)) })
            }
        }
        return writer.text
    }
}

/// `sensitivity.csv`: per category and varied assumption, its first-order and total-effect indices on
/// the category's mean absolute rank shift, with their bootstrap intervals.
enum SensitivityCSV {
    static func render(_ uncertainty: UncertaintyResult) -> String {
        var writer = CSVWriter()
        writer.writeRow(["category", "assumption", "runs", "mean_rank_shift", "first_order", "first_order_low", "first_order_high",
                         "total_effect", "total_effect_low", "total_effect_high"])
        let number = { (value: Double?) in CSVCell.number(value.map { NumberText.fixed($0, 4) } ?? "") }
        for category in uncertainty.categories {
            for index in category.indices {
                writer.writeRow([.text(category.category), .text(index.factor.rawValue), .number(String(uncertainty.runs)),
                                 number(category.meanRankShift),
                                 number(index.firstOrder?.value), number(index.firstOrder?.low), number(index.firstOrder?.high),
                                 number(index.totalEffect?.value), number(index.totalEffect?.low), number(index.totalEffect?.high)])
            }
        }
        return writer.text
    }
}

extension SensitivityFactor {
    /// The assumption's name in Polish reports (`explain`, the award report); CSV keys stay English.
    public var polishName: String {
        switch self {
        case .weights: "wagi"
        case .normalisation: "normalizacja"
        case .aggregation: "agregacja"
        case .treatment: "obróbka wartości odstających"
        }
    }
}
