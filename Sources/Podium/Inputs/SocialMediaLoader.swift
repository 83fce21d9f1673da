import Foundation
import PodiumCSV

/// Reads accounts, then either follower snapshots and posts (one streaming pass over posts, in
/// memory that does not grow with their number) or per-account figures aggregated elsewhere, and
/// returns each account's P, R, C, S, F0 and F1 over the period.
public enum SocialMediaLoader {
    public struct Result: Sendable {
        public var accounts: [AccountFigures]
        public var summary: SocialMediaSummary
    }

    static func load(accounts accountsFile: FileInput, figures source: SocialMedia.Figures, folder: InputFolder,
                     methodology: String, register: Register, period: (from: Day, to: Day), threads: Int = 1,
                     limit: RowLimit = .all, progress: SourceRequest.Progress? = nil) throws -> Result {
        var summary = SocialMediaSummary()
        let accountsPath = try folder.existing(accountsFile, for: methodology)
        // Accounts are read whole even under a row limit: every later row names one.
        let accounts = try loadAccounts(accountsPath, options: accountsFile.options, register: register, summary: &summary)
        summary.files.append(InputFileRead(path: accountsFile.path, read: summary.accountRows))
        var figures = accounts.map(AccountFigures.init)
        let lookup = AccountLookup(ids: accounts.map(\.id))
        switch source {
        case .posts(let posts, let exports, let followers):
            let followersPath = try folder.existing(followers, for: methodology)
            let postsPath = try posts.map { try folder.existing($0, for: methodology) }
            // The export files are listed first: their accounts are no account of posts.csv.
            let ids = accounts.map(\.id)
            let groups = try ExportLoader.plan(exports, root: folder, accounts: accounts, methodology: methodology)
            try loadFollowers(followersPath, options: followers.options, lookup: lookup, period: period, limit: limit,
                              figures: &figures, summary: &summary)
            summary.files.append(InputFileRead(path: followers.path, read: summary.followerRows))
            if let posts, let postsPath {
                let elsewhere = Dictionary(groups.map { group in
                    (ids[group.account], folder.root + "/" + exports[group.folder].folder + "/" + group.names[0])
                }, uniquingKeysWith: { first, _ in first })
                let postsLookup = elsewhere.isEmpty ? lookup : AccountLookup(ids: ids, elsewhere: elsewhere)
                try loadPosts(postsPath, options: posts.options, lookup: postsLookup, period: period, threads: threads, limit: limit,
                              figures: &figures, summary: &summary, progress: progress.map { report in { report(postsPath, $0) } })
                summary.files.append(InputFileRead(path: posts.path, read: summary.postRows,
                                                   skipped: [.init(.outsidePeriod, summary.postsOutsidePeriod)]))
            }
            if !exports.isEmpty {
                let read = try ExportLoader.load(groups, exports: exports, root: folder, period: period, threads: threads,
                                                 limit: limit, progress: progress, figures: &figures)
                summary.exports = read.summaries
                summary.files += read.files
            }
        case .accountStats(let stats):
            let statsPath = try folder.existing(stats, for: methodology)
            try loadStats(statsPath, options: stats.options, lookup: lookup, limit: limit, figures: &figures, summary: &summary)
            summary.files.append(InputFileRead(path: stats.path, read: summary.statsRows))
        }
        summary.leftOut = figures.compactMap { figure in figure.leftOutReason.map { "\(figure.account.id): \($0)" } }
        return Result(accounts: figures, summary: summary)
    }

