/// Why `podium sql` cannot write a query for a methodology.
public enum WarehouseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The methodology's inputs are not social-media accounts.
    case notSocialMedia(ranking: String, file: String)
    /// The methodology reads per-account figures (`account_stats`), not posts and followers.
    case noPosts(ranking: String, file: String)
    /// The period is budget years, not dates.
    case noDates(file: String)

    public var description: String {
        switch self {
        case .notSocialMedia(let ranking, let file):
            "ranking '\(ranking)' (\(file)) does not read social-media posts: the SQL computes account_stats from posts and followers"
        case .noPosts(let ranking, let file):
            "ranking '\(ranking)' (\(file)) reads account_stats, already aggregated: the SQL computes account_stats from posts and followers, so name posts and followers in its inputs"
        case .noDates(let file):
            "\(file): the period is not dates (period: {dates: {from: …, to: …}}), which the SQL needs"
        }
    }
}
