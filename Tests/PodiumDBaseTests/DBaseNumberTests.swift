@testable import PodiumDBase
import PodiumTestFixtures
import Testing

@Suite("dBase numbers as scaled integers")
struct DBaseNumberTests {
    /// Reads `text` from a numeric field 22 bytes long, right-aligned as dBase writes it.
    private func scaled(_ text: String, scale: Int = 2) throws -> Int64 {
        let table = DBaseTable(
            fields: [.init("WK", "C", 7), .init("R4", "N", 22, decimals: 2)], records: [.init(["0201011", text])])
        var value: Int64?
        _ = try DBaseReader.read(name: "t.dbf", size: nil, source: source(table.bytes)) { header in
            let field = try header.require(["R4"])[0]
            return { value = try $0.scaled(field, scale: scale) }
        }
        return try #require(value)
    }

    @Test("numbers, exact", arguments: [
        ("1250.50", 2, 125_050),
        ("12.5", 2, 1250),
        ("12", 2, 1200),
        ("12.", 2, 1200),
        ("0.07", 2, 7),
        (".5", 2, 50),
        ("-3.00", 2, -300),
        ("-0.5", 2, -50),
        ("-0", 2, 0),
        ("", 2, 0),
        ("   ", 2, 0),
        ("007", 0, 7),
        ("1234567", 0, 1_234_567),
        ("3.14159", 5, 314_159),
        ("9223372036854775807", 0, Int64.max),
        ("-9223372036854775808", 0, Int64.min),
        ("92233720368547758.07", 2, Int64.max),
        ("-92233720368547758.08", 2, Int64.min),
        ("1", 18, 1_000_000_000_000_000_000),
    ] as [(String, Int, Int64)])
    func valid(text: String, scale: Int, expected: Int64) throws {
        #expect(try scaled(text, scale: scale) == expected)
    }

    @Test("anything else is an error naming the record and the field and quoting the text", arguments: [
        "1,5", "12a", "--1", "1.234", "-", ".", "-.", "1.2.3", "+1", "1 2", "1-", "1e5", "12 ", "*****",
    ])
    func malformed(text: String) {
        let padded = String(repeating: " ", count: 22 - text.count) + text
        #expect(throws: DBaseError(file: "t.dbf", record: 1, message:
            "field 'R4': '\(padded)' is not a number with at most 2 decimals")) {
            try scaled(text)
        }
    }

    @Test("a number beyond Int64 is an error that says so", arguments: [
        ("9223372036854775808", 0), ("-9223372036854775809", 0), ("99999999999999999999", 0), ("92233720368547758.08", 2),
        ("100000000000000000", 2),
    ] as [(String, Int)])
    func tooLarge(text: String, scale: Int) throws {
        let error = try #require(throws: DBaseError.self) { try scaled(text, scale: scale) }
        #expect(error.record == 1)
        #expect(error.message.hasPrefix("field 'R4': '"))
        #expect(error.message.hasSuffix("\(text)' is too large for a 64-bit number at \(scale) decimals"))
    }
}

@Suite("dBase numbers: the fast path and the checked one agree")
struct ScaledNumberPathTests {
    @Test("random texts of spaces, signs, points and digits read the same both ways")
    func random() {
        var state: UInt64 = 2024
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array(" -.0123456789x".utf8) + Array(repeating: UInt8(ascii: "9"), count: 6)
        for _ in 0..<50_000 {
            let spaces = [UInt8](repeating: 0x20, count: next(12))
            let bytes = spaces + (0..<next(24)).map { _ in alphabet[next(alphabet.count)] }
            let scale = next(5)
            let (fast, checked) = bytes.withUnsafeBytes {
                (ScaledNumber.parse($0, scale: scale), ScaledNumber.exact($0, scale: scale))
            }
            #expect(fast == checked, "\(String(decoding: bytes, as: UTF8.self)) at scale \(scale)")
            if fast != checked { return }
        }
    }
}
