import Foundation
import Testing

/// The committed Złote Lajki inputs read platform exports besides posts.csv, through the built binary.
@Suite("podium run with platform exports")
struct ExportCommandTests {
    /// The committed Złote Lajki inputs in a scratch folder.
    static func socialInputs(in work: URL) throws -> URL {
        let inputs = work.appendingPathComponent("Inputs")
        let committed = Podium.repository.appendingPathComponent("Inputs")
        for path in ["registry", "zlote-lajki", "methodologies/zlote-lajki-2024.yaml"] {
            let target = inputs.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: committed.appendingPathComponent(path), to: target)
        }
        return inputs
    }

    @Test("the run summary says what each export folder gave, and the manifest lists every export file")
    func summaryAndManifest() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = try Self.socialInputs(in: work), reports = work.appendingPathComponent("Reports")
        let outcome = try Podium.run(["run", "--inputs", inputs.path, "--reports", reports.path, "--ranking", "zlote-lajki"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let lines = outcome.output.split(separator: "\n").map(String.init)
        let meta = try #require(lines.firstIndex { $0.hasPrefix("  exports zlote-lajki/2024/exports/meta_posts (meta_posts, Europe/Warsaw): 37 files of 36 accounts, 2680 rows") })
        #expect(lines[meta + 1] == "    2272 posts in the period, 395 outside it (skipped)")
        #expect(lines[meta + 2] == "    6 in two files with the same figures (counted once), 7 with different figures (the file whose name sorts last taken)")
        #expect(lines.contains("    30 summary rows (Total) skipped"))
        let exportFiles = try FileManager.default.subpathsOfDirectory(atPath: inputs.appendingPathComponent("zlote-lajki/2024/exports").path)
            .filter { $0.hasSuffix(".csv") }
        #expect(exportFiles.count == 98)
        let manifest = try String(contentsOf: reports.appendingPathComponent("2024/zlote-lajki/manifest.json"), encoding: .utf8)
        for file in exportFiles {
            #expect(manifest.contains("\"path\": \"zlote-lajki/2024/exports/\(file)\""), "\(file)")
        }
        #expect(manifest.contains("\"summary_row\": 1"))
        let verify = try Podium.run(["verify", reports.appendingPathComponent("2024/zlote-lajki").path, "--inputs", inputs.path])
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
    }

    @Test("an export named after no account: exit 65, one line with close matches; validate says the same")
    func unknownAccount() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = try Self.socialInputs(in: work), reports = work.appendingPathComponent("Reports")
        let folder = inputs.appendingPathComponent("zlote-lajki/2024/exports/tiktok_studio")
        let first = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first)
        let misspelt = folder.appendingPathComponent(String(first.dropLast(4)) + "x--2024-06.csv")
        try FileManager.default.moveItem(at: folder.appendingPathComponent(first), to: misspelt)
        let run = try Podium.run(["run", "--inputs", inputs.path, "--reports", reports.path, "--quiet"])
        #expect(run.status == 65)
        #expect(run.errors == "podium: error: \(misspelt.path): the file name names no account of accounts.csv ('\(first.dropLast(4))x'); "
            + "close matches: \(first.dropLast(4)); name export files <account_id>.csv or <account_id>--<label>.csv\n")
        let validate = try Podium.run(["validate", "--inputs", inputs.path])
        #expect(validate.status == 65 && validate.errors == run.errors)
        #expect(!FileManager.default.fileExists(atPath: reports.path))
    }

    @Test("an account in posts.csv and in an export: exit 65 naming both")
    func twoSources() throws {
        let work = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = try Self.socialInputs(in: work)
        let posts = inputs.appendingPathComponent("zlote-lajki/2024/posts.csv")
        let text = try String(contentsOf: posts, encoding: .utf8)
        let firstRow = try #require(text.split(separator: "\n").dropFirst().first)
        let account = String(try #require(firstRow.split(separator: ",").first))
        let export = inputs.appendingPathComponent("zlote-lajki/2024/exports/meta_posts/\(account)--extra.csv")
        try Data("Post ID,Publish time,Reactions,Comments,Shares\n1,01/10/2024 12:00,1,1,1\n".utf8).write(to: export)
        let run = try Podium.run(["run", "--inputs", inputs.path, "--reports", work.appendingPathComponent("Reports").path, "--quiet"])
        #expect(run.status == 65)
        #expect(run.errors == "podium: error: \(posts.path):2: account '\(account)' has posts in two sources: this file and \(export.path); an account's posts must come from one source\n")
    }
}
