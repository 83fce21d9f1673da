/// The SQL that computes `account_stats` (`account_id,posts,reactions,comments,shares,
/// followers_start,followers_end`) from a `posts` and a `followers` table with podium's own rules,
/// so that the aggregation can run where an archive too large for one machine already lives.
///
/// The rules are those of `SocialMediaLoader`: P, R, C, S summed over the posts whose UTC date of
/// `published_at` lies in the period; F0 the latest snapshot on or before the start, else the
/// earliest inside; F1 the latest on or before the end; every row checked as podium checks it,
/// whatever its date. The UTC date is worked out from the text itself (`Timestamp.utcDay`: the
/// date, hh:mm and the offset), not through the engine's timestamp type: engines' parsers read
/// text without an offset in the session's time zone and reject forms podium accepts (`z`, a leap
/// second), so the text is the only way to the same day in every engine and every session.
public struct AccountStatsQuery: Sendable {
    /// The two input tables' names as the engine knows them (`posts`, `dataset.posts` …).
    public struct Tables: Sendable {
        public var posts: String
        public var followers: String

        public init(posts: String = "posts", followers: String = "followers") {
            self.posts = posts
            self.followers = followers
        }
    }

    /// What `published_at` may look like, as `Timestamp.utcDay` reads it; a day that does not
    /// exist (2024-02-30) is left to the DATE cast.
    static let timestampPattern =
        "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)([.][0-9]+)?)?"
        + "([Zz]|[+-](0[0-9]|1[0-8])(:?[0-5][0-9])?)"

    public let from: Day
    public let to: Day
    public let dialect: any SQLDialect
    public let tables: Tables
    /// Where the period comes from, for the comment above the query: `zlote-lajki-2024 (…yaml)`.
    public let origin: String
    /// The platform-export folders the methodology also reads: their posts are podium's, not the
    /// posts table's, unless they were loaded into it (the command says so).
    public private(set) var exportFolders: [String] = []

    public init(from: Day, to: Day, dialect: any SQLDialect, tables: Tables = Tables(), origin: String) {
        self.from = from
        self.to = to
        self.dialect = dialect
        self.tables = tables
        self.origin = origin
    }

    /// The query for a methodology whose social-media source reads posts and followers.
    public init(_ methodology: Methodology, dialect: any SQLDialect, tables: Tables = Tables()) throws {
        guard methodology.inputs.sources.count == 1, let source = methodology.inputs.sources[0] as? SocialMedia else {
            throw WarehouseError.notSocialMedia(ranking: methodology.ranking, file: methodology.file)
        }
        guard case .posts(_, let exports, _) = source.figures else {
            throw WarehouseError.noPosts(ranking: methodology.ranking, file: methodology.file)
        }
        guard case .dates(let from, let to) = methodology.period else {
            throw WarehouseError.noDates(file: methodology.file)
        }
        // The file's name only: the text does not depend on where the inputs folder is.
        let name = methodology.file.split(separator: "/").last.map { String($0) } ?? methodology.file
        self.init(from: from, to: to, dialect: dialect, tables: tables, origin: "\(methodology.id) (\(name))")
        exportFolders = exports.map(\.folder)
    }

    private var d: any SQLDialect { dialect }
    private func q(_ identifier: String) -> String { d.quote(identifier) }
    private func date(_ day: Day) -> String { "DATE '\(day)'" }
    /// A column as text for a message, never NULL (a NULL would empty the whole message). Every
    /// message names a column: PostgreSQL folds a constant expression when it plans the query, so a
    /// constant message would stop every query, even one with no bad row.
    private func text(_ expression: String) -> String { "COALESCE(CAST(\(expression) AS \(d.textType)), '')" }

