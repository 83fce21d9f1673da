import Foundation
import Testing
@testable import Podium

@Suite("Writing reports")
struct ReportWriterTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("podium-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func contents(_ directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            result[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return result
    }

    @Test("a new set replaces the old one whole, stale files included")
    func replaces() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("2024/ranking")
        try ReportWriter.write([ReportFile(name: "a.csv", contents: "1\n"), ReportFile(name: "old.csv", contents: "x\n")], to: target.path)
        try ReportWriter.write([ReportFile(name: "a.csv", contents: "2\n")], to: target.path)
        #expect(try contents(target) == ["a.csv": "2\n"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("2024").path) == ["ranking"])
    }

    @Test("a failed write leaves the previous reports untouched and nothing half-written")
    func failureKeepsPrevious() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("2024/ranking")
        try ReportWriter.write([ReportFile(name: "a.csv", contents: "1\n")], to: target.path)
        // The last file cannot be created: its name is the folder the file before it went into.
        #expect(throws: ReportError.self) {
            try ReportWriter.write([ReportFile(name: "a.csv", contents: "2\n"), ReportFile(name: "sub/b.csv", contents: ""),
                                    ReportFile(name: "sub", contents: "")], to: target.path)
        }
        #expect(try contents(target) == ["a.csv": "1\n"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("2024").path) == ["ranking"])
    }
}
