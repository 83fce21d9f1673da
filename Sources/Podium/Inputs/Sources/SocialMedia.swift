/// Municipal and mayors' social-media accounts: posts and follower snapshots (summed per account
/// over the period as they stream), or per-account figures aggregated elsewhere. A category takes
/// the units with at least one account of its owner type on its platforms.
struct SocialMedia: MetricSource {
    static let description = KindDescription(
        id: "social_media",
        name: "Social-media accounts",
        summary: "accounts.csv, then either posts.csv and/or folders of platform exports, and followers.csv (P, R, C, S summed over the period by the UTC date of published_at; F0 the latest snapshot on or before the start, else the earliest inside; F1 the latest on or before the end) or account_stats.csv with those figures per account. An account without F0 or F1 is left out of every sum; an account's posts come from one source.",
        formula: "per unit and category: Σ over its usable accounts",
        parameters: [
            ParameterDescription(name: "accounts", meaning: "account_id, teryt, owner, platform, handle"),
            ParameterDescription(name: "posts", meaning: "account_id, post_id, published_at, reactions, comments, shares (with followers)"),
            ParameterDescription(name: "exports", meaning: "folders of platform exports, one file per account: [{folder, format, timezone}] (with followers; besides or instead of posts)"),
            ParameterDescription(name: "followers", meaning: "account_id, date, followers (with posts or exports)"),
            ParameterDescription(name: "account_stats", meaning: "per-account figures instead of posts and followers"),
        ])

    static let exampleChecks = checks([
        // Posts count by the UTC date of published_at: 00:30 at +02:00 on the 15th is the 14th in UTC,
        // inside the period; 00:30Z on the 15th is after it. F0 is the snapshot before the start, F1
        // the latest on or before the end.
        SourceExample("{accounts: a.csv, posts: p.csv, followers: f.csv}", units: "id,name\nA,Alfa\n",
                      files: ["a.csv": "account_id,id,owner,platform,handle\nfb-a,A,city,facebook,alfa\n",
                              "p.csv": "account_id,post_id,published_at,reactions,comments,shares,views\n"
                                  + "fb-a,1,2024-01-01T10:00:00Z,10,2,1,\nfb-a,2,2024-01-14T23:30:00Z,5,0,0,\nfb-a,3,2024-01-15T00:30:00+02:00,7,0,0,\n"
                                  + "fb-a,4,2024-01-15T00:30:00Z,100,0,0,\n",
                              "f.csv": "account_id,date,followers\nfb-a,2023-12-31,100\nfb-a,2024-01-14,120\nfb-a,2024-02-01,999\n"],
                      period: .dates(from: Day(year: 2024, month: 1, day: 1)!, to: Day(year: 2024, month: 1, day: 14)!),
                      values: ["A": ["posts": 3, "reactions": 22, "comments": 2, "shares": 1, "followers_start": 100, "followers_end": 120]]),
        // Account stats aggregated elsewhere; two accounts of one unit are summed.
        SourceExample("{accounts: a.csv, account_stats: s.csv}", units: "id,name\nA,Alfa\n",
                      files: ["a.csv": "account_id,id,owner,platform,handle\nfb-a,A,city,facebook,alfa\nig-a,A,city,instagram,alfa\n",
                              "s.csv": "account_id,posts,reactions,comments,shares,followers_start,followers_end\nfb-a,3,30,3,3,100,110\nig-a,1,5,0,0,50,60\n"],
                      period: .dates(from: Day(year: 2024, month: 1, day: 1)!, to: Day(year: 2024, month: 1, day: 14)!),
                      values: ["A": ["posts": 4, "reactions": 35, "followers_start": 150, "followers_end": 170]]),
        SourceExample("{accounts: a.csv, account_stats: s.csv}", units: "id,name\nA,Alfa\n",
                      files: ["a.csv": "account_id,id,owner,platform,handle\nfb-a,A,city,facebook,alfa\n", "s.csv": "account_id\n"],
                      period: .years(2023...2023), error: "social-media inputs need a period of dates"),
    ])
    static let takesEligibility = true
    static let categoryKeys = ["owner", "platforms"]

    static let providedMetrics: [MetricDeclaration] = [
        MetricDeclaration(name: "posts", unit: "posts"), MetricDeclaration(name: "reactions", unit: "reactions"),
        MetricDeclaration(name: "comments", unit: "comments"), MetricDeclaration(name: "shares", unit: "shares"),
        MetricDeclaration(name: "followers_start", unit: "followers"), MetricDeclaration(name: "followers_end", unit: "followers"),
    ]

    enum Figures: Sendable {
        /// posts.csv, export folders or both (each account's posts from one of them), and follower snapshots.
        case posts(posts: FileInput?, exports: [ExportFolder], followers: FileInput)
        case accountStats(FileInput)
    }

    let accountsFile: FileInput
    let figures: Figures

