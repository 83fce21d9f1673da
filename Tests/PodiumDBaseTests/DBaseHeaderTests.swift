@testable import PodiumDBase
import PodiumTestFixtures
import Testing

@Suite("dBase header checks")
struct DBaseHeaderTests {
    private var table: DBaseTable { budgetTable([("0201011", "Bolesławiec", "1.00")]) }

    private func error(_ bytes: [UInt8]) -> String? {
        readError(bytes, knownSize: false).map(\.message)
    }

    @Test("an empty file and a cut header")
    func short() {
        #expect(error([]) == "the file is empty; a dBase table starts with a 32-byte header")
        #expect(error(Array(table.bytes.prefix(20))) == "truncated header: 20 bytes, a dBase header has at least 33")
        #expect(error(Array(table.bytes.prefix(100))) == "truncated header: 100 of the 129 bytes it states")
    }

    @Test("a header length too short for the 0x0D")
    func headerLength() {
        var bytes = table.bytes
        bytes[8] = 32
        bytes[9] = 0
        #expect(error(bytes) == "the header length 32 is less than 33 bytes (32, then the 0x0D that ends the field descriptors)")
    }

    @Test("field descriptors that run past the header length")
    func noTerminator() {
        var bytes = table.bytes
        bytes[8] = 32 + 32 * 2 + 1  // two of the three descriptors
        #expect(error(bytes) == "the field descriptors do not end with 0x0D within the header's 97 bytes")
    }

    @Test("field lengths that do not add up to the record length")
    func recordLength() {
        var table = self.table
        table.statedRecordLength = 41
        #expect(error(table.bytes)
            == "the fields' lengths add up to 39 bytes, 40 with the deletion flag, but the header's record length is 41")
    }

    @Test("a field name repeated in another case")
    func duplicate() {
        let table = DBaseTable(fields: [.init("WK", "C", 7), .init("Wk", "C", 3)], records: [])
        #expect(error(table.bytes) == "the field name 'Wk' appears more than once (as 'WK' too)")
        let same = DBaseTable(fields: [.init("WK", "C", 7), .init("WK", "C", 3)], records: [])
        #expect(error(same.bytes) == "the field name 'WK' appears more than once")
    }

    @Test("a field without a name, a name that is not ASCII, a table without fields")
    func names() {
        #expect(error(DBaseTable(fields: [.init("WK", "C", 7), .init("", "C", 3)], records: []).bytes)
            == "field descriptor 2 has no name")
        #expect(error(DBaseTable(fields: [.init("NAZWĘ", "C", 7)], records: []).bytes)
            == "the name of field descriptor 1 is not printable ASCII (0xC4)")
        #expect(error(DBaseTable(fields: [], records: []).bytes) == "the header declares no fields")
        var bytes = table.bytes
        bytes[32 + 32 + 11] = 0xC3
        #expect(error(bytes) == "field 'NAZWA' has the type byte 0xC3, not a printable ASCII character")
    }
}
