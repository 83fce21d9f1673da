import PodiumCSV

/// The header of a dBase III table: the record count, the lengths, and the fields in record order.
/// A class, like `CSVHeader`: every record refers to it (for the file name its errors need), and a
/// reference costs less per record than a copy of the file name.
public final class DBaseHeader: Sendable {
    public let file: String
    /// 0x03 for dBase III, 0x83 with a memo file; not checked, only kept.
    public let version: UInt8
    public let recordCount: Int
    /// Where the first record starts.
    public let headerLength: Int
    /// Bytes per record, the deletion flag included.
    public let recordLength: Int
    public let fields: [DBaseField]

    /// The fixed part before the field descriptors, and each descriptor's size.
    static let prefixLength = 32
    static let descriptorLength = 32
    /// The byte after the last field descriptor.
    static let descriptorsEnd: UInt8 = 0x0D

    /// The header length stated in the fixed part, which says how many bytes the whole header takes.
    static func statedLength(_ prefix: UnsafeRawBufferPointer) -> Int {
        littleEndian(prefix, at: 8, count: 2)
    }

    /// Parses a whole header, `headerLength` bytes (`bytes` may hold more).
    init(file: String, bytes: UnsafeRawBufferPointer) throws {
        func failure(_ message: String) -> DBaseError { DBaseError(file: file, message: message) }
        precondition(bytes.count >= Self.prefixLength)
        let headerLength = Self.statedLength(bytes)
        let recordLength = littleEndian(bytes, at: 10, count: 2)
        guard headerLength > Self.prefixLength else {
            throw failure("the header length \(headerLength) is less than 33 bytes (32, then the 0x0D that ends the field descriptors)")
        }
        precondition(bytes.count >= headerLength)
        var fields: [DBaseField] = []
        var start = Self.prefixLength
        var offset = 1
        while bytes[start] != Self.descriptorsEnd {
            guard start + Self.descriptorLength < headerLength else {
                throw failure("the field descriptors do not end with 0x0D within the header's \(headerLength) bytes")
            }
            let descriptor = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + Self.descriptorLength)])
            let field = try Self.field(descriptor, number: fields.count + 1, offset: offset, failure: failure)
            if let other = fields.first(where: { $0.name.uppercased() == field.name.uppercased() }) {
                throw failure("the field name \(quoted(field.name)) appears more than once"
                    + (other.name == field.name ? "" : " (as \(quoted(other.name)) too)"))
            }
            fields.append(field)
            offset += field.length
            start += Self.descriptorLength
        }
        guard !fields.isEmpty else { throw failure("the header declares no fields") }
        guard offset == recordLength else {
            throw failure("the fields' lengths add up to \(offset - 1) bytes, \(offset) with the deletion flag, "
                + "but the header's record length is \(recordLength)")
        }
        self.file = file
        self.version = bytes[0]
        self.recordCount = littleEndian(bytes, at: 4, count: 4)
        self.headerLength = headerLength
        self.recordLength = recordLength
        self.fields = fields
    }

    /// One 32-byte field descriptor: name in bytes 0–10 (NUL-padded), type in 11, length in 16,
    /// decimal count in 17.
    private static func field(
        _ descriptor: UnsafeRawBufferPointer, number: Int, offset: Int, failure: (String) -> DBaseError
    ) throws -> DBaseField {
        let nameBytes = descriptor[0..<11].prefix { $0 != 0 }
        guard !nameBytes.isEmpty else { throw failure("field descriptor \(number) has no name") }
        if let bad = nameBytes.first(where: { $0 < 0x20 || $0 > 0x7E }) {
            throw failure("the name of field descriptor \(number) is not printable ASCII (\(hex([bad])))")
        }
        let name = String(decoding: nameBytes, as: UTF8.self)
        let type = descriptor[11]
        guard type > 0x20 && type < 0x7F else {
            throw failure("field \(quoted(name)) has the type byte \(hex([type])), not a printable ASCII character")
        }
        return DBaseField(
            name: name, type: Character(Unicode.Scalar(type)),
            offset: offset, length: Int(descriptor[16]), decimals: Int(descriptor[17]))
    }

    /// The field called `name`, ignoring case, or nil when the table has none.
    public func field(_ name: String) -> DBaseField? {
        let key = name.uppercased()
        return fields.first { $0.name.uppercased() == key }
    }

    /// The named fields, in the order asked; a missing one is an error that lists every missing field
    /// and the fields the table has.
    public func require(_ names: [String]) throws -> [DBaseField] {
        let found = names.map { field($0) }
        let missing = zip(names, found).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else {
            let noun = missing.count == 1 ? "field" : "fields"
            throw DBaseError(file: file, message: "missing required \(noun) \(missing.map { quoted($0) }.joined(separator: ", ")) "
                + "(fields: \(fields.map(\.name).joined(separator: ", ")))")
        }
        return found.map { $0! }
    }
}

/// An unsigned little-endian number of `count` bytes at `offset`.
func littleEndian(_ bytes: UnsafeRawBufferPointer, at offset: Int, count: Int) -> Int {
    (0..<count).reversed().reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
}

/// Bytes as messages show them: `0x81`, or `0xC3 0x28`.
func hex(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { "0x" + String($0 >> 4, radix: 16, uppercase: true) + String($0 & 0xF, radix: 16, uppercase: true) }
        .joined(separator: " ")
}
