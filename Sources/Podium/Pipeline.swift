import Foundation

/// The result of computing one ranking: every category with every number behind it, and what was read.
public struct RankingResult: Sendable {
    public let methodology: Methodology
    public let registerSource: String
    /// The register's municipalities, for looking names up.
    public let municipalities: [Municipality]
    public let categories: [CategoryScores]
    /// Municipalities that no category could take, with the reason.
    public let unplaced: [NotClassified]
    /// Per-account figures (social media only), for `explain`.
    public let accounts: [AccountFigures]
    /// Lines for the run summary: what was read and what was left out.
    public let summary: [String]
}

/// podium's computation, top to bottom:
/// load inputs → validate → categorise → raw criterion values → treat → normalise → aggregate →
/// rank → award. Rendering the reports is a separate, pure step (`ReportSet`).
public enum Pipeline {
    public static func run(_ methodology: Methodology, inputs: InputFolder,
                           progress: SocialMediaLoader.Progress? = nil) throws -> RankingResult {
        let loaded = try LoadedInputs.load(methodology, from: inputs, progress: progress)
        let categories = loaded.categorised.fields.map { field in
            score(RawValues.evaluate(methodology, field), methodology)
        }
        return RankingResult(
            methodology: methodology, registerSource: loaded.register.source,
            municipalities: loaded.register.municipalities, categories: categories,
            unplaced: loaded.categorised.unplaced, accounts: loaded.accounts, summary: loaded.summary)
    }

    /// From raw values to places and awards, within one category.
    static func score(_ raw: CategoryScores, _ methodology: Methodology) -> CategoryScores {
        var scores = raw
        for index in scores.columns.indices {
            let (treated, record) = OutlierTreatment.apply(methodology.treatment, to: scores.columns[index].raw)
            scores.columns[index].treated = treated
            scores.columns[index].treatment = record
            scores.columns[index].normalised = Normalisation.apply(
                methodology.normalisation, to: treated, direction: scores.columns[index].criterion.direction)
        }
        let nodes = Aggregation.scores(methodology.index, columns: scores.columns, entries: scores.entries.count)
        scores.scores = nodes[methodology.index.id]!
        scores.pillarScores = nodes.filter { $0.key != methodology.index.id }
        scores.standings = Standings.rank(
            scores.scores, codes: scores.entries.map(\.municipality.teryt), tolerance: methodology.tieTolerance,
            award: methodology.award(forPlace:))
        return scores
    }
}

/// The inputs of one ranking, loaded, checked and split into categories.
struct LoadedInputs {
    let register: Register
    let categorised: Categorised
    let accounts: [AccountFigures]
    let summary: [String]

    static func load(_ methodology: Methodology, from folder: InputFolder,
                     progress: SocialMediaLoader.Progress?) throws -> LoadedInputs {
        let registerInput = methodology.inputs.register
        let register = try RegisterLoader.load(
            terc: try folder.existing(registerInput.terc, for: methodology.file),
            population: try folder.existing(registerInput.population, for: methodology.file),
            options: registerInput.terc.options, populationOptions: registerInput.population.options)
        var summary = ["register: \(register.municipalities.count) gminas from \(register.source)"]
        switch methodology.inputs {
        case .municipalMetrics(let input):
            let path = try folder.existing(input.metricsFile, for: methodology.file)
            let metrics = try MetricsLoader.load(path, metrics: input.metrics.map(\.name), register: register,
                                                 options: input.metricsFile.options)
            summary.append("metrics: \(metrics.rows) rows from \(path)")
            if !metrics.ignoredColumns.isEmpty {
                summary.append("metrics: ignored columns \(metrics.ignoredColumns.joined(separator: ", "))")
            }
            return LoadedInputs(register: register,
                                categorised: Categorisation.fields(methodology, register: register, metrics: metrics.values),
                                accounts: [], summary: summary)
        case .socialMedia(let input):
            guard case .dates(let from, let to) = methodology.period else {
                throw MethodologyError(file: methodology.file, path: "period", message: "social-media inputs need a period of dates")
            }
            let loaded = try SocialMediaLoader.load(input, folder: folder, methodology: methodology.file,
                                                    register: register, period: (from, to), progress: progress)
            let read = loaded.summary
            summary.append("accounts: \(read.accountRows)")
            if read.statsRows > 0 || read.postRows == 0 && read.followerRows == 0 {
                summary.append("account stats: \(read.statsRows) rows")
            } else {
                let megabytes = Double(read.postBytes) / 1_000_000
                let rate = read.postSeconds > 0 ? Double(read.postRows) / read.postSeconds : 0
                summary.append("follower snapshots: \(read.followerRows)")
                summary.append("posts: \(read.postRows) rows (\(NumberText.fixed(megabytes, 1)) MB) in \(NumberText.fixed(read.postSeconds, 2)) s, \(NumberText.fixed(rate, 0)) rows/s; \(read.postsInPeriod) in the period, \(read.postsOutsidePeriod) outside it (skipped)")
            }
            if read.unorderedAccounts > 0 {
                summary.append("posts: the ids of \(read.unorderedAccounts) account(s) were not in order; they were checked for duplicates in extra passes")
            }
            summary.append("accounts left out of every sum: \(read.leftOut.count)")
            summary += read.leftOut.map { "  \($0)" }
            return LoadedInputs(register: register,
                                categorised: Categorisation.fields(methodology, register: register, accounts: loaded.accounts),
                                accounts: loaded.accounts, summary: summary)
        }
    }
}
