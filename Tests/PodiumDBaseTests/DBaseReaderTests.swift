import PodiumCSV
@testable import PodiumDBase
import PodiumTestFixtures
import Testing

@Suite("dBase reader")
struct DBaseReaderTests {
    private let rows = [("0201011", "Bolesławiec", "1250.50"), ("0201022", "Gromadka", "-3.00"), ("0202011", "Dzierżoniów", "")]

    @Test("the header's fields and every live record, with its number")
    func plain() throws {
        let table = budgetTable(rows.map { ($0.0, "x", $0.2) })
        let read = try readTable(table.bytes)
        #expect(read.numbers == [1, 2, 3])
        #expect(read.values == [
            ["0201011", "x                   ", "     1250.50"],
            ["0201022", "x                   ", "       -3.00"],
            ["0202011", "x                   ", "            "],
        ])
        #expect(read.summary == DBaseSummary(records: 3, deleted: 0, bytes: table.bytes.count))
    }

    @Test("the header as parsed")
    func header() throws {
        var table = budgetTable([])
        table.version = 0x83
        _ = try DBaseReader.read(name: "t.dbf", size: nil, source: source(table.bytes)) { header in
            #expect(header.version == 0x83)
            #expect(header.recordCount == 0)
            #expect(header.headerLength == 32 + 3 * 32 + 1)
            #expect(header.recordLength == 40)
            #expect(header.fields == [
                DBaseField(name: "WK", type: "C", offset: 1, length: 7, decimals: 0),
                DBaseField(name: "NAZWA", type: "C", offset: 8, length: 20, decimals: 0),
                DBaseField(name: "R4", type: "N", offset: 28, length: 12, decimals: 2),
            ])
            #expect(header.field("nazwa") == header.fields[1])
            #expect(header.field("Nazwa2") == nil)
            return { _ in Issue.record("no records expected") }
        }
    }

    @Test("deleted records are skipped, counted, and keep their place in the numbering")
    func deleted() throws {
        let table = budgetTable(rows.map { ($0.0, "x", $0.2) }, deleted: [0, 2])
        let read = try readTable(table.bytes)
        #expect(read.numbers == [2])
        #expect(read.values.map(\.[0]) == ["0201022"])
        #expect(read.summary?.records == 1)
        #expect(read.summary?.deleted == 2)
    }

    @Test("fields are found by name in any case and order, among others")
    func fieldsByName() throws {
        let records = [("0201011", "12.50", "A"), ("0201022", "-7", "B"), ("0202011", "", "C")]
        let first = DBaseTable(
            fields: [.init("WK", "C", 7), .init("R4", "N", 10, decimals: 2), .init("TYP", "C", 1)],
            records: records.map { .init([$0.0, $0.1, $0.2]) })
        let second = DBaseTable(
            fields: [.init("uwagi", "C", 5), .init("typ", "C", 3), .init("r4", "N", 14, decimals: 4), .init("Wk", "C", 9)],
            records: records.map { .init(["", $0.2, $0.1, $0.0]) })
        func values(_ table: DBaseTable) throws -> [[String]] {
            var values: [[String]] = []
            _ = try DBaseReader.read(name: "t.dbf", size: nil, source: source(table.bytes)) { header in
                let fields = try header.require(["wk", "R4", "Typ"])
                return { record in
                    values.append([
                        try record.text(fields[0], encoding: .utf8),
                        String(try record.scaled(fields[1], scale: 2)),
                        try record.text(fields[2], encoding: .utf8),
                    ])
                }
            }
            return values
        }
        let expected = [["0201011", "1250", "A"], ["0201022", "-700", "B"], ["0202011", "0", "C"]]
        #expect(try values(first) == expected)
        #expect(try values(second) == expected)
    }

    @Test("a missing field is an error listing the table's fields")
    func missingField() {
        let table = budgetTable([])
        #expect(throws: DBaseError(file: "t.dbf", message: "missing required field 'R5' (fields: WK, NAZWA, R4)")) {
            try readTable(table.bytes, names: ["wk", "R5"])
        }
        #expect(throws: DBaseError(file: "t.dbf", message: "missing required fields 'R5', 'PK' (fields: WK, NAZWA, R4)")) {
            try readTable(table.bytes, names: ["R5", "r4", "PK"])
        }
    }

    @Test("text in Windows-1250, trimmed of trailing spaces and NULs")
    func windows1250() throws {
        // Łódź, Żółć and Świdnica as Windows-1250 bytes; the second padded with NULs, not spaces.
        let names: [[UInt8]] = [[0xA3, 0xF3, 0x64, 0x9F], [0xAF, 0xF3, 0xB3, 0xE6, 0, 0], [0x20, 0x8C, 0x77, 0x69, 0x64, 0x6E, 0x69, 0x63, 0x61]]
        let table = DBaseTable(fields: [.init("NAZWA", "C", 12)], records: names.map { .init(bytes: [$0]) })
        var texts: [String] = []
        _ = try DBaseReader.read(name: "t.dbf", size: nil, source: source(table.bytes)) { header in
            let name = try header.require(["nazwa"])[0]
            return { texts.append(try $0.text(name, encoding: .windows1250)) }
        }
        #expect(texts == ["Łódź", "Żółć", " Świdnica"])
    }

    @Test("text that is not in the encoding is an error naming the record, the field and the byte")
    func notWindows1250() {
        let table = DBaseTable(fields: [.init("NAZWA", "C", 6)], records: [.init(["ok"]), .init(bytes: [[0x41, 0x81, 0x42]])])
        func read(_ encoding: TextEncoding) throws {
            _ = try DBaseReader.read(name: "t.dbf", size: nil, source: source(table.bytes)) { header in
                { _ = try $0.text(header.fields[0], encoding: encoding) }
            }
        }
        #expect(throws: DBaseError(file: "t.dbf", record: 2, message: "field 'NAZWA': bytes that are not Windows-1250 (0x81)")) {
            try read(.windows1250)
        }
        #expect(throws: DBaseError(file: "t.dbf", record: 2, message: "field 'NAZWA': bytes that are not UTF-8 (0x81)")) {
            try read(.utf8)
        }
        #expect(DBaseError(file: "t.dbf", record: 2, message: "m").description == "t.dbf:record 2: m")
        #expect(DBaseError(file: "t.dbf", message: "m").description == "t.dbf: m")
    }

    @Test("bytes between the descriptors and the first record are skipped")
    func extraHeaderBytes() throws {
        var table = budgetTable(rows)
        table.extraHeaderBytes = 263
        var plain = budgetTable(rows)
        plain.extraHeaderBytes = 0
        #expect(try readTable(table.bytes).values == readTable(plain.bytes).values)
        #expect(try readTable(table.bytes, knownSize: false).values.count == 3)
    }

    @Test("the end byte 0x1A may be missing, with the size known or not")
    func noEndByte() throws {
        var table = budgetTable(rows)
        table.endByte = false
        #expect(try readTable(table.bytes).values.count == 3)
        #expect(try readTable(table.bytes, knownSize: false).values.count == 3)
    }

    @Test("a record count larger than the data: the incomplete record is named")
    func truncated() throws {
        var table = budgetTable(rows)
        table.statedRecordCount = 5
        // The end byte 0x1A is taken for the start of record 4.
        #expect(readError(table.bytes, knownSize: false)
            == DBaseError(file: "t.dbf", record: 4, message: "truncated: record 4 of 5 is incomplete (1 of 40 bytes)"))
        table.endByte = false
        #expect(readError(table.bytes, knownSize: false)
            == DBaseError(file: "t.dbf", record: 4, message: "truncated: record 4 of 5 is incomplete (0 of 40 bytes)"))
        // Cut inside record 2, with no size to compare the header with.
        let cut = Array(budgetTable(rows).bytes.prefix(129 + 40 + 15))
        #expect(readError(cut, knownSize: false)
            == DBaseError(file: "t.dbf", record: 2, message: "truncated: record 2 of 3 is incomplete (15 of 40 bytes)"))
    }

    @Test("a record count that disagrees with a known size is an error before any record is read")
    func countDisagreesWithSize() {
        var table = budgetTable(rows)
        table.statedRecordCount = 2
        #expect(readError(table.bytes) == DBaseError(file: "t.dbf", message:
            "the header's record count 2 disagrees with the file size 250 (2 records of 40 bytes after a 129-byte header "
            + "make 209 bytes, 210 with the end byte 0x1A)"))
        // Unknown size: the records after the second are data after the last record.
        #expect(readError(table.bytes, knownSize: false) == DBaseError(file: "t.dbf", message:
            "data after the header's 2 records: expected nothing or the end byte 0x1A, found 0x20 0x30 …"))
        table.statedRecordCount = 5
        #expect(readError(table.bytes)?.message.hasPrefix("the header's record count 5 disagrees with the file size 250") == true)
    }

    @Test("the one byte after the last record must be 0x1A")
    func endByte() {
        var bytes = budgetTable(rows).bytes
        bytes[bytes.count - 1] = 0x00
        for knownSize in [true, false] {
            #expect(readError(bytes, knownSize: knownSize) == DBaseError(file: "t.dbf", message:
                "data after the header's 3 records: expected nothing or the end byte 0x1A, found 0x00"))
        }
    }

    @Test("a deletion flag other than ' ' and '*' names its record")
    func badFlag() {
        var table = budgetTable(rows)
        table.records[1].flag = UInt8(ascii: "X")
        #expect(readError(table.bytes) == DBaseError(file: "t.dbf", record: 2, message:
            "the deletion flag is 0x58, neither ' ' (live) nor '*' (deleted)"))
    }

    @Test("a plain .dbf file, its size from the file system")
    func file() throws {
        var table = budgetTable(rows)
        let file = try TemporaryFile(table.bytes, suffix: ".dbf")
        defer { file.remove() }
        var codes: [String] = []
        let summary = try DBaseReader.read(path: file.path, displayName: "gminy.dbf") { header in
            let code = try header.require(["WK"])[0]
            return { codes.append(try $0.text(code, encoding: .utf8)) }
        }
        #expect(codes == ["0201011", "0201022", "0202011"])
        #expect(summary == DBaseSummary(records: 3, deleted: 0, bytes: 250))

        table.statedRecordCount = 4
        let wrong = try TemporaryFile(table.bytes, suffix: ".dbf")
        defer { wrong.remove() }
        #expect(throws: DBaseError.self) { try DBaseReader.read(path: wrong.path) { _ in { _ in } } }
        #expect(throws: DBaseError(file: "/nonexistent/t.dbf", message: "cannot open: No such file or directory")) {
            try DBaseReader.read(path: "/nonexistent/t.dbf") { _ in { _ in } }
        }
    }

    @Test("an error thrown by the handler stops the read and comes out as it is")
    func handlerError() {
        struct Stop: Error, Equatable {}
        var seen = 0
        #expect(throws: Stop()) {
            try DBaseReader.read(name: "t.dbf", size: nil, source: source(budgetTable(rows).bytes)) { _ in
                { _ in
                    seen += 1
                    if seen == 2 { throw Stop() }
                }
            }
        }
        #expect(seen == 2)
    }
}
