/// A dBase III table written byte by byte, for tests: the fields, the records, and knobs to break
/// the header or the data in the ways readers must notice.
public struct DBaseTable: Sendable {
    public struct Field: Sendable {
        public var name: String
        public var type: Character
        public var length: Int
        public var decimals: Int

        public init(_ name: String, _ type: Character, _ length: Int, decimals: Int = 0) {
            self.name = name
            self.type = type
            self.length = length
            self.decimals = decimals
        }
    }

    public struct Record: Sendable {
        /// ' ' live, '*' deleted, or anything else to test the check.
        public var flag: UInt8
        /// One value per field, unpadded; numbers are right-aligned, the rest left-aligned.
        public var values: [[UInt8]]

        public init(_ values: [String], deleted: Bool = false) {
            self.init(bytes: values.map { Array($0.utf8) }, deleted: deleted)
        }

        public init(bytes values: [[UInt8]], deleted: Bool = false) {
            self.flag = deleted ? UInt8(ascii: "*") : UInt8(ascii: " ")
            self.values = values
        }
    }

    public var fields: [Field]
    public var records: [Record]
    public var version: UInt8 = 0x03
    /// Bytes between the descriptors' 0x0D and the first record (Visual FoxPro puts 263 there).
    public var extraHeaderBytes = 0
    public var endByte = true
    /// What the header states instead of the true values, when set.
    public var statedRecordCount: Int?
    public var statedRecordLength: Int?

    public init(fields: [Field], records: [Record]) {
        self.fields = fields
        self.records = records
    }

    public var recordLength: Int { 1 + fields.reduce(0) { $0 + $1.length } }
    public var headerLength: Int { 32 + 32 * fields.count + 1 + extraHeaderBytes }

    public var bytes: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 32)
        bytes[0] = version
        bytes[1] = 124; bytes[2] = 5; bytes[3] = 17  // last update: 2024-05-17
        put(statedRecordCount ?? records.count, at: 4, count: 4, in: &bytes)
        put(headerLength, at: 8, count: 2, in: &bytes)
        put(statedRecordLength ?? recordLength, at: 10, count: 2, in: &bytes)
        for field in fields {
            var descriptor = [UInt8](repeating: 0, count: 32)
            let name = Array(field.name.utf8)
            precondition(name.count <= 11, "field name \(field.name) is longer than 11 bytes")
            descriptor.replaceSubrange(0..<name.count, with: name)
            descriptor[11] = UInt8(ascii: field.type.unicodeScalars.first!)
            descriptor[16] = UInt8(field.length)
            descriptor[17] = UInt8(field.decimals)
            bytes += descriptor
        }
        bytes.append(0x0D)
        bytes += [UInt8](repeating: 0, count: extraHeaderBytes)
        for record in records {
            precondition(record.values.count == fields.count, "a record needs one value per field")
            bytes.append(record.flag)
            for (field, value) in zip(fields, record.values) {
                precondition(value.count <= field.length, "value too long for field \(field.name)")
                let padding = [UInt8](repeating: 0x20, count: field.length - value.count)
                bytes += "NF".contains(field.type) ? padding + value : value + padding
            }
        }
        if endByte { bytes.append(0x1A) }
        return bytes
    }

    private func put(_ value: Int, at offset: Int, count: Int, in bytes: inout [UInt8]) {
        for index in 0..<count { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
}
