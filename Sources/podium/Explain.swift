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
            """)

    @Argument(help: "The ranking, e.g. green-finance or zlote-lajki.")
    var ranking: String

    @Argument(help: "A TERYT code (7 digits) or the name of a gmina; for a unit table, its id or name.")
    var municipality: String

    @OptionGroup var options: InputOptions
    @OptionGroup var threads: ThreadsOption

    @Option(name: .long, help: "Show only this category.")
    var category: String?

    func run() throws {
        guard let methodology = try options.methodologies([ranking]).first else { return }
        let result = try dataErrors { try Pipeline.run(methodology, inputs: options.folder, threads: threads.count) }
        do {
            let found = try UnitQuery.resolve(municipality, in: result.units)
            print(try ExplainText.render(result, unit: found, category: category), terminator: "")
        } catch let error as ExplainError {
            throw usage(error.description)
        }
    }
}
