import Foundation

/// What the uncertainty and sensitivity analysis found, per category of the ranking.
public struct UncertaintyResult: Sendable {
    public let seed: UInt64
    public let runs: Int
    /// The assumptions that varied, in the order of `SensitivitySpec.factors`.
    public let factors: [SensitivityFactor]
    /// The award titles, each once, in the methodology's order.
    public let awardTitles: [String]
    /// Aligned with `RankingResult.categories`.
    public let categories: [CategoryUncertainty]
    /// How many bootstrap samples the intervals of the indices come from.
    public let bootstrapSamples: Int
    /// How long the analysis took (for the run summary and the benchmark; no report prints it).
    public let seconds: Double

    /// How many times every category was recomputed: A and B per run, and A with one assumption
    /// from B per assumption when more than one varies.
    public var evaluations: Int { runs * (factors.count > 1 ? factors.count + 2 : 2) }
}

/// One category's places under the varied assumptions, and which assumption moves them most.
public struct CategoryUncertainty: Sendable {
    public let category: String
    /// Per entry (aligned with `CategoryScores.entries`): the median, 5th and 95th percentile of
    /// its place over the runs.
    public let medianPlace: [Int]
    public let lowPlace: [Int]
    public let highPlace: [Int]
    /// Per award title (as `UncertaintyResult.awardTitles`), per entry: the share of runs in which
    /// the entry gets it.
    public let awardShares: [[Double]]
    /// The mean over the runs of the mean absolute rank shift from the nominal places.
    public let meanRankShift: Double
    /// One per varied assumption.
    public let indices: [SensitivityIndex]
}

/// An assumption's Sobol indices on the category's mean absolute rank shift; nil when the runs do
/// not vary that output at all (nothing to apportion).
public struct SensitivityIndex: Sendable, Equatable {
    public let factor: SensitivityFactor
    public let firstOrder: Estimate?
    public let totalEffect: Estimate?
}

/// An estimate with its bootstrap interval (2.5th and 97.5th percentiles).
public struct Estimate: Sendable, Equatable {
    public let value: Double
    public let low: Double
    public let high: Double
}

/// The uncertainty and sensitivity analysis of a methodology's `sensitivity:` block.
///
/// Each run draws every varied assumption (the weights' multipliers, one alternative method per
/// varied stage) and recomputes every category from the criteria's raw values as the run has them
/// (after imputation and screening: who is classified does not vary). Treatment and normalisation
/// depend on the draw only through the alternative chosen, so each combination is computed once
/// per category before the runs; a run aggregates and ranks.
///
/// The design is Saltelli's: base row r draws two independent configurations, A (stream 2r) and B
/// (stream 2r + 1); the model is evaluated at A, at B, and, when more than one assumption varies,
/// at A with each assumption's draw taken from B. The places at A are the `runs` draws of the
/// uncertainty analysis (median, 5th and 95th percentiles, award odds). The output of the
/// sensitivity analysis is a category's mean absolute rank shift from the nominal places,
///   Y = (1/n) Σ |place − nominal place|,
/// and its indices are Saltelli's (2010) first-order estimator and Jansen's (1999) total-effect
/// estimator,
///   S_i = mean((f(B) − f₀) · (f(A_B^i) − f(A))) / V,   S_Ti = mean((f(A) − f(A_B^i))²) / 2V,
/// with f₀ and V the mean and variance of f(A) and f(B) together, and an interval from the 2.5th to the 97.5th
/// percentile of the same estimators over bootstrap samples of the base rows.
enum SensitivityAnalysis {
    static let bootstrapSamples = 1000

