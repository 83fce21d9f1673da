import ArgumentParser
import Foundation
import Podium

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn another tool's data set into podium inputs.",
        subcommands: [ImportCOINr.self])
}

struct ImportCOINr: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coinr",
        abstract: "Make an inputs folder from COINr's iData and iMeta CSV files.",
        discussion: """
            Writes <to>/units.csv (id and name from uCode and uName, and the group columns), <to>/data.csv \
            (every denominator and indicator by unit and year) and <to>/methodologies/<id>.yaml (COINr's hierarchy, weights, directions \
            and denominators, with a COINr-style pipeline to review and edit). Then: podium run --inputs <to> \
            --edition <year>. Example (COINr's ASEM data):
              podium import coinr ASEM_iData.csv ASEM_iMeta.csv --to asem --id asem --impute-by EurAsia_group
            """)

    @Argument(help: "COINr's iData as CSV (uCode, uName, Time, groups, denominators, indicators).")
    var iData: String

    @Argument(help: "COINr's iMeta as CSV (Level, iCode, iName, Direction, Weight, Unit, Target, Denominator, Parent, Type).")
    var iMeta: String

    @Option(name: .long, help: "The inputs folder to create.")
    var to: String

    @Option(name: .long, help: "The methodology and ranking id (lower-case letters, digits, '-', '_').")
    var id: String = "coinr"

    @Option(name: .long, help: "The ranking's title.")
    var title: String = "Composite indicator imported from COINr"

    @Option(name: .long, help: "Impute missing values by the mean of this group column (COINr's i_mean_grp).")
    var imputeBy: String?

    @Flag(name: .long, help: "Replace the folder if it exists.")
    var force = false

    func validate() throws {
        for file in [iData, iMeta] where !FileManager.default.fileExists(atPath: file) {
            throw ValidationError("no file '\(file)'")
        }
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw ValidationError("'\(id)' is not an id: use lower-case letters, digits, '-' and '_'")
        }
        guard !to.isEmpty else { throw ValidationError("--to is empty; give the inputs folder to create") }
        if FileManager.default.fileExists(atPath: to), !force {
            throw ValidationError("'\(to)' exists; choose a new folder or pass --force to replace it")
        }
    }

    func run() throws {
        let options = COINrImport.Options(id: id, title: title, imputeBy: imputeBy)
        let files: [ReportFile]
        do {
            files = try dataErrors { try COINrImport.convert(iData: iData, iMeta: iMeta, options: options) }
        } catch let error as COINrImport.UsageError {
            throw usage(error.description)
        }
        try dataErrors { try ReportWriter.write(files, to: to) }
        print("podium: wrote \(files.map { "\(to)/\($0.name)" }.joined(separator: ", "))")
    }
}
