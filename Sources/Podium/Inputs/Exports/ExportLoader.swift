import Foundation
import PodiumCSV

/// What one export folder gave, for the run summary.
public struct ExportSummary: Sendable, Equatable {
    public var folder: String
    public var format: String
    public var timezone: String?
    public var files = 0
    public var accounts = 0
    public var rows = 0
    public var bytes = 0
    /// Posts after merging by id, inside and outside the period (by UTC date).
    public var inPeriod = 0
    public var outsidePeriod = 0
    /// Posts found in two files with the same figures (counted once), and with different ones
    /// (the figures of the file whose name sorts last taken).
    public var identicalDuplicates = 0
    public var replacedDuplicates = 0
    /// Empty reaction, comment or share cells, read as 0.
    public var emptyCounts = 0
    /// Rows that are no posts (YouTube's `Total`), skipped.
    public var summaryRows = 0
    public var seconds = 0.0
}

/// Reads the export folders of a social-media input: finds each file's account by its name, then
/// reads every account's files (accounts spread over threads), merges them by post id and sums
/// the posts published (UTC date) inside the period.
enum ExportLoader {
    /// The files of one account in one folder, in name order (the order in which they are merged).
    struct AccountFiles: Sendable {
        let account: Int
        /// The account's platform, which picks Meta's reactions column.
        let platform: Platform
        let folder: Int
        let names: [String]
    }