    static func run(_ spec: SensitivitySpec, _ methodology: Methodology, _ categories: [CategoryScores],
                    threads: Int) throws -> UncertaintyResult {
        let started = ContinuousClock.now
        let models = try categories.map { try CategoryModel($0, methodology, spec) }
        let factors = spec.factors
        let index = methodology.index
        let rows = try Parallel.map(spec.runs, threads: threads) { row in
            var streamA = RandomStream(seed: spec.seed, stream: UInt64(2 * row))
            var streamB = RandomStream(seed: spec.seed, stream: UInt64(2 * row + 1))
            let a = Draw(spec, index: index, &streamA)
            let b = Draw(spec, index: index, &streamB)
            var places: [[Int32]] = []
            var outputs: [[Double]] = []
            do {
                for model in models {
                    let atA = try model.places(a)
                    let shiftB = model.shift(try model.places(b))
                    var output = [model.shift(atA), shiftB]
                    // With one assumption, A with its draw from B is B.
                    for factor in factors {
                        output.append(factors.count == 1 ? shiftB : model.shift(try model.places(a.taking(factor, from: b))))
                    }
                    places.append(atA)
                    outputs.append(output)
                }
            } catch let error as ScoringError {
                throw ScoringError("\(methodology.file): sensitivity run \(row + 1): \(error.description)")
            }
            return (places: places, outputs: outputs)
        }

        var titles: [String] = []
        for award in methodology.awards where !titles.contains(award.title) { titles.append(award.title) }
        let results = models.enumerated().map { number, model in
            let count = model.nominal.count
            var median = [Int](repeating: 0, count: count), low = median, high = median
            var shares = titles.map { _ in [Double](repeating: 0, count: count) }
            let titleOfPlace = (0...count).map { place in methodology.award(forPlace: place).flatMap { titles.firstIndex(of: $0) } }
            var places = [Int32](repeating: 0, count: rows.count)
            for entry in 0..<count {
                for (index, row) in rows.enumerated() { places[index] = row.places[number][entry] }
                places.sort()
                median[entry] = Int(quantile(places, percent: 50))
                low[entry] = Int(quantile(places, percent: 5))
                high[entry] = Int(quantile(places, percent: 95))
                for place in places {
                    if let title = titleOfPlace[Int(place)] { shares[title][entry] += 1 }
                }
                for title in titles.indices { shares[title][entry] /= Double(rows.count) }
            }
            let outputs = rows.map { $0.outputs[number] }
            var bootstrap = RandomStream(seed: spec.seed, stream: UInt64(2 * spec.runs + number))
            return CategoryUncertainty(
                category: model.category, medianPlace: median, lowPlace: low, highPlace: high, awardShares: shares,
                meanRankShift: outputs.reduce(0) { $0 + $1[0] } / Double(outputs.count),
                indices: SobolIndices.estimate(outputs, factors: factors, bootstrap: &bootstrap, samples: bootstrapSamples))
        }
        return UncertaintyResult(seed: spec.seed, runs: spec.runs, factors: factors, awardTitles: titles,
                                 categories: results, bootstrapSamples: bootstrapSamples, seconds: (ContinuousClock.now - started).seconds)
    }

    /// The smallest value that at least `percent` % of the sorted values reach (the inverse of the
    /// empirical distribution, R's quantile type 1).
    static func quantile<T>(_ sorted: [T], percent: Int) -> T {
        let rank = max(1, (percent * sorted.count + 99) / 100)
        return sorted[rank - 1]
    }
}

/// One configuration of the varied assumptions.
struct Draw: Sendable {
    /// Node id → its drawn weight (nil: the methodology's weights).
    var weights: [String: Double]?
    var normalisation = 0
    var aggregation = 0
    var treatment = 0

