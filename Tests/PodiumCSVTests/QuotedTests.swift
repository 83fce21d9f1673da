import Foundation
import Testing
@testable import PodiumCSV

@Suite("Values quoted in error messages")
struct QuotedTests {
    @Test("short values are quoted as they are; long ones cut at 40 characters with their size; control characters escaped",
          arguments: [
              ("Łódź", "'Łódź'"),
              ("", "''"),
              (String(repeating: "a", count: 40), "'\(String(repeating: "a", count: 40))'"),
              (String(repeating: "a", count: 41), "'\(String(repeating: "a", count: 40))… (41 bytes)'"),
              // Cut at a character boundary: 40 two-byte letters, never half of one.
              (String(repeating: "ł", count: 50), "'\(String(repeating: "ł", count: 40))… (100 bytes)'"),
              // A flag is one character of eight bytes.
              (String(repeating: "🇵🇱", count: 41), "'\(String(repeating: "🇵🇱", count: 40))… (328 bytes)'"),
              ("two\nlines", "'two\\nlines'"),
              ("crlf\r\n", "'crlf\\r\\n'"),
              ("tab\there", "'tab\\there'"),
              ("nul\u{0}del\u{7F}c1\u{85}ls\u{2028}", "'nul\\u{0}del\\u{7F}c1\\u{85}ls\\u{2028}'"),
          ])
    func quoting(value: String, expected: String) {
        #expect(quoted(value) == expected)
    }

    @Test("an error about a huge field is one short line")
    func hugeField() throws {
        let field = String(repeating: "9", count: 2_000_000) + "x"
        let error = #expect(throws: CSVError.self) {
            let url = try writeTemporary("value\n\(field)\n")
            defer { removeTemporary(url) }
            try CSVReader.read(url, displayName: "big.csv") { header in
                let column = header.column("value")!
                return { record in _ = try record.number(column) }
            }
        }
        let expected = "big.csv:2: column 'value': '\(String(repeating: "9", count: 40))… (2000001 bytes)' is not a number (decimal point, e.g. 1234.56)"
        #expect(error?.description == expected)
    }

    @Test("a value holding a line break stays on one line")
    func lineBreakInValue() throws {
        let error = #expect(throws: CSVError.self) {
            let url = try writeTemporary("value\n\"12\n=1+1\"\n")
            defer { removeTemporary(url) }
            try CSVReader.read(url, displayName: "x.csv") { header in
                let column = header.column("value")!
                return { record in _ = try record.number(column) }
            }
        }
        #expect(error?.description == "x.csv:2: column 'value': '12\\n=1+1' is not a number (decimal point, e.g. 1234.56)")
    }

    @Test("a header of a huge column name is cut too")
    func hugeColumnName() throws {
        let name = String(repeating: "c", count: 100_000)
        let error = #expect(throws: CSVError.self) {
            let url = try writeTemporary("\(name),b\n1,2\n")
            defer { removeTemporary(url) }
            try CSVReader.read(url, displayName: "h.csv") { header in
                _ = try header.require(["a"])
                return { _ in }
            }
        }
        #expect(error?.description == "h.csv:1: missing required column 'a'; found '\(String(repeating: "c", count: 40))… (100000 bytes)', 'b'")
    }
}

private func writeTemporary(_ contents: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("podium-quoted-\(UUID().uuidString).csv")
    try Data(contents.utf8).write(to: url)
    return url.path
}

private func removeTemporary(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}
