import PodiumArchive
import PodiumCSV
import PodiumDBase
import PodiumTestFixtures
import Testing

/// A dBase table as the budget data comes: the one `.dbf` of a ZIP, streamed from libarchive into the
/// reader without being extracted.
@Suite("dBase tables in ZIP files")
struct ZippedTableTests {
    private func table(records: Int) -> DBaseTable {
        let fields: [DBaseTable.Field] = [.init("WK", "C", 7), .init("NAZWA", "C", 20), .init("R4", "N", 14, decimals: 2)]
        return DBaseTable(fields: fields, records: (0..<records).map { index in
            let code = String(1_000_000 + index)
            // Łódź in Windows-1250, then the record's number.
            return .init(bytes: [Array(code.utf8), [0xA3, 0xF3, 0x64, 0x9F, 0x20] + Array(String(index).utf8),
                                 Array("\(index).\(index % 100 < 10 ? "0" : "")\(index % 100)".utf8)],
                         deleted: index % 1000 == 999)
        })
    }

    @Test("every record of a dBase table in a ZIP, deflated or stored", arguments: [ZipFile.Compression.deflate, .store])
    func endToEnd(compression: ZipFile.Compression) throws {
        let records = 30_000
        let zip = TemporaryFile(suffix: ".zip")
        defer { zip.remove() }
        try ZipFile.write([.init("README.txt", Array("dane".utf8)), .init("dane/RB27S.DBF", table(records: records).bytes, compression: compression)], to: zip.path)

        let stream = try ZipEntryStream(path: zip.path, displayName: "rb27s.zip", what: "ending in '.dbf'") {
            $0.lowercased().hasSuffix(".dbf")
        }
        var count = 0
        var total: Int64 = 0
        var names = Set<String>()
        let summary = try DBaseReader.read(name: "rb27s.zip/\(stream.entryName)", size: stream.size, source: stream.read(into:)) { header in
            let fields = try header.require(["wk", "nazwa", "r4"])
            return { record in
                count += 1
                total += try record.scaled(fields[2], scale: 2)
                if record.number <= 3 { names.insert(try record.text(fields[1], encoding: .windows1250)) }
                #expect(try record.text(fields[0], encoding: .utf8) == String(1_000_000 + record.number - 1))
            }
        }
        let live = (0..<records).filter { $0 % 1000 != 999 }
        #expect(summary.records == live.count)
        #expect(summary.deleted == records - live.count)
        #expect(summary.bytes == stream.size)
        #expect(count == live.count)
        #expect(total == live.reduce(0) { $0 + Int64($1) * 100 + Int64($1 % 100) })
        #expect(names == ["Łódź 0", "Łódź 1", "Łódź 2"])
    }

    @Test("a table whose header disagrees with the entry's stated size")
    func sizeDisagrees() throws {
        var table = table(records: 10)
        table.statedRecordCount = 11
        let zip = TemporaryFile(suffix: ".zip")
        defer { zip.remove() }
        try ZipFile.write([.init("t.dbf", table.bytes)], to: zip.path)
        let stream = try ZipEntryStream(path: zip.path, what: "ending in '.dbf'") { $0.hasSuffix(".dbf") }
        let error = try #require(throws: DBaseError.self) {
            try DBaseReader.read(name: "t.zip/t.dbf", size: stream.size, source: stream.read(into:)) { _ in { _ in } }
        }
        #expect(error.message.hasPrefix("the header's record count 11 disagrees with the file size"))
    }
}
