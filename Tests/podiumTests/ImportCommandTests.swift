import Foundation
import Testing

@Suite("podium import coinr and podium methods")
struct ImportCommandTests {
    static let asem = Podium.fixtures.appendingPathComponent("asem")

    @Test("COINr's ASEM data becomes an inputs folder that podium runs; the leaders are COINr's")
    func importAndRun() throws {
        let scratch = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputs = scratch.appendingPathComponent("asem").path
        let imported = try Podium.run(["import", "coinr", Self.asem.appendingPathComponent("ASEM_iData.csv").path,
                                       Self.asem.appendingPathComponent("ASEM_iMeta.csv").path, "--to", inputs,
                                       "--id", "asem", "--impute-by", "EurAsia_group"])
        #expect(imported.status == 0, "\(imported.errors)")
        for file in ["units.csv", "data.csv", "methodologies/asem.yaml"] {
            #expect(FileManager.default.fileExists(atPath: inputs + "/" + file), "\(file) not written")
        }
        let reports = scratch.appendingPathComponent("reports").path
        let run = try Podium.run(["run", "--inputs", inputs, "--edition", "2018", "--reports", reports])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("register: 51 units from units.csv"))
        let leaderboard = try String(contentsOfFile: reports + "/2018/asem/all.csv", encoding: .utf8)
        #expect(leaderboard.split(separator: "\n").dropFirst().prefix(3).map { $0.split(separator: ",").prefix(4).joined(separator: ",") }
                == ["1,CHE,Switzerland,68.38", "2,NLD,Netherlands,64.82", "3,DNK,Denmark,64.80"])
        // Importing onto an existing folder is refused unless asked.
        let again = try Podium.run(["import", "coinr", Self.asem.appendingPathComponent("ASEM_iData.csv").path,
                                    Self.asem.appendingPathComponent("ASEM_iMeta.csv").path, "--to", inputs])
        #expect(again.status == 64)
        #expect(again.errors.contains("exists; choose a new folder or pass --force"))
    }

    @Test("a bad iMeta is a data error naming file and line")
    func badMeta() throws {
        let scratch = try Podium.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let meta = try String(contentsOf: Self.asem.appendingPathComponent("ASEM_iMeta.csv"), encoding: .utf8)
            .replacingOccurrences(of: "Logistics Performance Index,1.0,1.0,Score 1-5,4.11803135,,Physical,", with: "Logistics Performance Index,1.0,1.0,Score 1-5,4.11803135,,Physicl,")
        let metaPath = scratch.appendingPathComponent("iMeta.csv").path
        try meta.write(toFile: metaPath, atomically: true, encoding: .utf8)
        let outcome = try Podium.run(["import", "coinr", Self.asem.appendingPathComponent("ASEM_iData.csv").path, metaPath,
                                      "--to", scratch.appendingPathComponent("out").path])
        #expect(outcome.status == 65)
        #expect(outcome.errors == "podium: error: \(metaPath):2: column 'Parent': 'Physicl' of 'LPI' is not an aggregate of iMeta\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out").path))
    }

    @Test("methods lists every stage's methods; a stage filter narrows it; an unknown stage is a usage error")
    func methods() throws {
        let all = try Podium.run(["methods"])
        #expect(all.status == 0)
        for id in ["municipal_metrics", "ratio_over_window", "group_mean", "winsorise_or_log", "min_max", "arithmetic_mean"] {
            #expect(all.output.contains("\(id): "), "\(id) not listed")
        }
        let normalisation = try Podium.run(["methods", "normalisation"])
        #expect(normalisation.output.contains("min_max: Min-max"))
        #expect(!normalisation.output.contains("ratio_over_window"))
        #expect(normalisation.output.contains("- range: [a, b], a < b (default [0, 100])"))
        #expect(try Podium.run(["methods", "sorcery"]).status == 64)
        #expect(try Podium.run(["criteria"]).output.contains("ratio_over_window: "))
    }
}
