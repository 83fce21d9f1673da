import Foundation
@testable import Podium

/// A throw-away inputs folder built from text, so tests never read the committed Inputs/.
struct Fixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("podium-fixture-\(UUID().uuidString)")
        for (path, contents) in files { try write(path, contents) }
    }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    var folder: InputFolder { InputFolder(root: root.path) }
    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Fixture files shared by the test targets, in Tests/Fixtures/.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func text(_ path: String) -> String {
        try! String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }

    /// A register of two voivodeships: three cities with powiat rights, two urban gminas, one rural,
    /// one urban-rural (with its town and rural parts), and a district of a city.
    static let terc = text("budget/registry/TERC.csv")
}
