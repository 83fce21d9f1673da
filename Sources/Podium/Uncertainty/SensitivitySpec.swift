import PodiumCSV

/// The methodology's `sensitivity:` block: which assumptions vary, how, over how many runs, from
/// which seed.
///
/// ```yaml
/// sensitivity:
///   seed: 20241126
///   runs: 1000
///   vary:
///     weights: {noise: 0.25}            # every weight × uniform(1 − 0.25, 1 + 0.25), renormalised per node
///     normalisation: [min_max, z_score] # alternatives drawn uniformly
///     aggregation: [arithmetic_mean, geometric_mean]
///     treatment: [winsorise_or_log, none]
/// ```
///
/// An alternative is a method of its stage as the methodology writes one anywhere else (`z_score` or
/// `{method: z_score, mean: 100, sd: 10}`), and replaces that stage's method for every criterion (or
/// every inner node of the index) at once.
public struct SensitivitySpec: Sendable {
    public let seed: UInt64
    public let runs: Int
    /// The spread of the weight multipliers (0 ≤ noise < 1), when weights vary.
    public let weightNoise: Double?
    public let treatments: [any TreatmentMethod]
    public let normalisations: [any NormalisationMethod]
    public let aggregations: [any AggregationMethod]

    /// The assumptions that vary, in the order their draws are taken (and `sensitivity.csv` lists them).
    public var factors: [SensitivityFactor] {
        (weightNoise == nil ? [] : [.weights]) + (normalisations.isEmpty ? [] : [.normalisation])
            + (aggregations.isEmpty ? [] : [.aggregation]) + (treatments.isEmpty ? [] : [.treatment])
    }

    public static let defaultRuns = 1000
    /// The places of every run are kept until the percentiles are taken: 4 bytes per unit and run
    /// (100,000 runs of 2,477 gminas: 1 GB).
    static let runLimit = 100_000
}

/// One assumption of the sensitivity analysis.
public enum SensitivityFactor: String, Sendable, CaseIterable {
    case weights, normalisation, aggregation, treatment
}

extension SensitivitySpec {
    init(_ value: YAMLValue, context: ParameterContext) throws {
        let mapping = try value.mapping(keys: ["seed", "runs", "vary"])
        let seedValue = try mapping.required("seed")
        let seed = try seedValue.integer()
        guard seed >= 0 else { throw seedValue.error("expected a whole number ≥ 0, found '\(seed)'") }
        self.seed = UInt64(seed)
        if let runsValue = mapping.optional("runs") {
            let count = try runsValue.integer()
            guard (2...Self.runLimit).contains(count) else {
                throw runsValue.error("expected a number of runs from 2 to \(Self.runLimit), found '\(count)'")
            }
            runs = count
        } else {
            runs = Self.defaultRuns
        }
        let varyValue = try mapping.required("vary")
        let vary = try varyValue.mapping(keys: SensitivityFactor.allCases.map(\.rawValue))
        if let weights = vary.optional("weights") {
            let noiseValue = try weights.mapping(keys: ["noise"]).required("noise")
            let noise = try noiseValue.number()
            guard noise >= 0, noise < 1 else {
                throw noiseValue.error("expected a share from 0 up to (not including) 1, found '\(NumberText.plain(noise))'")
            }
            weightNoise = noise
        } else {
            weightNoise = nil
        }
        func alternatives<M>(_ key: String, _ registry: Registry<M>) throws -> [M] {
            guard let list = vary.optional(key) else { return [] }
            let items = try list.sequence()
            guard items.count >= 2 else {
                throw list.error("expected at least two alternatives to draw from, found \(items.count)")
            }
            return try items.map { try registry.resolve($0, context: context) }
        }
        normalisations = try alternatives("normalisation", NormalisationMethods.registry)
        aggregations = try alternatives("aggregation", AggregationMethods.registry)
        treatments = try alternatives("treatment", TreatmentMethods.registry)
        if weightNoise == nil, normalisations.isEmpty, aggregations.isEmpty, treatments.isEmpty {
            throw varyValue.error("nothing varies: give weights, normalisation, aggregation or treatment")
        }
    }
}