    /// One `SELECT`: a row per account with a post or a follower snapshot, ordered by account id.
    public var select: String {
        let inPeriod = "utc_day BETWEEN \(date(from)) AND \(date(to))"
        let account = q("account_id"), post = q("post_id"), published = q("published_at")
        let where_ = "'account ' || \(text(account)) || ', post ' || \(text(post))"
        return """
            -- account_stats by podium's rules for \(origin), period \(from) to \(to), \(d.description.name).
            -- Reads \(tables.posts)(account_id, post_id, published_at as ISO 8601 text, reactions, comments, shares, views)
            -- and \(tables.followers)(account_id, date, followers). Trust it only when the duplicates check returns no rows.
            WITH checked_posts AS (
              -- Every row is checked as podium checks it, whatever its date.
              SELECT \(account) AS account_id, \(q("reactions")) AS reactions, \(q("comments")) AS comments, \(q("shares")) AS shares,
                CASE
                  WHEN \(account) IS NULL OR CAST(\(account) AS \(d.textType)) = '' THEN \(d.fail("'posts: empty account_id, post ' || \(text(post))", as: d.textType))
                  WHEN \(post) IS NULL OR CAST(\(post) AS \(d.textType)) = '' THEN \(d.fail("'posts: empty post_id, account ' || \(text(account))", as: d.textType))
                  WHEN \(published) IS NULL OR NOT \(d.fullMatch(published, Self.timestampPattern))
                    THEN \(d.fail("'posts: published_at is not an ISO 8601 date and time with Z or an offset: ' || \(where_) || ', ' || \(text(published))", as: d.textType))
                  WHEN LEAST(COALESCE(\(q("reactions")), -1), COALESCE(\(q("comments")), -1), COALESCE(\(q("shares")), -1), COALESCE(\(q("views")), 0)) < 0
                    THEN \(d.fail("'posts: reactions, comments or shares empty or negative, or views negative: ' || \(where_)", as: d.textType))
                  ELSE \(published)
                END AS published_at
              FROM \(d.table(tables.posts))
            ),
            parsed_posts AS (
              -- The local date and minute of the day, and the offset: Z, +hh, +hhmm or +hh:mm.
              SELECT account_id, reactions, comments, shares, published_at,
                CAST(substr(published_at, 1, 10) AS DATE) AS local_day,
                CAST(substr(published_at, 12, 2) AS \(d.integerType)) * 60 + CAST(substr(published_at, 15, 2) AS \(d.integerType)) AS local_minute,
                CASE WHEN right(published_at, 1) IN ('Z', 'z') THEN '+00'
                  ELSE substr(published_at, 16 + GREATEST(\(d.position(of: "'+'", in: "substr(published_at, 17)")), \(d.position(of: "'-'", in: "substr(published_at, 17)"))))
                END AS zone_text
              FROM checked_posts
            ),
            timed_posts AS (
              SELECT account_id, reactions, comments, shares, published_at, local_day,
                local_minute - (CASE WHEN substr(zone_text, 1, 1) = '-' THEN -1 ELSE 1 END)
                  * (CAST(substr(zone_text, 2, 2) AS \(d.integerType)) * 60 + CASE WHEN length(zone_text) > 3 THEN CAST(right(zone_text, 2) AS \(d.integerType)) ELSE 0 END) AS utc_minute
              FROM parsed_posts
            ),
            dated_posts AS (
              -- The UTC date: the local date, a day earlier or later when the offset crosses midnight.
              SELECT account_id, reactions, comments, shares,
                CASE WHEN local_day IS NULL THEN \(d.fail("'posts: published_at is not a date: ' || published_at", as: "DATE"))
                  ELSE \(d.addDays("local_day", "CASE WHEN utc_minute < 0 THEN -1 WHEN utc_minute >= 1440 THEN 1 ELSE 0 END"))
                END AS utc_day
              FROM timed_posts
            ),
            post_sums AS (
              SELECT account_id,
                SUM(CASE WHEN \(inPeriod) THEN 1 ELSE 0 END) AS posts,
                SUM(CASE WHEN \(inPeriod) THEN reactions ELSE 0 END) AS reactions,
                SUM(CASE WHEN \(inPeriod) THEN comments ELSE 0 END) AS comments,
                SUM(CASE WHEN \(inPeriod) THEN shares ELSE 0 END) AS shares
              FROM dated_posts
              GROUP BY account_id
            ),
            checked_followers AS (
              SELECT \(account) AS account_id, \(q("followers")) AS followers,
                CASE
                  WHEN \(account) IS NULL OR CAST(\(account) AS \(d.textType)) = '' THEN \(d.fail("'followers: empty account_id, date ' || \(text(q("date")))", as: "DATE"))
                  WHEN \(q("date")) IS NULL THEN \(d.fail("'followers: empty date, account ' || \(text(account))", as: "DATE"))
                  WHEN COALESCE(\(q("followers")), -1) < 0
                    THEN \(d.fail("'followers: followers empty or negative, account ' || \(text(account)) || ', date ' || \(text(q("date")))", as: "DATE"))
                  ELSE \(q("date"))
                END AS snapshot_day
              FROM \(d.table(tables.followers))
            ),
            snapshot_days AS (
              -- F0: the latest snapshot on or before the start, else the earliest inside; F1: the latest on or before the end.
              SELECT account_id,
                COALESCE(MAX(CASE WHEN snapshot_day <= \(date(from)) THEN snapshot_day END),
                         MIN(CASE WHEN snapshot_day > \(date(from)) AND snapshot_day <= \(date(to)) THEN snapshot_day END)) AS start_day,
                MAX(CASE WHEN snapshot_day <= \(date(to)) THEN snapshot_day END) AS end_day
              FROM checked_followers
              GROUP BY account_id
            ),
            account_ids AS (
              SELECT account_id FROM post_sums
              UNION DISTINCT
              SELECT account_id FROM snapshot_days
            )
            SELECT
              a.account_id AS \(q("account_id")),
              CAST(COALESCE(p.posts, 0) AS \(d.integerType)) AS \(q("posts")),
              CAST(COALESCE(p.reactions, 0) AS \(d.integerType)) AS \(q("reactions")),
              CAST(COALESCE(p.comments, 0) AS \(d.integerType)) AS \(q("comments")),
              CAST(COALESCE(p.shares, 0) AS \(d.integerType)) AS \(q("shares")),
              CAST(f0.followers AS \(d.integerType)) AS \(q("followers_start")),
              CAST(f1.followers AS \(d.integerType)) AS \(q("followers_end"))
            FROM account_ids AS a
            LEFT JOIN post_sums AS p ON p.account_id = a.account_id
            LEFT JOIN snapshot_days AS s ON s.account_id = a.account_id
            LEFT JOIN checked_followers AS f0 ON f0.account_id = a.account_id AND f0.snapshot_day = s.start_day
            LEFT JOIN checked_followers AS f1 ON f1.account_id = a.account_id AND f1.snapshot_day = s.end_day
            ORDER BY \(d.byteOrder("a.account_id"))

            """
    }

