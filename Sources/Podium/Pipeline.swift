import Foundation

/// The result of computing one ranking: every category with every number behind it, and what was read.
public struct RankingResult: Sendable {
    public let methodology: Methodology
    public let register: Register
    public let categories: [CategoryScores]
    /// Units that no category could take, with the reason.
    public let unplaced: [NotClassified]
    /// Per-account figures (social media only), for `explain`.
    public let accounts: [AccountFigures]
    /// What the sources read, as criteria see it (for `explain`: the yearly values and their origins).
    public let data: any SourceData
    /// What was read and left out, for the run summary.
    public let notes: [RunNote]

    /// The register's units, for looking names up.
    public var units: [Unit] { register.units }
    public var registerSource: String { register.source }
}

/// podium's computation, top to bottom:
/// register → sources → categorise → raw values (and screening) → impute → screen by the weight
/// available → treat → normalise → aggregate → rank and award. Rendering the reports is a separate, pure step (`ReportSet`).
public enum Pipeline {
    /// `threads`: how many threads a long read may use (1: everything on the calling thread).
    public static func run(_ methodology: Methodology, inputs: InputFolder, threads: Int = 1,
                           progress: SourceRequest.Progress? = nil) throws -> RankingResult {
        var registerNotes: [RunNote] = []
        let register = try UnitsLoader.load(methodology.inputs.units, folder: inputs, methodology: methodology.file, notes: &registerNotes)
        if let error = methodology.groupReferences.check(against: register) { throw error }
        let data = try SourceSet.load(methodology.inputs.sources, SourceRequest(
            register: register, folder: inputs, methodologyFile: methodology.file, period: methodology.period, progress: progress,
            threads: threads))
        let categorised = data.categorise(methodology, register: register)
        let categories = try categorised.fields.map { try score($0, methodology) }
        return RankingResult(
            methodology: methodology, register: register, categories: categories, unplaced: categorised.unplaced,
            accounts: data.accounts, data: data,
            notes: [.register(units: register.units.count, word: register.unitWord, source: register.source)] + registerNotes + data.notes)
    }

    /// From the participants of one category to places and awards.
    static func score(_ field: CategoryField, _ methodology: Methodology) throws -> CategoryScores {
        try score(raw: RawValues.evaluate(methodology, field), methodology)
    }

    /// From the raw criterion values of one category's classified participants to places and awards.
    static func score(raw: CategoryScores, _ methodology: Methodology) throws -> CategoryScores {
        let imputed = MissingValues.impute(raw, methodology.missingData)
        let available = Availability.screen(imputed, methodology)
        let treated = try TreatmentStage.apply(available, methodology)
        let normalised = try NormalisationStage.apply(treated, methodology)
        var scored = try AggregationStage.apply(normalised, methodology)
        scored.standings = Standings.rank(
            scored.scores, codes: scored.entries.map(\.unit.code), tolerance: methodology.tieTolerance,
            award: methodology.award(forPlace:))
        return scored
    }
}