    static func loadAccounts(_ path: String, options: CSVReadOptions, register: Register,
                             summary: inout SocialMediaSummary) throws -> [Account] {
        var accounts: [Account] = []
        var lines: [String: Int] = [:]
        let read = try CSVReader.read(path, options: options) { header in
            let c = try header.require(["account_id", register.codeColumn, "owner", "platform", "handle"])
            return { record in
                let id = try record.label(c[0])
                if let first = lines[id] { throw record.fail("account \(quoted(id)) is listed twice (first on line \(first))") }
                lines[id] = record.line
                let unit = try record.unit(c[1], in: register)
                let ownerText = record.string(c[2]), platformText = record.string(c[3])
                guard let owner = AccountOwner(rawValue: ownerText) else {
                    throw record.fail("column 'owner': \(quoted(ownerText)) is not one of \(AccountOwner.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard let platform = Platform(rawValue: platformText) else {
                    throw record.fail("column 'platform': \(quoted(platformText)) is not one of \(Platform.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                accounts.append(Account(id: id, unit: unit.code, owner: owner, platform: platform, handle: try record.label(c[4])))
            }
        }
        summary.accountRows = read.records
        return accounts
    }

    /// F0 = the latest snapshot on or before the period start, else the earliest inside the period;
    /// F1 = the latest snapshot on or before the period end.
    static func loadFollowers(_ path: String, options: CSVReadOptions, lookup: AccountLookup, period: (from: Day, to: Day),
                              limit: RowLimit = .all, figures: inout [AccountFigures], summary: inout SocialMediaSummary) throws {
        var beforeStart = [(day: Day, count: Int)?](repeating: nil, count: figures.count)
        var firstInside = [(day: Day, count: Int)?](repeating: nil, count: figures.count)
        var beforeEnd = [(day: Day, count: Int)?](repeating: nil, count: figures.count)
        var seen = Set<Int>()   // account and day, packed into one number
        let rows = try limit.readCSV(path, options: options) { header in
            let c = try header.require(["account_id", "date", "followers"])
            return { record in
                let account = try lookup.account(record, c[0])
                guard let day = Day(isoBytes: record.field(c[1].index)) else {
                    throw record.fail("column 'date': \(quoted(record.string(c[1]))) is not a date YYYY-MM-DD")
                }
                guard let count = try record.integer(c[2]), count >= 0 else {
                    throw record.fail("column 'followers': \(quoted(record.string(c[2]))) is not a whole number ≥ 0")
                }
                guard seen.insert(account << 32 | (day.number & 0xFFFF_FFFF)).inserted else {
                    throw record.fail("a second follower snapshot of \(quoted(record.string(c[0]))) on \(day)")
                }
                if day <= period.from, day > (beforeStart[account]?.day ?? Day(number: .min)) { beforeStart[account] = (day, count) }
                if day > period.from, day <= period.to, day < (firstInside[account]?.day ?? Day(number: .max)) { firstInside[account] = (day, count) }
                if day <= period.to, day > (beforeEnd[account]?.day ?? Day(number: .min)) { beforeEnd[account] = (day, count) }
            }
        }
        summary.followerRows = rows
        for index in figures.indices {
            let start = beforeStart[index] ?? firstInside[index]
            figures[index].followersStart = start?.count
            figures[index].startSnapshot = start?.day
            figures[index].followersEnd = beforeEnd[index]?.count
            figures[index].endSnapshot = beforeEnd[index]?.day
            if start == nil || beforeEnd[index] == nil {
                figures[index].leftOutReason = "no follower snapshot on or before \(period.to)"
            }
        }
    }

    /// One pass over the posts, in up to `threads` ranges read at once (`CSVReader`): counts are
    /// summed per account and range for posts dated (in UTC) inside the period, then the ranges' sums
    /// are added up; every row is checked, whatever its date. Duplicate ids are found exactly, in
    /// memory of a fixed size, through the fingerprints each range spills (`PostDuplicates`).
    ///
    /// The result and every error are those of a read on one thread: a row's checks depend on that
    /// row alone, the first error in file order wins, and the two checks that need every row (a sum
    /// too large, a duplicate) are made after the read.
    static func loadPosts(_ path: String, options: CSVReadOptions, lookup: AccountLookup, period: (from: Day, to: Day),
                          threads: Int = 1, limit: RowLimit = .all, figures: inout [AccountFigures], summary: inout SocialMediaSummary,
                          progress: ((Double) -> Void)? = nil) throws {
        let clock = ContinuousClock.now
        let accounts = figures.count
        let size = CSVReader.fileSize(path)
        let bits = PostDuplicates.partitionBits(forFileOf: size)
        var ranges: [PostRange] = []
        let first = period.from.number, last = period.to.number
        // A limited read (the first rows) is one range: the rows past the limit belong to no other.
        let read = try limit.read { try CSVReader.read(path, options: options, threads: limit.rows == nil ? threads : 1, progress: progress) { header, _ in
            let c = try header.require(["account_id", "post_id", "published_at", "reactions", "comments", "shares", "views"])
            let (idColumn, postColumn, dateColumn) = (c[0], c[1], c[2])
            let (reactions, comments, shares, views) = (c[3], c[4], c[5], c[6])
            let range = try PostRange(accounts: accounts, partitionBits: bits)
            let lookup = lookup.independentCopy
            ranges.append(range)
            let tally = range.tally, spill = range.spill
            let insideSlot = accounts * PostRange.slots, outsideSlot = insideSlot + 1
            @inline(__always) func count(_ record: CSVRecord, _ column: CSVColumn) throws -> Int {
                guard let value = try record.integer(column), value >= 0 else {
                    throw record.fail("column '\(column.name)': \(quoted(record.string(column))) is not a whole number ≥ 0")
                }
                return value
            }
            return limit.handler { record in
                let account = try lookup.account(record, idColumn)
                let postID = record.field(postColumn.index)
                guard !postID.isEmpty else { throw record.fail("column 'post_id' is empty") }
                guard let day = Timestamp.utcDay(record.field(dateColumn.index)) else {
                    throw record.fail("column 'published_at': \(quoted(record.string(dateColumn))) is not an ISO 8601 date and time with Z or an offset")
                }
                let r = try count(record, reactions), c = try count(record, comments), s = try count(record, shares)
                if !record.isEmpty(views) { _ = try count(record, views) }
                spill.add(PostDuplicates.fingerprint(account: account, postID: postID))
                guard day.number >= first && day.number <= last else { tally[outsideSlot] += 1; return }
                tally[insideSlot] += 1
                let base = tally + account * PostRange.slots
                let (reactionSum, o1) = base[1].addingReportingOverflow(r)
                let (commentSum, o2) = base[2].addingReportingOverflow(c)
                let (shareSum, o3) = base[3].addingReportingOverflow(s)
                base[0] += 1
                base[1] = reactionSum
                base[2] = commentSum
                base[3] = shareSum
                base[4] |= (o1 || o2 || o3) ? 1 : 0
            }
        } }
        // The ranges' sums, added up; counts are never negative, so a sum that overflows in a range
        // or in the adding up is larger than any count can be, whichever the order.
        for index in figures.indices {
            var sums = [0, 0, 0, 0], overflow = false
            for range in ranges {
                let base = range.tally + index * PostRange.slots
                overflow = overflow || base[4] != 0
                for slot in 0..<4 {
                    let (sum, o) = sums[slot].addingReportingOverflow(base[slot])
                    sums[slot] = sum
                    overflow = overflow || o
                }
            }
            if overflow {
                throw InputError(file: path, line: nil,
                                 message: "the sums of reactions, comments or shares of account '\(figures[index].account.id)' over the period are too large to count (over \(Int.max))")
            }
            figures[index].posts = sums[0]
            figures[index].reactions = sums[1]
            figures[index].comments = sums[2]
            figures[index].shares = sums[3]
        }
        let suspects = try PostDuplicates.suspects(ranges.map(\.spill), threads: threads)
        if !suspects.isEmpty {
            try PostDuplicates.confirm(path, options: options, lookup: lookup, suspects: suspects)
        }
        summary.postRows = limit.taken(read?.records)
        summary.postBytes = read?.bytes ?? size
        summary.postRanges = read?.ranges ?? 1
        summary.postsInPeriod = ranges.reduce(0) { $0 + $1.tally[accounts * PostRange.slots] }
        summary.postsOutsidePeriod = ranges.reduce(0) { $0 + $1.tally[accounts * PostRange.slots + 1] }
        summary.postSeconds = (ContinuousClock.now - clock).seconds
    }

    /// `account_id,posts,reactions,comments,shares,followers_start,followers_end`: the same per-account
    /// figures aggregated elsewhere. An empty followers field is a missing F0 or F1.
    static func loadStats(_ path: String, options: CSVReadOptions, lookup: AccountLookup, limit: RowLimit = .all,
                          figures: inout [AccountFigures], summary: inout SocialMediaSummary) throws {
        var lines: [Int: Int] = [:]
        var updated = figures
        for index in updated.indices { updated[index].leftOutReason = "no row in \(path)" }
        let rows = try limit.readCSV(path, options: options) { header in
            let c = try header.require(["account_id", "posts", "reactions", "comments", "shares", "followers_start", "followers_end"])
            return { record in
                let account = try lookup.account(record, c[0])
                if let first = lines[account] { throw record.fail("account \(quoted(record.string(c[0]))) appears twice (first on line \(first))") }
                lines[account] = record.line
                func count(_ column: CSVColumn, optional: Bool) throws -> Int? {
                    guard let value = try record.integer(column) else {
                        if optional { return nil }
                        throw record.fail("column '\(column.name)' is empty")
                    }
                    guard value >= 0 else { throw record.fail("column '\(column.name)': negative count '\(value)'") }
                    return value
                }
                var figure = updated[account]
                figure.posts = try count(c[1], optional: false)!
                figure.reactions = try count(c[2], optional: false)!
                figure.comments = try count(c[3], optional: false)!
                figure.shares = try count(c[4], optional: false)!
                figure.followersStart = try count(c[5], optional: true)
                figure.followersEnd = try count(c[6], optional: true)
                switch (figure.followersStart, figure.followersEnd) {
                case (nil, _): figure.leftOutReason = "no followers_start in \(path)"
                case (_, nil): figure.leftOutReason = "no followers_end in \(path)"
                default: figure.leftOutReason = nil
                }
                updated[account] = figure
            }
        }
        figures = updated
        summary.statsRows = rows
    }
}

/// One range's share of the posts: per account, posts, reactions, comments, shares and an overflow
/// flag, then the posts inside and outside the period. Raw memory, so the per-row path has no
/// copy-on-write or exclusivity checks.
final class PostRange {
    static let slots = 5
    let tally: UnsafeMutablePointer<Int>
    let spill: PostKeySpill

    init(accounts: Int, partitionBits: Int) throws {
        tally = .allocate(capacity: accounts * Self.slots + 2)
        tally.initialize(repeating: 0, count: accounts * Self.slots + 2)
        spill = try PostKeySpill(partitionBits: partitionBits)
    }

    deinit { tally.deallocate() }
}
