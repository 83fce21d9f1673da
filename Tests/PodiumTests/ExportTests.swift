import Foundation
import Testing
@testable import Podium
import PodiumCSV

/// Two units, three accounts, a period of the first half of 2024; export files written per test.
enum ExportFixture {
    static let units = "id,name\nA,Alfa\nB,Beta\n"
    static let accounts = """
        account_id,id,owner,platform,handle
        fb-a,A,city,facebook,alfa
        tt-a,A,city,tiktok,@alfa
        fb-b,B,city,facebook,beta

        """
    static let followers = """
        account_id,date,followers
        fb-a,2024-01-01,100
        fb-a,2024-06-30,120
        tt-a,2024-01-01,50
        tt-a,2024-06-30,80
        fb-b,2024-01-01,10
        fb-b,2024-06-30,20

        """
    static let period = Period.dates(from: Day(year: 2024, month: 1, day: 1)!, to: Day(year: 2024, month: 6, day: 30)!)
    static let metaHeader = "\u{FEFF}Post ID,Page ID,Description,Publish time,Post type,Reactions,Comments,Shares,Views\n"

    static let meta = "{folder: exports/meta, format: meta_posts, timezone: Europe/Warsaw}"

    /// Reads the fixture's social-media inputs with `parameters` (YAML, the keys of `inputs`) and
    /// `files` (path → text) besides accounts.csv, followers.csv and units.csv (or instead of them).
    static func load(_ parameters: String, files: [String: String], threads: Int = 1) throws -> SocialMediaData {
        let fixture = try Fixture(["units.csv": units, "accounts.csv": accounts, "followers.csv": followers].merging(files) { $1 })
        defer { fixture.remove() }
        let register = try UnitTableLoader.load(fixture.path("units.csv"))
        let source = try SocialMedia(parameters: .example(parameters, keys: SocialMedia.description.parameters.map(\.name)))
        var request = SourceRequest(register: register, folder: fixture.folder, methodologyFile: "test.yaml", period: period, progress: nil)
        request.threads = threads
        return try source.load(request) as! SocialMediaData
    }

    /// The fixture with `text` as fb-a's Meta export, its source and a request to load it (to set a row limit on).
    static func metaSource(_ text: String) throws -> (fixture: Fixture, source: SocialMedia, request: SourceRequest) {
        let fixture = try Fixture(["units.csv": units, "accounts.csv": accounts, "followers.csv": followers, "exports/meta/fb-a.csv": text])
        let register = try UnitTableLoader.load(fixture.path("units.csv"))
        let source = try SocialMedia(parameters: .example("{accounts: accounts.csv, followers: followers.csv, exports: [\(meta)]}",
                                                          keys: SocialMedia.description.parameters.map(\.name)))
        return (fixture, source, SourceRequest(register: register, folder: fixture.folder, methodologyFile: "test.yaml", period: period, progress: nil))
    }

    static func error(_ parameters: String, files: [String: String]) -> String {
        do {
            _ = try load(parameters, files: files)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    static func figures(_ data: SocialMediaData, _ id: String) -> [Int] {
        guard let figure = data.accounts.first(where: { $0.account.id == id }) else { return [] }
        return [figure.posts, figure.reactions, figure.comments, figure.shares]
    }

    static func exports(_ data: SocialMediaData) -> [ExportSummary] {
        data.notes.compactMap { if case .exports(let summary) = $0 { summary } else { nil } }
    }
}

@Suite("Platform exports: counts, time zones, formats, merging, errors")
struct ExportTests {
    // MARK: counts

    @Test("counts: digits, thousands commas, K and M read exactly", arguments: [
        ("0", 0), ("7", 7), ("18400", 18400), ("18,400", 18400), ("1,234,567", 1_234_567), ("1.2K", 1200), ("32.3K", 32300),
        ("1K", 1000), ("1.05K", 1050), ("1.999K", 1999), ("2M", 2_000_000), ("7.25M", 7_250_000), ("1.000001M", 1_000_001),
        ("0.1K", 100), ("9223372036854775807", Int.max),
    ])
    func counts(text: String, value: Int) {
        #expect(parse(text) == value)
    }

    @Test("not counts: fractions, bad groups, signs, overflow", arguments: [
        "1,23", "12,3456", ",123", "1,,234", "123,", "1.2345K", "1.2.3K", "K", "1.K", ".5K", "-1", "+1", "12.5", "1.2k",
        "1.2KB", "1 200", "9223372036854775808", "9999999999999999K", "10000000000000M", "1.2345678M",
    ])
    func notCounts(text: String) {
        #expect(parse(text) == nil, "\(text)")
    }

    @Test("thousands commas and K forms agree with an independent formatting of many numbers")
    func countsRoundTrip() {
        var state: UInt64 = 2024
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let value = Int(state >> 20) % 50_000_000
            let digits = String(value)
            var grouped = ""
            for (index, character) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            #expect(parse(grouped) == value)
            // value / 1000 with all three decimals written out: exact.
            let short = "\(value / 1000).\(String(1000 + value % 1000).dropFirst())K"
            #expect(parse(short) == value, "\(short)")
        }
    }

    private func parse(_ text: String) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { ExportCount.parse($0) }
    }

