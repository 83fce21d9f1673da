/// Interactions per post per average follower: engagement rate (all interactions weigh 1, in percent)
/// and interactivity (comments 4, shares 16, per mille).
struct InteractionRate: Criterion {
    static let criterion = CriterionDescription(
        kind: "interaction_rate",
        name: "Weighted interactions per post per follower",
        summary: "Weighted sum of reactions, comments and shares in the period, divided by the number of posts and by the average of the followers at the start and at the end.",
        formula: "(wR·reactions + wC·comments + wS·shares) / posts / ((followers_start + followers_end) / 2) × scale",
        parameters: [
            ParameterDescription(name: "weights", meaning: "{reactions: wR, comments: wC, shares: wS}"),
            ParameterDescription(name: "scale", meaning: "multiplier: 100 for percent, 1000 for per mille"),
        ],
        needs: .nothing,
        examples: [
            CriterionExample(
                parameters: "{weights: {reactions: 1, comments: 1, shares: 1}, scale: 100}",
                values: EntityValues(totals: ["posts": 10, "reactions": 800, "comments": 150, "shares": 50, "followers_start": 900, "followers_end": 1100]),
                context: EvaluationContext(periodDays: 366, edition: 2024),
                expected: .value(10)),
            CriterionExample(
                parameters: "{weights: {reactions: 1, comments: 4, shares: 16}, scale: 1000}",
                values: EntityValues(totals: ["posts": 10, "reactions": 800, "comments": 150, "shares": 50, "followers_start": 900, "followers_end": 1100]),
                context: EvaluationContext(periodDays: 366, edition: 2024),
                expected: .value(220)),
            CriterionExample(
                parameters: "{weights: {reactions: 1, comments: 1, shares: 1}, scale: 100}",
                values: EntityValues(totals: ["posts": 0, "reactions": 0, "comments": 0, "shares": 0, "followers_start": 900, "followers_end": 1100]),
                context: EvaluationContext(periodDays: 366, edition: 2024),
                expected: .missing("no posts in the period")),
        ])

    let weights: [String: Double]
    let scale: Double

    init(parameters: KindParameters) throws {
        weights = try parameters.numbers("weights", keys: ["reactions", "comments", "shares"])
        scale = try parameters.positiveNumber("scale")
    }

    var metrics: [String] { ["posts", "reactions", "comments", "shares", "followers_start", "followers_end"] }

    func evaluate(_ values: EntityValues, in context: EvaluationContext) -> CriterionOutcome {
        guard let posts = values.total("posts"), let start = values.total("followers_start"),
              let end = values.total("followers_end") else { return .missing("no post or follower figures") }
        let reactions = values.total("reactions") ?? 0, comments = values.total("comments") ?? 0
        let shares = values.total("shares") ?? 0
        guard posts > 0 else { return .missing("no posts in the period") }
        let followers = (start + end) / 2
        guard followers > 0 else { return .missing("no followers") }
        let interactions = weights["reactions"]! * reactions + weights["comments"]! * comments + weights["shares"]! * shares
        return .value(interactions / posts / followers * scale)
    }

    /// The interaction with the largest positive weight (the first of reactions, comments, shares
    /// on a tie): the one that moves the rate most per interaction. None when no weight is positive.
    func lever(in context: EvaluationContext) -> Lever? {
        let best = ["reactions", "comments", "shares"].reduce(nil as String?) { best, metric in
            weights[metric]! > (best.map { weights[$0]! } ?? 0) ? metric : best
        }
        return best.map { Lever(metric: $0, slot: .total) }
    }
}
