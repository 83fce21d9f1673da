import Foundation
import Testing

/// `manifest.json` as a run writes it, `podium verify` and `podium validate`, through the built binary.
@Suite("podium verify and validate on the command line")
struct AuditCommandTests {
    /// `sha256sum`'s digest of every file under `root` (`/2024/test-budget/miasta.csv` → digest).
    static func sha256sums(_ root: URL) throws -> [String: String] {
        var digests: [String: String] = [:]
        for name in try Podium.snapshot(root).keys {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sha256sum", root.path + name]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            digests[name] = String(String(decoding: output, as: UTF8.self).prefix(64))
        }
        return digests
    }

    /// The budget fixture in a scratch folder, run once: (inputs, the ranking's report folder).
    static func ran(in work: URL) throws -> (inputs: URL, folder: URL) {
        let inputs = work.appendingPathComponent("Inputs"), reports = work.appendingPathComponent("Reports")
        try FileManager.default.copyItem(at: Podium.fixtures.appendingPathComponent("budget"), to: inputs)
        let run = try Podium.run(["run", "--inputs", inputs.path, "--reports", reports.path, "--formats", "csv,txt", "--quiet"])
        try #require(run.status == 0, "\(run.errors)")
        return (inputs, reports.appendingPathComponent("2024/test-budget"))
    }

    @Test("a run writes manifest.json beside the reports; its hashes are sha256sum's; --version is the manifest's version")
    func manifestHashes() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let (inputs, folder) = try Self.ran(in: work)
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let version = try Podium.run(["--version"])
        #expect(manifest["podium_version"] as? String == version.output.trimmingCharacters(in: .newlines))

