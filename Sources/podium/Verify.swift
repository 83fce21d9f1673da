import ArgumentParser
import Foundation
import Podium

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a report folder against its manifest.json: which inputs or reports changed since.",
        discussion: """
            Hashes again (SHA-256) the methodology and every input file the manifest lists, from the inputs \
            folder, and every report file, from the report folder, and prints one line per file that changed \
            or is missing, and per file of the folder the manifest does not list; then a summary. Exit codes: \
            0 when every file matches, 65 when any does not or the manifest is missing or malformed. Example:
              podium verify Reports/2024/green-finance --inputs Inputs
            """)

    @Argument(help: "The report folder, e.g. Reports/2024/green-finance.")
    var folder: String

    @Option(name: .long, help: "The inputs folder the manifest's paths are relative to.")
    var inputs: String = "Inputs"

    @OptionGroup var threads: ThreadsOption

    func validate() throws {
        for (option, path) in [("the report folder", folder), ("--inputs", inputs)] {
            guard !path.isEmpty else { throw ValidationError("\(option) is empty; give a folder") }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("\(option == "--inputs" ? "the inputs folder" : option) '\(path)' does not exist")
            }
        }
    }

    func run() throws {
        let check = try dataErrors { try ManifestCheck.verify(folder: folder, inputs: InputFolder(root: inputs), threads: threads.count) }
        for finding in check.findings { print("\(finding.status.rawValue): \(finding.path)") }
        let counts = [ManifestCheck.Status.changed, .missing, .notInManifest].compactMap { status -> String? in
            let count = check.findings.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        let zones = check.timeZoneDatabase.map { ", time zone database \($0)" } ?? ""
        print("\(check.methodology) (manifest of podium \(check.podiumVersion)\(zones)): \(check.checked) files checked; "
              + (counts.isEmpty ? "every one matches the manifest" : counts.joined(separator: ", ")))
        if let database = check.timeZoneDatabase, database != ManifestCheck.currentTimeZoneDatabase {
            print("note: this podium converts local times with time zone database \(ManifestCheck.currentTimeZoneDatabase), the run used \(database): "
                  + "where a zone's rules differ between them, a rerun may date a post near midnight on another day")
        }
        if !check.matches { throw ExitCode(65) }
    }
}
