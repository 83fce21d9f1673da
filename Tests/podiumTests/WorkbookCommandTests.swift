import Foundation
import Testing

@Suite("The workbook on the command line")
struct WorkbookCommandTests {
    @Test("two runs a second apart, in two processes, write the same workbook; --formats xlsx writes only it and the manifest")
    func sameBytes() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = Podium.fixtures.appendingPathComponent("budget").path
        var workbooks: [Data] = []
        for run in 0..<2 {
            if run > 0 { Thread.sleep(forTimeInterval: 1.1) }
            let reports = work.appendingPathComponent("r\(run)")
            let outcome = try Podium.run(["run", "--inputs", inputs, "--reports", reports.path, "--formats", "xlsx", "--quiet"])
            #expect(outcome.status == 0, "\(outcome.errors)")
            let folder = reports.appendingPathComponent("2024/test-budget")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["manifest.json", "test-budget.xlsx"])
            workbooks.append(try Data(contentsOf: folder.appendingPathComponent("test-budget.xlsx")))
        }
        #expect(workbooks[0].count > 1000)
        #expect(workbooks[0] == workbooks[1])
    }

    @Test("a temporary folder that cannot be written is a one-line error (exit 73) and no reports are written")
    func unwritableTemporaryFolder() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let reports = work.appendingPathComponent("Reports")
        let process = Process()
        process.executableURL = Podium.binary
        process.arguments = ["run", "--inputs", Podium.fixtures.appendingPathComponent("budget").path, "--reports", reports.path, "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = work.appendingPathComponent("missing").path
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 73)
        #expect(message == "podium: error: test-budget.xlsx: cannot write the workbook through a temporary file in "
                + "\(work.path)/missing: No such file or directory (set TMPDIR to a writable folder)\n")
        #expect(!FileManager.default.fileExists(atPath: reports.appendingPathComponent("2024/test-budget").path))
    }
}
