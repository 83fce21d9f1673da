import Foundation
import Testing
@testable import Podium
import PodiumCSV

/// A small social-media ranking over 14 days whose numbers can be worked out by hand.
enum SocialFixture {
    static let accounts = """
        account_id,teryt,owner,platform,handle
        fb-wro,0264011,city,facebook,@wroclaw
        ig-wro,0264011,city,instagram,@wroclaw
        fb-wro-mayor,0264011,mayor,facebook,@prezydent
        fb-lodz,1061011,city,facebook,@lodz
        fb-jawor,0205011,city,facebook,@jawor
        fb-jg,0261011,city,facebook,@jeleniagora

        """

    /// F0/F1 — fb-wro: 1000/1100 (snapshots before and inside; one after the end is ignored);
    /// ig-wro: 200/300 (no snapshot before the start: the earliest inside is F0); mayor: 400/400
    /// (a snapshot on the first day); fb-lodz: 2000/2100; fb-jawor: 5/8; fb-jg: none.
    static let followers = """
        account_id,date,followers
        fb-wro,2023-12-15,1000
        fb-wro,2024-01-10,1100
        fb-wro,2024-01-20,5000
        ig-wro,2024-01-05,200
        ig-wro,2024-01-14,300
        fb-wro-mayor,2024-01-01,400
        fb-wro-mayor,2024-01-14,400
        fb-lodz,2023-12-01,2000
        fb-lodz,2024-01-14,2100
        fb-lodz,2024-01-15,9999
        fb-jawor,2024-01-01,5
        fb-jawor,2024-01-14,8

        """

    /// fb-wro: 5 posts in the period (two of them only by their UTC date), 2 outside.
    static let posts = """
        account_id,post_id,published_at,reactions,comments,shares,views
        fb-wro,1,2024-01-02T10:00:00+01:00,10,2,1,
        fb-wro,2,2024-01-03T10:00:00Z,20,0,0,100
        fb-wro,3,2024-01-04T10:00:00.250+01:00,5,5,5,
        fb-wro,4,2023-12-31T23:30:00-01:00,1,0,0,
        fb-wro,5,2024-01-15T00:30:00+01:00,0,1,0,
        fb-wro,6,2024-01-15T00:00:00Z,1000,0,0,
        fb-wro,7,2023-12-31T23:59:59Z,1000,0,0,
        ig-wro,1,2024-01-05T12:00:00+01:00,100,10,10,5000
        ig-wro,2,2024-01-06T12:00:00+01:00,50,0,0,
        fb-wro-mayor,1,2024-01-07T12:00:00+01:00,4,0,0,
        fb-wro-mayor,2,2024-01-08T12:00:00+01:00,6,0,0,
        fb-lodz,a,2024-01-02T08:00:00+01:00,10,1,1,
        fb-lodz,b,2024-01-03T08:00:00+01:00,10,1,1,
        fb-lodz,c,2024-01-04T08:00:00+01:00,10,1,1,
        fb-lodz,d,2024-01-05T08:00:00+01:00,10,1,1,
        fb-jawor,1,2024-01-05T08:00:00+01:00,1,0,0,
        fb-jawor,2,2024-01-06T08:00:00+01:00,1,0,0,
        fb-jawor,3,2024-01-07T08:00:00+01:00,1,0,0,
        fb-jg,1,2024-01-05T08:00:00+01:00,1,0,0,
        fb-jg,2,2024-01-06T08:00:00+01:00,1,0,0,

        """

    /// The same figures, aggregated elsewhere.
    static let stats = """
        account_id,posts,reactions,comments,shares,followers_start,followers_end
        fb-wro,5,36,8,6,1000,1100
        ig-wro,2,150,10,10,200,300
        fb-wro-mayor,2,10,0,0,400,400
        fb-lodz,4,40,4,4,2000,2100
        fb-jawor,3,3,0,0,5,8
        fb-jg,2,2,0,0,,

        """

