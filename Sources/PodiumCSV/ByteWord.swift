/// Eight bytes at a time: the bytes of a word that equal a given byte, each turned into its top bit,
/// exactly (no carry runs from one byte into the next, as it would with the shorter `(x - 0x01…) & ~x`
/// test). Used to find delimiters and line ends (`PlainRecords`) and to count quotes (`CSVSplit`).
enum ByteWord {
    /// `byte` in each of the eight bytes.
    @inline(__always)
    static func repeated(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* 0x0101_0101_0101_0101
    }

    /// The top bit of each byte of `word` that equals the byte repeated in `pattern`.
    @inline(__always)
    static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let x = word ^ pattern
        return ~(((x & low7) &+ low7) | x | low7)
    }
}
