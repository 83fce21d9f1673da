import ArgumentParser
import Podium

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show why a municipality is where it is in a ranking.",
        discussion: """
            Prints the municipality's raw, treated and normalised criterion values with their weights and \
            contributions, its pillar scores, score, place and the gap to the place above; for social-media \
            rankings also the figures of each account. Examples:
              podium explain green-finance Jawor
              podium explain green-finance 0264011
              podium explain zlote-lajki Wrocław --category facebook
              podium explain green-finance Jawor --lines green_capital_expenditure --year 2023
              podium explain green-finance 0415022 --to-move-up [--format csv]
            """)

    @Argument(help: "The ranking, e.g. green-finance or zlote-lajki.")
    var ranking: String

    @Argument(help: "A TERYT code (7 digits) or the name of a gmina; for a unit table, its id or name.")
    var municipality: String

    @OptionGroup var options: InputOptions
    @OptionGroup var threads: ThreadsOption

    @Option(name: .long, help: "Show only this category.")
    var category: String?

    @Option(name: .long, help: ArgumentHelp(
        "List the budget lines (dział, rozdział, paragraph, amount) that make up this Rb-28S metric's sum, e.g. green_capital_expenditure.",
        valueName: "metric"))
    var lines: String?

    @Option(name: .long, help: "With --lines: only this budget year (default: every year of the window).")
    var year: Int?

    @Flag(name: .customLong("to-move-up"), help: """
        For each criterion, the smallest change of its one input (a metric in the window's last year, or \
        the period's figure) that lifts the municipality at least one place, and that brings it to the next \
        award, found by scoring the whole category again.
        """)
    var toMoveUp = false

    @Option(name: .long, help: "With --to-move-up: text for reading, or csv for scripts.")
    var format: MoveUpFormat = .text

    func validate() throws {
        if year != nil, lines == nil { throw ValidationError("--year goes with --lines (the budget year whose lines to list)") }
        if format != .text, !toMoveUp { throw ValidationError("--format goes with --to-move-up (the answers it prints as \(format.rawValue))") }
        if toMoveUp, lines != nil { throw ValidationError("--to-move-up and --lines are two questions; ask one at a time") }
    }

    func run() throws {
        guard let methodology = try options.methodologies([ranking]).first else { return }
        // The band and award odds are shown only by the plain explanation.
        let result = try dataErrors {
            try Pipeline.run(methodology, inputs: options.folder, threads: threads.count, sensitivity: !toMoveUp && lines == nil)
        }
        do {
            let found = try UnitQuery.resolve(municipality, in: result.units)
            if toMoveUp {
                let answers = try dataErrors { try ToMoveUp.answer(result, unit: found, category: category, threads: threads.count) }
                print(format == .csv ? MoveUpText.csv(answers, categoryColumn: MoveUpText.categoriesOverlap(result))
                                     : MoveUpText.render(result, unit: found, answers: answers), terminator: "")
            } else if let lines {
                print(try dataErrors { try ExplainText.budgetLines(result, unit: found, metric: lines, years: year.map { [$0] }, inputs: options.folder) },
                      terminator: "")
            } else {
                print(try ExplainText.render(result, unit: found, category: category), terminator: "")
            }
        } catch let error as ExplainError {
            throw usage(error.description)
        }
    }
}

enum MoveUpFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv
}
