import Testing
@testable import PodiumCSV

private func parse(_ text: String, _ decimal: DecimalSeparator) -> Double? {
    Array(text.utf8).withUnsafeBufferPointer { NumberParser.decimal($0, decimal: decimal) }
}

private func parseInteger(_ text: String, _ decimal: DecimalSeparator) -> Int? {
    Array(text.utf8).withUnsafeBufferPointer { NumberParser.integer($0, decimal: decimal) }
}

@Suite("Numbers")
struct NumberParserTests {
    @Test("decimal point", arguments: [
        ("1234.56", 1234.56), ("0", 0), ("-3.5", -3.5), (".5", 0.5), ("+7", 7), ("007", 7),
    ])
    func point(text: String, expected: Double) {
        #expect(parse(text, .point) == expected)
    }

    @Test("exponent with a decimal point", arguments: [
        ("2e-06", 0.000002), ("3.6E-05", 0.000036), ("1e5", 100_000), ("-1.5e+3", -1500), (".5e1", 5),
        ("7E0", 7), ("0.1e1", 1),
    ])
    func exponent(text: String, expected: Double) {
        #expect(parse(text, .point) == expected)
    }

    @Test("decimal comma with Polish thousands separators", arguments: [
        ("1234,56", 1234.56), ("1 234,56", 1234.56), ("1\u{00A0}234\u{00A0}567,5", 1_234_567.5),
        ("12\u{202F}345", 12345), ("-0,25", -0.25), ("999", 999),
    ])
    func comma(text: String, expected: Double) {
        #expect(parse(text, .comma) == expected)
    }

    @Test("rejected", arguments: [
        ("inf", DecimalSeparator.point), ("nan", .point), ("1,5", .point), ("1.", .point),
        ("", .point), ("-", .point), ("12 34", .comma), ("1 2345", .comma), ("1.5", .comma), ("1 234 ", .comma),
        ("abc", .comma), ("0x10", .point), ("1 234", .point),
        ("1e", .point), ("e5", .point), ("1e+", .point), ("1.e5", .point), ("1e5.2", .point), ("1e 5", .point),
        ("1ee5", .point), ("1e400", .point), ("1e5", .comma), ("1,5e2", .comma),
    ])
    func rejected(text: String, decimal: DecimalSeparator) {
        #expect(parse(text, decimal) == nil)
    }

    @Test("whole numbers")
    func integers() {
        #expect(parseInteger("12345", .point) == 12345)
        #expect(parseInteger("-4", .point) == -4)
        #expect(parseInteger("1 234", .comma) == 1234)
        #expect(parseInteger("12.0", .point) == nil)
        #expect(parseInteger("99999999999999999999", .point) == nil)
        #expect(parseInteger("", .point) == nil)
        #expect(parseInteger("1e5", .point) == nil)
    }
}