    /// Draws, in this order: a multiplier uniform in [1 − noise, 1 + noise) per node below the index
    /// (depth first, as the methodology lists them), each node's children's weights then rescaled to
    /// their original sum; the normalisation, aggregation and treatment alternatives, each uniform.
    /// Only what varies is drawn.
    init(_ spec: SensitivitySpec, index: WeightNode, _ stream: inout RandomStream) {
        if let noise = spec.weightNoise {
            let nodes = index.allDescendants
            var multiplied: [String: Double] = [:]
            for node in nodes { multiplied[node.id] = node.weight * (1 - noise + 2 * noise * stream.uniform()) }
            var weights: [String: Double] = [:]
            for parent in [index] + nodes where !parent.children.isEmpty {
                Self.rescale(parent.children, multiplied, into: &weights)
            }
            self.weights = weights
        }
        if !spec.normalisations.isEmpty { normalisation = stream.choice(spec.normalisations.count) }
        if !spec.aggregations.isEmpty { aggregation = stream.choice(spec.aggregations.count) }
        if !spec.treatments.isEmpty { treatment = stream.choice(spec.treatments.count) }
    }

    private init(weights: [String: Double]?, normalisation: Int, aggregation: Int, treatment: Int) {
        self.weights = weights
        self.normalisation = normalisation
        self.aggregation = aggregation
        self.treatment = treatment
    }

    static func rescale(_ children: [WeightNode], _ multiplied: [String: Double], into weights: inout [String: Double]) {
        let original = children.reduce(0) { $0 + $1.weight }
        let drawn = children.reduce(0) { $0 + multiplied[$1.id]! }
        for child in children { weights[child.id] = multiplied[child.id]! * original / drawn }
    }

    /// This configuration with one assumption's draw taken from `other`.
    func taking(_ factor: SensitivityFactor, from other: Draw) -> Draw {
        var copy = self
        switch factor {
        case .weights: copy.weights = other.weights
        case .normalisation: copy.normalisation = other.normalisation
        case .aggregation: copy.aggregation = other.aggregation
        case .treatment: copy.treatment = other.treatment
        }
        return copy
    }
}

/// One category, ready to be ranked under any draw: the normalised values of every combination of
/// the treatment and normalisation alternatives, computed once.
struct CategoryModel: Sendable {
    let category: String
    let tree: AggregationTree
    /// Index `treatment × normalisationCount + normalisation` → criterion id → normalised values.
    let combinations: [[String: [Double?]]]
    let normalisationCount: Int
    let aggregations: [any AggregationMethod]
    let codeOrder: [Int32]
    /// The published places, per entry.
    let nominal: [Int32]
    let tolerance: Double
    let file: String

    init(_ scores: CategoryScores, _ methodology: Methodology, _ spec: SensitivitySpec) throws {
        category = scores.category.id
        file = methodology.file
        let count = scores.entries.count
        var present: [String: [Bool]] = [:]
        for column in scores.columns { present[column.criterion.id] = column.input.map { $0 != nil } }
        tree = AggregationTree(methodology, count: count) { id, participant in present[id]![participant] }
        codeOrder = Standings.codeOrder(scores.entries.map(\.unit.code))
        var nominal = [Int32](repeating: 0, count: count)
        for standing in scores.standings { nominal[standing.entry] = Int32(standing.place) }
        self.nominal = nominal
        tolerance = methodology.tieTolerance
        aggregations = spec.aggregations

        let treatments: [(any TreatmentMethod)?] = spec.treatments.isEmpty ? [nil] : spec.treatments
        let normalisations: [(any NormalisationMethod)?] = spec.normalisations.isEmpty ? [nil] : spec.normalisations
        normalisationCount = normalisations.count
        var combinations: [[String: [Double?]]] = []
        for (treatmentNumber, treatment) in treatments.enumerated() {
            for (normalisationNumber, normalisation) in normalisations.enumerated() {
                var alternative = scores
                for index in alternative.columns.indices {
                    alternative.columns[index].criterion = alternative.columns[index].criterion.with(treatment: treatment, normalisation: normalisation)
                }
                do {
                    if treatment != nil || normalisation != nil {
                        alternative = try NormalisationStage.apply(try TreatmentStage.apply(alternative, methodology), methodology)
                    }
                } catch let error as ScoringError {
                    throw ScoringError("\(error.description) (sensitivity alternative: "
                        + Self.label(treatment: treatmentNumber, of: spec, normalisation: normalisationNumber) + ")")
                }
                var values: [String: [Double?]] = [:]
                for column in alternative.columns { values[column.criterion.id] = column.normalised }
                combinations.append(values)
            }
        }
        self.combinations = combinations

        // Whether every alternative aggregates every combination: a geometric mean cannot take the
        // 0 of a min-max range, whatever the weights, so this is known before the first run.
        for (number, criteria) in combinations.enumerated() {
            for aggregation in spec.aggregations.isEmpty ? [nil] : spec.aggregations.indices.map(Optional.some) {
                do {
                    _ = try tree.evaluate(criteria, weight: \.weight, method: { aggregation.map { spec.aggregations[$0] } ?? $0.aggregation! })
                } catch let failure as AggregationTree.NodeFailure {
                    let method = aggregation.map { spec.aggregations[$0] }
                    throw ScoringError(failure.error(methodology, scores, method: method).description + " (sensitivity alternative: "
                        + Self.label(treatment: number / normalisations.count, of: spec, normalisation: number % normalisations.count)
                        + (aggregation.map { ", aggregation \($0 + 1) (\(spec.aggregations[$0].kindID))" } ?? "") + ")")
                }
            }
        }
    }

