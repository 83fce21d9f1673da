import Foundation
import Testing
@testable import Podium

/// Whole report sets of the two small fixtures, compared byte for byte with files kept next to this
/// test. To re-record after a deliberate change: `PODIUM_RECORD_GOLDEN=1 swift test --filter Golden`,
/// then review the diff. CI never records.
@Suite("Golden reports")
struct GoldenReportTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["PODIUM_RECORD_GOLDEN"] == "1"
        && ProcessInfo.processInfo.environment["CI"] == nil

    func check(_ files: [ReportFile], in name: String) throws {
        let folder = Self.directory.appendingPathComponent(name)
        if Self.recording {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files { try Data(file.bytes).write(to: folder.appendingPathComponent(file.name)) }
        }
        let recorded = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(recorded == files.map(\.name).sorted(), "the set of report files changed")
        // Bytes, not text: the workbook is binary, and two strings that Swift deems equal (é
        // composed or not) are not the same file. A text file that differs shows both texts.
        for file in files {
            let golden = Array(try Data(contentsOf: folder.appendingPathComponent(file.name)))
            guard file.bytes != golden else { continue }
            if file.name.hasSuffix(".xlsx") {
                Issue.record("\(name)/\(file.name) differs from its golden file (\(file.bytes.count) bytes, golden \(golden.count))")
            } else {
                #expect(file.contents == String(decoding: golden, as: UTF8.self), "\(name)/\(file.name) differs from its golden file")
                Issue.record("\(name)/\(file.name) differs from its golden file in its bytes")
            }
        }
    }

    @Test("budget fixture")
    func budget() throws {
        let (result, fixture) = try BudgetFixture.run()
        defer { fixture.remove() }
        try check(try ReportSet.render(result), in: "budget")
    }

    @Test("social-media fixture")
    func social() throws {
        try check(try ReportSet.render(try SocialFixture.run(SocialFixture.files())), in: "social")
    }
}

