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

    public static func load(_ input: SocialMediaInput, folder: InputFolder, methodology: String,
                            register: Register, period: (from: Day, to: Day)) throws -> Result {
        var summary = SocialMediaSummary()
        let accountsPath = try folder.existing(input.accounts, for: methodology)
        let accounts = try loadAccounts(accountsPath, options: input.accounts.options.csv, register: register, summary: &summary)
        var figures = accounts.map(AccountFigures.init)
        let lookup = AccountLookup(ids: accounts.map(\.id))
        switch input.source {
        case .posts(let posts, let followers):
            let followersPath = try folder.existing(followers, for: methodology)
            let postsPath = try folder.existing(posts, for: methodology)
            try loadFollowers(followersPath, options: followers.options.csv, lookup: lookup, period: period,
                              figures: &figures, summary: &summary)
            try loadPosts(postsPath, options: posts.options.csv, lookup: lookup, period: period,
                          figures: &figures, summary: &summary)
        case .accountStats(let stats):
            let statsPath = try folder.existing(stats, for: methodology)
            try loadStats(statsPath, options: stats.options.csv, lookup: lookup, figures: &figures, summary: &summary)
        }
        summary.leftOut = figures.compactMap { figure in figure.leftOutReason.map { "\(figure.account.id): \($0)" } }
        return Result(accounts: figures, summary: summary)
    }

    static func loadAccounts(_ path: String, options: CSVReadOptions, register: Register,
                             summary: inout SocialMediaSummary) throws -> [Account] {
        var accounts: [Account] = []
        var lines: [String: Int] = [:]
        var slots: [String: (String, Int)] = [:]
        let read = try CSVReader.read(path, options: options) { header in
            let c = try header.require(["account_id", "teryt", "owner", "platform", "handle"])
            return { record in
                let id = record.string(c[0])
                guard !id.isEmpty else { throw record.fail("column 'account_id' is empty") }
                if let first = lines[id] { throw record.fail("account '\(id)' is listed twice (first on line \(first))") }
                lines[id] = record.line
                let municipality = try record.municipality(c[1], in: register)
                let ownerText = record.string(c[2]), platformText = record.string(c[3])
                guard let owner = AccountOwner(rawValue: ownerText) else {
                    throw record.fail("column 'owner': '\(ownerText)' is not one of \(AccountOwner.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard let platform = Platform(rawValue: platformText) else {
                    throw record.fail("column 'platform': '\(platformText)' is not one of \(Platform.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let slot = "\(municipality.teryt)/\(owner.rawValue)/\(platform.rawValue)"
                if let (other, line) = slots[slot] {
                    throw record.fail("\(municipality.teryt) has a second \(owner.rawValue) account on \(platform.rawValue) ('\(id)'; '\(other)' is on line \(line))")
                }
                slots[slot] = (id, record.line)
                accounts.append(Account(id: id, teryt: municipality.teryt, owner: owner, platform: platform, handle: record.string(c[4])))
            }
        }
        summary.accountRows = read.records
        return accounts
    }

    /// F0 = the latest snapshot on or before the period start, else the earliest inside the period;
    /// F1 = the latest snapshot on or before the period end.
    static func loadFollowers(_ path: String, options: CSVReadOptions, lookup: AccountLookup, period: (from: Day, to: Day),
                              figures: inout [AccountFigures], summary: inout SocialMediaSummary) throws {
        var beforeStart = [(day: Day, count: Int)?](repeating: nil, count: figures.count)
        var firstInside = [(day: Day, count: Int)?](repeating: nil, count: figures.count)
        var beforeEnd = [(day: Day, count: Int)?](repeating: nil, count: figures.count)
        var seen = Set<[Int]>()
        let read = try CSVReader.read(path, options: options) { header in
            let c = try header.require(["account_id", "date", "followers"])
            return { record in
                guard let account = lookup.index(of: record.field(c[0].index)) else {
                    throw record.fail("unknown account '\(record.string(c[0]))' (not in accounts.csv)")
                }
                guard let day = Day(iso: record.string(c[1])) else {
                    throw record.fail("column 'date': '\(record.string(c[1]))' is not a date YYYY-MM-DD")
                }
                guard let count = try record.integer(c[2]), count >= 0 else {
                    throw record.fail("column 'followers': '\(record.string(c[2]))' is not a whole number ≥ 0")
                }
                guard seen.insert([account, day.number]).inserted else {
                    throw record.fail("a second follower snapshot of '\(record.string(c[0]))' on \(day)")
                }
                if day <= period.from, day > (beforeStart[account]?.day ?? Day(number: .min)) { beforeStart[account] = (day, count) }
                if day > period.from, day <= period.to, day < (firstInside[account]?.day ?? Day(number: .max)) { firstInside[account] = (day, count) }
                if day <= period.to, day > (beforeEnd[account]?.day ?? Day(number: .min)) { beforeEnd[account] = (day, count) }
            }
        }
        summary.followerRows = read.records
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

    /// One pass over the posts: counts are summed per account for posts dated (in UTC) inside the
    /// period; every row is checked, whatever its date.
    static func loadPosts(_ path: String, options: CSVReadOptions, lookup: AccountLookup, period: (from: Day, to: Day),
                          figures: inout [AccountFigures], summary: inout SocialMediaSummary) throws {
        let clock = ContinuousClock.now
        let filter = PostKeyFilter()
        var suspects: [String: Int] = [:]   // possible duplicates, confirmed by a second look
        var totals = [Int](repeating: 0, count: figures.count * 4)
        var inside = 0, outside = 0
        let first = period.from.number, last = period.to.number
        let read = try CSVReader.read(path, options: options) { header in
            let c = try header.require(["account_id", "post_id", "published_at", "reactions", "comments", "shares", "views"])
            let (idColumn, postColumn, dateColumn) = (c[0], c[1], c[2])
            let counts = [c[3], c[4], c[5]]
            let views = c[6]
            return { record in
                guard let account = lookup.index(of: record.field(idColumn.index)) else {
                    throw record.fail("unknown account '\(record.string(idColumn))' (not in accounts.csv)")
                }
                let postID = record.field(postColumn.index)
                guard !postID.isEmpty else { throw record.fail("column 'post_id' is empty") }
                if filter.insert(account: account, postID: postID) {
                    suspects[record.string(idColumn) + "\u{0}" + record.string(postColumn)] = record.line
                }
                guard let day = Timestamp.utcDay(record.field(dateColumn.index)) else {
                    throw record.fail("column 'published_at': '\(record.string(dateColumn))' is not an ISO 8601 date and time with Z or an offset")
                }
                var values = (0, 0, 0)
                for (position, column) in counts.enumerated() {
                    guard let value = try record.integer(column), value >= 0 else {
                        throw record.fail("column '\(column.name)': '\(record.string(column))' is not a whole number ≥ 0")
                    }
                    switch position {
                    case 0: values.0 = value
                    case 1: values.1 = value
                    default: values.2 = value
                    }
                }
                if !record.isEmpty(views) {
                    guard let value = try record.integer(views), value >= 0 else {
                        throw record.fail("column 'views': '\(record.string(views))' is not a whole number ≥ 0 or empty")
                    }
                }
                guard day.number >= first && day.number <= last else { outside += 1; return }
                inside += 1
                totals.withUnsafeMutableBufferPointer { totals in
                    let base = account * 4
                    totals[base] += 1
                    totals[base + 1] += values.0
                    totals[base + 2] += values.1
                    totals[base + 3] += values.2
                }
            }
        }
        if !suspects.isEmpty { try confirmDuplicates(path, options: options, suspects: suspects) }
        for index in figures.indices {
            figures[index].posts = totals[index * 4]
            figures[index].reactions = totals[index * 4 + 1]
            figures[index].comments = totals[index * 4 + 2]
            figures[index].shares = totals[index * 4 + 3]
        }
        summary.postRows = read.records
        summary.postBytes = read.bytes
        summary.postsInPeriod = inside
        summary.postsOutsidePeriod = outside
        let elapsed = ContinuousClock.now - clock
        summary.postSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The filter's "perhaps seen" keys, checked exactly: the first key that really occurs twice is an
    /// error naming both lines.
    private static func confirmDuplicates(_ path: String, options: CSVReadOptions, suspects: [String: Int]) throws {
        var firstLine: [String: Int] = [:]
        var duplicate: (line: Int, first: Int, key: String)?
        try CSVReader.read(path, options: options) { header in
            let c = try header.require(["account_id", "post_id"])
            return { record in
                let key = record.string(c[0]) + "\u{0}" + record.string(c[1])
                guard suspects[key] != nil else { return }
                if let first = firstLine[key] {
                    if duplicate == nil || record.line < duplicate!.line { duplicate = (record.line, first, key) }
                } else {
                    firstLine[key] = record.line
                }
            }
        }
        if let duplicate {
            let parts = duplicate.key.split(separator: "\u{0}", omittingEmptySubsequences: false)
            throw InputError(file: path, line: duplicate.line,
                             message: "duplicate post '\(parts[1])' of account '\(parts[0])' (first on line \(duplicate.first))")
        }
    }

    /// `account_id,posts,reactions,comments,shares,followers_start,followers_end`: the same per-account
    /// figures aggregated elsewhere. An empty followers field is a missing F0 or F1.
    static func loadStats(_ path: String, options: CSVReadOptions, lookup: AccountLookup,
                          figures: inout [AccountFigures], summary: inout SocialMediaSummary) throws {
        var lines: [Int: Int] = [:]
        var updated = figures
        for index in updated.indices { updated[index].leftOutReason = "no row in \(path)" }
        let read = try CSVReader.read(path, options: options) { header in
            let c = try header.require(["account_id", "posts", "reactions", "comments", "shares", "followers_start", "followers_end"])
            return { record in
                guard let account = lookup.index(of: record.field(c[0].index)) else {
                    throw record.fail("unknown account '\(record.string(c[0]))' (not in accounts.csv)")
                }
                if let first = lines[account] { throw record.fail("account '\(record.string(c[0]))' appears twice (first on line \(first))") }
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
        summary.statsRows = read.records
    }
}
