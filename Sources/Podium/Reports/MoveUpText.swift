import PodiumCSV

/// `explain --to-move-up` as the jury reads it (Polish text) and as scripts read it (CSV).
public enum MoveUpText {
    public static func render(_ result: RankingResult, unit: Unit, answers: [CategoryAnswer]) -> String {
        let methodology = result.methodology
        var text = unit.heading + "\n"
            + "\(methodology.title) \(methodology.edition), metodologia \(methodology.id), okres \(methodology.period.description)\n\n"
            + "Jak awansować: najmniejsza zmiana jednej wartości wejściowej (przy pozostałych bez zmian), po której\n"
            + "cała kategoria policzona od nowa daje wyższe miejsce. Zmiana wartości zmienia każde kryterium, które ją czyta.\n"
        if answers.isEmpty {
            text += "\nNie bierze udziału w żadnej kategorii tego rankingu.\n"
        }
        for answer in answers {
            text += "\nKategoria: \(answer.category.title) (\(answer.category.id))\n"
            guard let place = answer.place else {
                text += "Niesklasyfikowana: \(answer.notClassified ?? "")\n"
                continue
            }
            text += "Miejsce \(place) z \(answer.participants)" + (answer.award.map { ", \($0)" } ?? "") + "\n\n"
            text += "Awans o co najmniej jedno miejsce:\n" + table(answer.toMoveUp).render(indent: "  ")
            if answer.toMoveUp.contains(where: { $0.unit == "%" && $0.lever != nil }) {
                text += "  (zmiana wartości w % to punkty procentowe)\n"
            }
            if let next = answer.nextAward {
                let places = next.places.lowerBound == next.places.upperBound ? "miejsce \(next.places.lowerBound)"
                    : "miejsca \(next.places.lowerBound)–\(next.places.upperBound)"
                text += "\nDo nagrody „\(next.title)” (\(places)):\n"
                for row in answer.toNextAward {
                    text += "  \(row.criterion): " + (row.lever.map { variable($0) + " " } ?? "") + awardLine(row) + "\n"
                }
            } else if answer.award != nil {
                text += "\nMa już najwyższą nagrodę.\n"
            }
        }
        return text
    }

    /// `criterion,metric,year,current,needed,change,unit,place_now,place_after`, one row per
    /// criterion of each category the unit is classified in, `needed`, `change` and `place_after`
    /// empty when no change of the input alone lifts it; with `category` first when a unit can be in
    /// several categories of the ranking (`categoryColumn`).
    public static func csv(_ answers: [CategoryAnswer], categoryColumn: Bool) -> String {
        var writer = CSVWriter()
        writer.writeRow((categoryColumn ? ["category"] : [])
            + ["criterion", "metric", "year", "current", "needed", "change", "unit", "place_now", "place_after"])
        for answer in answers where answer.place != nil {
            for row in answer.toMoveUp {
                var cells: [CSVCell] = categoryColumn ? [.text(answer.category.id)] : []
                cells.append(.text(row.criterion))
                cells.append(.text(row.lever?.metric ?? ""))
                if case .year(let year)? = row.lever?.slot { cells.append(.number(String(year))) } else { cells.append(.text("")) }
                cells.append(row.current.map { .number(NumberText.fixed($0, row.currentDecimals)) } ?? .text(""))
                if case .change(let change, let decimals, let needed, let after) = row.outcome {
                    cells += [.number(NumberText.fixed(needed, row.currentDecimals)), .number(NumberText.fixed(change, decimals))]
                    cells += [.text(row.unit), .number(String(row.placeNow)), .number(String(after))]
                } else {
                    cells += [.text(""), .text(""), .text(row.unit), .number(String(row.placeNow)), .text("")]
                }
                writer.writeRow(cells)
            }
        }
        return writer.text
    }

    /// Whether some unit takes part in more than one category of the run (Złote Lajki's platform
    /// categories), so that rows need the category to tell them apart.
    public static func categoriesOverlap(_ result: RankingResult) -> Bool {
        var seen = Set<UnitCode>()
        for category in result.categories {
            let codes = Set(category.entries.map(\.unit.code) + category.notClassified.map(\.unit.code))
            if !seen.isDisjoint(with: codes) { return true }
            seen.formUnion(codes)
        }
        return false
    }

    private static func table(_ rows: [CriterionAnswer]) -> TextTable {
        var table = TextTable([
            ("kryterium", .left), ("zmienna", .left), ("obecnie", .right), ("potrzeba", .right), ("zmiana", .right),
            ("jednostka", .left), ("miejsce teraz → po", .left), ("uwagi", .left),
        ])
        for row in rows {
            let current = row.current.map { NumberText.fixed($0, row.currentDecimals) } ?? "-"
            switch row.outcome {
            case .change(let change, let decimals, let needed, let after):
                table.add([row.criterion, row.lever.map(variable) ?? "-", current, NumberText.fixed(needed, row.currentDecimals),
                           signed(change, decimals), row.unit, "\(row.placeNow) → \(after)", ""])
            case .impossible(let why):
                table.add([row.criterion, row.lever.map(variable) ?? "-", current, "-", "-", row.unit, "\(row.placeNow) → -",
                           reason(why, row)])
            }
        }
        return table
    }

    /// `green_capital_expenditure 2023`, or `posts (okres)` for a period figure.
    private static func variable(_ lever: Lever) -> String {
        switch lever.slot {
        case .year(let year): "\(lever.metric) \(year)"
        case .total: "\(lever.metric) (okres)"
        }
    }

    private static func awardLine(_ row: CriterionAnswer) -> String {
        switch row.outcome {
        case .change(let change, let decimals, let needed, let after):
            "\(signed(change, decimals)) \(row.unit == "%" ? "pkt proc." : row.unit) (do \(NumberText.fixed(needed, row.currentDecimals)) \(row.unit)), miejsce \(after)"
        case .impossible(let why):
            reason(why, row)
        }
    }

    private static func reason(_ why: CriterionAnswer.Impossible, _ row: CriterionAnswer) -> String {
        let alone = "niemożliwe samym tym kryterium"
        return switch why {
        case .alreadyFirst: "już na 1. miejscu"
        case .noLever: "\(alone): nie zależy od jednej wartości wejściowej"
        case .noInput: "\(alone): brak wartości wejściowej (kryterium uzupełnione)"
        case .atBound(let bound): "\(alone): wartość jest już na granicy \(NumberText.plain(bound)) \(row.unit)"
        case .notReached(let value): "\(alone) (nawet przy \(NumberText.fixed(value, row.currentDecimals)) \(row.unit))"
        case .beyondReach: "\(alone) (nie wystarcza nawet zmiana milion razy większa od rozrzutu tej wartości w kategorii)"
        }
    }

    private static func signed(_ value: Double, _ decimals: Int) -> String {
        let text = NumberText.fixed(value, decimals)
        return value > 0 ? "+" + text : text
    }
}
