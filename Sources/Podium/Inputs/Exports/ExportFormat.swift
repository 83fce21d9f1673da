import PodiumCSV

/// A platform's export layout as data: which columns hold the post id, the publication time (and
/// how it is written), the reactions, comments, shares and views, and which rows are no posts.
/// Built-in formats (`MetaPosts`, `YouTubeStudio`, `TikTokStudio`) are values of this type; a
/// methodology may write one inline with the same keys (`init(_:)`).
///
/// Each column is named by one name or by alternatives, the first one the header has counting;
/// the reactions column may also depend on the account's platform (Meta: `Reactions` on Facebook,
/// `Likes` on Instagram). Names match in any order, ignoring case and surrounding spaces, and extra
/// columns are ignored. The header is matched once (`resolve`): a
/// row costs no lookup by name.
public struct ExportFormat: Sendable {
    /// `meta_posts`, or `inline` for a format written in the methodology.
    public let id: String
    let postID: Columns
    /// The post id is the text after this marker (up to `/`, `?`, `#` or the end): TikTok's
    /// `…/video/7301234567890123456`.
    let postIDAfter: String?
    /// Whether the post id must be digits (TikTok's video number): anything else is an error.
    let postIDIsNumber: Bool
    let publishedAt: Columns
    let patterns: [TimePattern]
    let reactions: Reactions
    let comments: Columns
    let shares: Columns
    /// Checked as counts when present (they may be empty), never summed; nil when not read.
    let views: Columns?
    /// Rows that are no posts (YouTube's `Total`): a column and the value that marks them.
    let skipRows: [(column: String, value: String)]
    /// The platforms whose accounts' exports the format reads (`meta_posts`: facebook, instagram): a
    /// file of another platform's account in its folder is an error. Empty: any (an inline format
    /// that names none).
    let platforms: [Platform]

    /// One column, under one of several names; an optional one may be missing from the header.
    struct Columns: Sendable, ExpressibleByArrayLiteral {
        let names: [String]
        var optional = false

        init(_ names: [String], optional: Bool = false) {
            self.names = names
            self.optional = optional
        }

        init(arrayLiteral names: String...) { self.init(names) }

        var described: String { names.map { quoted($0) }.joined(separator: " or ") }

        func find(in header: CSVHeader) -> CSVColumn? { names.lazy.compactMap { header.column($0) }.first }
    }

    /// The reactions column: the same for every account, or one per platform, where another
    /// platform's column in the file is not read (an Instagram export's `Reactions`, if it had one,
    /// is not its likes).
    enum Reactions: Sendable, ExpressibleByArrayLiteral {
        case all(Columns)
        case byPlatform([(platform: Platform, columns: Columns)])

        init(arrayLiteral names: String...) { self = .all(Columns(names)) }

        /// The columns an account of `platform` reads; nil when the format names none for it.
        func columns(for platform: Platform?) -> Columns? {
            switch self {
            case .all(let columns): return columns
            case .byPlatform(let list): return list.first { $0.platform == platform }?.columns
            }
        }

        var described: String {
            switch self {
            case .all(let columns): return columns.described
            case .byPlatform(let list): return list.map { "\($0.columns.described) (\($0.platform.rawValue))" }.joined(separator: ", ")
            }
        }
    }

    init(id: String, postID: Columns, postIDAfter: String? = nil, postIDIsNumber: Bool = false, publishedAt: Columns, patterns: [String],
         reactions: Reactions, comments: Columns, shares: Columns, views: Columns? = nil, skipRows: [(column: String, value: String)] = [],
         platforms: [Platform]) {
        self.id = id
        self.platforms = platforms
        self.postID = postID
        self.postIDAfter = postIDAfter
        self.postIDIsNumber = postIDIsNumber
        self.publishedAt = publishedAt
        // Built-in patterns are fixed text, checked by the formats' worked examples.
        self.patterns = patterns.map { text in
            do { return try TimePattern(text) } catch let error as TimePattern.PatternError { preconditionFailure("built-in time pattern \(text): \(error.message)") } catch { preconditionFailure("\(error)") }
        }
        self.reactions = reactions
        self.comments = comments
        self.shares = shares
        self.views = views
        self.skipRows = skipRows
    }

