import Testing
@testable import PodiumCSV

@Suite("CSV writer")
struct CSVWriterTests {
    @Test("fields are quoted only when they must be", arguments: [
        ("plain", "plain"), ("Łódź", "Łódź"), ("a,b", "\"a,b\""), ("a\"b", "\"a\"\"b\""),
        ("two\nlines", "\"two\nlines\""), ("cr\rhere", "\"cr\rhere\""), (" padded", "\" padded\""), ("", ""),
    ])
    func quoting(field: String, expected: String) {
        #expect(CSVWriter().escape(field) == expected)
    }

    @Test("what the writer writes, the reader reads back unchanged")
    func roundTrip() throws {
        let rows = [["teryt", "name", "note"], ["0264011", "Wrocław", "a \"quoted\", word"], ["1061011", "Łódź", " x\ny "]]
        var writer = CSVWriter()
        rows.forEach { writer.writeRow($0) }
        let result = try readCSV(writer.text)
        #expect([result.header] + result.rows == rows)
    }
}
