@testable import PodiumDBase
import PodiumTestFixtures
import Testing

/// Reads in pieces of any size must see what one big read sees: the same records, summary and error.
@Suite("dBase reads in pieces")
struct DBaseChunkTests {
    /// SplitMix64: the same tables on every run, so a failure can be replayed from its seed.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private func randomTable(_ generator: inout Generator) -> DBaseTable {
        let fields = (0..<Int.random(in: 1...6, using: &generator)).map { index in
            DBaseTable.Field("F\(index)", index % 2 == 0 ? "C" : "N", Int.random(in: 1...30, using: &generator))
        }
        let records = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
            DBaseTable.Record(
                bytes: fields.map { field in
                    (0..<Int.random(in: 0...field.length, using: &generator)).map { _ in UInt8.random(in: 0x30...0x7A, using: &generator) }
                },
                deleted: Int.random(in: 0..<5, using: &generator) == 0)
        }
        var table = DBaseTable(fields: fields, records: records)
        table.extraHeaderBytes = Int.random(in: 0..<3, using: &generator) == 0 ? Int.random(in: 1...300, using: &generator) : 0
        table.endByte = Bool.random(using: &generator)
        return table
    }

    /// A seven-digit code for row `number`.
    private func code(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: 7 - digits.count) + digits
    }

    /// A read's result or its error, comparable.
    private func outcome(_ bytes: [UInt8], knownSize: Bool, bufferSize: Int = DBaseReader.bufferSize, chunk: @escaping (Int) -> Int)
        -> Result<DBaseRead, DBaseError>
    {
        Result { try readTable(bytes, knownSize: knownSize, bufferSize: bufferSize, chunk: chunk) }
            .mapError { $0 as! DBaseError }
    }

    @Test("random tables read 1–7 bytes at a time, and through small buffers, as in one read", arguments: 0..<20)
    func random(seed: UInt64) throws {
        var generator = Generator(state: seed)
        for _ in 0..<10 {
            let table = randomTable(&generator)
            var bytes = table.bytes
            // Now and then a table cut short, so that the errors are compared too.
            if Int.random(in: 0..<4, using: &generator) == 0, !bytes.isEmpty {
                bytes.removeLast(Int.random(in: 1...min(bytes.count, 60), using: &generator))
            }
            let knownSize = Bool.random(using: &generator)
            let whole = outcome(bytes, knownSize: knownSize) { _ in .max }
            var pieces = Generator(state: seed &+ 1000)
            let tiny = outcome(bytes, knownSize: knownSize) { _ in Int.random(in: 1...7, using: &pieces) }
            let smallBuffer = outcome(bytes, knownSize: knownSize, bufferSize: Int.random(in: 1...200, using: &generator)) { _ in
                Int.random(in: 1...50, using: &pieces)
            }
            #expect(tiny == whole)
            #expect(smallBuffer == whole)
            if !table.records.isEmpty, bytes == table.bytes {
                #expect(try whole.get().numbers.count == table.records.filter { $0.flag == UInt8(ascii: " ") }.count)
            }
        }
    }

    @Test("records read across refills of a buffer smaller than a record, and of a few records")
    func acrossRefills() throws {
        let rows = (1...25).map { (code($0), "Gmina \($0)", "\($0).25") }
        let bytes = budgetTable(rows, deleted: [3, 17]).bytes
        let expected = try readTable(bytes)
        #expect(expected.numbers.count == 23)
        for bufferSize in [1, 39, 40, 41, 100, 1000] {
            #expect(try readTable(bytes, bufferSize: bufferSize) == expected)
            #expect(try readTable(bytes, bufferSize: bufferSize, chunk: { $0 % 2 == 0 ? 13 : 29 }) == expected)
        }
    }

    @Test("the source is never asked for more than one buffer of whole records")
    func boundedBuffer() throws {
        let rows = (1...3000).map { (code($0), "Gmina", "1") }
        let bytes = budgetTable(rows).bytes
        var largest = 0
        let feed = source(bytes)
        let summary = try DBaseReader.read(name: "t.dbf", size: bytes.count, bufferSize: 4096, source: { buffer in
            largest = max(largest, buffer.count)
            return feed(buffer)
        }) { _ in { _ in } }
        #expect(summary.records == 3000)
        #expect(largest == 4096 / 40 * 40)
    }
}
