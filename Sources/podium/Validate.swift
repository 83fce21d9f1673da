import ArgumentParser
import Podium

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an edition's methodologies and the input files they name, without computing.",
        discussion: """
            Parses every methodology of the edition, then opens every input file each one names, as a run \
            would: the register whole (every other file's codes are checked against it), and of every other \
            file its header and first rows (Rb-28S: the ZIP, the dBase header and first records). An error is \
            the one a run gives for the same row, with the same exit code: 64 for no such edition or ranking, \
            65 for bad data or a bad methodology. Rows past the first are not read: a run may still find an \
            error further down a file.
            """)

    @OptionGroup var options: InputOptions

    @Option(name: .long, help: "Check only this ranking (repeatable), e.g. green-finance.")
    var ranking: [String] = []

    @Option(name: .long, help: ArgumentHelp("How many data rows (or records) of each file to read, after its header.", valueName: "n"))
    var rows = 100

    func validate() throws {
        guard rows >= 0 else { throw ValidationError("--rows must be 0 or more, not \(rows)") }
    }

    func run() throws {
        for methodology in try options.methodologies(ranking) {
            let files = try dataErrors { try Pipeline.check(methodology, inputs: options.folder, rows: rows) }
            print("ok \(methodology.id): \(files.count) input file\(files.count == 1 ? "" : "s") checked")
        }
    }
}
