import Foundation
import Testing
@testable import Podium

/// The SQL of `podium sql`: each dialect's fragments, the text of both queries in every dialect
/// (golden files in Golden/sql/), the timestamp grammar against podium's own reader, and the
/// account_stats CSV podium writes to compare with. scripts/check-warehouse runs the DuckDB text
/// for real, scripts/test-warehouse the Spark one.
@Suite("Warehouse SQL")
struct WarehouseSQLTests {
    static func methodology(stats: Bool = false) throws -> Methodology {
        let fixture = try Fixture(SocialFixture.files(stats: stats))
        defer { fixture.remove() }
        return try MethodologyParser.load(fixture.path("methodologies/test-social-2024.yaml"), displayName: "test-social-2024.yaml")
    }

    @Test("every dialect's worked examples", arguments: SQLDialects.ids)
    func examples(id: String) throws {
        let dialect = try #require(SQLDialects.named(id))
        #expect(!dialect.description.examples.isEmpty)
        for example in dialect.description.examples {
            #expect(example.written == example.expected, "\(id): \(example.call) writes \(example.written)")
        }
    }

    @Test("dialect ids are unique and looked up by id")
    func registry() {
        #expect(Set(SQLDialects.ids).count == SQLDialects.all.count)
        #expect(SQLDialects.ids == ["duckdb", "spark", "bigquery", "postgres"])
        #expect(SQLDialects.named("mysql") == nil)
    }

