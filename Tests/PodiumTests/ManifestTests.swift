import Foundation
import PodiumTestFixtures
import Testing
@testable import Podium

/// The audit suite: SHA-256, the files each loader reports reading, manifest.json, `verify`'s check
/// and `validate`'s reading of the first rows. Hashes are compared with the `sha256sum` binary.
@Suite("Manifest, verify and validate")
struct ManifestTests {
    /// What `sha256sum` prints for a file: its digest.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return String(String(decoding: output, as: UTF8.self).prefix(64))
    }

    // MARK: SHA-256

    @Test("SHA-256 of the FIPS 180-2 vectors (text repeated so many times)", arguments: [
        ("", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("a", 1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func vectors(piece: String, times: Int, digest: String) throws {
        let text = String(repeating: piece, count: times)
        #expect(SHA256.hex(of: text) == digest)
        let file = try TemporaryFile(Array(text.utf8), suffix: ".txt")
        defer { file.remove() }
        #expect(try SHA256.file(file.path) == FileDigest(bytes: text.utf8.count, sha256: digest))
    }

    @Test("a file of several 1 MiB buffers hashes as sha256sum says; a missing file is missing, a folder is unreadable")
    func largeFile() throws {
        // 3 MiB and 17 bytes of a simple generator's output: buffers end mid-pattern.
        var state: UInt32 = 2024
        let bytes = (0..<(3 << 20) + 17).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        let file = try TemporaryFile(bytes, suffix: ".bin")
        defer { file.remove() }
        let digest = try SHA256.file(file.path)
        #expect(digest.bytes == bytes.count)
        #expect(digest.sha256 == (try Self.sha256sum(file.path)))

        let missing = #expect(throws: AuditError.self) { try SHA256.file(file.path + ".gone") }
        #expect(missing?.isMissing == true)
        let folder = #expect(throws: AuditError.self) { try SHA256.file(FileManager.default.temporaryDirectory.path) }
        #expect(folder?.isMissing == false)
        #expect(folder?.description.contains(": cannot read: ") == true)
    }

    // MARK: Files read

    @Test("every loader reports the files it read: rows or records, skipped by reason (worked out from the fixture's lines)")
    func filesRead() throws {
        let fixture = try PublicDataTests.fixture()
        defer { fixture.remove() }
        for threads in [1, 2] {
            let files = try PublicDataTests.run(fixture, threads: threads).inputFiles
            #expect(files == [
                // 14 rows: 2 voivodeships, 2 powiats, 3 parts (Bolków's town and rural area, a Łódź district), 7 gminas.
                InputFileRead(path: "registry/TERC.csv", read: 14, skipped: [.init(.voivodeship, 2), .init(.powiat, 2), .init(.gminaPart, 3)]),
                // POLSKA and Kraków (not in the register).
                InputFileRead(path: "registry/bdl-population.csv", read: 4,
                              skipped: [.init(.otherUnit, 2), .init(.otherDimensionValue, 0), .init(.noData, 0)]),
                InputFileRead(path: "rb28s/Rb28S_2022Q4.zip", unit: .records, read: 2,
                              skipped: [.init(.deleted, 0), .init(.otherBudget, 0), .init(.notInRegister, 0)]),
                // 13 records: 1 deleted; a powiat's, a voivodeship's and a union's line; Łęknica Nowa and Krzywa not in the register.
                InputFileRead(path: "rb28s/Rb28S_2023Q4.zip", unit: .records, read: 13,
                              skipped: [.init(.deleted, 1), .init(.otherBudget, 3), .init(.notInRegister, 2)]),
                InputFileRead(path: "bdl/sewage.csv", read: 3, skipped: [.init(.otherUnit, 0), .init(.otherDimensionValue, 0), .init(.noData, 1)]),
            ])
        }
    }

    @Test("a BDL row of another dimension value and of another unit is counted once, as the other dimension value")
    func bdlSkippedOnce() throws {
        let fixture = try Fixture(["units.csv": "id,name\n0205011,Jawor\n", "b.csv": """
            "Kod";"Nazwa";"Płeć";"Rok";"Wartosc";"Jednostka miary";"Atrybut";
            "000000000000";"POLSKA";"kobiety";"2023";"9";"%";"";
            "000000000000";"POLSKA";"ogółem";"2023";"9";"%";"";
            "010214305011";"Jawor";"kobiety";"2023";"1";"%";"";
            "010214305011";"Jawor";"ogółem";"2023";"-";"%";"";

            """])
        defer { fixture.remove() }
        let source = try BDL(parameters: .example("{file: b.csv, metric: m, unit: '%', dimensions: {Płeć: ogółem}}",
                                                  keys: BDL.description.parameters.map(\.name)))
        let read = try source.loadYearly(SourceRequest(register: try UnitTableLoader.load(fixture.path("units.csv")), folder: fixture.folder,
                                                       methodologyFile: "m.yaml", period: .years(2023...2023), progress: nil))
        #expect(read.notes.inputFiles == [InputFileRead(path: "b.csv", read: 4, skipped: [.init(.otherUnit, 1), .init(.otherDimensionValue, 2), .init(.noData, 1)])])
    }

    @Test("social media: accounts, followers and posts, posts outside the period skipped; the files in reading order")
    func socialFilesRead() throws {
        let result = try SocialFixture.run(SocialFixture.files())
        let posts = try #require(result.inputFiles.first { $0.path.hasSuffix("posts.csv") })
        #expect(posts.skipped == [.init(.outsidePeriod, 2)])
        #expect(posts.read == 20)
        #expect(result.inputFiles.map(\.path) == ["registry/TERC.csv", "registry/population.csv", "social/accounts.csv",
                                                  "social/followers.csv", "social/posts.csv"])
    }

    // MARK: manifest.json

    /// The fixture's reports and manifest, written as a run writes them, in `directory`.
    static func writeReports(_ fixture: Fixture, to directory: String, seed: UInt64? = nil) throws -> (RankingResult, ReportFile) {
        let result = try PublicDataTests.run(fixture)
        let reports = try ReportSet.render(result, formats: [.csv, .txt])
        let manifest = try Manifest.render(result: result, reports: reports, inputs: fixture.folder, sensitivitySeed: seed)
        try ReportWriter.write(reports + [manifest], to: directory)
        return (result, manifest)
    }

    @Test("manifest.json: version, methodology, inputs with what was read, seed, and every report, hashed as sha256sum hashes them")
    func manifest() throws {
        let fixture = try PublicDataTests.fixture()
        defer { fixture.remove() }
        let directory = fixture.path("Reports/test-public")
        let (result, manifest) = try Self.writeReports(fixture, to: directory)
        #expect(manifest.name == "manifest.json")
        #expect(manifest.contents.hasPrefix("""
            {
              "podium_version": "\(PodiumVersion.current)",
              "methodology": {
                "id": "test-public-2024",
                "file": "methodologies/test-public-2024.yaml",
            """))
        #expect(manifest.contents.hasSuffix("\n}\n"))
        #expect(manifest.contents.contains("""
                  "path": "rb28s/Rb28S_2023Q4.zip",
                  "bytes": \(try SHA256.file(fixture.path("rb28s/Rb28S_2023Q4.zip")).bytes),
            """))
        #expect(manifest.contents.contains("""
                  "records": 13,
                  "skipped": {
                    "deleted": 1,
                    "other_budget": 3,
                    "not_in_register": 2
                  }
            """))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(manifest.contents.utf8)) as? [String: Any])
        #expect(json["podium_version"] as? String == "0.1.0")
        #expect(json["sensitivity_seed"] is NSNull)
        let methodology = try #require(json["methodology"] as? [String: Any])
        #expect(methodology["sha256"] as? String == (try Self.sha256sum(fixture.path("methodologies/test-public-2024.yaml"))))
        let inputs = try #require(json["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["path"] as? String } == result.inputFiles.map(\.path))
        for input in inputs {
            let path = fixture.path(try #require(input["path"] as? String))
            #expect(input["sha256"] as? String == (try Self.sha256sum(path)), "\(path)")
            #expect(input["bytes"] as? Int == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        }
        // Every other file of the folder, by name, hashed as written.
        let reports = try #require(json["reports"] as? [[String: Any]])
        let written = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0 != "manifest.json" }.sorted()
        #expect(reports.map { $0["name"] as? String } == written)
        for report in reports {
            let name = try #require(report["name"] as? String)
            #expect(report["sha256"] as? String == (try Self.sha256sum(directory + "/" + name)), "\(name)")
        }
    }

    @Test("a run that converted export times names the zones and the time zone database; one that did not, none; verify reads it back")
    func timeZones() throws {
        // fb-jg's posts come from a Meta export in Warsaw time instead of posts.csv.
        var files = SocialFixture.files(posts: SocialFixture.posts.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("fb-jg,") }.joined(separator: "\n"))
        files["methodologies/test-social-2024.yaml"] = try #require(files["methodologies/test-social-2024.yaml"]).replacingOccurrences(
            of: "  posts: social/posts.csv\n",
            with: "  posts: social/posts.csv\n  exports: [{folder: social/meta, format: meta_posts, timezone: Europe/Warsaw}]\n")
        files["social/meta/fb-jg.csv"] = ExportFixture.metaHeader + "1,1,x,01/05/2024 08:00,Photos,1,0,0,\n"
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-social-2024.yaml"))
        let result = try Pipeline.run(methodology, inputs: fixture.folder)
        #expect(result.timeZones == ["Europe/Warsaw"])
        let reports = try ReportSet.render(result, formats: [.csv])
        let manifest = try Manifest.render(result: result, reports: reports, inputs: fixture.folder, sensitivitySeed: nil)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(manifest.contents.utf8)) as? [String: Any])
        let zones = try #require(json["time_zones"] as? [String: Any])
        #expect(zones["database"] as? String == TimeZone.timeZoneDataVersion)
        #expect(zones["zones"] as? [String] == ["Europe/Warsaw"])
        #expect(TimeZone.timeZoneDataVersion.count >= 5)   // 2025b: a version, not an empty string
        let directory = fixture.path("Reports/social")
        try ReportWriter.write(reports + [manifest], to: directory)
        let check = try ManifestCheck.verify(folder: directory, inputs: fixture.folder)
        #expect(check.matches && check.timeZoneDatabase == TimeZone.timeZoneDataVersion)

        // posts.csv alone: its times carry offsets, no zone converted them.
        let plain = try SocialFixture.run(SocialFixture.files())
        #expect(plain.timeZones.isEmpty)
        let plainManifest = try Manifest.render(result: plain, reports: [], digests: RunDigests(methodologyFile: "m.yaml",
            methodology: FileDigest(bytes: 0, sha256: String(repeating: "0", count: 64)), inputs: []), sensitivitySeed: nil)
        #expect(!plainManifest.contents.contains("time_zones"))
    }

    @Test("the same run gives the same manifest, byte for byte; a seed is written as a number")
    func deterministic() throws {
        let fixture = try PublicDataTests.fixture()
        defer { fixture.remove() }
        let first = try Self.writeReports(fixture, to: fixture.path("a")).1
        let second = try Self.writeReports(fixture, to: fixture.path("b")).1
        #expect(first == second)
        let seeded = try Self.writeReports(fixture, to: fixture.path("c"), seed: UInt64.max).1
        #expect(seeded.contents.contains("\n  \"sensitivity_seed\": 18446744073709551615,\n"))
        #expect(first.contents.contains("\n  \"sensitivity_seed\": null,\n"))
    }

    @Test("digests computed beside the run: every file the methodology names, largest first; the same manifest as hashing after the run")
    func digestsBesideTheRun() throws {
        let fixture = try PublicDataTests.fixture()
        defer { fixture.remove() }
        let methodology = try Self.methodology(fixture)
        let named = InputDigests.named(methodology, inputs: fixture.folder)
        let result = try PublicDataTests.run(fixture)
        // Every file the run read is among them (the {year} pattern expanded over the window).
        #expect(Set(result.inputFiles.map(\.path)).isSubset(of: Set(named)))
        #expect(named.contains("methodologies/test-public-2024.yaml"))
        let sizes = try named.map { try FileManager.default.attributesOfItem(atPath: fixture.path($0))[.size] as? Int ?? 0 }
        #expect(sizes == sizes.sorted(by: >), "\(zip(named, sizes).map { "\($0) \($1)" })")

        let reports = try ReportSet.render(result)
        let after = try Manifest.render(result: result, reports: reports, inputs: fixture.folder, sensitivitySeed: nil)
        let beside = try Manifest.render(result: result, reports: reports, inputs: fixture.folder, sensitivitySeed: nil,
                                         digests: InputDigests(methodology, inputs: fixture.folder))
        #expect(beside == after)
        // A digest the thread could not make (the file is gone) is made by the manifest, or fails there.
        try FileManager.default.removeItem(atPath: fixture.path("rb28s/Rb28S_2022Q4.zip"))
        #expect(throws: AuditError.self) {
            try Manifest.render(result: result, reports: reports, inputs: fixture.folder, sensitivitySeed: nil,
                                digests: InputDigests(methodology, inputs: fixture.folder))
        }
    }

    @Test("JSON strings: quotes, backslashes and control characters escaped, other characters as they are")
    func jsonStrings() throws {
        let text = "a\"b\\c\nd\t\u{01}\u{1F}ł🙂"
        #expect(JSONText.quoted(text) == "\"a\\\"b\\\\c\\nd\\t\\u0001\\u001fł🙂\"")
        let decoded = try JSONSerialization.jsonObject(with: Data(JSONText.array([.string(text)]).document.utf8)) as? [String]
        #expect(decoded == [text])
        #expect(JSONText.object([("a", .array([])), ("b", .object([]))]).document == "{\n  \"a\": [],\n  \"b\": {}\n}\n")
    }

    // MARK: verify

    @Test("verify: everything matches, then a changed input, a changed and a missing report, a missing input, files not in the manifest")
    func verify() throws {
        let fixture = try PublicDataTests.fixture()
        defer { fixture.remove() }
        let directory = fixture.path("Reports/test-public")
        _ = try Self.writeReports(fixture, to: directory)
        let clean = try ManifestCheck.verify(folder: directory, inputs: fixture.folder)
        #expect(clean.matches)
        #expect(clean.methodology == "test-public-2024" && clean.podiumVersion == PodiumVersion.current)
        // The methodology, 5 inputs and the reports (2 for the one category, awards, breakdown, not
        // classified, audit.csv and audit.txt).
        #expect(clean.checked == 1 + 5 + 7)

        try fixture.write("bdl/sewage.csv", PublicDataTests.sewage + "\"010214305011\";\"Jawor\";2021;1,0;\"%\";\"\";\n")
        try FileManager.default.removeItem(atPath: fixture.path("rb28s/Rb28S_2022Q4.zip"))
        try Data("changed\n".utf8).write(to: URL(fileURLWithPath: directory + "/awards.txt"))
        try FileManager.default.removeItem(atPath: directory + "/wszystkie.txt")
        try FileManager.default.createDirectory(atPath: directory + "/notes", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: directory + "/notes/extra.txt"))
        try Data().write(to: URL(fileURLWithPath: directory + "/a-copy.csv"))
        let check = try ManifestCheck.verify(folder: directory + "/", inputs: fixture.folder, threads: 2)
        #expect(!check.matches)
        #expect(check.findings == [
            .init(status: .missing, path: fixture.path("rb28s/Rb28S_2022Q4.zip")),
            .init(status: .changed, path: fixture.path("bdl/sewage.csv")),
            .init(status: .changed, path: directory + "/awards.txt"),
            .init(status: .missing, path: directory + "/wszystkie.txt"),
            .init(status: .notInManifest, path: directory + "/a-copy.csv"),
            .init(status: .notInManifest, path: directory + "/notes/extra.txt"),
        ])
    }

    @Test("verify: no manifest, or one that is not JSON or not a manifest, is an error naming the key", arguments: [
        (nil, "no manifest.json (not a report folder"),
        ("[1, 2", "not a podium manifest: not valid JSON"),
        ("{\"podium_version\": \"0.1.0\"}", "not a podium manifest: at the top: no key 'methodology'"),
        ("{\"podium_version\": \"0.1.0\", \"methodology\": {\"id\": \"m\", \"file\": \"m.yaml\", \"sha256\": 7}}",
         "not a podium manifest: at methodology.sha256: expected a string"),
        ("{\"podium_version\": \"0.1.0\", \"methodology\": {\"id\": \"m\", \"file\": \"m.yaml\", \"sha256\": \"\(String(repeating: "0", count: 64))\"}, "
            + "\"inputs\": [{\"path\": \"a.csv\", \"sha256\": \"ABC\"}], \"reports\": []}",
         "not a podium manifest: at inputs[0].sha256: 'ABC' is not a SHA-256"),
        ("{\"podium_version\": \"0.1.0\", \"methodology\": {\"id\": \"m\", \"file\": \"m.yaml\", \"sha256\": \"\(String(repeating: "0", count: 64))\"}, "
            + "\"inputs\": [], \"reports\": [{\"name\": \"../x.csv\", \"sha256\": \"\(String(repeating: "0", count: 64))\"}]}",
         "not a podium manifest: at reports[0].name: '../x.csv' is not a file name"),
        ("{\"podium_version\": \"0.1.0\", \"methodology\": {\"id\": \"m\", \"file\": \"m.yaml\", \"sha256\": \"\(String(repeating: "0", count: 64))\"}, "
            + "\"inputs\": {}, \"reports\": []}",
         "not a podium manifest: at inputs: expected a list"),
    ] as [(String?, String)])
    func malformed(manifest: String?, message: String) throws {
        let fixture = try Fixture(["Reports/r/awards.txt": "x\n"])
        defer { fixture.remove() }
        if let manifest { try fixture.write("Reports/r/manifest.json", manifest) }
        let error = #expect(throws: AuditError.self) { try ManifestCheck.verify(folder: fixture.path("Reports/r"), inputs: fixture.folder) }
        #expect(error?.description.hasPrefix(fixture.path("Reports/r")) == true)
        #expect(error?.description.contains(message) == true, "\(error.map { "\($0)" } ?? "")")
    }

    @Test("a report file named manifest.json is refused")
    func reportNamedManifest() throws {
        let fixture = try PublicDataTests.fixture()
        defer { fixture.remove() }
        let result = try PublicDataTests.run(fixture)
        #expect(throws: AuditError.reportNamedManifest("manifest.json")) {
            try Manifest.render(result: result, reports: [ReportFile(name: "manifest.json", contents: "")], inputs: fixture.folder, sensitivitySeed: nil)
        }
    }

    // MARK: validate

    static func methodology(_ fixture: Fixture) throws -> Methodology {
        try MethodologyParser.load(fixture.path("methodologies/test-public-2024.yaml"))
    }

    @Test("validate reads every file the run reads, the register whole and the others up to the limit")
    func checkGood() throws {
        let fixture = try PublicDataTests.fixture()
        defer { fixture.remove() }
        let run = try PublicDataTests.run(fixture).inputFiles
        let checked = try Pipeline.check(try Self.methodology(fixture), inputs: fixture.folder, rows: 2)
        #expect(checked.map(\.path) == run.map(\.path))
        // The register whole; every other file its first 2 rows (the 2022 report has exactly 2 records;
        // 2023's first two are live).
        #expect(checked.map(\.read) == [14, 2, 2, 2, 2])
        #expect(try Pipeline.check(try Self.methodology(fixture), inputs: fixture.folder).map(\.read) == run.map(\.read))
    }

    /// The error a run gives and the one validate gives, as text.
    static func errors(_ fixture: Fixture, rows: Int = 100) throws -> (run: String, check: String) {
        let methodology = try Self.methodology(fixture)
        var run = "", check = ""
        do { _ = try Pipeline.run(methodology, inputs: fixture.folder) } catch { run = "\(error)" }
        do { _ = try Pipeline.check(methodology, inputs: fixture.folder, rows: rows) } catch { check = "\(error)" }
        return (run, check)
    }

    @Test("validate gives the run's error for a missing file, a bad header, a bad first row, a bad first budget record")
    func checkBroken() throws {
        var lines = PublicDataTests.lines2023
        lines[0] = PublicDataTests.line(PublicDataTests.jawor, "900", "90001", "605", "8", "1,5")
        let cases: [(Fixture, String)] = [
            (try PublicDataTests.fixture(extra: ["bdl/sewage.csv": ""]), "bdl/sewage.csv:1: the file is empty"),
            (try PublicDataTests.fixture(extra: ["bdl/sewage.csv": "\"Kod\";\"Nazwa\";\"Rok\";\"Wart\";\n"]), "no column 'Wartosc'"),
            (try PublicDataTests.fixture(extra: ["bdl/sewage.csv": PublicDataTests.sewage.replacingOccurrences(of: "95,6", with: "95.6.1")]),
             "bdl/sewage.csv:2: column 'Wartosc': '95.6.1' is not a number"),
            (try PublicDataTests.fixture(extra: ["registry/bdl-population.csv": "\"Kod\";\"Nazwa\";\"Rok\";\"Wartosc\";\n\"0102\";\"X\";\"2023\";\"1\";\n"]),
             "bdl-population.csv:2: column 'Kod': '0102' is not a 12-digit BDL unit code"),
            (try PublicDataTests.fixture(lines2023: lines), "Rb28S_2023Q4.dbf:record 1: field 'R4'"),
        ]
        let missing = try PublicDataTests.fixture()
        try FileManager.default.removeItem(atPath: missing.path("rb28s/Rb28S_2023Q4.zip"))
        for (fixture, fragment) in cases + [(missing, "Rb28S_2023Q4.zip: input file not found (named by ")] {
            defer { fixture.remove() }
            let (run, check) = try Self.errors(fixture)
            #expect(run.contains(fragment), "\(run)")
            #expect(check == run)
        }
    }

    @Test("validate reads no row past the limit: an error further down is the run's to find")
    func checkStopsAtTheLimit() throws {
        let fixture = try PublicDataTests.fixture(extra: ["bdl/sewage.csv": PublicDataTests.sewage + "\"0102\";\"X\";2023;1;\"%\";\"\";\n"])
        defer { fixture.remove() }
        let (run, check) = try Self.errors(fixture, rows: 3)
        #expect(run.hasSuffix("sewage.csv:5: column 'Kod': '0102' is not a 12-digit BDL unit code"))
        #expect(check.isEmpty)
        #expect(try Self.errors(fixture, rows: 4).check == run)
    }

    @Test("validate on social media: accounts whole, the first posts and followers; a bad first post is the run's error")
    func checkSocial() throws {
        let fixture = try Fixture(SocialFixture.files())
        defer { fixture.remove() }
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-social-2024.yaml"))
        let checked = try Pipeline.check(methodology, inputs: fixture.folder, rows: 1)
        #expect(checked.map(\.path) == ["registry/TERC.csv", "registry/population.csv", "social/accounts.csv",
                                        "social/followers.csv", "social/posts.csv"])
        #expect(checked.map(\.read) == [14, 1, 6, 1, 1], "6 accounts, read whole")

        try fixture.write("social/posts.csv", SocialFixture.posts.replacingOccurrences(of: "fb-wro,1,2024-01-02T10:00:00+01:00", with: "fb-wro,1,2024-01-02 10:00"))
        var run = "", check = ""
        do { _ = try Pipeline.run(methodology, inputs: fixture.folder) } catch { run = "\(error)" }
        do { _ = try Pipeline.check(methodology, inputs: fixture.folder, rows: 1) } catch { check = "\(error)" }
        #expect(run.contains("posts.csv:2: column 'published_at'"), "\(run)")
        #expect(check == run)
    }
}