    static let population = """
        teryt,year,population
        0264011,2024,640000
        1061011,2024,670000
        0205011,2024,22000
        0261011,2024,80000

        """

    static func files(posts: String = posts, stats: Bool = false) -> [String: String] {
        var methodology = MethodologyText.social
        if stats {
            methodology = methodology.replacingOccurrences(
                of: "  posts: social/posts.csv\n  followers: social/followers.csv\n",
                with: "  account_stats: social/account_stats.csv\n")
        }
        return [
            "registry/TERC.csv": Fixture.terc, "registry/population.csv": population,
            "social/accounts.csv": accounts, "social/followers.csv": followers, "social/posts.csv": posts,
            "social/account_stats.csv": self.stats, "methodologies/test-social-2024.yaml": methodology,
        ]
    }

    static func run(_ files: [String: String]) throws -> RankingResult {
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-social-2024.yaml"),
                                                     displayName: "test-social-2024.yaml")
        return try Pipeline.run(methodology, inputs: fixture.folder)
    }
}

@Suite("Social-media ranking end to end (in process)")
struct SocialPipelineTests {
    @Test("per-account figures follow the period, the UTC date and the snapshot rules")
    func accountFigures() throws {
        let result = try SocialFixture.run(SocialFixture.files())
        let byID = Dictionary(uniqueKeysWithValues: result.accounts.map { ($0.account.id, $0) })
        let wro = try #require(byID["fb-wro"])
        #expect([wro.posts, wro.reactions, wro.comments, wro.shares] == [Int](arrayLiteral: 5, 36, 8, 6))
        #expect([wro.followersStart, wro.followersEnd] == [Int?](arrayLiteral: 1000, 1100))
        #expect([byID["ig-wro"]!.followersStart, byID["ig-wro"]!.followersEnd] == [Int?](arrayLiteral: 200, 300))
        #expect(byID["fb-wro-mayor"]!.followersStart == 400)
        #expect(byID["fb-lodz"]!.followersEnd == 2100)
        #expect(byID["fb-jg"]!.leftOutReason == "no follower snapshot on or before 2024-01-14")
        #expect(result.notes.contains { if case .posts(_, _, _, _, 18, 2) = $0 { true } else { false } })
    }

