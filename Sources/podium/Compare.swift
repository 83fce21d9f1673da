import ArgumentParser
import Foundation
import Podium

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two report folders of a ranking: places, scores and the criteria that moved them.",
        discussion: """
            A and B are report folders as `podium run` writes them (Reports/<edition>/<ranking>): two editions \
            of a ranking, or two methodologies run on the same data. Only their files are read (breakdown.csv, \
            the leaderboards, not-classified.csv); categories are matched by id, units by their code. Prints, \
            in Polish, per category: the biggest moves up and down, who entered and left the top places, and \
            who is classified in one folder only. With --output, also writes compare.csv (every unit of \
            every category: places, scores, their changes, status, and the change of each criterion's \
            contribution) and compare.txt (the printed summary) into that folder, which is replaced whole \
            and so may hold only those two files. Example:
              podium compare Reports/2023/green-finance Reports/2024/green-finance --output gf-2023-2024
            """)

    @Argument(help: ArgumentHelp("The first report folder (A), e.g. Reports/2023/green-finance.", valueName: "reports-a"))
    var a: String

    @Argument(help: ArgumentHelp("The second report folder (B), compared with A.", valueName: "reports-b"))
    var b: String

    @Option(name: .long, help: ArgumentHelp(
        "Also write compare.csv and compare.txt into this folder (created, or replaced whole if it holds only those files).",
        valueName: "folder"))
    var output: String?

    @Option(name: .long, help: "The places that count as the top, for who entered and left it.")
    var top: Int = 10

    @Option(name: .long, help: "How many of the biggest moves up and down to list per category.")
    var moves: Int = 10

    func validate() throws {
        guard !a.isEmpty, !b.isEmpty else { throw ValidationError("a report folder is empty; give two report folders") }
        if output?.isEmpty == true { throw ValidationError("--output is empty; give the folder for compare.csv and compare.txt") }
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
        guard moves >= 0 else { throw ValidationError("--moves must not be negative") }
    }

    func run() throws {
        let comparison: Comparison
        do {
            if let output { try CompareReport.checkOutput(output) }
            comparison = try dataErrors { try Comparison(PublishedRanking.read(a), PublishedRanking.read(b)) }
        } catch let error as CompareError {
            throw usage(error.description)
        }
        let text = CompareText.render(comparison, top: top, moves: moves)
        if let output { try dataErrors { try ReportWriter.write(CompareReport.files(comparison, text: text), to: output) } }
        print(text, terminator: "")
    }
}
