import PodiumArchive
import PodiumTestFixtures
import Testing

@Suite("ZIP entry streams")
struct ZipEntryStreamTests {
    /// Bytes that deflate compresses but not to nothing: text-like, with some randomness.
    private static func sample(count: Int) -> [UInt8] {
        var state: UInt32 = 12345
        return (0..<count).map { index in
            state = state &* 1_103_515_245 &+ 12345
            return index % 7 == 6 ? 0x0A : UInt8(0x41 + (state >> 16) % 20)
        }
    }

    private static func isDBF(_ name: String) -> Bool { name.lowercased().hasSuffix(".dbf") }

    /// Writes `entries` to a temporary ZIP and passes its path.
    private func withZip<T>(_ entries: [ZipFile.Entry], _ body: (String) throws -> T) throws -> T {
        let file = TemporaryFile(suffix: ".zip")
        defer { file.remove() }
        try ZipFile.write(entries, to: file.path)
        return try body(file.path)
    }

    /// Everything the stream gives, read `sizes(n)` bytes at the n-th call.
    private func drain(_ stream: ZipEntryStream, sizes: (Int) -> Int = { _ in 1 << 16 }) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var call = 0
        while true {
            call += 1
            let size = sizes(call)
            let count = try buffer.withUnsafeMutableBytes { try stream.read(into: .init(rebasing: $0[..<size])) }
            if count == 0 { return bytes }
            bytes += buffer[..<count]
        }
    }

    /// What opening and draining the one `.dbf` in `path` throws.
    private func archiveError(_ path: String, displayName: String = "t.zip") -> ArchiveError? {
        do {
            _ = try drain(ZipEntryStream(path: path, displayName: displayName, what: "ending in '.dbf'", matching: Self.isDBF))
            return nil
        } catch {
            return error as? ArchiveError
        }
    }

    @Test("an entry read in many small reads gives its bytes, deflated or stored", arguments: [ZipFile.Compression.deflate, .store])
    func smallReads(compression: ZipFile.Compression) throws {
        let original = Self.sample(count: 300_000)
        try withZip([ZipFile.Entry("GMINY.DBF", original, compression: compression)]) { path in
            let stream = try ZipEntryStream(path: path, what: "ending in '.dbf'", matching: Self.isDBF)
            #expect(stream.entryName == "GMINY.DBF")
            #expect(stream.size == original.count)
            #expect(try drain(stream, sizes: { 1 + $0 % 997 }) == original)
            // At the end it stays at the end.
            #expect(try drain(stream) == [])
        }
    }

    @Test("the one matching entry is found among other files and directories")
    func chosenAmongOthers() throws {
        let table = Self.sample(count: 5000)
        let entries: [ZipFile.Entry] = [
            .init("czytaj.txt", Array("opis".utf8)),
            .directory("dane/"),
            .directory("dane/stare.dbf/"),
            .init("dane/wykaz.csv", Self.sample(count: 70_000), compression: .store),
            .init("dane/Rb27s.Dbf", table),
            .init("koniec.txt", Array("k".utf8), compression: .store),
        ]
        try withZip(entries) { path in
            let stream = try ZipEntryStream(path: path, what: "ending in '.dbf'", matching: Self.isDBF)
            #expect(stream.entryName == "dane/Rb27s.Dbf")
            #expect(try drain(stream) == table)
            // The directory "dane/" does not count as an entry under "dane".
            let csv = try ZipEntryStream(path: path, what: "under 'dane/' ending in '.csv'") { $0.hasPrefix("dane/") && $0.hasSuffix(".csv") }
            #expect(csv.entryName == "dane/wykaz.csv")
            #expect(try drain(csv).count == 70_000)
        }
    }

    @Test("no matching entry: the error lists the files")
    func noMatch() throws {
        try withZip([.init("a.txt", [1]), .directory("b/"), .init("b/c.csv", [2])]) { path in
            #expect(archiveError(path) == ArchiveError(file: "t.zip", message:
                "no entry ending in '.dbf' in the ZIP (entries: 'a.txt', 'b/c.csv')"))
        }
        try withZip([.directory("b/")]) { path in
            #expect(archiveError(path) == ArchiveError(file: "t.zip", message: "no entry ending in '.dbf' in the ZIP (it has no files)"))
        }
    }

    @Test("two matching entries: the error names both")
    func twoMatches() throws {
        try withZip([.init("a.dbf", [1]), .init("x.txt", [2]), .init("b/C.DBF", [3])]) { path in
            #expect(archiveError(path) == ArchiveError(file: "t.zip", message:
                "more than one entry ending in '.dbf' in the ZIP: 'a.dbf', 'b/C.DBF'"))
        }
    }

    @Test("a ZIP cut short, corrupt data, garbage, an empty file and no file are errors, not crashes")
    func broken() throws {
        let original = Self.sample(count: 200_000)
        let deflated = try ZipFile.bytes([.init("a.txt", [1]), .init("t.dbf", original)])
        let stored = try ZipFile.bytes([.init("t.dbf", original, compression: .store)])
        let notZip = "not a ZIP, or a ZIP cut short (Unrecognized archive format)"
        // What the message starts with, when the test can know it.
        let cases: [(String, [UInt8], String?)] = [
            ("cut in half", Array(deflated.prefix(deflated.count / 2)), notZip),
            // The entries are whole, but a ZIP that has lost its end cannot be trusted.
            ("cut inside the central directory", Array(deflated.prefix(deflated.count - 30)), notZip),
            ("garbage", Self.sample(count: 10_000), notZip),
            ("empty", [], notZip),
            ("deflated data overwritten", deflated.enumerated().map { $0 >= 1000 && $0 < 1100 ? 0x55 : $1 }, nil),
            ("stored data overwritten", stored.enumerated().map { $0 >= 1000 && $0 < 1100 ? 0x55 : $1 }, "ZIP bad CRC"),
        ]
        for (what, bytes, start) in cases {
            let file = try TemporaryFile(bytes, suffix: ".zip")
            defer { file.remove() }
            let error = try #require(archiveError(file.path), "\(what)")
            #expect(error.file == "t.zip", "\(what)")
            if let start { #expect(error.message.hasPrefix(start), "\(what)") }
            #expect(!error.message.isEmpty && !error.message.contains("\n"), "\(what)")
        }
        let missing = try #require(archiveError("/nonexistent/t.zip", displayName: "/nonexistent/t.zip"))
        #expect(missing.description == "/nonexistent/t.zip: Failed to open '/nonexistent/t.zip'")
    }
}