    // MARK: time zones

    private func utc(_ zone: String, _ local: String) throws -> String {
        let rules = try #require(ZoneRules.named(zone))
        let pattern = try TimePattern("YYYY-MM-DD hh:mm")
        guard case .local(let seconds) = Array(local.utf8).withUnsafeBufferPointer({ pattern.match($0) }) else {
            Issue.record("\(local) is no local time")
            return ""
        }
        let instant = rules.utc(fromLocal: seconds)
        let day = Day(number: ExportFileReader.floorDay(instant))
        let clock = instant - day.number * 86400
        return "\(day)T" + String(format: "%02d:%02d", clock / 3600, clock / 60 % 60) + "Z"
    }

    @Test("Europe/Warsaw: the spring gap moves forward, the autumn overlap takes the summer offset", arguments: [
        ("2024-03-31 01:59", "2024-03-31T00:59Z"), ("2024-03-31 02:00", "2024-03-31T01:00Z"),
        ("2024-03-31 02:30", "2024-03-31T01:30Z"), ("2024-03-31 03:00", "2024-03-31T01:00Z"),
        ("2024-03-31 03:30", "2024-03-31T01:30Z"), ("2024-10-27 01:59", "2024-10-26T23:59Z"),
        ("2024-10-27 02:00", "2024-10-27T00:00Z"), ("2024-10-27 02:30", "2024-10-27T00:30Z"),
        ("2024-10-27 02:59", "2024-10-27T00:59Z"), ("2024-10-27 03:00", "2024-10-27T02:00Z"),
        ("2023-11-01 00:30", "2023-10-31T23:30Z"), ("2024-07-01 00:30", "2024-06-30T22:30Z"),
        ("2021-03-28 02:15", "2021-03-28T01:15Z"), ("1990-01-01 12:00", "1990-01-01T11:00Z"),
    ])
    func warsaw(local: String, expected: String) throws {
        #expect(try utc("Europe/Warsaw", local) == expected)
    }

    @Test("other zones: New York's gap and overlap, a zone without DST, UTC", arguments: [
        ("America/New_York", "2024-03-10 02:30", "2024-03-10T07:30Z"), ("America/New_York", "2024-11-03 01:30", "2024-11-03T05:30Z"),
        ("America/New_York", "2024-11-03 02:30", "2024-11-03T07:30Z"), ("Asia/Kolkata", "2024-06-01 05:30", "2024-06-01T00:00Z"),
        ("UTC", "2024-03-31 02:30", "2024-03-31T02:30Z"), ("Australia/Lord_Howe", "2024-10-06 02:15", "2024-10-05T15:45Z"),
    ])
    func otherZones(zone: String, local: String, expected: String) throws {
        #expect(try utc(zone, local) == expected)
    }

