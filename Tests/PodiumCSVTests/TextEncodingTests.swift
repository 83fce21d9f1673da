import Testing
import PodiumCSV

@Suite("Text encodings")
struct TextEncodingTests {
    private func decode(_ bytes: [UInt8], _ encoding: TextEncoding) -> String? {
        bytes.withUnsafeBytes { encoding.decode($0) }
    }

    private func invalid(_ bytes: [UInt8], _ encoding: TextEncoding) -> Range<Int>? {
        bytes.withUnsafeBytes { encoding.invalidBytes(in: $0) }
    }

    // Written as bytes, not through any encoder, so the test does not lean on what it checks.
    @Test("Polish place names in Windows-1250 decode exactly", arguments: [
        ([0xA3, 0xF3, 0x64, 0x9F], "Łódź"),
        ([0x8C, 0x77, 0x69, 0x64, 0x6E, 0x69, 0x63, 0x61], "Świdnica"),
        ([0x47, 0x64, 0x61, 0xF1, 0x73, 0x6B], "Gdańsk"),
        ([0xAF, 0xF3, 0xB3, 0xE6], "Żółć"),
        ([0x7A, 0x61, 0xBF, 0xF3, 0xB3, 0xE6, 0x20, 0x67, 0xEA, 0x9C, 0x6C, 0xB9], "zażółć gęślą"),
        ([0x80, 0x84, 0x96, 0xA0], "€„–\u{A0}"),
        ([], ""),
    ] as [([UInt8], String)])
    func windows1250(bytes: [UInt8], expected: String) {
        #expect(decode(bytes, .windows1250) == expected)
        #expect(invalid(bytes, .windows1250) == nil)
    }

    @Test("the five bytes Windows-1250 leaves undefined are not text", arguments: [0x81, 0x83, 0x88, 0x90, 0x98] as [UInt8])
    func undefined(byte: UInt8) {
        #expect(decode([0x41, byte, 0x42], .windows1250) == nil)
        #expect(invalid([0x41, byte, 0x42], .windows1250) == 1..<2)
    }

    @Test("every other byte decodes to one character")
    func everyDefinedByte() {
        for byte in 0...255 where ![0x81, 0x83, 0x88, 0x90, 0x98].contains(byte) {
            #expect(decode([UInt8(byte)], .windows1250)?.unicodeScalars.count == 1, "byte \(byte)")
        }
    }

    @Test("UTF-8 is validated, and the first bad sequence is found")
    func utf8() {
        #expect(decode(Array("Łódź".utf8), .utf8) == "Łódź")
        #expect(invalid(Array("Łódź".utf8), .utf8) == nil)
        // Łódź in Windows-1250 is not UTF-8: 0xA3 is a continuation byte with nothing before it.
        #expect(decode([0xA3, 0xF3, 0x64, 0x9F], .utf8) == nil)
        #expect(invalid([0xA3, 0xF3, 0x64, 0x9F], .utf8) == 0..<1)
        #expect(invalid([0x41, 0xC5, 0x81, 0x42, 0xC3, 0x28], .utf8) == 4..<5)
    }
}
