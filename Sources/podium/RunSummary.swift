import Podium

/// The run summary's lines for what a ranking read and left out.
enum RunSummary {
    static func lines(_ notes: [RunNote]) -> [String] {
        notes.flatMap { note -> [String] in
            switch note {
            case .register(let units, let word, let source):
                ["register: \(units) \(word)s from \(source)"]
            case .metrics(let rows, let path):
                ["metrics: \(rows) rows from \(path)"]
            case .ignoredColumns(let columns):
                ["metrics: ignored columns \(columns.joined(separator: ", "))"]
            case .accounts(let rows):
                ["accounts: \(rows)"]
            case .accountStats(let rows):
                ["account stats: \(rows) rows"]
            case .followerSnapshots(let rows):
                ["follower snapshots: \(rows)"]
            case .posts(let rows, let bytes, let seconds, let ranges, let inPeriod, let outside):
                ["posts: \(rows) rows (\(NumberText.fixed(Double(bytes) / 1_000_000, 1)) MB) in \(NumberText.fixed(seconds, 2)) s, "
                    + "\(NumberText.fixed(seconds > 0 ? Double(rows) / seconds : 0, 0)) rows/s"
                    + (ranges > 1 ? " (\(ranges) ranges at once)" : "")
                    + "; \(inPeriod) in the period, \(outside) outside it (skipped)"]
            case .exports(let read):
                exportLines(read)
            case .accountsLeftOut(let accounts):
                ["accounts left out of every sum: \(accounts.count)"] + accounts.map { "  \($0)" }
            case .bdl(let path, let metric, let rows, let otherUnits, let notInRegister, let noData, let otherValues, let absent):
                ["\(metric): \(rows) rows from \(path); skipped \(otherUnits) rows of units that are no gmina of the register"
                    + (otherValues > 0 ? ", \(otherValues) rows of other dimension values" : "")
                    + "; \(noData) without data ('-')"]
                    + (notInRegister.isEmpty ? [] : ["  not in the register (skipped): \(notInRegister.joined(separator: ", "))"])
                    + (absent.isEmpty ? [] : ["  dimensions named by the methodology but not in the file: \(absent.joined(separator: ", "))"])
            case .inputFile:
                []
            case .rb28s(let path, let year, let records, let deleted, let notMunicipal, let notInRegister, let withoutRows, let bytes, let seconds):
                ["Rb-28S \(year): \(records) budget lines from \(path) (\(NumberText.fixed(Double(bytes) / 1_000_000, 1)) MB in \(NumberText.fixed(seconds, 2)) s); "
                    + "\(deleted) deleted records skipped, \(notMunicipal) lines of other budgets (powiats, voivodeships, unions) skipped"
                    + (withoutRows > 0 ? "; \(withoutRows) \(withoutRows == 1 ? "gmina" : "gminas") without a single line (their Rb-28S metrics are missing for \(year))" : "")]
                    + (notInRegister.isEmpty ? [] : ["  budgets of gminas not in the register (skipped): \(notInRegister.joined(separator: ", "))"])
            }
        }
    }

    /// `exports zlote-lajki/2024/exports/meta_posts (meta_posts, Europe/Warsaw): 40 files of 38 accounts, …`
    static func exportLines(_ read: ExportSummary) -> [String] {
        let zone = read.timezone.map { ", \($0)" } ?? ""
        var details = ["\(read.inPeriod) posts in the period, \(read.outsidePeriod) outside it (skipped)"]
        if read.identicalDuplicates > 0 || read.replacedDuplicates > 0 {
            details.append("\(read.identicalDuplicates) in two files with the same figures (counted once), "
                + "\(read.replacedDuplicates) with different figures (the file whose name sorts last taken)")
        }
        if read.emptyCounts > 0 { details.append("\(read.emptyCounts) empty reaction, comment or share cells read as 0") }
        if read.summaryRows > 0 { details.append("\(read.summaryRows) summary rows (Total) skipped") }
        return ["exports \(read.folder) (\(read.format)\(zone)): \(read.files) files of \(read.accounts) accounts, \(read.rows) rows "
                    + "(\(NumberText.fixed(Double(read.bytes) / 1_000_000, 1)) MB) in \(NumberText.fixed(read.seconds, 2)) s"]
            + details.map { "  \($0)" }
    }
}
