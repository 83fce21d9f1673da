import PodiumCSV
import Foundation

/// A built-in export format: one file with its layout (`format`), a description analysts read
/// (`podium methods export`), and worked examples the test suite runs. A new format is one such
/// file and one line in `ExportFormats`.
protocol ExportFormatKind: Kind {
    static var format: ExportFormat { get }
    static var name: String { get }
    static var summary: String { get }
    static var examples: [ExportExample] { get }
    init()
}

extension ExportFormatKind {
    static var description: KindDescription {
        KindDescription(id: format.id, name: name, summary: summary, formula: format.mappingText)
    }

    /// A built-in format takes no parameters: `format: meta_posts`.
    init(parameters: KindParameters) throws {
        if let mapping = parameters.mapping, !mapping.keys.isEmpty {
            throw parameters.owner.error("export format \(quoted(Self.format.id)) takes no parameters")
        }
        self.init()
    }

    static var exampleChecks: [ExampleCheck] {
        examples.enumerated().map { number, example in
            ExampleCheck(name: "export format \(format.id) #\(number + 1)") { example.check(format) }
        }
    }
}

/// A worked example of an export format: a file's text, the time zone, the account's platform (the
/// format's first when not given), and the posts it must give
/// (id, UTC date, reactions, comments, shares) with the counts the run summary reports, or a
/// fragment of the error it must give.
struct ExportExample: Sendable {
    struct Post: Sendable, Equatable, CustomStringConvertible {
        let id: String
        let day: String
        let reactions: Int
        let comments: Int
        let shares: Int

        init(_ id: String, _ day: String, _ reactions: Int, _ comments: Int, _ shares: Int) {
            (self.id, self.day, self.reactions, self.comments, self.shares) = (id, day, reactions, comments, shares)
        }

        var description: String { "\(id) \(day) \(reactions)/\(comments)/\(shares)" }
    }

    let text: String
    let timezone: String
    let platform: Platform?
    let expected: Result<(posts: [Post], emptyCounts: Int, summaryRows: Int), Failure>

    struct Failure: Error { let fragment: String }

    init(_ text: String, timezone: String = "Europe/Warsaw", platform: Platform? = nil, posts: [Post], emptyCounts: Int = 0, summaryRows: Int = 0) {
        self.text = text
        self.timezone = timezone
        self.platform = platform
        expected = .success((posts, emptyCounts, summaryRows))
    }

    init(_ text: String, timezone: String = "Europe/Warsaw", platform: Platform? = nil, error fragment: String) {
        self.text = text
        self.timezone = timezone
        self.platform = platform
        expected = .failure(Failure(fragment: fragment))
    }

    /// Nil when the format reads the text as expected, else what came out instead.
    func check(_ format: ExportFormat) -> String? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("podium-export-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { return "cannot write \(path)" }
        guard let zone = ZoneRules.named(timezone) else { return "unknown time zone \(timezone)" }
        var posts: [Post] = []
        let counts: ExportFileReader.Counts
        do {
            counts = try ExportFileReader.read(path, name: "example.csv", format: format, platform: platform ?? format.platforms.first, zone: zone) { id, day, r, c, s, _ in
                posts.append(Post(String(decoding: id, as: UTF8.self), Day(number: day).description, r, c, s))
            }
        } catch {
            guard case .failure(let failure) = expected else { return "failed: \(error)" }
            return "\(error)".contains(failure.fragment) ? nil : "failed with '\(error)', expected '\(failure.fragment)'"
        }
        guard case .success(let wanted) = expected else { return "read \(posts), expected an error" }
        if posts != wanted.posts { return "read \(posts), expected \(wanted.posts)" }
        if counts.emptyCounts != wanted.emptyCounts { return "counted \(counts.emptyCounts) empty cells, expected \(wanted.emptyCounts)" }
        if counts.summaryRows != wanted.summaryRows { return "skipped \(counts.summaryRows) summary rows, expected \(wanted.summaryRows)" }
        return nil
    }
}

extension ExportFormat {
    /// `Post ID → post id; Publish time (MM/DD/YYYY hh:mm) → published at; …`, for the description.
    var mappingText: String {
        let idPart = postIDAfter.map { " (the \(postIDIsNumber ? "number" : "text") after \(quoted($0)))" } ?? (postIDIsNumber ? " (a number)" : "")
        var parts = ["\(postID.described)\(idPart) → post id",
                     "\(publishedAt.described) (\(patterns.map(\.text).joined(separator: " or "))) → published at",
                     "\(reactions.described) → reactions", "\(comments.described) → comments", "\(shares.described) → shares"]
        if let views { parts.append("\(views.described)\(views.optional ? " (optional)" : "") → views (checked, not summed)") }
        for rule in skipRows { parts.append("rows with \(quoted(rule.column)) = \(quoted(rule.value)) skipped") }
        if !platforms.isEmpty { parts.append("for \(platforms.map(\.rawValue).joined(separator: " and ")) accounts") }
        return parts.joined(separator: "; ")
    }
}

/// Every built-in export format a methodology may name in `inputs.exports[].format`.
enum ExportFormats {
    static let kinds: [any ExportFormatKind.Type] = [
        MetaPosts.self,
        YouTubeStudio.self,
        TikTokStudio.self,
    ]

    static let registry = Registry<ExportFormat>(stage: "export format", entries: kinds.map { kind in
        .init(description: kind.description, examples: kind.exampleChecks) { parameters in
            _ = try kind.init(parameters: parameters)
            return kind.format
        }
    })
}
