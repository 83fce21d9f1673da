/// The kinds of report a run writes (`podium run --formats`). `manifest.json` is always written: it
/// records whatever else was.
public enum ReportFormat: String, Sendable, CaseIterable, Comparable {
    /// Leaderboards, `breakdown.csv`, `not-classified.csv`, `audit.csv`, and with a sensitivity
    /// analysis `uncertainty.csv` and `sensitivity.csv`.
    case csv
    /// Leaderboards as aligned tables, `awards.txt`, `audit.txt`.
    case txt
    /// `report.html`: the award report for publication, self-contained, with charts.
    case html
    /// `<ranking>.xlsx`: every leaderboard, the breakdown and the not-classified units as a workbook.
    case xlsx
    /// `awards.md`: the award list for the web site and the press release.
    case md

    public static func < (lhs: ReportFormat, rhs: ReportFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public static let all = Set(allCases)
}