    // Expected values from Python's zoneinfo with fold=0.
    @Test("before 1900 and after 2200, outside the offset table: the same rules, from the zone itself", arguments: [
        ("Europe/Warsaw", "2200-07-01 01:30", "2200-06-30T23:30Z"), ("Europe/Warsaw", "2199-12-31 12:00", "2199-12-31T11:00Z"),
        ("Europe/Warsaw", "2199-12-30 23:30", "2199-12-30T22:30Z"), ("Europe/Warsaw", "2250-03-31 02:30", "2250-03-31T01:30Z"),
        ("Europe/Warsaw", "2250-10-27 02:30", "2250-10-27T00:30Z"), ("Europe/Warsaw", "2250-07-01 00:30", "2250-06-30T22:30Z"),
        ("Europe/Warsaw", "1850-01-01 00:30", "1849-12-31T23:06Z"), ("Europe/Warsaw", "1899-12-31 12:00", "1899-12-31T10:36Z"),
        ("America/New_York", "2300-03-10 02:30", "2300-03-10T07:30Z"), ("America/New_York", "1850-06-01 12:00", "1850-06-01T16:56Z"),
    ])
    func outsideTable(zone: String, local: String, expected: String) throws {
        #expect(try utc(zone, local) == expected)
    }

    @Test("every quarter hour of 2024 in Warsaw and New York: a time that exists once comes back through Foundation's own offset")
    func independentRecomputation() throws {
        for name in ["Europe/Warsaw", "America/New_York"] {
            let rules = try #require(ZoneRules.named(name)), zone = try #require(TimeZone(identifier: name))
            let start = Day(year: 2024, month: 1, day: 1)!.number * 86400
            for step in 0..<(366 * 96) {
                let local = start + step * 900
                let instant = rules.utc(fromLocal: local)
                let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
                let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - offset - 7200)))
                let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - offset + 7200)))
                if before == after {
                    #expect(instant + offset == local, "\(name) \(local)")
                }
            }
        }
    }

    // MARK: time patterns

    @Test("a time pattern must place a post in time", arguments: [
        ("MM/DD hh:mm", "no year"), ("YYYY-DD", "no month"), ("YYYY-MM", "no day"), ("YYYY-MM-DD hh", "needs minutes"),
        ("YYYY-MM-DDZ", "an offset (Z) needs a time"), ("YY-MM-DD", "is no field"), ("YYYY-MM-DD ss", "seconds"),
    ])
    func badPatterns(text: String, fragment: String) {
        do {
            _ = try TimePattern(text)
            Issue.record("\(text) accepted")
        } catch {
            #expect(error.message.contains(fragment), "\(text): \(error.message)")
        }
    }

    @Test("patterns with an offset give instants, without a time the date as written")
    func patternKinds() throws {
        func match(_ pattern: String, _ text: String) throws -> TimePattern.Moment? {
            let compiled = try TimePattern(pattern)
            return Array(text.utf8).withUnsafeBufferPointer { compiled.match($0) }
        }
        let day = Day(year: 2024, month: 9, day: 22)!.number
        #expect(try match("YYYY-MM-DD hh:mmZ", "2024-09-22 00:30+02:00") == .utc(day * 86400 - 5400))
        #expect(try match("YYYY-MM-DD hh:mmZ", "2024-09-22 00:30Z") == .utc(day * 86400 + 1800))
        #expect(try match("MMM D, YYYY", "Sep 22, 2024") == .day(day))
        #expect(try match("MMM D, YYYY", "sep 2, 2024") == .day(day - 20))
        #expect(try match("M/D/YYYY h:mm", "9/22/2024 7:05") == .local(day * 86400 + 7 * 3600 + 300))
        #expect(try match("iso8601", "2024-09-22T00:30:00.5+02:00") == .utc(day * 86400 - 5400))
        #expect(try match("MM/DD/YYYY hh:mm", "02/30/2024 10:00") == nil)
        #expect(try match("MM/DD/YYYY hh:mm", "09/22/2024 24:00") == nil)
        #expect(try match("MM/DD/YYYY hh:mm", "09/22/2024 10:00 ") == nil)
        #expect(try match("MMM D, YYYY", "Sept 22, 2024") == nil)
    }

    // MARK: folders

    @Test("overlapping exports: an identical post counts once, a changed one takes the file whose name sorts last")
    func overlapping() throws {
        let older = ExportFixture.metaHeader
            + "p1,1,\"Festyn,\nsobota\",01/10/2024 12:00,Photos,10,1,1,100\n"
            + "p2,1,Sesja,02/10/2024 12:00,Links,20,2,,\n"       // in both files, the same figures
            + "p3,1,Wybory,03/10/2024 12:00,Photos,30,3,3,\n"     // in both, the later export has more
            + "p9,1,Stary,12/31/2023 12:00,Photos,1000,0,0,\n"    // outside the period
        let newer = ExportFixture.metaHeader
            + "p3,1,Wybory,03/10/2024 12:00,Photos,35,4,3,\n"
            + "p2,1,Sesja,02/10/2024 12:00,Links,20,2,0,\n"
            + "p4,1,Lato,07/01/2024 01:30,Reels,40,4,4,\n"         // 2024-06-30T23:30Z: inside
        let files = ["exports/meta/fb-a--2024-03.csv": older, "exports/meta/fb-a--2024-07.csv": newer]
        for threads in [1, 3] {
            let data = try ExportFixture.load("{accounts: accounts.csv, followers: followers.csv, exports: [\(ExportFixture.meta)]}",
                                              files: files, threads: threads)
            #expect(ExportFixture.figures(data, "fb-a") == [4, 10 + 20 + 35 + 40, 1 + 2 + 4 + 4, 1 + 0 + 3 + 4])
            let summary = try #require(ExportFixture.exports(data).first)
            #expect(summary.files == 2 && summary.accounts == 1 && summary.rows == 7)
            #expect(summary.identicalDuplicates == 1 && summary.replacedDuplicates == 1)
            #expect(summary.inPeriod == 4 && summary.outsidePeriod == 1)
            #expect(summary.emptyCounts == 1)
            let read = data.notes.inputFiles.filter { $0.path.hasPrefix("exports/") }
            #expect(read.map(\.path) == ["exports/meta/fb-a--2024-03.csv", "exports/meta/fb-a--2024-07.csv"])
            #expect(read.map(\.read) == [4, 3])
            #expect(read[0].skipped == [.init(.outsidePeriod, 1), .init(.summaryRow, 0)])
        }
    }

    @Test("<account>.csv sorts after <account>--<label>.csv, so its figures win")
    func plainNameSortsLast() throws {
        let files = ["exports/meta/fb-a--2024-12.csv": ExportFixture.metaHeader + "p1,1,x,01/10/2024 12:00,Photos,10,1,1,\n",
                     "exports/meta/fb-a.csv": ExportFixture.metaHeader + "p1,1,x,01/10/2024 12:00,Photos,12,1,1,\n"]
        let data = try ExportFixture.load("{accounts: accounts.csv, followers: followers.csv, exports: [\(ExportFixture.meta)]}", files: files)
        #expect(ExportFixture.figures(data, "fb-a") == [1, 12, 1, 1])
    }

    @Test("posts.csv and exports together, each account from one; YouTube's Total row skipped")
    func mixed() throws {
        let posts = "account_id,post_id,published_at,reactions,comments,shares,views\nfb-b,1,2024-02-01T10:00:00Z,5,1,0,\n"
        let youtube = "Content,Video title,Video publish time,Views,Likes,Comments added,Shares\n"
            + "Total,,,\"1,000\",300,30,3\nabc,,\"Jan 5, 2024\",900,300,30,3\n"
        let parameters = "{accounts: accounts.csv, followers: followers.csv, posts: posts.csv, exports: [\(ExportFixture.meta), "
            + "{folder: exports/yt, format: youtube_studio}]}"
        let data = try ExportFixture.load(parameters, files: [
            "posts.csv": posts, "exports/yt/yt-a.csv": youtube,
            "accounts.csv": ExportFixture.accounts + "yt-a,A,city,youtube,@alfa\n",
            "followers.csv": ExportFixture.followers + "yt-a,2024-01-01,5\nyt-a,2024-06-30,6\n",
            "exports/meta/fb-a.csv": ExportFixture.metaHeader + "p1,1,x,01/10/2024 12:00,Photos,1.2K,\"1,005\",2,\n",
        ])
        #expect(ExportFixture.figures(data, "fb-a") == [1, 1200, 1005, 2])
        #expect(ExportFixture.figures(data, "yt-a") == [1, 300, 30, 3])
        #expect(ExportFixture.figures(data, "fb-b") == [1, 5, 1, 0])
        let summaries = ExportFixture.exports(data)
        #expect(summaries.map(\.summaryRows) == [0, 1])
        #expect(summaries.map(\.timezone) == ["Europe/Warsaw", nil])
        #expect(data.notes.inputFiles.map(\.path) == ["accounts.csv", "followers.csv", "posts.csv", "exports/meta/fb-a.csv", "exports/yt/yt-a.csv"])
        // UnitA sums its two accounts.
        #expect(data.values(of: UnitCode(id: "A")!).total("reactions") == 1500)
    }

    @Test("a format written inline in the methodology, with the keys of the built-in ones")
    func inlineFormat() throws {
        let format = """
            {post_id: {column: [Link, URL], after: /p/}, published_at: {column: When, patterns: ["DD.MM.YYYY hh:mm", "YYYY-MM-DD"]},
             reactions: [Likes, Reactions], comments: Replies, shares: {column: Reposts}, views: {column: Views, optional: true},
             skip_rows: [{column: When, value: Summary}]}
            """
        let text = "URL,When,Likes,Replies,Reposts\nhttps://x.example/p/17?ref=1,31.03.2024 02:30,1.5K,3,\n"
            + "x,Summary,9,9,9\nhttps://x.example/p/18,2024-06-30,\"2,000\",0,1\nhttps://x.example/p/19,01.07.2024 01:30,1,1,1\n"
        let parameters = "{accounts: accounts.csv, followers: followers.csv, exports: [{folder: ex, format: \(format), timezone: Europe/Warsaw}]}"
        let data = try ExportFixture.load(parameters, files: ["ex/tt-a.csv": text])
        // 19 is 2024-06-30T23:30Z: inside.
        #expect(ExportFixture.figures(data, "tt-a") == [3, 3501, 4, 2])
        let summary = try #require(ExportFixture.exports(data).first)
        #expect(summary.format == "inline" && summary.summaryRows == 1 && summary.emptyCounts == 1)
    }

    @Test("an inline format's reactions per platform: each account reads its platform's column; the keys are its platforms")
    func inlineReactionsPerPlatform() throws {
        let format = "{post_id: {column: Id, number: true}, published_at: {column: W, patterns: [iso8601]}, "
            + "reactions: {facebook: Reactions, instagram: [Likes, Like count]}, comments: C, shares: S}"
        let parameters = "{accounts: accounts.csv, followers: followers.csv, exports: [{folder: ex, format: \(format)}]}"
        let text = "Id,W,Likes,Reactions,C,S\n1,2024-02-01T10:00:00Z,9,5,1,1\n"
        let data = try ExportFixture.load(parameters, files: ["ex/fb-a.csv": text])
        #expect(ExportFixture.figures(data, "fb-a") == [1, 5, 1, 1])
        #expect(ExportFixture.error(parameters, files: ["ex/tt-a.csv": text])
            .hasSuffix("ex/tt-a.csv: account 'tt-a' is a tiktok account (accounts.csv), but this folder is read as 'inline', the export of facebook and instagram accounts; put its exports in a folder of its platform's format"))
        #expect(ExportFixture.error(parameters, files: ["ex/fb-a.csv": "Id,W,Likes,C,S\n1,2024-02-01T10:00:00Z,9,1,1\n"])
            .hasSuffix("ex/fb-a.csv:1: the header does not match the export format 'inline': missing 'Reactions' (facebook); found 'Id', 'W', 'Likes', 'C', 'S'"))
        #expect(ExportFixture.error(parameters, files: ["ex/fb-a.csv": "Id,W,Likes,Reactions,C,S\nA1,2024-02-01T10:00:00Z,9,5,1,1\n"])
            .hasSuffix("ex/fb-a.csv:2: column 'Id': 'A1' has no number as its post id"))
    }

    @Test("an inline format's mistakes are methodology errors at their key", arguments: [
        ("{post_id: Id, published_at: When, reactions: L, comments: C, shares: S}", "published_at: give the time's column and patterns"),
        ("{post_id: Id, published_at: {column: When, patterns: [\"MM/DD hh:mm\"]}, reactions: L, comments: C, shares: S}",
         "published_at.patterns[0]: time pattern 'MM/DD hh:mm': no year"),
        ("{post_id: Id, published_at: {column: W, patterns: [iso8601]}, reactions: L, comments: C, shares: S, likes: X}",
         "unknown key 'likes'; valid keys here: post_id, published_at, reactions, comments, shares, views, skip_rows, platforms"),
        ("{post_id: Id, published_at: {column: W, patterns: [iso8601]}, reactions: L, comments: C, shares: S, platforms: [tik_tok]}",
         "platforms[0]: unknown platform 'tik_tok'; platforms: facebook, instagram, tiktok, youtube, x, linkedin"),
        ("{post_id: Id, published_at: {column: W, patterns: [iso8601]}, reactions: L, comments: C, shares: S, platforms: []}",
         "platforms: expected at least one platform, or leave the key out for any"),
        ("{post_id: Id, published_at: {column: W, patterns: [iso8601]}, reactions: {column: L, optional: true}, comments: C, shares: S}",
         "only views may be optional"),
        ("{post_id: Id, published_at: {column: W, patterns: [iso8601]}, comments: C, shares: S}", "missing required key 'reactions'"),
        ("{post_id: Id, published_at: {column: W, patterns: [iso8601]}, reactions: {facebok: R}, comments: C, shares: S}",
         "reactions.facebok: unknown key 'facebok'; valid keys here: facebook, instagram, tiktok, youtube, x, linkedin"),
        ("{post_id: Id, published_at: {column: W, patterns: [iso8601]}, reactions: {facebook: R}, comments: C, shares: S, platforms: [facebook, tiktok]}",
         "reactions: no reactions column for tiktok, one of the format's platforms"),
        ("{post_id: Id, published_at: {column: W, patterns: [iso8601]}, reactions: {}, comments: C, shares: S}",
         "reactions: expected a column for at least one platform"),
        ("{post_id: {column: Id, number: 3}, published_at: {column: W, patterns: [iso8601]}, reactions: R, comments: C, shares: S}",
         "post_id.number: expected true or false"),
    ])
    func inlineFormatErrors(format: String, fragment: String) {
        let parameters = "{accounts: accounts.csv, followers: followers.csv, exports: [{folder: ex, format: \(format)}]}"
        let message = ExportFixture.error(parameters, files: ["ex/tt-a.csv": "Id\n"])
        #expect(message.contains(fragment), "\(message)")
    }

    @Test("an inline format with instants only needs no time zone")
    func inlineWithoutZone() throws {
        let parameters = "{accounts: accounts.csv, followers: followers.csv, exports: [{folder: ex, format: "
            + "{post_id: Id, published_at: {column: W, patterns: [iso8601]}, reactions: L, comments: C, shares: S}}]}"
        let data = try ExportFixture.load(parameters, files: ["ex/fb-b.csv": "Id,W,L,C,S\n1,2024-06-30T23:30:00-01:00,1,1,1\n"])
        #expect(ExportFixture.figures(data, "fb-b") == [0, 0, 0, 0])   // 2024-07-01T00:30Z: after the period
        #expect(ExportFixture.exports(data).first?.outsidePeriod == 1)
    }

    // MARK: errors

    @Test("every error names its file (and line and column), as the issue asks; a row's line is the one it starts on")
    func errors() {
        let meta = "{accounts: accounts.csv, followers: followers.csv, exports: [\(ExportFixture.meta)]}"
        func error(_ files: [String: String], _ parameters: String = meta) -> String {
            ExportFixture.error(parameters, files: files).replacingOccurrences(of: #"/[^ ]*podium-fixture-[^/]*/"#, with: "", options: .regularExpression)
        }
        let row = "p1,1,x,01/10/2024 12:00,Photos,1,1,1,\n"
        #expect(error(["exports/meta/fb-aa.csv": ExportFixture.metaHeader + row])
            == "exports/meta/fb-aa.csv: the file name names no account of accounts.csv ('fb-aa'); close matches: fb-a, fb-b; name export files <account_id>.csv or <account_id>--<label>.csv")
        #expect(error(["exports/meta/Table data.csv": ExportFixture.metaHeader + row])
            == "exports/meta/Table data.csv: the file name names no account of accounts.csv ('Table data'); name export files <account_id>.csv or <account_id>--<label>.csv")
        #expect(error(["exports/meta/fb-a.csv": ExportFixture.metaHeader + row,
                       "posts.csv": "account_id,post_id,published_at,reactions,comments,shares,views\nfb-b,1,2024-02-01T10:00:00Z,5,1,0,\nfb-a,1,2024-02-01T10:00:00Z,5,1,0,\n"],
                      "{accounts: accounts.csv, followers: followers.csv, posts: posts.csv, exports: [\(ExportFixture.meta)]}").hasSuffix(
            "posts.csv:3: account 'fb-a' has posts in two sources: this file and exports/meta/fb-a.csv; an account's posts must come from one source"))
        #expect(error(["exports/meta/fb-a.csv": ExportFixture.metaHeader + row, "exports/other/fb-a--2024.csv": ExportFixture.metaHeader + row],
                      "{accounts: accounts.csv, followers: followers.csv, exports: [\(ExportFixture.meta), {folder: exports/other, format: meta_posts, timezone: UTC}]}").hasSuffix(
            "exports/other/fb-a--2024.csv: account 'fb-a' has posts in two sources: exports/meta/fb-a.csv and this file; an account's posts must come from one source"))
        // A TikTok account's export in the folder read as Meta's: the accounts' platform decides.
        #expect(error(["exports/meta/fb-a.csv": ExportFixture.metaHeader + row, "exports/meta/tt-a.csv": ExportFixture.metaHeader + row])
            == "exports/meta/tt-a.csv: account 'tt-a' is a tiktok account (accounts.csv), but this folder is read as 'meta_posts', the export of facebook and instagram accounts; put its exports in a folder of its platform's format")
        let inline = "{post_id: Id, published_at: {column: W, patterns: [iso8601]}, reactions: L, comments: C, shares: S, platforms: [tiktok]}"
        #expect(error(["ex/fb-b.csv": "Id,W,L,C,S\n1,2024-02-01T10:00:00Z,1,1,1\n"],
                      "{accounts: accounts.csv, followers: followers.csv, exports: [{folder: ex, format: \(inline)}]}")
            == "ex/fb-b.csv: account 'fb-b' is a facebook account (accounts.csv), but this folder is read as 'inline', the export of tiktok accounts; put its exports in a folder of its platform's format")
        #expect(error(["exports/meta/fb-a.csv": "Id,Title,Publish time,Likes\n1,a,01/10/2024 12:00,1\n"])
            == "exports/meta/fb-a.csv:1: the header does not match the export format 'meta_posts': missing 'Post ID', 'Reactions' (facebook), 'Comments', 'Shares'; found 'Id', 'Title', 'Publish time', 'Likes'")
        #expect(error(["exports/meta/fb-a.csv": ExportFixture.metaHeader + row + "p2,1,\"two\nlines\",2024-01-10 12:00,Photos,1,1,1,\n"])
            == "exports/meta/fb-a.csv:3: column 'Publish time': '2024-01-10 12:00' is not a time of the form MM/DD/YYYY hh:mm")
        #expect(error(["exports/meta/fb-a.csv": ExportFixture.metaHeader + "p1,1,x,,Photos,1,1,1,\n"])
            == "exports/meta/fb-a.csv:2: column 'Publish time': empty")
        #expect(error(["exports/meta/fb-a.csv": ExportFixture.metaHeader + "p1,1,x,01/10/2024 12:00,Photos,1,1.5,1,\n"])
            == "exports/meta/fb-a.csv:2: column 'Comments': '1.5' is not a count (digits, 18,400 or 1.2K)")
        #expect(error(["exports/meta/fb-a.csv": ExportFixture.metaHeader + "p1,1,x,01/10/2024 12:00,Photos,1,1,1,n/a\n"])
            == "exports/meta/fb-a.csv:2: column 'Views': 'n/a' is not a count (digits, 18,400 or 1.2K)")
        #expect(error(["exports/meta/fb-a.csv": ExportFixture.metaHeader + row + row])
            == "exports/meta/fb-a.csv:3: duplicate post 'p1' (first on line 2)")
        #expect(error(["exports/meta/fb-a.csv": ExportFixture.metaHeader + ",1,x,01/10/2024 12:00,Photos,1,1,1,\n"])
            == "exports/meta/fb-a.csv:2: column 'Post ID' is empty")
        #expect(error([:]).hasSuffix("exports/meta: export folder not found (named by test.yaml)"))
        #expect(error([:], "{accounts: accounts.csv, followers: followers.csv, exports: [{folder: e, format: meta_posts, timezone: Europe/Warsw}]}")
            == "example:1:104: parameters.exports[0].timezone: unknown time zone 'Europe/Warsw'; close matches: Europe/Warsaw (IANA names such as Europe/Warsaw, time zone database \(ZoneRules.databaseVersion))")
        #expect(error([:], "{accounts: accounts.csv, followers: followers.csv, exports: [{folder: e, format: meta_posts}]}")
            == "example:1:62: parameters.exports[0]: missing required key 'timezone': format 'meta_posts' reads local times (name their IANA time zone, e.g. Europe/Warsaw)")
        #expect(error([:], "{accounts: accounts.csv, followers: followers.csv, exports: [{folder: e, format: meta_post, timezone: UTC}]}")
            == "example:1:82: parameters.exports[0].format: unknown export format 'meta_post'; known formats: meta_posts, youtube_studio, tiktok_studio")
        #expect(error([:], "{accounts: accounts.csv, account_stats: s.csv, exports: [\(ExportFixture.meta)]}")
            .contains("give either 'posts' and/or 'exports' with 'followers', or 'account_stats' instead of them"))
    }

    @Test("an export file's digest is computed as it is read, equal to hashing the file; none after a row limit")
    func digestWhileReading() throws {
        let text = ExportFixture.metaHeader + "p1,1,x,01/10/2024 12:00,Photos,1,1,1,\np2,1,x,01/11/2024 12:00,Photos,1,1,1,\n"
        let (fixture, source, first) = try ExportFixture.metaSource(text)
        defer { fixture.remove() }
        var request = first
        let read = try #require(try source.load(request).notes.inputFiles.last)
        #expect(read.path == "exports/meta/fb-a.csv")
        #expect(read.digest == (try SHA256.file(fixture.path("exports/meta/fb-a.csv"))))
        request.limit = .first(1)
        #expect(try source.load(request).notes.inputFiles.last?.digest == nil)
    }

    @Test("reading an export folder reports its progress: the folder, a share of its accounts that only grows, ending at 1")
    func progressOfFolder() throws {
        let (fixture, source, first) = try ExportFixture.metaSource(ExportFixture.metaHeader + "p1,1,x,01/10/2024 12:00,Photos,1,1,1,\n")
        defer { fixture.remove() }
        try fixture.write("exports/meta/fb-b.csv", ExportFixture.metaHeader + "q1,1,x,01/10/2024 12:00,Photos,2,2,2,\n")
        let seen = Seen()
        var request = SourceRequest(register: first.register, folder: first.folder, methodologyFile: first.methodologyFile,
                                    period: first.period, progress: { seen.add($0, $1) })
        request.threads = 2
        _ = try source.load(request)
        let calls = seen.calls.filter { $0.file.hasSuffix("exports/meta") }
        #expect(calls.map(\.share) == [0.5, 1.0])
    }

    @Test("a row limit (podium validate) reads the first rows of every export file")
    func rowLimit() throws {
        let text = ExportFixture.metaHeader + "p1,1,x,01/10/2024 12:00,Photos,1,1,1,\np2,1,x,01/11/2024 12:00,Photos,1,1,1,\np3,1,x,not a time,Photos,1,1,1,\n"
        let (fixture, source, first) = try ExportFixture.metaSource(text)
        defer { fixture.remove() }
        var request = first
        request.limit = .first(2)
        let data = try source.load(request)
        #expect(data.notes.inputFiles.last == InputFileRead(path: "exports/meta/fb-a.csv", read: 2,
                                                            skipped: [.init(.outsidePeriod, 0), .init(.summaryRow, 0)]))
    }
}

/// Progress calls, collected from any thread.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [(file: String, share: Double)] = []
    func add(_ file: String, _ share: Double) { lock.lock(); list.append((file, share)); lock.unlock() }
    var calls: [(file: String, share: Double)] { lock.lock(); defer { lock.unlock() }; return list }
}