    @Test("both queries in every dialect match their golden files", arguments: SQLDialects.ids)
    func golden(id: String) throws {
        let query = try AccountStatsQuery(Self.methodology(), dialect: try #require(SQLDialects.named(id)))
        let folder = GoldenReportTests.directory.appendingPathComponent("sql")
        for (name, text) in [("\(id).sql", query.select), ("\(id)-duplicates.sql", query.duplicates)] {
            let url = folder.appendingPathComponent(name)
            if GoldenReportTests.recording {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            #expect(text == (try String(contentsOf: url, encoding: .utf8)), "sql/\(name) differs from its golden file")
        }
    }

    @Test("the period, the 64-bit type, quoting and the order are the dialect's", arguments: SQLDialects.ids)
    func dialectPieces(id: String) throws {
        let dialect = try #require(SQLDialects.named(id))
        let query = try AccountStatsQuery(Self.methodology(), dialect: dialect,
                                          tables: .init(posts: "archive.posts", followers: "followers"))
        let select = query.select
        // The fixture's period, 2024-01-01 to 2024-01-14, as date literals.
        #expect(select.contains("utc_day BETWEEN DATE '2024-01-01' AND DATE '2024-01-14'"))
        #expect(select.contains("WHEN snapshot_day <= DATE '2024-01-01' THEN snapshot_day"))
        #expect(select.contains("MAX(CASE WHEN snapshot_day <= DATE '2024-01-14' THEN snapshot_day END) AS end_day"))
        // Every output column a 64-bit integer, named as account_stats.csv names it.
        for column in ["posts", "reactions", "comments", "shares"] {
            #expect(select.contains("CAST(COALESCE(p.\(column), 0) AS \(dialect.integerType)) AS \(dialect.quote(column))"))
        }
        #expect(select.contains("CAST(f0.followers AS \(dialect.integerType)) AS \(dialect.quote("followers_start"))"))
        #expect(select.contains("FROM \(dialect.quote("archive")).\(dialect.quote("posts"))"))
        #expect(select.hasSuffix("ORDER BY \(dialect.byteOrder("a.account_id"))\n"))
        let other = id == "bigquery" ? "BIGINT" : "INT64"
        #expect(!select.contains(other) && !query.duplicates.contains(other))
        // Identifiers are quoted with the dialect's own quote, never another's.
        let foreignQuote: Character = dialect.quote("x").first == "`" ? "\"" : "`"
        let code = select.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined()
        #expect(!code.replacingOccurrences(of: "COLLATE \"C\"", with: "").contains(foreignQuote))
    }

    @Test("methodologies without posts get no query")
    func refusals() throws {
        #expect(throws: WarehouseError.noPosts(ranking: "test-social", file: "test-social-2024.yaml")) {
            try AccountStatsQuery(Self.methodology(stats: true), dialect: DuckDBDialect())
        }
        let fixture = try Fixture(BudgetFixture.files)
        defer { fixture.remove() }
        let budget = try MethodologyParser.load(fixture.path("methodologies/test-budget-2024.yaml"), displayName: "test-budget-2024.yaml")
        #expect(throws: WarehouseError.notSocialMedia(ranking: budget.ranking, file: "test-budget-2024.yaml")) {
            try AccountStatsQuery(budget, dialect: DuckDBDialect())
        }
        #expect(throws: WarehouseError.notSocialMedia(ranking: budget.ranking, file: "test-budget-2024.yaml")) {
            try AccountStatsCSV.figures(budget, inputs: fixture.folder)
        }
    }

    /// Texts podium reads and texts it rejects; the SQL's pattern must take exactly the first.
    static let timestamps: [(String, Bool)] = [
        ("2024-03-05T12:34:56Z", true), ("2024-03-05T12:34:56z", true), ("2024-03-05T14:34:56+02:00", true),
        ("2024-03-05T14:34:56+0200", true), ("2024-03-05T14:34:56+02", true), ("2024-03-05 14:34:56-05:30", true),
        ("2024-03-05T14:34Z", true), ("2024-03-05T14:34+01:00", true), ("2024-03-05T14:34:56.123456789-01:00", true),
        ("2024-06-30T23:59:60Z", true), ("2024-03-05T00:00:00+18:00", true), ("2024-03-05T00:00:00-18:59", true),
        ("2024-02-29T10:00:00Z", true),
        ("2024-03-05T12:34:56", false), ("2024-03-05", false), ("2024-03-05T12:34:56 Z", false), ("2024-03-05T12:34:56+2", false),
        ("2024-03-05T12:34:56+02:0", false), ("2024-03-05T12:34:56+02:", false), ("2024-03-05T12:34:56+19:00", false),
        ("2024-03-05T24:00:00Z", false), ("2024-03-05T12:60:00Z", false), ("2024-03-05T12:34:61Z", false),
        ("2024-03-05T12:34:56.Z", false), ("2024-03-05T12:34.5Z", false), ("2024-3-05T12:34:56Z", false),
        ("2024-13-05T12:34:56Z", false), ("2024-00-05T12:34:56Z", false), ("2024-03-32T12:34:56Z", false),
        ("2024-03-05T12:34:56ZZ", false), ("2024-03-05T12:34:56Z\n", false), (" 2024-03-05T12:34:56Z", false),
        ("2024-03-05t12:34:56Z", false), ("2024-03-05T12:34:56+02:00:00", false), ("2024-03-05T12:34:56UTC", false),
        ("2024-03-05T12:34:56+02:60", false), ("", false),
    ]

    @Test("the SQL's timestamp pattern takes what podium's reader takes", arguments: timestamps)
    func grammar(text: String, podiumReads: Bool) throws {
        let read = Array(text.utf8).withUnsafeBufferPointer { Timestamp.utcDay($0) } != nil
        #expect(read == podiumReads, "podium's reader and this table disagree on \(text.debugDescription)")
        let pattern = try NSRegularExpression(pattern: "^(?:\(AccountStatsQuery.timestampPattern))$")
        let whole = NSRange(text.startIndex..., in: text)
        let matched = pattern.firstMatch(in: text, options: [.anchored], range: whole)?.range == whole
        #expect(matched == podiumReads, "the SQL pattern and podium disagree on \(text.debugDescription)")
    }

    /// PostgreSQL folds constant expressions when it plans a query: a constant message cast to an
    /// integer would stop every query, even over clean data (found on a real server).
    @Test("every message that stops a query names a column, so no planner folds it", arguments: SQLDialects.ids)
    func messagesAreNotConstant(id: String) throws {
        let dialect = try #require(SQLDialects.named(id))
        let select = try AccountStatsQuery(Self.methodology(), dialect: dialect).select
        let marker = dialect.fail("'§'", as: "DATE").components(separatedBy: "'§'")[0]
        let calls = select.components(separatedBy: marker).dropFirst()
        #expect(calls.count == 8)
        for call in calls {
            // The message runs from its opening quote to the first ")" or " AS " after it.
            let message = call.prefix { $0 != ")" }.components(separatedBy: " AS ")[0]
            #expect(message.contains("|| "), "\(id): a constant message: \(message)")
        }
    }

    @Test("a day that does not exist is left to the DATE cast, which every dialect checks")
    func impossibleDay() {
        let text = "2023-02-29T10:00:00Z"
        #expect(Array(text.utf8).withUnsafeBufferPointer { Timestamp.utcDay($0) } == nil)
        for dialect in SQLDialects.all {
            let select = AccountStatsQuery(from: Day(number: 0), to: Day(number: 1), dialect: dialect, origin: "x").select
            #expect(select.contains("CAST(substr(published_at, 1, 10) AS DATE) AS local_day"))
            #expect(select.contains("CASE WHEN local_day IS NULL THEN \(dialect.fail("'posts: published_at is not a date: ' || published_at", as: "DATE"))"))
        }
    }

    @Test("podium's own figures as account_stats.csv: the hand-computed ones, by account id")
    func accountStatsCSV() throws {
        let fixture = try Fixture(SocialFixture.files())
        defer { fixture.remove() }
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-social-2024.yaml"), displayName: "test-social-2024.yaml")
        let csv = AccountStatsCSV.render(try AccountStatsCSV.figures(methodology, inputs: fixture.folder))
        let expected = SocialFixture.stats.split(separator: "\n")
        #expect(csv == ([expected[0]] + expected.dropFirst().sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            .joined(separator: "\n") + "\n")
        // The same text read back as account_stats gives the same figures.
        let back = try Fixture(SocialFixture.files(stats: true).merging(["social/account_stats.csv": csv]) { $1 })
        defer { back.remove() }
        let stats = try MethodologyParser.load(back.path("methodologies/test-social-2024.yaml"), displayName: "test-social-2024.yaml")
        #expect(AccountStatsCSV.render(try AccountStatsCSV.figures(stats, inputs: back.folder)) == csv)
    }
}