    /// One `SELECT` listing what podium's reading rejects as a duplicate, over every row whatever its
    /// date: a post id twice for one account, a follower snapshot twice on one day. No rows: the
    /// account_stats query can be trusted.
    public var duplicates: String {
        let account = q("account_id")
        return """
            -- Duplicates podium rejects in \(tables.posts) (account_id, post_id) and \(tables.followers) (account_id, date), \(d.description.name).
            -- The account_stats query can be trusted only when this returns no rows.
            SELECT \(q("source")), \(q("account_id")), \(q("key")), \(q("copies"))
            FROM (
              SELECT 'posts' AS \(q("source")), \(account) AS \(q("account_id")), CAST(\(q("post_id")) AS \(d.textType)) AS \(q("key")),
                CAST(COUNT(*) AS \(d.integerType)) AS \(q("copies"))
              FROM \(d.table(tables.posts))
              GROUP BY \(account), \(q("post_id"))
              HAVING COUNT(*) > 1
              UNION ALL
              SELECT 'followers', \(account), CAST(\(q("date")) AS \(d.textType)), CAST(COUNT(*) AS \(d.integerType))
              FROM \(d.table(tables.followers))
              GROUP BY \(account), \(q("date"))
              HAVING COUNT(*) > 1
            ) AS duplicates
            ORDER BY \(q("source")) DESC, \(d.byteOrder(q("account_id"))), \(d.byteOrder(q("key")))

            """
    }
}