    static func label(treatment: Int, of spec: SensitivitySpec, normalisation: Int) -> String {
        var parts: [String] = []
        if !spec.treatments.isEmpty { parts.append("treatment \(treatment + 1) (\(spec.treatments[treatment].kindID))") }
        if !spec.normalisations.isEmpty { parts.append("normalisation \(normalisation + 1) (\(spec.normalisations[normalisation].kindID))") }
        return parts.isEmpty ? "the methodology's methods" : parts.joined(separator: ", ")
    }

    /// Every entry's place under a draw.
    func places(_ draw: Draw) throws -> [Int32] {
        guard !nominal.isEmpty else { return [] }
        let criteria = combinations[draw.treatment * normalisationCount + draw.normalisation]
        let evaluation: AggregationTree.Evaluation
        do {
            evaluation = try tree.evaluate(
                criteria, weight: { draw.weights?[$0.id] ?? $0.weight },
                method: { aggregations.isEmpty ? $0.aggregation! : aggregations[draw.aggregation] })
        } catch let failure as AggregationTree.NodeFailure {
            throw ScoringError("category \(category): \(failure.node.id): \(failure.failure.message)")
        }
        var scores = [Double](repeating: 0, count: nominal.count)
        for (entry, score) in evaluation.values[tree.index.id]!.enumerated() {
            guard let score, score.isFinite else {
                throw ScoringError("category \(category): the score of entry \(entry + 1) is not a finite number")
            }
            scores[entry] = score
        }
        return Standings.places(scores, codeOrder: codeOrder, tolerance: tolerance)
    }

    /// The mean absolute rank shift from the nominal places.
    func shift(_ places: [Int32]) -> Double {
        guard !places.isEmpty else { return 0 }
        var total = 0
        for (place, nominal) in zip(places, nominal) { total += abs(Int(place) - Int(nominal)) }
        return Double(total) / Double(places.count)
    }
}

extension CriterionInstance {
    /// The criterion with another treatment or normalisation (nil keeps its own).
    func with(treatment: (any TreatmentMethod)?, normalisation: (any NormalisationMethod)?) -> CriterionInstance {
        CriterionInstance(id: id, name: name, unit: unit, direction: direction, kind: kind, implementation: implementation,
                          denominator: denominator, treatment: treatment ?? self.treatment,
                          normalisation: normalisation ?? self.normalisation)
    }
}

extension WeightNode {
    /// Every node below this one, depth first, in the order the methodology lists them.
    var allDescendants: [WeightNode] { children.flatMap { [$0] + $0.allDescendants } }
}
