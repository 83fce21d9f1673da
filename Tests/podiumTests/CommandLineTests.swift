import Foundation
import Testing

/// Runs the built `podium` binary, as users do.
struct Podium {
    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")

    static var binary: URL {
        // swift test puts the test bundle next to the products it built, the podium binary among them.
        Bundle.main.bundleURL.appendingPathComponent("podium")
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("podium-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       output: try String(contentsOf: out, encoding: .utf8),
                       errors: try String(contentsOf: err, encoding: .utf8))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("podium-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under `root`, relative path → bytes.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
            }
        }
        return files
    }
}

@Suite("podium on the command line")
struct CommandLineTests {
    @Test("help lists the commands")
    func help() throws {
        let outcome = try Podium.run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("explain"))
        #expect(outcome.output.contains("methods"))
        #expect(outcome.output.contains("import"))
    }

    @Test("usage errors exit 64", arguments: [
        ["run", "--frobnicate"], ["run", "--inputs", "/nonexistent/podium"], ["run", "--edition", "abc"],
    ])
    func usageErrors(arguments: [String]) throws {
        let outcome = try Podium.run(arguments)
        #expect(outcome.status == 64, "\(arguments): \(outcome.errors)")
        // One line, like every other error: no usage screen after it.
        #expect(outcome.errors.hasPrefix("podium: error: ") && outcome.errors.filter { $0 == "\n" }.count == 1, "\(outcome.errors)")
    }

    /// An unset shell variable: `--reports ""` once wrote to /2024/<ranking>.
    @Test("an empty folder option is a usage error, one line, for every command that takes it", arguments: [
        (["run", "--reports", "", "--inputs", "$BUDGET", "--quiet"], "--reports is empty; give the reports folder"),
        (["run", "--inputs", "", "--quiet"], "--inputs is empty; give the inputs folder"),
        (["explain", "test-budget", "Jawor", "--inputs", ""], "--inputs is empty; give the inputs folder"),
        (["import", "coinr", "$ASEM/ASEM_iData.csv", "$ASEM/ASEM_iMeta.csv", "--to", ""], "--to is empty; give the inputs folder to create"),
    ])
    func emptyFolder(arguments: [String], message: String) throws {
        let outcome = try Podium.run(arguments.map {
            $0.replacingOccurrences(of: "$BUDGET", with: Podium.fixtures.appendingPathComponent("budget").path)
                .replacingOccurrences(of: "$ASEM", with: Podium.fixtures.appendingPathComponent("asem").path)
        })
        #expect(outcome.status == 64)
        #expect(outcome.errors == "podium: error: \(message)\n")
        #expect(outcome.output.isEmpty)
    }

    @Test("an edition without methodology is a usage error naming the editions found")
    func unknownEdition() throws {
        let outcome = try Podium.run(["run", "--inputs", Podium.fixtures.appendingPathComponent("budget").path, "--edition", "2031"])
        #expect(outcome.status == 64)
        #expect(outcome.errors.hasSuffix("no methodology of edition 2031 in \(Podium.fixtures.path)/budget/methodologies; editions found: 2024\n"))
    }

    @Test("explain by name and by code; an ambiguous or unknown name is a usage error with candidates")
    func explain() throws {
        let inputs = ["--inputs", Podium.fixtures.appendingPathComponent("budget").path]
        let byName = try Podium.run(["explain", "test-budget", "Wrocław"] + inputs)
        #expect(byName.status == 0)
        #expect(byName.output.contains("Miejsce 2 z 3, wynik 68.75, Lider"))
        #expect(byName.output.contains("Za miejscem 1 (Łódź, 81.25) o 12.50 pkt"))
        let byCode = try Podium.run(["explain", "test-budget", "1061011"] + inputs)
        #expect(byCode.output.hasPrefix("Łódź (1061011), łódzkie, gmina miejska"))
        let ambiguous = try Podium.run(["explain", "test-budget", "Bolesławiec"] + inputs)
        #expect(ambiguous.status == 64)
        #expect(ambiguous.errors.contains("0201011 Bolesławiec (gmina miejska, dolnośląskie); 0201022 Bolesławiec (gmina wiejska"))
        let unknown = try Podium.run(["explain", "test-budget", "Jawr"] + inputs)
        #expect(unknown.status == 64)
        #expect(unknown.errors == "podium: error: no gmina named 'Jawr'; did you mean: Jawor (0205011, gmina miejska)\n")
    }

    @Test("bad data exits 65 with one line naming file and line, and leaves earlier reports untouched")
    func dataErrorKeepsReports() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = work.appendingPathComponent("Inputs"), reports = work.appendingPathComponent("Reports")
        try FileManager.default.copyItem(at: Podium.fixtures.appendingPathComponent("budget"), to: inputs)
        let arguments = ["run", "--inputs", inputs.path, "--reports", reports.path, "--quiet"]
        let first = try Podium.run(arguments)
        #expect(first.status == 0, "\(first.errors)")
        let before = try Podium.snapshot(reports)
        #expect(before.keys.contains("/2024/test-budget/miasta.csv"))

        let metrics = inputs.appendingPathComponent("data/metrics.csv")
        let handle = try FileHandle(forWritingTo: metrics)
        handle.seekToEndOfFile()
        handle.write(Data("0264011,2021,green,12,5\n".utf8))
        try handle.close()
        let lines = try String(contentsOf: metrics, encoding: .utf8).split(separator: "\n").count

        let failed = try Podium.run(arguments)
        #expect(failed.status == 65)
        #expect(failed.errors == "podium: error: \(metrics.path):\(lines): row has 5 fields but the header has 4\n")
        #expect(try Podium.snapshot(reports) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: reports.appendingPathComponent("2024").path)
        #expect(leftovers == ["test-budget"])
    }

    /// The committed Green Finance inputs (register, methodology, Rb-28S ZIPs, BDL exports) in a scratch folder.
    static func greenFinanceInputs(in work: URL) throws -> URL {
        let inputs = work.appendingPathComponent("Inputs")
        let committed = Podium.repository.appendingPathComponent("Inputs")
        for path in ["registry", "green-finance", "methodologies"] {
            try FileManager.default.copyItem(at: committed.appendingPathComponent(path), to: inputs.appendingPathComponent(path))
        }
        try FileManager.default.removeItem(at: inputs.appendingPathComponent("methodologies/zlote-lajki-2024.yaml"))
        return inputs
    }

    @Test("a truncated Rb-28S ZIP or a bad BDL row exits 65 with one line naming the file (and line), and writes nothing")
    func publishedFileErrors() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = try Self.greenFinanceInputs(in: work), reports = work.appendingPathComponent("Reports")
        let arguments = ["run", "--inputs", inputs.path, "--reports", reports.path, "--quiet"]
        let zip = inputs.appendingPathComponent("green-finance/2024/rb28s/Rb28S_2021Q4.zip")
        let whole = try Data(contentsOf: zip)
        try whole.prefix(whole.count / 2).write(to: zip)
        let truncated = try Podium.run(arguments)
        #expect(truncated.status == 65)
        #expect(truncated.errors.hasPrefix("podium: error: \(zip.path): "), "\(truncated.errors)")
        #expect(truncated.errors.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: reports.path))
        try whole.write(to: zip)

        let bdl = inputs.appendingPathComponent("green-finance/2024/bdl/waste_separate_collection_pct.csv")
        var text = try String(contentsOf: bdl, encoding: .utf8)
        text += "\"0212\";\"Jawor\";2023;1,0;\"%\";\"\";\n"
        try Data(text.utf8).write(to: bdl)
        let lines = text.split(separator: "\n").count
        let badCode = try Podium.run(arguments)
        #expect(badCode.status == 65)
        #expect(badCode.errors == "podium: error: \(bdl.path):\(lines): column 'Kod': '0212' is not a 12-digit BDL unit code\n")
        #expect(!FileManager.default.fileExists(atPath: reports.path))
    }

    @Test("explain --lines: the budget lines of a sum; a metric that is not an Rb-28S one or --year alone is a usage error")
    func explainLines() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = try Self.greenFinanceInputs(in: work)
        let lines = try Podium.run(["explain", "green-finance", "Jawor", "--inputs", inputs.path, "--lines", "green_capital_expenditure", "--year", "2023"])
        #expect(lines.status == 0, "\(lines.errors)")
        #expect(lines.output.contains("2023: ") && lines.output.contains("suma ") && lines.output.contains("rozdział"))
        let notBudget = try Podium.run(["explain", "green-finance", "Jawor", "--inputs", inputs.path, "--lines", "sewage_connection_pct"])
        #expect(notBudget.status == 64)
        #expect(notBudget.errors.contains("'sewage_connection_pct' is not an Rb-28S metric"))
        let yearAlone = try Podium.run(["explain", "green-finance", "Jawor", "--inputs", inputs.path, "--year", "2023"])
        #expect(yearAlone.status == 64)
    }

    @Test("an error about a 5 MB field quotes 40 characters of it, on one line")
    func hugeFieldInError() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = work.appendingPathComponent("Inputs")
        try FileManager.default.copyItem(at: Podium.fixtures.appendingPathComponent("budget"), to: inputs)
        let metrics = inputs.appendingPathComponent("data/metrics.csv")
        let huge = String(repeating: "7", count: 5_000_000)
        try Data("teryt,year,metric,value\n0264011,2022,green,\"\(huge)\n\(huge)\"\n".utf8).write(to: metrics)
        let outcome = try Podium.run(["run", "--inputs", inputs.path, "--reports", work.appendingPathComponent("Reports").path, "--quiet"])
        #expect(outcome.status == 65)
        #expect(outcome.errors == "podium: error: \(metrics.path):2: column 'value': '\(String(repeating: "7", count: 40))… (10000001 bytes)' "
                + "is not a number (decimal point, e.g. 1234.56)\n")
    }

    @Test("a NUL byte or a repeated key in a methodology is one line naming file, line and column", arguments: [
        ("title: Ranking testowy", "title: Ranking\u{0} testowy", ":4:15: YAML: control characters are not allowed (U+0000)"),
        ("normalisation: min_max", "normalisation: min_max\nnormalisation: rank", ":61:1: YAML: a key appears twice in one mapping: 'normalisation'"),
    ])
    func methodologySyntax(original: String, broken: String, message: String) throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = work.appendingPathComponent("Inputs")
        try FileManager.default.copyItem(at: Podium.fixtures.appendingPathComponent("budget"), to: inputs)
        let file = inputs.appendingPathComponent("methodologies/test-budget-2024.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains(original))
        try Data(text.replacingOccurrences(of: original, with: broken).utf8).write(to: file)
        for command in [["run", "--reports", work.appendingPathComponent("Reports").path], ["explain", "test-budget", "Jawor"]] {
            let outcome = try Podium.run(command + ["--inputs", inputs.path])
            #expect(outcome.status == 65)
            #expect(outcome.errors == "podium: error: \(file.path)\(message)\n")
        }
    }

    /// Two rankings of one edition in a copy of the budget fixture, the second (by file name) `test-budget-b`.
    static func twoRankings(in work: URL) throws -> URL {
        let inputs = work.appendingPathComponent("Inputs")
        try FileManager.default.copyItem(at: Podium.fixtures.appendingPathComponent("budget"), to: inputs)
        let first = inputs.appendingPathComponent("methodologies/test-budget-2024.yaml")
        let text = try String(contentsOf: first, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "id: test-budget-2024\nranking: test-budget\n", with: "id: test-budget-b-2024\nranking: test-budget-b\n").utf8)
            .write(to: inputs.appendingPathComponent("methodologies/test-budget-b-2024.yaml"))
        return inputs
    }

    static func edit(_ file: URL, _ original: String, _ replacement: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains(original))
        try Data(text.replacingOccurrences(of: original, with: replacement).utf8).write(to: file)
    }

    @Test("when the second ranking's folder cannot be written, the first is not replaced either; the message gives the system's reason")
    func reportSetsAsAWhole() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = try Self.twoRankings(in: work), reports = work.appendingPathComponent("Reports")
        let arguments = ["run", "--inputs", inputs.path, "--reports", reports.path, "--quiet"]
        let first = try Podium.run(arguments)
        #expect(first.status == 0, "\(first.errors)")
        let before = try Podium.snapshot(reports)
        #expect(before.keys.contains("/2024/test-budget/miasta.txt") && before.keys.contains("/2024/test-budget-b/miasta.txt"))

        // The first ranking's reports would change; the second's cannot be written (a file name of 304 bytes).
        try Self.edit(inputs.appendingPathComponent("methodologies/test-budget-2024.yaml"), "title: Ranking testowy", "title: Ranking testowy 2")
        let long = String(repeating: "m", count: 300)
        try Self.edit(inputs.appendingPathComponent("methodologies/test-budget-b-2024.yaml"), "id: miasta", "id: \(long)")
        let failed = try Podium.run(arguments)
        #expect(failed.status == 73)
        let folder = reports.appendingPathComponent("2024").path
        #expect(failed.errors.hasPrefix("podium: error: \(folder)/test-budget-b: cannot write the reports: cannot create \(folder)/.test-budget-b.new-"))
        #expect(failed.errors.hasSuffix("/\(long).csv: File name too long; no report folder was changed\n"), "\(failed.errors)")
        #expect(failed.errors.filter { $0 == "\n" }.count == 1)
        #expect(try Podium.snapshot(reports) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["test-budget", "test-budget-b"])
    }

    @Test("a run removes the staging and retired folders of killed runs, puts back a lone retired folder, and leaves a live run's alone")
    func leftoversOfKilledRuns() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = Podium.fixtures.appendingPathComponent("budget").path, reports = work.appendingPathComponent("Reports")
        let arguments = ["run", "--inputs", inputs, "--reports", reports.path]
        #expect(try Podium.run(arguments + ["--quiet"]).status == 0)
        let folder = reports.appendingPathComponent("2024")
        let dead = 2_000_000_000  // above Linux's pid_max: no process has it
        let live = ProcessInfo.processInfo.processIdentifier  // this test's own process
        for (name, file) in [(".test-budget.new-\(dead)", "half.csv"), (".test-budget.old-\(dead)", "older.csv"),
                             (".gone.old-\(dead)", "previous.csv"), (".test-budget.new-\(live)", "being-written.csv")] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
            try Data("x\n".utf8).write(to: folder.appendingPathComponent(name).appendingPathComponent(file))
        }
        let outcome = try Podium.run(arguments)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.errors.hasPrefix("podium: put back \(folder.path)/gone from .gone.old-\(dead), left by process \(dead), which was stopped while replacing it\n"),
                "\(outcome.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".test-budget.new-\(live)", "gone", "test-budget"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("gone").path) == ["previous.csv"])
    }

    @Test("two runs on the same inputs write byte-identical reports")
    func deterministic() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = Podium.fixtures.appendingPathComponent("budget").path
        var snapshots: [[String: Data]] = []
        for run in 0..<2 {
            let reports = work.appendingPathComponent("r\(run)")
            #expect(try Podium.run(["run", "--inputs", inputs, "--reports", reports.path, "--quiet"]).status == 0)
            snapshots.append(try Podium.snapshot(reports))
        }
        #expect(!snapshots[0].isEmpty)
        #expect(snapshots[0] == snapshots[1])
    }
}

/// The one test that reads Inputs/ and Reports/: a fresh run on the committed sample inputs must
/// reproduce the committed reports byte for byte.
@Suite("Committed sample reports")
struct CommittedReportsTests {
    @Test("a fresh run reproduces Reports/2024 byte for byte")
    func reproduce() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = try Podium.run([
            "run", "--inputs", Podium.repository.appendingPathComponent("Inputs").path,
            "--reports", work.path, "--edition", "2024", "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let fresh = try Podium.snapshot(work.appendingPathComponent("2024"))
        let committed = try Podium.snapshot(Podium.repository.appendingPathComponent("Reports/2024"))
        #expect(fresh.keys.sorted() == committed.keys.sorted())
        for (name, data) in committed.sorted(by: { $0.key < $1.key }) {
            #expect(fresh[name] == data, "Reports/2024\(name) is not what the code computes now: run scripts/run and commit")
        }
    }
}
