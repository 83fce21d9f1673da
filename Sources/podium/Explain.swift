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

    func validate() throws {
        if year != nil, lines == nil { throw ValidationError("--year goes with --lines (the budget year whose lines to list)") }
    }

    func run() throws {
        guard let methodology = try options.methodologies([ranking]).first else { return }
        let result = try dataErrors { try Pipeline.run(methodology, inputs: options.folder, threads: threads.count) }
        do {
            let found = try UnitQuery.resolve(municipality, in: result.units)
            if let lines {
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
