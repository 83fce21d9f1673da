import ArgumentParser
import Foundation
import Podium

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute every ranking of an edition and write its reports.",
        discussion: """
            Computes all rankings first and writes nothing unless every one succeeds; then writes every \
            ranking's folder aside and swaps them all in, or none: earlier reports are never left \
            half-overwritten.
            """)

    @OptionGroup var options: InputOptions
    @OptionGroup var threads: ThreadsOption

    @Option(name: .long, help: "The reports folder.")
    var reports: String = "Reports"

    @Option(name: .long, help: "Compute only this ranking (repeatable), e.g. green-finance.")
    var ranking: [String] = []

    @Option(name: .long, help: "The report formats to write, comma-separated. manifest.json is always written.")
    var formats = ReportFormats(ReportFormat.all)

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    func validate() throws {
        // An unset shell variable (`--reports "$REPORTS"`) would write to /<edition>/<ranking>.
        guard !reports.isEmpty else { throw ValidationError("--reports is empty; give the reports folder") }
    }

    func run() throws {
        let started = ContinuousClock.now
        // A run killed while replacing a folder left it aside: put it back before anything else.
        for restored in ReportLeftovers.tidy("\(reports)/\(options.edition)") where !quiet { note(restored) }
        let methodologies = try options.methodologies(ranking)
        var results: [RankingResult] = []
        var digests: [InputDigests] = []
        // Whatever happens, no hashing thread outlives the command (see InputDigests.stop).
        defer { digests.forEach { $0.stop() } }
        for methodology in methodologies {
            if !quiet { note("computing \(methodology.ranking) (\(methodology.file))") }
            // The manifest's hashes, computed beside the run on the core it leaves free.
            digests.append(InputDigests(methodology, inputs: options.folder))
            let result = try dataErrors {
                try Pipeline.run(methodology, inputs: options.folder, threads: threads.count, progress: quiet ? nil : ProgressLine.make())
            }
            ProgressLine.finish()
            results.append(result)
        }
        // Every ranking's folder is written before any is put in place: all are replaced, or none.
        let folders = try zip(results, digests).map { result, digests in
            try dataErrors {
                let digests = try Manifest.digests(result: result, inputs: options.folder, threads: threads.count, known: digests)
                let files = try ReportSet.render(result, formats: formats.formats, digests: digests)
                let manifest = try Manifest.render(result: result, reports: files, digests: digests,
                                                   sensitivitySeed: result.methodology.sensitivity?.seed)
                return ReportFolder(directory: "\(reports)/\(options.edition)/\(result.methodology.ranking)", files: files + [manifest])
            }
        }
        try dataErrors { try ReportWriter.write(folders) }
        for (result, folder) in zip(results, folders) where !quiet {
            print(summary(result, directory: folder.directory, files: folder.files.count))
        }
        if !quiet {
            print("done in \(NumberText.fixed((ContinuousClock.now - started).seconds, 2)) s")
        }
    }

    private func summary(_ result: RankingResult, directory: String, files: Int) -> String {
        var lines = ["\(result.methodology.title) \(result.methodology.edition) (\(result.methodology.id)) → \(directory)/ (\(files) files)"]
        lines += RunSummary.lines(result.notes).map { "  " + $0 }
        if let uncertainty = result.uncertainty {
            lines.append("  sensitivity: \(uncertainty.runs) runs varying \(uncertainty.factors.map(\.rawValue).joined(separator: ", ")) "
                + "(\(uncertainty.evaluations) recomputations of every category) in \(NumberText.fixed(uncertainty.seconds, 2)) s")
        }
        for category in result.categories {
            lines.append("  \(category.category.id): \(category.entries.count) classified, \(category.notClassified.count) not classified")
        }
        if !result.unplaced.isEmpty { lines.append("  in no category: \(result.unplaced.count)") }
        return lines.joined(separator: "\n")
    }
}

/// `--formats csv,txt,html`: one or more report formats, comma-separated (help lists them).
struct ReportFormats: ExpressibleByArgument {
    let formats: Set<ReportFormat>

    init(_ formats: Set<ReportFormat>) { self.formats = formats }

    init?(argument: String) {
        var set = Set<ReportFormat>()
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let format = ReportFormat(rawValue: part.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
            set.insert(format)
        }
        formats = set
    }

    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) }

    var defaultValueDescription: String { formats.sorted().map(\.rawValue).joined(separator: ",") }
}
