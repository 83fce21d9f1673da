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

    @Test("text that a spreadsheet would run as a formula gets a leading apostrophe; numbers never do", arguments: [
        (CSVCell.text("=1+1"), "'=1+1"), (.text("+48 71 000"), "'+48 71 000"), (.text("-x"), "'-x"),
        (.text("@SUM(A1:A9)"), "'@SUM(A1:A9)"), (.text("\t=1"), "'\t=1"), (.text("\r=1"), "\"'\r=1\""),
        (.text("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        (.text("a=b"), "a=b"), (.text("Łódź"), "Łódź"), (.text(""), ""), (.text(" =1"), "\" =1\""),
        (.number("-0.352504"), "-0.352504"), (.number("+1"), "+1"), (.number("2e-06"), "2e-06"), (.number(""), ""),
    ])
    func formulas(cell: CSVCell, expected: String) {
        var writer = CSVWriter()
        writer.writeRow([cell])
        #expect(writer.text == expected + "\n")
    }

    @Test("a writer of files podium reads back keeps text as it is")
    func formulasKept() {
        var writer = CSVWriter(neutralisesFormulas: false)
        writer.writeRow(["=1+1", "-x", "@a"])
        #expect(writer.text == "=1+1,-x,@a\n")
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
