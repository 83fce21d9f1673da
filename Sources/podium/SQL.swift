import ArgumentParser
import Foundation
import Podium

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Print the SQL that computes account_stats from posts and followers tables, with podium's rules.",
        discussion: """
            Prints one SELECT returning account_id, posts, reactions, comments, shares, followers_start, \
            followers_end (64-bit integers; a row for every account with a post or a follower snapshot) \
            for the ranking's period, from tables with the columns of posts.csv (published_at as its ISO \
            8601 text) and followers.csv (date as a DATE). Saved as CSV, the result is an account_stats.csv \
            that podium reads. Run --check duplicates first: its SELECT must return no rows. Compare with \
            podium's own figures: podium account-stats <ranking>. Examples:
              podium sql zlote-lajki > account_stats.sql
              podium sql zlote-lajki --dialect spark --check duplicates
              podium sql zlote-lajki --dialect bigquery --posts-table archive.posts --followers-table archive.followers

            Dialects:
            \(SQLDialects.all.map { "  \($0.description.id): \($0.description.summary)" }.joined(separator: "\n"))
            """)

    @Argument(help: "The ranking, e.g. zlote-lajki.")
    var ranking: String

    @OptionGroup var options: InputOptions

    @Option(name: .long, help: "The SQL engine to write for.")
    var dialect: DialectArgument = DialectArgument(SQLDialects.all[0])

    @Option(name: .long, help: "Print a check instead: duplicates lists (account_id, post_id) and (account_id, date) pairs podium rejects.")
    var check: SQLCheck?

    @Option(name: .customLong("posts-table"), help: "The posts table's name, e.g. dataset.posts.")
    var postsTable = "posts"

    @Option(name: .customLong("followers-table"), help: "The followers table's name.")
    var followersTable = "followers"

    func validate() throws {
        for (option, name) in [("--posts-table", postsTable), ("--followers-table", followersTable)]
        where name.isEmpty || name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw ValidationError("\(option) '\(name)' is not a table name (name or schema.name)")
        }
    }

    func run() throws {
        guard let methodology = try options.methodologies([ranking]).first else { return }
        let query: AccountStatsQuery
        do {
            query = try AccountStatsQuery(methodology, dialect: dialect.dialect,
                                          tables: .init(posts: postsTable, followers: followersTable))
        } catch let error as WarehouseError {
            throw usage(error.description)
        }
        let text = switch check {
        case nil: query.select
        case .duplicates: query.duplicates
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        if !query.exportFolders.isEmpty {
            note("the methodology also reads platform exports (\(query.exportFolders.joined(separator: ", "))); "
                 + "the query sees only what the posts table holds, so load those posts into it too, in posts.csv's columns")
        }
    }
}

enum SQLCheck: String, ExpressibleByArgument, CaseIterable {
    case duplicates
}

/// `--dialect`: one of the registered dialects, by id.
struct DialectArgument: ExpressibleByArgument {
    let dialect: any SQLDialect

    init(_ dialect: any SQLDialect) { self.dialect = dialect }

    init?(argument: String) {
        guard let dialect = SQLDialects.named(argument) else { return nil }
        self.dialect = dialect
    }

    static var allValueStrings: [String] { SQLDialects.ids }
    var defaultValueDescription: String { dialect.description.id }
}
