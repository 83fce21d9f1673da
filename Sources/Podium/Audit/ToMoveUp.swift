/// `explain --to-move-up`: for each criterion, the smallest change of the one input a user could
/// edit (its kind's `Lever`) that, all else equal, lifts the unit by at least one place in its
/// category, and the smallest that brings it to the next better award. Every answer comes from
/// scoring the whole category again with the changed input (`Pipeline.score`): treatment and
/// normalisation depend on everyone's values, so no formula could stand in for it.
public enum ToMoveUp {
    /// A change is looked for up to a million times the spread of the input in the category.
    static let reachFactor = 1e6

    /// The answers for a unit in each category of the run it takes part in (or only `category`).
    /// `threads`: how many criteria's inputs are searched at once (the answers never depend on it).
    public static func answer(_ result: RankingResult, unit: Unit, category wanted: String? = nil, threads: Int = 1) throws -> [CategoryAnswer] {
        if let wanted, !result.categories.contains(where: { $0.category.id == wanted }) {
            throw ExplainError("ranking \(result.methodology.ranking) has no category '\(wanted)'; categories: \(result.categories.map(\.category.id).joined(separator: ", "))")
        }
        let fields = result.data.categorise(result.methodology, register: result.register).fields
        var answers: [CategoryAnswer] = []
        for scores in result.categories where wanted == nil || scores.category.id == wanted {
            if let item = scores.notClassified.first(where: { $0.unit.code == unit.code }) {
                answers.append(CategoryAnswer(category: scores.category, participants: scores.entries.count, place: nil,
                                              award: nil, notClassified: item.reason, toMoveUp: [], nextAward: nil, toNextAward: []))
                continue
            }
            guard scores.entries.contains(where: { $0.unit.code == unit.code }),
                  let field = fields.first(where: { $0.category.id == scores.category.id }) else { continue }
            answers.append(try answer(unit.code, in: field, run: scores, result.methodology, threads: threads))
        }
        return answers
    }

    /// The answers for one unit of one category: `field` is who competes, as the run categorised
    /// them, and `run` what the run made of it.
    static func answer(_ code: UnitCode, in field: CategoryField, run: CategoryScores, _ methodology: Methodology,
                       threads: Int = 1) throws -> CategoryAnswer {
        let rerun = CategoryRerun(field: field, code: code, methodology: methodology)
        let entry = run.entries.firstIndex { $0.unit.code == code }!
        let standing = run.standings.first { $0.entry == entry }!
        // The run's own place must come back from scoring the field again, or nothing below holds.
        guard try rerun.place(with: nil) == standing.place else {
            throw ExplainError("scoring category \(run.category.id) again does not give \(code) its place \(standing.place); --to-move-up cannot answer")
        }
        let next = methodology.awards.filter { $0.places.upperBound < standing.place }.max { $0.places.upperBound < $1.places.upperBound }
        let questions = methodology.criteria.map { criterion in
            let lever = criterion.implementation.lever(in: methodology.evaluationContext)
            return Question(criterion: criterion, lever: lever,
                            metric: lever.flatMap { lever in methodology.inputs.metrics.first { $0.name == lever.metric } },
                            current: lever?.value(in: rerun.participant.values), place: standing.place,
                            spread: spread(of: lever, in: run))
        }
        // Criteria that read the same input share one search's rescorings; different inputs go in parallel.
        let groups = questions.indices.reduce(into: [[Int]]()) { groups, index in
            if let lever = questions[index].lever, let group = groups.firstIndex(where: { questions[$0[0]].lever == lever }) {
                groups[group].append(index)
            } else {
                groups.append([index])
            }
        }
        let answered = try Parallel.map(groups.count, threads: threads) { group in
            let places = Places(rerun)
            return try groups[group].map { index in
                (index, try questions[index].answer(target: standing.place - 1, places),
                 try next.map { try questions[index].answer(target: $0.places.upperBound, places) })
            }
        }.flatMap { $0 }.sorted { $0.0 < $1.0 }
        return CategoryAnswer(category: run.category, participants: run.entries.count, place: standing.place,
                              award: standing.award, notClassified: nil, toMoveUp: answered.map(\.1), nextAward: next,
                              toNextAward: answered.compactMap(\.2))
    }

    /// How far apart the classified entries' values of the input lie (at least 1, and at least the
    /// largest value's size, for a category whose values are all equal).
    private static func spread(of lever: Lever?, in run: CategoryScores) -> Double {
        guard let lever else { return 1 }
        let values = run.entries.compactMap { lever.value(in: $0.values) }
        guard let low = values.min(), let high = values.max() else { return 1 }
        return max(high - low, values.map(abs).max()!, 1)
    }

    /// One criterion's question for one unit: which change of its input reaches a place.
    private struct Question: Sendable {
        let criterion: CriterionInstance
        let lever: Lever?
        let metric: MetricDeclaration?
        let current: Double?
        let place: Int
        let spread: Double

