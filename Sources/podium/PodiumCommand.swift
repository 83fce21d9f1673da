import ArgumentParser
import Foundation
import Podium
import PodiumArchive
import PodiumDBase
import PodiumCSV

@main
struct PodiumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "podium",
        abstract: "Computes Polish municipal rankings and awards from CSV data.",
        discussion: """
            Rankings are described by methodology files in <inputs>/methodologies/*.yaml; each names its \
            data files relative to <inputs>. Reports are written to <reports>/<edition>/<ranking>/.

            Exit codes: 0 success, 64 usage error, 65 bad input data or methodology,
            73 the reports could not be written.
            """,
        version: PodiumVersion.current,
        subcommands: [Run.self, Explain.self, Methods.self, Import.self, Validate.self, Verify.self, Compare.self, SQL.self,
                      AccountStats.self])

    /// The argument parser's own entry point, except that an error is one line on standard error
    /// like every other podium error (the parser would add the usage screen below it); help and
    /// `--version` are printed as the parser prints them.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            let message = self.message(for: error)
            if !message.isEmpty {
                FileHandle.standardError.write(Data("podium: error: \(oneLine(message))\n".utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// Options every command that reads inputs shares.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "The inputs folder (methodologies, register, data).")
    var inputs: String = "Inputs"

    @Option(name: .long, help: "The edition (year) whose methodologies to use.")
    var edition: Int = 2024

    func validate() throws {
        // An unset shell variable (`--inputs "$INPUTS"`) would otherwise name the current folder.
        guard !inputs.isEmpty else { throw ValidationError("--inputs is empty; give the inputs folder") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inputs, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("the inputs folder '\(inputs)' does not exist")
        }
    }

    var folder: InputFolder { InputFolder(root: inputs) }

    /// The edition's methodologies, narrowed to the rankings asked for.
    func methodologies(_ rankings: [String]) throws -> [Methodology] {
        let found = try dataErrors { try MethodologyCatalog.edition(edition, in: folder) }
        guard !found.isEmpty else {
            let editions = (try? MethodologyCatalog.all(in: folder))?.map(\.edition) ?? []
            throw usage("no methodology of edition \(edition) in \(folder.methodologies)"
                + (editions.isEmpty ? "" : "; editions found: \(Set(editions).sorted().map(String.init).joined(separator: ", "))"))
        }
        if let unknown = rankings.first(where: { name in !found.contains { $0.ranking == name } }) {
            throw usage("no ranking '\(unknown)' in edition \(edition); rankings: \(found.map(\.ranking).joined(separator: ", "))")
        }
        return rankings.isEmpty ? found : found.filter { rankings.contains($0.ranking) }
    }
}

/// Runs `body`, turning errors about input data and methodology files into one line on standard
/// error and exit code 65.
func dataErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CSVError {
        throw fail(error.description)
    } catch let error as InputError {
        throw fail(error.description)
    } catch let error as DBaseError {
        throw fail(error.description)
    } catch let error as ArchiveError {
        throw fail(error.description)
    } catch let error as MethodologyError {
        throw fail(error.description)
    } catch let error as ScoringError {
        throw fail(error.description)
    } catch let error as AuditError {
        throw fail(error.description)
    } catch let error as ReportError {
        throw fail(error.description, code: 73)
    } catch let error as WorkbookError {
        throw fail(error.description, code: error.isDataError ? 65 : 73)
    }
}

func fail(_ message: String, code: Int32 = 65) -> ExitCode {
    // Values from input files are already quoted and cut short; this keeps the promise of one line
    // for everything else a message may hold (a path or an argument with a line break).
    FileHandle.standardError.write(Data("podium: error: \(oneLine(message))\n".utf8))
    return ExitCode(code)
}

func usage(_ message: String) -> ExitCode { fail(message, code: 64) }

func note(_ message: String) {
    FileHandle.standardError.write(Data("podium: \(message)\n".utf8))
}