    init(parameters: KindParameters) throws {
        accountsFile = try parameters.file("accounts")
        let posts = parameters.has("posts") ? try parameters.file("posts") : nil
        let followers = parameters.has("followers") ? try parameters.file("followers") : nil
        let stats = parameters.has("account_stats") ? try parameters.file("account_stats") : nil
        let exports = parameters.has("exports") ? try parameters.exportFolders("exports") : []
        switch (posts, followers, stats) {
        case (_, let followers?, nil) where posts != nil || !exports.isEmpty:
            figures = .posts(posts: posts, exports: exports, followers: followers)
        case (nil, nil, let stats?) where exports.isEmpty: figures = .accountStats(stats)
        default: throw parameters.error("", "give either 'posts' and/or 'exports' with 'followers', or 'account_stats' instead of them")
        }
    }

    var metrics: [MetricDeclaration] { Self.providedMetrics }

    func files(in period: Period) -> [FileInput] {
        switch figures {
        case .posts(let posts, let exports, let followers):
            [accountsFile] + (posts.map { [$0] } ?? []) + [followers] + exports.map { FileInput(path: $0.folder) }
        case .accountStats(let stats): [accountsFile, stats]
        }
    }

    func load(_ request: SourceRequest) throws -> any SourceData {
        guard case .dates(let from, let to) = request.period else {
            throw MethodologyError(file: request.methodologyFile, path: "period", message: "social-media inputs need a period of dates")
        }
        let loaded = try SocialMediaLoader.load(
            accounts: accountsFile, figures: figures, folder: request.folder, methodology: request.methodologyFile,
            register: request.register, period: (from, to), threads: request.threads, limit: request.limit, progress: request.progress)
        let read = loaded.summary
        var notes: [RunNote] = [.accounts(rows: read.accountRows)]
        if case .accountStats = figures {
            notes.append(.accountStats(rows: read.statsRows))
        } else {
            notes.append(.followerSnapshots(rows: read.followerRows))
            if case .posts(.some, _, _) = figures {
                notes.append(.posts(rows: read.postRows, bytes: read.postBytes, seconds: read.postSeconds, ranges: read.postRanges,
                                    inPeriod: read.postsInPeriod, outsidePeriod: read.postsOutsidePeriod))
            }
            notes += read.exports.map(RunNote.exports)
        }
        notes.append(.accountsLeftOut(read.leftOut))
        notes += read.files.map(RunNote.inputFile)
        return SocialMediaData(notes: notes, accounts: loaded.accounts)
    }
}

struct SocialMediaData: SourceData {
    let notes: [RunNote]
    let accounts: [AccountFigures]

    func values(of unit: UnitCode) -> EntityValues {
        EntityValues(totals: Self.totals(accounts.filter { $0.account.unit == unit && $0.isUsable }))
    }

    /// P, R, C, S, F0 and F1 summed over usable accounts.
    static func totals(_ usable: [AccountFigures]) -> [String: Double] {
        var totals: [String: Double] = [:]
        for figure in usable {
            totals["posts", default: 0] += Double(figure.posts)
            totals["reactions", default: 0] += Double(figure.reactions)
            totals["comments", default: 0] += Double(figure.comments)
            totals["shares", default: 0] += Double(figure.shares)
            totals["followers_start", default: 0] += Double(figure.followersStart!)
            totals["followers_end", default: 0] += Double(figure.followersEnd!)
        }
        return totals
    }

    /// A category takes the units with at least one account of its owner type on its platforms
    /// (and, for size categories, with a population in its band), and sums the usable accounts'
    /// figures.
    func categorise(_ methodology: Methodology, register: Register) -> Categorised {
        let byUnit = Dictionary(grouping: accounts, by: \.account.unit)
        var fields: [CategoryField] = []
        var unknownSize: [UnitCode: Unit] = [:]
        for category in methodology.categories {
            var field = CategoryField(category: category, participants: [], notClassified: [])
            for code in byUnit.keys.sorted() {
                let unit = register.unit(code)!
                guard category.filter.matches(unit) else { continue }
                let members = byUnit[code]!
                    .filter { category.filter.takes($0.account) }
                    .sorted { ($0.account.platform, $0.account.id) < ($1.account.platform, $1.account.id) }
                guard !members.isEmpty else { continue }
                let population = register.latestPopulation(of: code, notAfter: methodology.edition)
                if let band = category.filter.population {
                    guard let population else { unknownSize[code] = unit; continue }
                    guard band.holds(population.value) else { continue }
                }
                let usable = members.filter(\.isUsable)
                guard !usable.isEmpty else {
                    let reasons = members.map { "\($0.account.id): \($0.leftOutReason!)" }.joined(separator: "; ")
                    field.notClassified.append(NotClassified(unit: unit, category: category.id, reason: "no usable account (\(reasons))"))
                    continue
                }
                let values = EntityValues(yearly: ["population": register.population[code] ?? [:]], totals: Self.totals(usable))
                field.participants.append(Participant(unit: unit, values: values, accounts: members))
            }
            fields.append(field)
        }
        // Without a population no size band can be chosen: one line says so, outside any category.
        let sized = methodology.categories.filter { $0.filter.population != nil }.map(\.id).joined(separator: ", ")
        let unplaced = unknownSize.keys.sorted().map { code in
            NotClassified(
                unit: unknownSize[code]!, category: "-",
                reason: "no population for \(methodology.edition) or earlier, so no size category (\(sized)) can be chosen")
        }
        return Categorised(fields: fields, unplaced: unplaced)
    }
}
