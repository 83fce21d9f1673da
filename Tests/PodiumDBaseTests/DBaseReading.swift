@testable import PodiumDBase
import PodiumTestFixtures

/// What a read handed over: each live record's number and its fields as raw text, in the header's
/// field order (or the order of `names`).
struct DBaseRead: Equatable {
    var numbers: [Int] = []
    var values: [[String]] = []
    var summary: DBaseSummary?
}

/// A source over `bytes` that gives `chunk(n)` bytes at its n-th call (all it can by default).
func source(_ bytes: [UInt8], chunk: @escaping (Int) -> Int = { _ in .max }) -> (UnsafeMutableRawBufferPointer) -> Int {
    var offset = 0
    var calls = 0
    return { buffer in
        calls += 1
        let count = min(buffer.count, bytes.count - offset, max(1, chunk(calls)))
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + count)])) }
        offset += count
        return count
    }
}

/// Reads `bytes` as a table named `t.dbf`, telling the reader their size when `knownSize`.
func readTable(
    _ bytes: [UInt8],
    knownSize: Bool = true,
    names: [String]? = nil,
    bufferSize: Int = DBaseReader.bufferSize,
    chunk: @escaping (Int) -> Int = { _ in .max }
) throws -> DBaseRead {
    var read = DBaseRead()
    read.summary = try DBaseReader.read(
        name: "t.dbf", size: knownSize ? bytes.count : nil, bufferSize: bufferSize, source: source(bytes, chunk: chunk)
    ) { header in
        let fields = try names.map { try header.require($0) } ?? header.fields
        return { record in
            read.numbers.append(record.number)
            read.values.append(fields.map { String(decoding: record.bytes($0), as: UTF8.self) })
        }
    }
    return read
}

/// The error reading `bytes` throws, when it throws a `DBaseError`.
func readError(_ bytes: [UInt8], knownSize: Bool = true) -> DBaseError? {
    do {
        _ = try readTable(bytes, knownSize: knownSize)
        return nil
    } catch {
        return error as? DBaseError
    }
}

/// A small table of municipalities' budget lines: a code, a name and an amount with two decimals.
func budgetTable(_ rows: [(String, String, String)], deleted: Set<Int> = []) -> DBaseTable {
    DBaseTable(
        fields: [.init("WK", "C", 7), .init("NAZWA", "C", 20), .init("R4", "N", 12, decimals: 2)],
        records: rows.enumerated().map { DBaseTable.Record([$1.0, $1.1, $1.2], deleted: deleted.contains($0)) })
}
