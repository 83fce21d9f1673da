import Foundation

/// A file in the temporary folder, removed by `remove()`.
public struct TemporaryFile: Sendable {
    public let path: String

    public init(suffix: String) {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("podium-\(UUID().uuidString)\(suffix)").path
    }

    public init(_ bytes: [UInt8], suffix: String) throws {
        self.init(suffix: suffix)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    public var bytes: [UInt8] {
        get throws { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