    /// Whether some pattern reads local times, which need the export's time zone.
    var readsLocalTimes: Bool { patterns.contains { $0.kind == .local } }

    var patternsDescribed: String {
        patterns.count == 1 ? "the form \(patterns[0])" : "any of the forms \(patterns.map(\.text).joined(separator: ", "))"
    }

    /// The keys of an inline format.
    static let keys = ["post_id", "published_at", "reactions", "comments", "shares", "views", "skip_rows", "platforms"]

    /// A format written inline in the methodology:
    /// ```yaml
    /// format:
    ///   post_id: {column: Video link, after: /video/, number: true}   # or a name, or a list of alternatives
    ///   published_at: {column: Post time, patterns: ["YYYY-MM-DD hh:mm:ss"]}
    ///   reactions: [Total likes, Likes]                  # or per platform: {facebook: Reactions, instagram: Likes}
    ///   comments: Total comments
    ///   shares: Total shares
    ///   views: {column: Total views, optional: true}     # leave out when the export has none
    ///   skip_rows: [{column: Content, value: Total}]
    ///   platforms: [tiktok]                              # optional: the accounts' platforms it reads
    /// ```
    init(_ value: YAMLValue) throws {
        let mapping = try value.mapping(keys: Self.keys)
        func columns(_ key: String, extra: [String] = []) throws -> (Columns, YAMLMapping?) {
            let item = try mapping.required(key)
            switch item.node {
            case .scalar: return (Columns([try item.string()]), nil)
            case .sequence: return (Columns(try Self.names(item)), nil)
            default:
                let fields = try item.mapping(keys: ["column", "optional"] + extra)
                let column = try fields.required("column")
                let names = if case .sequence = column.node { try Self.names(column) } else { [try column.string()] }
                var optional = false
                if let flag = fields.optional("optional") {
                    guard let value = flag.node.bool else { throw flag.error("expected true or false") }
                    guard key == "views" || !value else { throw flag.error("only views may be optional") }
                    optional = value
                }
                return (Columns(names, optional: optional), fields)
            }
        }
        let (postID, idFields) = try columns("post_id", extra: ["after", "number"])
        let (publishedAt, timeFields) = try columns("published_at", extra: ["patterns"])
        guard let patternList = timeFields?.optional("patterns") else {
            throw (timeFields?.owner ?? mapping.optional("published_at")!).error("give the time's column and patterns: {column: <name>, patterns: [\"MM/DD/YYYY hh:mm\"]}")
        }
        var patterns: [TimePattern] = []
        for item in try patternList.sequence() {
            do { patterns.append(try TimePattern(try item.string())) } catch let error as TimePattern.PatternError {
                throw item.error("time pattern \(quoted(try item.string())): \(error.message)")
            }
        }
        guard !patterns.isEmpty else { throw patternList.error("expected at least one time pattern") }
        var skipRows: [(column: String, value: String)] = []
        if let list = mapping.optional("skip_rows") {
            for item in try list.sequence() {
                let fields = try item.mapping(keys: ["column", "value"])
                skipRows.append((try fields.required("column").string(), try fields.required("value").string()))
            }
        }
        func platformNamed(_ item: YAMLValue, _ name: String) throws -> Platform {
            guard let platform = Platform(rawValue: name) else {
                throw item.error("unknown platform \(quoted(name)); platforms: \(Platform.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return platform
        }
        var platforms: [Platform] = []
        let platformList = mapping.optional("platforms")
        if let platformList {
            for item in try platformList.sequence() {
                let platform = try platformNamed(item, try item.string())
                if !platforms.contains(platform) { platforms.append(platform) }
            }
            guard !platforms.isEmpty else { throw platformList.error("expected at least one platform, or leave the key out for any") }
        }
        // Reactions per platform: a mapping whose keys are platforms, each a name or a list of alternatives.
        let reactionsItem = try mapping.required("reactions")
        if case .mapping = reactionsItem.node, !reactionsItem.mappingKeys().contains("column") {
            let fields = try reactionsItem.mapping(keys: Platform.allCases.map(\.rawValue))
            var list: [(platform: Platform, columns: Columns)] = []
            for (name, item) in fields.entries {
                let names = if case .sequence = item.node { try Self.names(item) } else { [try item.string()] }
                list.append((try platformNamed(item, name), Columns(names)))
            }
            guard !list.isEmpty else { throw reactionsItem.error("expected a column for at least one platform") }
            if platformList == nil {
                platforms = list.map(\.platform)
            } else if let uncovered = platforms.first(where: { platform in !list.contains { $0.platform == platform } }) {
                throw reactionsItem.error("no reactions column for \(uncovered.rawValue), one of the format's platforms")
            }
            reactions = .byPlatform(list)
        } else {
            reactions = .all(try columns("reactions").0)
        }
        self.platforms = platforms
        id = "inline"
        self.postID = postID
        postIDAfter = try idFields?.optional("after")?.string()
        if let flag = idFields?.optional("number") {
            guard let value = flag.node.bool else { throw flag.error("expected true or false") }
            postIDIsNumber = value
        } else {
            postIDIsNumber = false
        }
        self.publishedAt = publishedAt
        self.patterns = patterns
        comments = try columns("comments").0
        shares = try columns("shares").0
        views = mapping.optional("views") == nil ? nil : try columns("views").0
        self.skipRows = skipRows
    }

    private static func names(_ item: YAMLValue) throws -> [String] {
        let names = try item.sequence().map { try $0.string() }
        guard !names.isEmpty else { throw item.error("expected at least one column name") }
        return names
    }

    /// The columns of one file's header, an export of an account of `platform`, or an error naming
    /// the file, the format, what is missing and what the header has.
    func resolve(_ header: CSVHeader, platform: Platform?) throws -> ResolvedExportFormat {
        var missing: [String] = []
        func find(_ columns: Columns, of platform: Platform? = nil) -> CSVColumn? {
            let found = columns.find(in: header)
            if found == nil && !columns.optional { missing.append(columns.described + (platform.map { " (\($0.rawValue))" } ?? "")) }
            return found
        }
        let id = find(postID), time = find(publishedAt)
        let reactions: CSVColumn?
        switch self.reactions {
        case .all(let columns): reactions = find(columns)
        case .byPlatform:
            // The platforms are checked against the format's before a file is read (`ExportLoader.plan`).
            guard let columns = self.reactions.columns(for: platform) else {
                throw InputError(file: header.file, line: 1, message: "the export format \(quoted(self.id)) names no reactions column for "
                    + (platform.map { "\($0.rawValue) accounts" } ?? "an account of no platform"))
            }
            reactions = find(columns, of: platform)
        }
        let comments = find(comments), shares = find(shares)
        let views = views.flatMap { find($0) }
        guard missing.isEmpty, let id, let time, let reactions, let comments, let shares else {
            let found = header.names.prefix(40).map { quoted($0) }.joined(separator: ", ") + (header.names.count > 40 ? ", … (\(header.names.count) columns)" : "")
            throw InputError(file: header.file, line: 1, message: "the header does not match the export format \(quoted(self.id)): "
                + "missing \(missing.joined(separator: ", ")); found \(found)")
        }
        let skips = skipRows.compactMap { rule in header.column(rule.column).map { ($0, Array(rule.value.utf8)) } }
        return ResolvedExportFormat(format: self, id: id, time: time, reactions: reactions, comments: comments, shares: shares,
                                    views: views, skipRows: skips, idAfter: postIDAfter.map { Array($0.utf8) }, idIsNumber: postIDIsNumber)
    }
}

/// A format's columns found in one header.
struct ResolvedExportFormat {
    let format: ExportFormat
    let id: CSVColumn
    let time: CSVColumn
    let reactions: CSVColumn
    let comments: CSVColumn
    let shares: CSVColumn
    let views: CSVColumn?
    let skipRows: [(column: CSVColumn, value: [UInt8])]
    let idAfter: [UInt8]?
    let idIsNumber: Bool
}
