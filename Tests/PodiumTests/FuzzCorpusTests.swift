import Foundation
import Podium
import Testing

/// Every seed of the fuzz corpus (`Tests/Fuzz/Corpus/<target>/`) goes once through its target, so an
/// input that once crashed podium stays a test of the ordinary suite, without the sanitizers.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Corpus")

    @Test("every seed runs through its target without a crash", arguments: FuzzTarget.allCases)
    func seeds(target: FuzzTarget) throws {
        let folder = Self.corpus.appendingPathComponent(target.rawValue)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 3, "a handful of seeds per target")
        defer { target.removeScratchFile() }
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            data.withUnsafeBytes { target.run($0) }
        }
    }
}
