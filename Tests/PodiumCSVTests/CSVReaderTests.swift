import Foundation
import Testing
@testable import PodiumCSV

/// Writes `contents` to a temporary file and reads it back, returning the header and every row.
func readCSV(
    _ contents: String, options: CSVReadOptions = CSVReadOptions(), bytes: [UInt8]? = nil
) throws -> (header: [String], rows: [[String]], lines: [Int], summary: CSVReadSummary) {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("podium-csv-\(UUID().uuidString).csv")
    try Data(bytes ?? Array(contents.utf8)).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var header: [String] = []
    var rows: [[String]] = []
    var lines: [Int] = []
    let summary = try CSVReader.read(url.path, options: options, displayName: "test.csv") { found in
        header = found.names
        return { record in
            rows.append((0..<record.count).map { String(decoding: record.field($0), as: UTF8.self) })
            lines.append(record.line)
        }
    }
    return (header, rows, lines, summary)
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("plain comma-separated rows with LF")
    func plain() throws {
        let result = try readCSV("a,b\n1,2\n3,4\n")
        #expect(result.header == ["a", "b"])
        #expect(result.rows == [["1", "2"], ["3", "4"]])
        #expect(result.lines == [2, 3])
        #expect(result.summary.records == 2)
    }

    @Test("quoted fields with commas, doubled quotes and line breaks inside")
    func quoting() throws {
        let result = try readCSV("name,note\n\"Kowalski, Jan\",\"he said \"\"hi\"\"\"\n\"multi\nline\",x\nlast,y\n")
        #expect(result.rows == [["Kowalski, Jan", "he said \"hi\""], ["multi\nline", "x"], ["last", "y"]])
        // The row after a two-line field starts on line 5, not 4.
        #expect(result.lines == [2, 3, 5])
    }

    @Test("CRLF line ends, and a last row without a line end")
    func crlf() throws {
        let result = try readCSV("a;b\r\n1;2\r\n3;4")
        #expect(result.rows == [["1", "2"], ["3", "4"]])
        #expect(result.lines == [2, 3])
        #expect(result.summary.delimiter == .semicolon)
    }

    @Test("line numbers stay right with CR-only line ends and blank CRLF lines")
    func crOnly() throws {
        #expect(try readCSV("a,b\r1,2\r3,4\r").lines == [2, 3])
        #expect(try readCSV("a,b\r\n\r\n1,2\r\n\r\n3,4\r\n").lines == [3, 5])
        #expect(throws: CSVError.raggedRow(file: "test.csv", line: 4, expected: 2, found: 1)) {
            try readCSV("a,b\r1,2\r3,4\r5\r")
        }
    }

    @Test("a UTF-8 byte order mark is skipped and Polish letters survive")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("nazwa,kod\nŁódź,1061011\n".utf8)
        let result = try readCSV("", bytes: bytes)
        #expect(result.header == ["nazwa", "kod"])
        #expect(result.rows == [["Łódź", "1061011"]])
    }

    @Test("the delimiter is detected from the header", arguments: [
        ("a,b;c\n1,2;3\n", CSVDelimiter.comma, 2),
        ("a;b;c\n1;2;3\n", .semicolon, 3),
        ("a\tb\tc\n1\t2\t3\n", .tab, 3),
        ("\"x;y\",b\n1,2\n", .comma, 2),
    ])
    func detection(text: String, delimiter: CSVDelimiter, columns: Int) throws {
        let result = try readCSV(text)
        #expect(result.summary.delimiter == delimiter)
        #expect(result.header.count == columns)
    }

    @Test("an explicit delimiter overrides detection")
    func explicitDelimiter() throws {
        let result = try readCSV("a,b;c\n1,2;3\n", options: CSVReadOptions(delimiter: .semicolon))
        #expect(result.header == ["a,b", "c"])
    }

    @Test("an empty field stays empty; blank lines are passed over")
    func emptyFields() throws {
        let result = try readCSV("a,b,c\n1,,3\n\n\"\",2,\n")
        #expect(result.rows == [["1", "", "3"], ["", "2", ""]])
        #expect(result.lines == [2, 4])
    }

    @Test("a ragged row is an error with its line")
    func ragged() throws {
        #expect(throws: CSVError.raggedRow(file: "test.csv", line: 3, expected: 3, found: 2)) {
            try readCSV("a,b,c\n1,2,3\n4,5\n")
        }
    }

    @Test("a stray quote is an error with its line")
    func strayQuote() throws {
        let error = #expect(throws: CSVError.self) { try readCSV("a,b\n1,2\n3,x\"y\n") }
        guard case .malformed(_, let line, _) = error else { Issue.record("wrong error \(String(describing: error))"); return }
        #expect(line == 3)
    }

    @Test("an unterminated quote is an error")
    func unterminated() throws {
        let error = #expect(throws: CSVError.self) { try readCSV("a,b\n1,\"open\n") }
        guard case .malformed = error else { Issue.record("wrong error \(String(describing: error))"); return }
    }

    @Test("an empty file has no header")
    func emptyFile() throws {
        #expect(throws: CSVError.emptyFile(file: "test.csv")) { try readCSV("") }
        #expect(throws: CSVError.emptyFile(file: "test.csv")) { try readCSV("\n\r\n  \n") }
    }

    @Test("a header without a line end at the end of the file is a header of no rows, as with one",
          arguments: ["a,b", "\n\na,b", "\u{FEFF}a,b", "\"a\nb\",c", "a;b", "a,b\n", "a,b\r"])
    func headerWithoutLineEnd(text: String) throws {
        let result = try readCSV(text)
        #expect(result.header.count == 2)
        #expect(result.rows.isEmpty && result.summary.records == 0)
        // Every range reader and the libcsv-only path agree.
        var libcsv = CSVReadOptions()
        libcsv.plainRecordsFastPath = false
        #expect(try readCSV(text, options: libcsv).header == result.header)
    }

    @Test("a header whose quoted field is not closed before the end is malformed, not empty")
    func headerUnclosedQuote() throws {
        #expect(throws: CSVError.malformed(file: "test.csv", line: 1,
                                           reason: "a quoted field opened on this line is not closed before the end of the file")) {
            try readCSV("a,\"b")
        }
    }

    @Test("a missing column is named, with the columns found")
    func missingColumn() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("podium-missing.csv")
        try Data("teryt,year,value\n1,2,3\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: CSVError.self) {
            try CSVReader.read(url.path, displayName: "m.csv") { header in
                _ = try header.require(["teryt", "metric", "value"])
                return { _ in }
            }
        }
        #expect(error == .missingColumns(file: "m.csv", missing: ["metric"], found: ["teryt", "year", "value"]))
        #expect(error?.description == "m.csv:1: missing required column 'metric'; found 'teryt', 'year', 'value'")
    }

    @Test("columns are found by name in any order, ignoring case")
    func columnsByName() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("podium-order.csv")
        try Data("Value,extra,TERYT\n12.5,x,0264011\n3.6E-05,y,0264021\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var seen: [(String, Double?)] = []
        try CSVReader.read(url.path) { header in
            let columns = try header.require(["teryt", "value"])
            return { record in seen.append((record.string(columns[0]), try record.number(columns[1]))) }
        }
        #expect(seen.count == 2)
        #expect(seen.first?.0 == "0264011")
        #expect(seen.first?.1 == 12.5)
        #expect(seen.last?.0 == "0264021")
        #expect(seen.last?.1 == 0.000036)  // exponent notation, as R writes small values
    }

    @Test("rows larger than one chunk and many rows stream through")
    func largeInput() throws {
        let long = String(repeating: "ż", count: CSVReader.chunkSize)  // 2 MiB of two-byte letters
        var text = "id,text\n1,\"\(long)\"\n"
        for index in 2...50_000 { text += "\(index),row\(index)\n" }
        let result = try readCSV(text)
        #expect(result.rows.count == 50_000)
        #expect(result.rows[0][1] == long)
        #expect(result.rows[49_999] == ["50000", "row50000"])
        #expect(result.lines[49_999] == 50_001)
    }

    @Test("a missing file is a clear error")
    func missingFile() throws {
        let error = #expect(throws: CSVError.self) {
            try CSVReader.read("/nonexistent/podium.csv") { _ in { _ in } }
        }
        #expect(error?.description == "/nonexistent/podium.csv: cannot open: No such file or directory")
    }

    @Test("observe sees every byte of the file once, in order, before doubled quotes are unescaped in place", arguments: [0, 1, 125_000])
    func observeSeesEveryByte(rows: Int) throws {
        // A BOM, a header, then rows with doubled quotes (unescaped in the read buffer) past the 1 MiB chunk.
        var text = "\u{FEFF}id,note\n"
        for row in 0..<rows { text += "\(row),\"say \"\"\(row)\"\"\"\n" }
        let bytes = Array(text.utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("podium-csv-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var seen: [UInt8] = []
        var notes: [String] = []
        let summary = try CSVReader.read(url.path, observe: { seen += $0 }) { _ in { notes.append(String(decoding: $0.field(1), as: UTF8.self)) } }
        #expect(seen == bytes)
        #expect(summary.records == rows)
        #expect(notes.last.map { $0.hasPrefix("say \"") && $0.hasSuffix("\"") } ?? (rows == 0))

        // A read its handler stops has shown a beginning of the file, no byte twice.
        guard rows > 0 else { return }
        struct Stop: Error {}
        seen = []
        #expect(throws: Stop.self) {
            try CSVReader.read(url.path, observe: { seen += $0 }) { _ in { _ in throw Stop() } }
        }
        #expect(seen.count <= bytes.count && Array(bytes.prefix(seen.count)) == seen)
    }
}
