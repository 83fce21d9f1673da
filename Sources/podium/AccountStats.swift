import ArgumentParser
import Foundation
import Podium

struct AccountStats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account-stats",
        abstract: "Print podium's own per-account figures of a social-media ranking as account_stats.csv.",
        discussion: """
            Reads the ranking's accounts, posts and follower snapshots as a run does and prints \
            account_id, posts, reactions, comments, shares, followers_start, followers_end for every account \
            of accounts.csv, ordered by account id (an empty follower field: no snapshot by the rule). The \
            layout is the one podium reads as account_stats, and the one the SQL of `podium sql` returns, \
            so the two compare with diff. Example:
              podium account-stats zlote-lajki > account_stats.csv
            """)

    @Argument(help: "The ranking, e.g. zlote-lajki.")
    var ranking: String

    @OptionGroup var options: InputOptions
    @OptionGroup var threads: ThreadsOption

    func run() throws {
        guard let methodology = try options.methodologies([ranking]).first else { return }
        let figures: [AccountFigures]
        do {
            figures = try dataErrors { try AccountStatsCSV.figures(methodology, inputs: options.folder, threads: threads.count) }
        } catch let error as WarehouseError {
            throw usage(error.description)
        }
        FileHandle.standardOutput.write(Data(AccountStatsCSV.render(figures).utf8))
    }
}