        func answer(target: Int, _ places: Places) throws -> CriterionAnswer {
            func row(_ outcome: CriterionAnswer.Outcome, decimals: Int? = nil) -> CriterionAnswer {
                CriterionAnswer(criterion: criterion.id, lever: lever, unit: metric?.unit ?? "", current: current,
                                currentDecimals: decimals ?? current.map { ThresholdSearch.decimals(of: $0) ?? 6 } ?? 0,
                                placeNow: place, outcome: outcome)
            }
            guard target >= 1 else { return row(.impossible(.alreadyFirst)) }
            guard let lever else { return row(.impossible(.noLever)) }
            guard let current else { return row(.impossible(.noInput)) }
            let raise = (criterion.direction == .higherIsBetter) == lever.raises
            let scale = InputScale.of(metric, slot: lever.slot)
            let search = ThresholdSearch(current: current, direction: raise ? 1 : -1, scale: scale, reach: ToMoveUp.reachFactor * spread)
            let outcome = try search.run { value in
                try places.place(with: (lever, value)).flatMap { $0 <= target ? $0 : nil }
            }
            let shown = max(ThresholdSearch.decimals(of: current) ?? 6, scale.shown)
            switch outcome {
            case .found(let found):
                return row(.change(found.change, decimals: found.changeDecimals, needed: found.value, placeAfter: found.place),
                           decimals: max(found.valueDecimals, shown))
            case .atBound(let bound): return row(.impossible(.atBound(bound)), decimals: shown)
            case .notReached(let value):
                // Stopped by the input's own bound (0, 100 %), or only by how far the search looks.
                let bounded = value == scale.most || value == scale.least || value == current
                return row(.impossible(bounded ? .notReached(value) : .beyondReach), decimals: shown)
            }
        }
    }

    /// The unit's places by value of one input, remembered, so that criteria reading the same input
    /// (and the two targets) share the rescorings.
    private final class Places {
        let rerun: CategoryRerun
        private var known: [Double: Int?] = [:]

        init(_ rerun: CategoryRerun) { self.rerun = rerun }

        func place(with change: (Lever, Double)) throws -> Int? {
            if let place = known[change.1] { return place }
            let place = try rerun.place(with: change)
            known[change.1] = place
            return place
        }
    }
}

/// A category scored again with one input of one unit changed. Raw criterion values are a
/// participant's own (nothing in them depends on the others), so only the changed unit's are
/// computed again; every stage after them (imputation, screening, treatment, normalisation,
/// aggregation, ranking) runs on the whole category, as in the run.
struct CategoryRerun: Sendable {
    let field: CategoryField
    let code: UnitCode
    let methodology: Methodology
    let participant: Participant
    private let raw: CategoryScores
    /// The unit's row among the raw values.
    private let row: Int?

    init(field: CategoryField, code: UnitCode, methodology: Methodology) {
        self.field = field
        self.code = code
        self.methodology = methodology
        raw = RawValues.evaluate(methodology, field)
        participant = field.participants.first { $0.unit.code == code }!
        row = raw.entries.firstIndex { $0.unit.code == code }
    }

    /// The unit's place with the input set to the value (nil: as run), or nil when it would not be
    /// classified or the category could not be scored.
    func place(with change: (Lever, Double)?) throws -> Int? {
        do {
            return try scores(with: change).flatMap { scores in
                scores.entries.firstIndex { $0.unit.code == code }.flatMap { entry in
                    scores.standings.first { $0.entry == entry }?.place
                }
            }
        } catch is ScoringError where change != nil {
            return nil  // e.g. a geometric mean over a 0 the change made: no place to speak of
        }
    }

    /// The whole category's scores with the input set to the value, or nil when the unit's raw
    /// values would leave it out.
    func scores(with change: (Lever, Double)?) throws -> CategoryScores? {
        guard let row else { return nil }
        guard let (lever, value) = change else { return try Pipeline.score(raw: raw, methodology) }
        let changed = Participant(unit: participant.unit, values: lever.setting(value, in: participant.values),
                                  accounts: participant.accounts)
        let own = RawValues.evaluate(methodology, CategoryField(category: field.category, participants: [changed], notClassified: []))
        guard own.entries.count == 1 else { return nil }
        var spliced = raw
        spliced.entries[row] = changed
        for index in spliced.columns.indices {
            spliced.columns[index].raw[row] = own.columns[index].raw[0]
            spliced.columns[index].imputed[row] = own.columns[index].imputed[0]
            spliced.columns[index].treated[row] = own.columns[index].treated[0]
            spliced.columns[index].normalised[row] = own.columns[index].normalised[0]
        }
        return try Pipeline.score(raw: spliced, methodology)
    }
}

/// What `--to-move-up` says of a unit in one category.
public struct CategoryAnswer: Sendable {
    public let category: CategorySpec
    /// How many are classified in the category.
    public let participants: Int
    /// Nil when the unit is not classified (then `notClassified` says why).
    public let place: Int?
    public let award: String?
    public let notClassified: String?
    /// One answer per criterion, in the methodology's order: the change that lifts the unit at least one place.
    public let toMoveUp: [CriterionAnswer]
    /// The next better award than the unit's, if there is one.
    public let nextAward: AwardSpec?
    /// One answer per criterion: the change that brings the unit into `nextAward`'s places.
    public let toNextAward: [CriterionAnswer]
}

/// The smallest change of one criterion's input that reaches a place, or why there is none.
public struct CriterionAnswer: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// `change` (signed, in the input's unit, exact with `decimals`) makes the input `needed`
        /// and gives place `placeAfter`.
        case change(Double, decimals: Int, needed: Double, placeAfter: Int)
        case impossible(Impossible)
    }

    public enum Impossible: Sendable, Equatable {
        /// The unit is on the first place.
        case alreadyFirst
        /// The criterion's kind has no single input to change.
        case noLever
        /// The unit has no value of the input (its criterion value was imputed).
        case noInput
        /// The input is at the value it cannot pass (0 for amounts, 100 for a share in %).
        case atBound(Double)
        /// Not even this value of the input (its bound) reaches the place.
        case notReached(Double)
        /// No value within a million times the input's spread in the category reaches the place.
        case beyondReach
    }

    public let criterion: String
    public let lever: Lever?
    /// The input metric's unit, as its source declares it.
    public let unit: String
    public let current: Double?
    /// Decimals that write `current` and `needed` exactly.
    public let currentDecimals: Int
    public let placeNow: Int
    public let outcome: Outcome
}