    @Test("criteria, percent ranks and scores match the hand computation")
    func scores() throws {
        let result = try SocialFixture.run(SocialFixture.files())
        let cities = try #require(result.categories.first { $0.category.id == "miasta" })
        let wro = try #require(cities.entries.firstIndex { $0.unit.code.text == "0264011" })
        // Wrocław, facebook + instagram: P 7, I 220, F0 1200, F1 1400, population 640 000.
        let engagement = try #require(cities.column("engagement_rate")!.raw[wro])
        let growth = try #require(cities.column("weekly_growth")!.raw[wro])
        #expect(abs(engagement - 220.0 / 7 / 1300 * 100) < 1e-12)
        #expect(abs(growth - ((1400.0 / 1200).squareRoot() - 1) * 100) < 1e-12)
        #expect(cities.column("posts_per_week")!.raw[wro] == 3.5)
        #expect(cities.column("reach")!.raw[wro] == 2.1875)
        let files = Dictionary(uniqueKeysWithValues: try ReportSet.render(result).map { ($0.name, $0.contents) })
        // Two entities: the better value ranks 100, the other 0; weights 2, 1, 1, 1.
        #expect(files["miasta.csv"] == """
            rank,teryt,name,voivodeship,score,award
            1,0264011,Wrocław,dolnośląskie,80.00,Złoty Lajk
            2,1061011,Łódź,łódzkie,20.00,Srebrny Lajk

            """)
        #expect(files["wlodarze.csv"] == "rank,teryt,name,voivodeship,score,award\n1,0264011,Wrocław,dolnośląskie,100.00,Złoty Lajk\n")
        #expect(files["not-classified.csv"] == """
            teryt,name,category,reason
            0205011,Jawor,miasta,followers_start 5 is below the minimum 10
            0261011,Jelenia Góra,miasta,no usable account (fb-jg: no follower snapshot on or before 2024-01-14)
            0205011,Jawor,facebook,followers_start 5 is below the minimum 10
            0261011,Jelenia Góra,facebook,no usable account (fb-jg: no follower snapshot on or before 2024-01-14)

            """)
    }

    @Test("account_stats.csv with the same figures gives the same leaderboards, breakdown and awards")
    func equivalentSources() throws {
        let resultFromPosts = try SocialFixture.run(SocialFixture.files())
        let resultFromStats = try SocialFixture.run(SocialFixture.files(stats: true))
        let fromPosts = try ReportSet.render(resultFromPosts)
        let fromStats = try ReportSet.render(resultFromStats)
        #expect(fromPosts.map(\.name) == fromStats.map(\.name))
        // The workbook holds the not-classified units too: every sheet but that one is the same (below).
        for (posts, stats) in zip(fromPosts, fromStats) where posts.name != "not-classified.csv" && !posts.name.hasSuffix(".xlsx") {
            // report.html prints the not-classified reasons too: the same page once they are left out.
            if posts.name == "report.html" {
                #expect(posts.contents.replacingOccurrences(of: #"<td>no usable account \([^<]*\)</td>"#, with: "", options: .regularExpression)
                        == stats.contents.replacingOccurrences(of: #"<td>no usable account \([^<]*\)</td>"#, with: "", options: .regularExpression))
                continue
            }
            #expect(posts == stats, "\(posts.name) differs")
        }
        #expect(RankingWorkbook.workbook(resultFromPosts).sheets.dropLast() == RankingWorkbook.workbook(resultFromStats).sheets.dropLast())
        // Who is not classified is the same; only the wording of a left-out account names its source.
        func who(_ files: [ReportFile]) -> [String] {
            files.first { $0.name == "not-classified.csv" }!.contents.split(separator: "\n").map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        }
        #expect(who(fromPosts) == who(fromStats))
    }

    static let postErrors: [(String, String, String)] = [
        ("fb-wro,3,2024-01-04T10:00:00.250+01:00,5,5,5,", "fb-wro,2,2024-01-04T10:00:00+01:00,5,5,5,",
         "social/posts.csv:4: duplicate post '2' of account 'fb-wro' (first on line 3)"),
        ("fb-jg,2,", "fb-nobody,2,", "social/posts.csv:21: unknown account 'fb-nobody' (not in accounts.csv)"),
        ("ig-wro,2,2024-01-06T12:00:00+01:00,50,", "ig-wro,2,2024-01-06T12:00:00+01:00,-50,",
         "social/posts.csv:10: column 'reactions': '-50' is not a whole number ≥ 0"),
        ("2024-01-06T12:00:00+01:00,50", "2024-02-30T12:00:00+01:00,50",
         "social/posts.csv:10: column 'published_at': '2024-02-30T12:00:00+01:00' is not an ISO 8601 date and time with Z or an offset"),
        ("2024-01-06T12:00:00+01:00,50", "2024-01-06 12:00,50",
         "social/posts.csv:10: column 'published_at': '2024-01-06 12:00' is not an ISO 8601 date and time with Z or an offset"),
        // A long field with a line break is quoted on one line, cut at 40 characters.
        ("2024-01-06T12:00:00+01:00,50", "\"2024-01-06\n\(String(repeating: "x", count: 60))\",50",
         "social/posts.csv:10: column 'published_at': '2024-01-06\\n\(String(repeating: "x", count: 29))… (71 bytes)' is not an ISO 8601 date and time with Z or an offset"),
        ("fb-jg,2,2024-01-06T08:00:00+01:00,1,0,0,", "fb-jg,2,2024-01-06T08:00:00+01:00,9223372036854775807,0,0,",
         "social/posts.csv: the sums of reactions, comments or shares of account 'fb-jg' over the period are too large to count (over 9223372036854775807)"),
        ("10,1,1,\nfb-lodz,d", "10,1,1,x\nfb-lodz,d",
         "social/posts.csv:15: column 'views': 'x' is not a whole number"),
    ]

    @Test("bad posts are errors naming file and line", arguments: postErrors)
    func postError(original: String, broken: String, message: String) throws {
        try #require(SocialFixture.posts.contains(original))
        let files = SocialFixture.files(posts: SocialFixture.posts.replacingOccurrences(of: original, with: broken))
        let error = #expect(throws: (any Error).self) { try SocialFixture.run(files) }
        let text = error.map { String(describing: $0) } ?? "nothing"
        #expect(text.hasSuffix(message), "got: \(text)")
    }

    @Test("account ids and handles are checked as names are", arguments: [
        ("fb-jawor,0205011,city,facebook,@jawor", "fb-jawor,0205011,city,facebook,",
         "social/accounts.csv:6: column 'handle' is empty"),
        ("fb-jawor,0205011,city,facebook,@jawor", "fb-jawor,0205011,city,facebook,@ja\u{0}wor",
         "social/accounts.csv:6: column 'handle': '@ja\\u{0}wor' holds a control character (U+0000)"),
        ("fb-jawor,0205011,city,facebook,@jawor", "\"fb-\njawor\",0205011,city,facebook,@jawor",
         "social/accounts.csv:6: column 'account_id': 'fb-\\njawor' holds a control character (U+000A)"),
    ])
    func accountError(original: String, broken: String, message: String) throws {
        try #require(SocialFixture.accounts.contains(original))
        var files = SocialFixture.files()
        files["social/accounts.csv"] = SocialFixture.accounts.replacingOccurrences(of: original, with: broken)
        let error = #expect(throws: InputError.self) { try SocialFixture.run(files) }
        let text = error?.description ?? "nothing"
        #expect(text.hasSuffix(message), "got: \(text)")
    }

    @Test("timestamps become UTC calendar days", arguments: [
        ("2024-10-31T23:30:00+01:00", "2024-10-31"), ("2023-11-01T00:30:00+01:00", "2023-10-31"),
        ("2024-03-01T23:30:00-02:00", "2024-03-02"), ("2024-02-29T12:00:00Z", "2024-02-29"),
        ("2024-01-01T00:00:00.123456Z", "2024-01-01"), ("2024-06-30T01:00+0200", "2024-06-29"),
        ("2024-06-30 01:00:00+02", "2024-06-29"),
    ])
    func timestamps(text: String, day: String) {
        let parsed = Array(text.utf8).withUnsafeBufferPointer { Timestamp.utcDay($0) }
        #expect(parsed?.description == day)
    }

    @Test("malformed timestamps are rejected", arguments: [
        "2024-01-01", "2024-01-01T12:00:00", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T12:00:00Zx",
        "2023-02-29T12:00:00Z", "2024-01-01T12:00:00+1",
    ])
    func badTimestamps(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { Timestamp.utcDay($0) } == nil)
    }
}

@Suite("Posts read in ranges at once, in any order")
struct PostRangesTests {
    /// The fixture's posts in a shuffled order, with ids of the platforms' shapes, repeated under new
    /// ids so that the file is long enough to cut into several ranges; quoted fields with line breaks
    /// in the id column of some rows, so that cuts must avoid them.
    static func posts(extra: [String] = []) -> String {
        let rows = SocialFixture.posts.split(separator: "\n").dropFirst().map(String.init)
        var out: [String] = []
        for copy in 0..<40 {
            for (index, row) in rows.enumerated() {
                var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[1] = switch (copy + index) % 4 {
                case 0: "\(1_000_000_000_000_000 * 7 + copy * 1000 + index)"         // TikTok-like
                case 1: "10485739\(copy)_8923749\(index)"                              // pageid_postid
                case 2: "dQw4w9\(copy)X\(index)cQ"                                   // YouTube-like
                default: "\"multi\nline \(copy) \(index)\""                           // a quoted line break
                }
                out.append(fields.joined(separator: ","))
            }
        }
        var state: UInt64 = 42
        for index in out.indices.reversed() {   // a fixed shuffle
            state = state &* 6364136223846793005 &+ 1442695040888963407
            out.swapAt(index, Int(state >> 33) % (index + 1))
        }
        return "account_id,post_id,published_at,reactions,comments,shares,views\n" + (out + extra).joined(separator: "\n") + "\n"
    }

    static func load(_ text: String, threads: Int) throws -> (figures: [AccountFigures], summary: SocialMediaSummary) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podium-posts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("posts.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let ids = ["fb-wro", "ig-wro", "fb-wro-mayor", "fb-lodz", "fb-jawor", "fb-jg"]
        var figures = ids.map { AccountFigures(account: Account(id: $0, unit: UnitCode(teryt: "0264011")!, owner: .city, platform: .facebook, handle: $0)) }
        var summary = SocialMediaSummary()
        var options = CSVReadOptions()
        options.minimumRangeBytes = 512
        try SocialMediaLoader.loadPosts(path, options: options, lookup: AccountLookup(ids: ids),
                                        period: (Day(iso: "2024-01-01")!, Day(iso: "2024-01-14")!), threads: threads,
                                        figures: &figures, summary: &summary)
        return (figures, summary)
    }

    /// The error of loading `text`, without the temporary folder, or "no error".
    static func error(loading text: String, threads: Int) -> String {
        do { _ = try load(text, threads: threads); return "no error" } catch {
            return "\(error)".split(separator: "/").last.map(String.init) ?? ""
        }
    }

    @Test("1, 2 and 5 threads give the same sums; the cuts avoid quoted line breaks")
    func sameSums() throws {
        let text = Self.posts()
        let one = try Self.load(text, threads: 1)
        #expect(one.summary.postRanges == 1)
        #expect(one.figures.first { $0.account.id == "fb-wro" }.map { [$0.posts, $0.reactions, $0.comments, $0.shares] } == [200, 1440, 320, 240])
        for threads in [2, 5] {
            let many = try Self.load(text, threads: threads)
            #expect(many.summary.postRanges == threads)
            #expect(many.figures == one.figures)
            #expect(many.summary.postRows == one.summary.postRows)
            #expect(many.summary.postsInPeriod == one.summary.postsInPeriod)
        }
    }

    @Test("a duplicate whose rows fall in different ranges is found, with both lines, whatever the threads")
    func duplicateAcrossRanges() throws {
        // The same TikTok-like id of fb-wro, once in the file's first part, once at its end.
        let text = Self.posts(extra: ["fb-wro,7000000000000000,2024-01-05T10:00:00Z,1,0,0,"])
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(rows.firstIndex { $0.hasPrefix("fb-wro,7000000000000000,") })
        func error(_ threads: Int) -> String { Self.error(loading: text, threads: threads) }
        let expected = error(1)
        #expect(expected.contains("duplicate post '7000000000000000' of account 'fb-wro' (first on line \(first + 1))"), "\(expected)")
        #expect(error(2) == expected)
        #expect(error(5) == expected)
    }

    @Test("a bad row in a later range is reported on its line in the file, the first one in file order winning")
    func errorsInRanges() throws {
        var text = Self.posts()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Two bad rows late in the file: a negative count, then an unknown account.
        let late = lines.count - 40, later = lines.count - 10
        var broken = lines
        broken[late] = "fb-jg,x1,2024-01-05T08:00:00Z,-1,0,0,"
        broken[later] = "fb-nobody,x2,2024-01-05T08:00:00Z,1,0,0,"
        text = broken.joined(separator: "\n")
        func error(_ threads: Int) -> String { Self.error(loading: text, threads: threads) }
        let one = error(1)
        // The line in the file: count the line breaks inside quoted fields before it too.
        let before = broken[..<late].joined(separator: "\n") + "\n"
        let line = before.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
        #expect(one.hasPrefix("posts.csv:\(line): column 'reactions': '-1' is not a whole number ≥ 0"), "\(one)")
        #expect(error(2) == one)
        #expect(error(5) == one)
    }
}
