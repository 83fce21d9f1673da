import Foundation
import PodiumCSV

/// `<ranking>.xlsx`: the ranking's tables for analysts, one sheet per category leaderboard, then the
/// score breakdown and the units not classified. Every cell holds what the CSV report of the same
/// table holds, but as a number where the CSV has one (rounded as the CSV rounds it, and shown with
/// as many decimals), so that a spreadsheet shows it in the reader's locale; codes are text, keeping
/// their leading zero. Headings and sheet names are Polish.
public enum RankingWorkbook {
    public static func fileName(_ result: RankingResult) -> String { "\(result.methodology.ranking).xlsx" }

    public static func render(_ result: RankingResult) throws -> [UInt8] {
        try workbook(result).bytes()
    }

    static func workbook(_ result: RankingResult) -> XLSXWorkbook {
        let methodology = result.methodology
        let units = UnitColumns(register: result.register)
        let leaderboardHeader = LeaderboardText.columns(result).map { XLSXWorkbook.Cell.text($0.0) }
        var tables: [(title: String, rows: [[XLSXWorkbook.Cell]])] = result.categories.map { category in
            (category.category.title, [leaderboardHeader] + LeaderboardCSV.rows(category, result).map { $0.map(cell) })
        }
        let headings = Dictionary(uniqueKeysWithValues: zip(units.header, units.headings)).merging(breakdownHeadings) { unit, _ in unit }
        tables.append(("Składowe wyniku", [BreakdownCSV.columns(result).map { .text(headings[$0] ?? $0) }]
                                          + BreakdownCSV.rows(result).map { $0.map(cell) }))
        tables.append(("Niesklasyfikowane", [(units.headings.prefix(2) + ["Kategoria", "Powód"]).map { .text($0) }]
                                            + NotClassifiedCSV.rows(result).map { $0.map { .text($0) } }))
        let names = SheetNames.unique(tables.map(\.title))
        return XLSXWorkbook(
            name: fileName(result),
            properties: .init(
                title: "\(methodology.title) \(methodology.edition)",
                subject: "Wyniki w kategoriach, składowe wyników i jednostki niesklasyfikowane (metodologia \(methodology.id))",
                created: created(edition: methodology.edition)),
            sheets: zip(names, tables).map { XLSXWorkbook.Sheet(name: $0, rows: $1.rows) })
    }

    /// Polish headings of `breakdown.csv`'s columns; the code and name columns take the register's.
    static let breakdownHeadings = [
        "category": "Kategoria", "name": "Nazwa", "place": "Miejsce", "level": "Poziom", "id": "Element",
        "parent": "Element nadrzędny", "unit": "Jednostka miary", "raw": "Wartość surowa", "treated": "Po korekcie",
        "treatment": "Korekta", "normalised": "Znormalizowana", "weight_in_parent": "Waga w elemencie nadrzędnym",
        "effective_weight": "Waga efektywna", "contribution": "Wkład w wynik", "imputation": "Imputacja",
    ]

    /// A CSV report's cell as a workbook cell: a number with the CSV's decimals, or text as it is
    /// (a workbook never runs text as a formula, so it needs no `'` before `=`).
    static func cell(_ cell: CSVCell) -> XLSXWorkbook.Cell {
        switch cell {
        case .text(let text):
            return text.isEmpty ? .empty : .text(text)
        case .number(let text):
            guard !text.isEmpty else { return .empty }
            guard let value = Double(text) else { return .text(text) }
            let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
            return .number(value, decimals: decimals)
        }
    }

    /// Midnight UTC on 1 January of the edition's year, as seconds since 1970: the workbook's
    /// creation time, the same on every run (never 0, which libxlsxwriter takes for "now").
    static func created(edition: Int) -> Int {
        var date = tm()
        date.tm_year = Int32(clamping: edition - 1900)
        date.tm_mday = 1
        return max(Int(timegm(&date)), 1)
    }
}
