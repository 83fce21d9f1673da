import PodiumCSV

/// podium's own per-account figures in the layout of `account_stats.csv` (which podium reads as an
/// input), ordered by account id as the warehouse query orders them, so that the two compare with
/// `diff`. Every account of `accounts.csv` has a row; an empty follower field is a missing F0 or F1.
public enum AccountStatsCSV {
    public static let columns = ["account_id", "posts", "reactions", "comments", "shares", "followers_start", "followers_end"]

    /// The figures of a social-media methodology, read as a run reads them.
    public static func figures(_ methodology: Methodology, inputs: InputFolder, threads: Int = 1,
                               progress: SourceRequest.Progress? = nil) throws -> [AccountFigures] {
        guard methodology.inputs.sources.count == 1, methodology.inputs.sources[0] is SocialMedia else {
            throw WarehouseError.notSocialMedia(ranking: methodology.ranking, file: methodology.file)
        }
        return try Pipeline.accounts(methodology, inputs: inputs, threads: threads, progress: progress)
    }

    public static func render(_ accounts: [AccountFigures]) -> String {
        // Read back by podium: text exactly as it was, no spreadsheet guard.
        var writer = CSVWriter(neutralisesFormulas: false)
        writer.writeRow(columns)
        // By the bytes of the id, as the SQL's ORDER BY (byte order, COLLATE "C") sorts them.
        for figure in accounts.sorted(by: { $0.account.id.utf8.lexicographicallyPrecedes($1.account.id.utf8) }) {
            func number(_ value: Int?) -> CSVCell { .number(value.map { "\($0)" } ?? "") }
            writer.writeRow([.text(figure.account.id), number(figure.posts), number(figure.reactions), number(figure.comments),
                             number(figure.shares), number(figure.followersStart), number(figure.followersEnd)])
        }
        return writer.text
    }
}
