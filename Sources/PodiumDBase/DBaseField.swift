/// One column of a dBase table, as its field descriptor declares it.
///
/// Holds no reference: the name (at most 11 ASCII bytes in a dBase III descriptor) is kept packed in
/// two integers, so that passing a field to `DBaseRecord.bytes` or `scaled` for every record of a
/// large table costs no reference counting (with a `String` inside, each use of a field read from
/// an array retained and released it, a fifth of the time of a read).
public struct DBaseField: Sendable, Equatable {
    /// The name's bytes, NUL-padded, little-endian: bytes 0–7 and 8–10.
    private let nameHead: UInt64
    private let nameTail: UInt32
    private let typeCode: UInt8
    /// Where the field starts in a record; the record's first byte is the deletion flag, so the
    /// first field is at 1.
    public let offset: Int
    public let length: Int
    /// How many of the digits are after the decimal point, for `N` and `F` fields.
    public let decimals: Int

    /// `name`: 1 to 11 ASCII characters; `type`: an ASCII letter.
    public init(name: String, type: Character, offset: Int, length: Int, decimals: Int) {
        let bytes = Array(name.utf8)
        precondition(!bytes.isEmpty && bytes.count <= 11 && bytes.allSatisfy { $0 > 0 && $0 < 0x80 },
                     "a dBase field name is 1 to 11 ASCII characters")
        precondition(type.isASCII, "a dBase field type is an ASCII character")
        nameHead = bytes.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
        nameTail = bytes.dropFirst(8).enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * $1.offset) }
        typeCode = type.asciiValue!
        self.offset = offset
        self.length = length
        self.decimals = decimals
    }

    /// As written in the descriptor (dBase writes names in capitals, but lookups ignore case).
    public var name: String {
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: nameHead >> (8 * $0)) }
            + (0..<3).map { UInt8(truncatingIfNeeded: nameTail >> (8 * $0)) }
        return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// `C` text, `N` and `F` numbers, `D` dates (`YYYYMMDD`), `L` logical, and so on: the reader
    /// does not interpret it, the caller chooses how to read each field.
    public var type: Character { Character(Unicode.Scalar(typeCode)) }
}