    /// The export files of every folder, grouped by account. A file name that names no account, an
    /// account of a platform the folder's format does not read, a missing folder, or an account with
    /// files in two folders is an error.
    static func plan(_ exports: [ExportFolder], root: InputFolder, accounts: [Account], methodology: String) throws -> [AccountFiles] {
        let accountIDs = accounts.map(\.id)
        let index = Dictionary(accountIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var owner: [Int: String] = [:]
        var groups: [AccountFiles] = []
        for (number, export) in exports.enumerated() {
            let path = root.root + "/" + export.folder
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                throw InputError(file: path, line: nil, message: "export folder not found (named by \(methodology))")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: path)
                .filter { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".csv") }
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            var files: [Int: [String]] = [:]
            var order: [Int] = []
            for name in names {
                let stem = String(name.dropLast(4))
                guard let account = Self.account(of: stem, in: index) else {
                    let id = stem.range(of: "--").map { String(stem[..<$0.lowerBound]) } ?? stem
                    let close = NameDistance.closest(to: id, among: accountIDs, limit: 3)
                    throw InputError(file: path + "/" + name, line: nil,
                                     message: "the file name names no account of accounts.csv (\(quoted(id)))"
                                        + (close.isEmpty ? "" : "; close matches: \(close.joined(separator: ", "))")
                                        + "; name export files <account_id>.csv or <account_id>--<label>.csv")
                }
                let platforms = export.format.platforms, platform = accounts[account].platform
                if !platforms.isEmpty && !platforms.contains(platform) {
                    throw InputError(file: path + "/" + name, line: nil,
                                     message: "account \(quoted(accountIDs[account])) is a \(platform.rawValue) account (accounts.csv), but this folder is read as "
                                        + "\(quoted(export.format.id)), the export of \(platforms.map(\.rawValue).joined(separator: " and ")) accounts; "
                                        + "put its exports in a folder of its platform's format")
                }
                if let first = owner[account], !first.hasPrefix(path + "/") {
                    throw InputError(file: path + "/" + name, line: nil,
                                     message: "account \(quoted(accountIDs[account])) has posts in two sources: \(first) and this file; an account's posts must come from one source")
                }
                if files[account] == nil { order.append(account) }
                owner[account] = owner[account] ?? path + "/" + name
                files[account, default: []].append(name)
            }
            groups += order.map { AccountFiles(account: $0, platform: accounts[$0].platform, folder: number, names: files[$0]!) }
        }
        return groups
    }

    /// The account a file's stem names: the whole stem, or the part before a `--` that is an account.
    private static func account(of stem: String, in index: [String: Int]) -> Int? {
        if let account = index[stem] { return account }
        var search = stem.startIndex
        while let separator = stem.range(of: "--", range: search..<stem.endIndex) {
            if let account = index[String(stem[..<separator.lowerBound])] { return account }
            search = separator.upperBound
        }
        return nil
    }

    /// What one account's files gave.
    struct AccountRead: Sendable {
        var files: [InputFileRead] = []
        var counts = ExportFileReader.Counts()
        var reactions = 0, comments = 0, shares = 0
        var overflow = false
        var inPeriod = 0, outsidePeriod = 0
        var identical = 0, replaced = 0
    }

    /// Reads every group, sums each account's posts in the period into `figures`, and returns one
    /// summary per folder and the files read (in plan order, for the manifest). Folder by folder, so
    /// that each one's time is its own; within a folder, accounts on threads. The result and the
    /// error (the first group's, in plan order) do not depend on the threads.
    static func load(_ groups: [AccountFiles], exports: [ExportFolder], root: InputFolder, period: (from: Day, to: Day),
                     threads: Int, limit: RowLimit, progress: SourceRequest.Progress? = nil,
                     figures: inout [AccountFigures]) throws -> (summaries: [ExportSummary], files: [InputFileRead]) {
        var summaries = exports.map { ExportSummary(folder: $0.folder, format: $0.format.id, timezone: $0.zone?.identifier) }
        var files: [InputFileRead] = []
        for (number, export) in exports.enumerated() {
            let clock = ContinuousClock.now
            let inFolder = groups.filter { $0.folder == number }
            let folder = root.root + "/" + export.folder
            var share: (@Sendable (Double) -> Void)?
            if let progress { share = { progress(folder, $0) } }
            let reads = try Parallel.map(inFolder.count, threads: threads, progress: share) { index in
                try readAccount(inFolder[index], export: export, root: root, period: period, limit: limit)
            }
            var summary = summaries[number]
            for (group, read) in zip(inFolder, reads) {
                if read.overflow {
                    throw InputError(file: root.root + "/" + export.folder, line: nil,
                                     message: "the sums of reactions, comments or shares of account '\(figures[group.account].account.id)' over the period are too large to count (over \(Int.max))")
                }
                figures[group.account].posts = read.inPeriod
                figures[group.account].reactions = read.reactions
                figures[group.account].comments = read.comments
                figures[group.account].shares = read.shares
                summary.files += group.names.count
                summary.accounts += 1
                summary.rows += read.counts.rows
                summary.bytes += read.counts.bytes
                summary.inPeriod += read.inPeriod
                summary.outsidePeriod += read.outsidePeriod
                summary.identicalDuplicates += read.identical
                summary.replacedDuplicates += read.replaced
                summary.emptyCounts += read.counts.emptyCounts
                summary.summaryRows += read.counts.summaryRows
                files += read.files
            }
            summary.seconds = (ContinuousClock.now - clock).seconds
            summaries[number] = summary
        }
        return (summaries, files)
    }

    /// One account's files, read in name order and merged by post id; the merged posts' sums over
    /// the period.
    static func readAccount(_ group: AccountFiles, export: ExportFolder, root: InputFolder, period: (from: Day, to: Day),
                            limit: RowLimit) throws -> AccountRead {
        let first = period.from.number, last = period.to.number
        var merge = PostMerge()
        var read = AccountRead()
        for (file, name) in group.names.enumerated() {
            let relative = export.folder + "/" + name, path = root.root + "/" + relative
            var outside = 0
            let counts = try ExportFileReader.read(path, name: path, format: export.format, platform: group.platform, zone: export.zone, limit: limit) { id, day, r, c, s, line in
                if day < first || day > last { outside += 1 }
                if case .sameFile(let firstLine) = merge.add(id, day: day, reactions: r, comments: c, shares: s, file: file, line: line) {
                    throw InputError(file: path, line: line, message: "duplicate post \(quoted(String(decoding: id, as: UTF8.self))) (first on line \(firstLine))")
                }
            }
            read.counts.rows += counts.rows
            read.counts.bytes += counts.bytes
            read.counts.emptyCounts += counts.emptyCounts
            read.counts.summaryRows += counts.summaryRows
            read.files.append(InputFileRead(path: relative, read: counts.rows,
                                            skipped: [.init(.outsidePeriod, outside), .init(.summaryRow, counts.summaryRows)],
                                            digest: counts.digest))
        }
        for post in merge.posts {
            guard post.day >= first && post.day <= last else { read.outsidePeriod += 1; continue }
            read.inPeriod += 1
            let (r, o1) = read.reactions.addingReportingOverflow(post.reactions)
            let (c, o2) = read.comments.addingReportingOverflow(post.comments)
            let (s, o3) = read.shares.addingReportingOverflow(post.shares)
            (read.reactions, read.comments, read.shares) = (r, c, s)
            read.overflow = read.overflow || o1 || o2 || o3
        }
        read.identical = merge.identical
        read.replaced = merge.replaced
        return read
    }
}