        let inputDigests = try Self.sha256sums(inputs)
        let methodology = try #require(manifest["methodology"] as? [String: Any])
        #expect(methodology["file"] as? String == "methodologies/test-budget-2024.yaml")
        #expect(methodology["sha256"] as? String == inputDigests["/methodologies/test-budget-2024.yaml"])
        let files = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["registry/TERC.csv", "registry/population.csv", "data/metrics.csv"])
        #expect(files.map { $0["rows"] as? Int } == [14, 14, 35])
        for file in files {
            let path = try #require(file["path"] as? String)
            #expect(file["sha256"] as? String == inputDigests["/" + path], "\(path)")
        }
        let reportDigests = try Self.sha256sums(folder)
        let reports = try #require(manifest["reports"] as? [[String: Any]])
        #expect(Set(reports.compactMap { $0["name"] as? String }.map { "/" + $0 }) == Set(reportDigests.keys).subtracting(["/manifest.json"]))
        for report in reports {
            let name = try #require(report["name"] as? String)
            #expect(report["sha256"] as? String == reportDigests["/" + name], "\(name)")
        }
    }

    @Test("verify: 0 when all match; 65 with a line for a changed input, a changed or missing report, a file not in the manifest")
    func verify() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let (inputs, folder) = try Self.ran(in: work)
        let arguments = ["verify", folder.path, "--inputs", inputs.path]
        let clean = try Podium.run(arguments)
        #expect(clean.status == 0, "\(clean.errors)")
        #expect(clean.output == "test-budget-2024 (manifest of podium 0.1.0): 13 files checked; every one matches the manifest\n")

        let metrics = inputs.appendingPathComponent("data/metrics.csv")
        try Data((try String(contentsOf: metrics, encoding: .utf8) + "0205011,2021,green,1\n").utf8).write(to: metrics)
        let changedInput = try Podium.run(arguments)
        #expect(changedInput.status == 65)
        #expect(changedInput.output == "changed: \(metrics.path)\ntest-budget-2024 (manifest of podium 0.1.0): 13 files checked; 1 changed\n")

        try Data("x\n".utf8).write(to: folder.appendingPathComponent("awards.txt"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("miasta.csv"))
        try Data("x\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let changed = try Podium.run(arguments)
        #expect(changed.status == 65)
        #expect(changed.output == """
            changed: \(metrics.path)
            changed: \(folder.path)/awards.txt
            missing: \(folder.path)/miasta.csv
            not in the manifest: \(folder.path)/notes.txt
            test-budget-2024 (manifest of podium 0.1.0): 13 files checked; 2 changed, 1 missing, 1 not in the manifest

            """)
        #expect(changed.errors.isEmpty)
    }

    @Test("verify: no manifest is one line and 65; no such folder is a usage error")
    func verifyErrors() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let (inputs, folder) = try Self.ran(in: work)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("manifest.json"))
        let none = try Podium.run(["verify", folder.path, "--inputs", inputs.path])
        #expect(none.status == 65)
        #expect(none.errors == "podium: error: \(folder.path): no manifest.json (not a report folder, or written before podium wrote manifests)\n")
        let absent = try Podium.run(["verify", work.appendingPathComponent("nothing").path, "--inputs", inputs.path])
        #expect(absent.status == 64)
        #expect(absent.errors == "podium: error: the report folder '\(work.appendingPathComponent("nothing").path)' does not exist\n")
    }

    @Test("validate: one line per methodology on good inputs")
    func validateGood() throws {
        let outcome = try Podium.run(["validate", "--inputs", Podium.fixtures.appendingPathComponent("budget").path])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output == "ok test-budget-2024: 3 input files checked\n")
        let unknown = try Podium.run(["validate", "--inputs", Podium.fixtures.appendingPathComponent("budget").path, "--edition", "2031"])
        #expect(unknown.status == 64)
        #expect(unknown.errors.hasSuffix("no methodology of edition 2031 in \(Podium.fixtures.path)/budget/methodologies; editions found: 2024\n"))
    }

    @Test("validate gives run's message and exit code for a missing file, a bad header, a bad first row, a bad methodology", arguments: [
        ("data/metrics.csv", nil),
        ("data/metrics.csv", "teryt,year,metric,amount\n0264011,2022,green,1\n"),
        ("data/metrics.csv", "teryt,year,metric,value\n0264011,2022,green,-1\n"),
        ("registry/population.csv", "teryt,year,population\n0264011,2022,many\n"),
        ("methodologies/test-budget-2024.yaml", "schema: 1\nid: x\n"),
    ] as [(String, String?)])
    func validateBroken(file: String, contents: String?) throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = work.appendingPathComponent("Inputs")
        try FileManager.default.copyItem(at: Podium.fixtures.appendingPathComponent("budget"), to: inputs)
        let url = inputs.appendingPathComponent(file)
        if let contents { try Data(contents.utf8).write(to: url) } else { try FileManager.default.removeItem(at: url) }
        let validate = try Podium.run(["validate", "--inputs", inputs.path])
        let run = try Podium.run(["run", "--inputs", inputs.path, "--reports", work.appendingPathComponent("Reports").path, "--quiet"])
        #expect(run.status == 65)
        #expect(run.errors.hasPrefix("podium: error: \(url.path)"), "\(run.errors)")
        #expect(validate.status == run.status)
        #expect(validate.errors == run.errors)
        #expect(validate.output.isEmpty)
    }

    /// A run that fails while the manifest's hashes are being computed beside it used to crash at exit
    /// now and then ("libcrypto: no SHA-256": the library is torn down at exit under the hashing
    /// thread). Many failing runs, each one line and 65.
    @Test("a run that fails while its inputs are being hashed exits with its error, never a crash")
    func failingRunWhileHashing() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = work.appendingPathComponent("Inputs")
        try FileManager.default.copyItem(at: Podium.fixtures.appendingPathComponent("budget"), to: inputs)
        // A metrics file that fails on its header, and is large (hashed first, as the run fails).
        let metrics = inputs.appendingPathComponent("data/metrics.csv")
        try Data(("teryt,year,metric,amount\n" + String(repeating: "0264011,2022,green,1\n", count: 400_000)).utf8).write(to: metrics)
        for _ in 0..<20 {
            let run = try Podium.run(["run", "--inputs", inputs.path, "--reports", work.appendingPathComponent("Reports").path, "--quiet"])
            #expect(run.status == 65)
            #expect(run.errors.hasPrefix("podium: error: \(metrics.path):1: ") && run.errors.filter { $0 == "\n" }.count == 1, "\(run.errors)")
        }
    }
}
