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
    /// The places' bands and award odds under the methodology's `sensitivity:` block, if it has one.
    public let uncertainty: UncertaintyResult?
    /// What the sources read, as criteria see it (for `explain`: the yearly values and their origins).
    public let data: any SourceData
    /// What was read and left out, for the run summary.
    public let notes: [RunNote]

    /// The register's units, for looking names up.
    public var units: [Unit] { register.units }
    /// Every input file read, in the order read (the register first), for the manifest.
    public var inputFiles: [InputFileRead] { notes.inputFiles }
    public var registerSource: String { register.source }
    /// The time zones the run's export folders name, sorted and once each (a folder's zone converts
    /// its local times; one whose format reads none may name a zone too): empty without exports.
    public var timeZones: [String] {
        Set(notes.compactMap { note -> String? in
            if case .exports(let read) = note { return read.timezone }
            return nil
        }).sorted()
    }
}

/// podium's computation, top to bottom:
/// register → sources → categorise → raw values (and screening) → impute → screen by the weight
/// available → treat → normalise → aggregate → rank and award → (with a `sensitivity:` block) the
/// same from treatment on under the varied assumptions. Rendering the reports is a separate, pure step (`ReportSet`).
public enum Pipeline {
    /// `threads`: how many threads a long read (and the sensitivity runs) may use (1: everything on
    /// the calling thread). `sensitivity: false` leaves out the methodology's sensitivity analysis,
    /// for a caller that shows none of it (`explain --lines`, `--to-move-up`).
    public static func run(_ methodology: Methodology, inputs: InputFolder, threads: Int = 1,
                           progress: SourceRequest.Progress? = nil, sensitivity: Bool = true) throws -> RankingResult {
        let (register, data, notes) = try read(methodology, inputs: inputs, threads: threads, progress: progress, limit: .all)
        let categorised = data.categorise(methodology, register: register)
        let categories = try categorised.fields.map { try score($0, methodology) }
        let uncertainty = try (sensitivity ? methodology.sensitivity : nil).map {
            try SensitivityAnalysis.run($0, methodology, categories, threads: threads)
        }
        return RankingResult(
            methodology: methodology, register: register, categories: categories, unplaced: categorised.unplaced,
            accounts: data.accounts, uncertainty: uncertainty, data: data, notes: notes)
    }

    /// `podium validate`: every input file the methodology names, read as a run reads it (the
    /// register whole, every other file up to its first `rows` rows or records), computing nothing.
    /// The files read; an error is the one a run would give for the same row.
    public static func check(_ methodology: Methodology, inputs: InputFolder, rows: Int = 100) throws -> [InputFileRead] {
        try read(methodology, inputs: inputs, threads: 1, progress: nil, limit: .first(rows)).notes.inputFiles
    }

    /// Every account's figures as a run reads them (social media: P, R, C, S, F0, F1 over the
    /// period), computing nothing further: what `podium account-stats` writes.
    public static func accounts(_ methodology: Methodology, inputs: InputFolder, threads: Int = 1,
                                progress: SourceRequest.Progress? = nil) throws -> [AccountFigures] {
        try read(methodology, inputs: inputs, threads: threads, progress: progress, limit: .all).data.accounts
    }

    /// The register, then the sources, and what was read.
    private static func read(_ methodology: Methodology, inputs: InputFolder, threads: Int, progress: SourceRequest.Progress?,
                             limit: RowLimit) throws -> (register: Register, data: any SourceData, notes: [RunNote]) {
        var registerNotes: [RunNote] = []
        let register = try UnitsLoader.load(methodology.inputs.units, folder: inputs, methodology: methodology.file, limit: limit,
                                            notes: &registerNotes)
        if let error = methodology.groupReferences.check(against: register) { throw error }
        var request = SourceRequest(
            register: register, folder: inputs, methodologyFile: methodology.file, period: methodology.period, progress: progress,
            threads: threads)
        request.limit = limit
        let data = try SourceSet.load(methodology.inputs.sources, request)
        return (register, data,
                [.register(units: register.units.count, word: register.unitWord, source: register.source)] + registerNotes + data.notes)
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
