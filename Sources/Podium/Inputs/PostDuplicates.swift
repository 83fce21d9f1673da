import PodiumCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The duplicate check of posts, exact, in one pass over the file whatever the order of its rows and
/// the shape of its ids, in memory that does not grow with the number of posts.
///
/// While the posts are read, each (account, post id) key becomes a 64-bit fingerprint, written to a
/// temporary file, into one of up to 2,048 partitions chosen by the fingerprint's top bits
/// (`PostKeySpill`, one per range read in parallel; 8 bytes a post, buffered 4 KiB per partition). Afterwards each partition is read back on its own — a small part of the keys — and its
/// fingerprints put in a hash set: equal keys have equal fingerprints, so every duplicate shows up as
/// a fingerprint seen twice, and no duplicate is missed. A fingerprint seen twice can also be two
/// different keys (for 5 million posts, about one run in a million); so these fingerprints are only
/// suspects, and a second read of the file, made only when there are any, compares the suspects' real
/// keys: no false "duplicate" is ever reported.
enum PostDuplicates {
    /// The fingerprint of a post: its id's bytes hashed with a seed taken from the account. Never 0
    /// (0 marks an empty slot).
    @inline(__always)
    static func fingerprint(account: Int, postID: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let hash = AccountLookup.hash(postID, seed: 0x8422_2325_cbf2_9ce4 ^ (UInt64(account) &* 0x9e37_79b9_7f4a_7c15))
        return hash == 0 ? 1 : hash
    }

    /// How many partitions for a file of `bytes`: about one per 2 MiB of file, so that a partition
    /// holds some 30,000 posts of 70 bytes and one of the shortest possible rows still fits in a few MiB.
    static func partitionBits(forFileOf bytes: Int) -> Int {
        var bits = 4
        while bits < 11 && (1 << bits) * (2 << 20) < bytes { bits += 1 }
        return bits
    }

    /// The fingerprints seen more than once, over every range's spill.
    static func suspects(_ spills: [PostKeySpill], threads: Int) throws -> Set<UInt64> {
        for spill in spills { try spill.finish() }
        let partitions = 1 << spills[0].partitionBits
        return try Parallel.map(partitions, threads: threads) { partition in try repeated(in: partition, of: spills) }
            .reduce(into: Set()) { $0.formUnion($1) }
    }

    /// One partition's fingerprints that occur more than once, through an open-addressing set.
    private static func repeated(in partition: Int, of spills: [PostKeySpill]) throws -> Set<UInt64> {
        let count = spills.reduce(0) { $0 + $1.count(of: partition) }
        guard count > 1 else { return [] }
        var capacity = 16
        while capacity < count * 2 { capacity *= 2 }
        let mask = capacity - 1
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        table.initialize(repeating: 0, count: capacity)
        defer { table.deallocate() }
        var repeated = Set<UInt64>()
        for spill in spills {
            try spill.forEachBlock(of: partition) { entries in
                for fingerprint in entries {
                    var slot = Int(truncatingIfNeeded: fingerprint) & mask
                    while true {
                        let held = table[slot]
                        if held == 0 { table[slot] = fingerprint; break }
                        if held == fingerprint { repeated.insert(fingerprint); break }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        return repeated
    }

    /// Reads the file again and compares the real keys of the suspect fingerprints: the duplicate
    /// whose second row comes first in the file is an error naming both lines.
    static func confirm(_ path: String, options: CSVReadOptions, lookup: AccountLookup, suspects: Set<UInt64>) throws {
        var firstLine: [PostKey: Int] = [:]
        var duplicate: (line: Int, first: Int, account: String, id: String)?
        try CSVReader.read(path, options: options) { header in
            let c = try header.require(["account_id", "post_id"])
            return { record in
                guard duplicate == nil, let account = lookup.index(of: record.field(c[0].index)) else { return }
                let id = record.field(c[1].index)
                guard suspects.contains(fingerprint(account: account, postID: id)) else { return }
                let key = PostKey(account: account, id: id)
                if let first = firstLine[key] {
                    duplicate = (record.line, first, record.string(c[0]), record.string(c[1]))
                } else {
                    firstLine[key] = record.line
                }
            }
        }
        if let duplicate {
            throw InputError(file: path, line: duplicate.line,
                             message: "duplicate post \(quoted(duplicate.id)) of account \(quoted(duplicate.account)) (first on line \(duplicate.first))")
        }
    }
}

/// An (account, post id) pair, kept only for the rows whose fingerprint is a suspect.
struct PostKey: Hashable {
    let account: Int
    let id: [UInt8]

    init(account: Int, id: UnsafeBufferPointer<UInt8>) {
        self.account = account
        self.id = Array(id)
    }
}

/// One range's fingerprints, partitioned and spilled to an unlinked temporary file in `$TMPDIR` (or
/// `/tmp`): it disappears when the run ends, however it ends. Filled by its range's thread alone;
/// after the read, only read (`pread`), by any thread.
final class PostKeySpill: @unchecked Sendable {
    static let blockEntries = 512    // 4 KiB a block
    let partitionBits: Int
    private let shift: UInt64
    private let descriptor: Int32
    private let buffers: UnsafeMutablePointer<UInt64>
    private let filled: UnsafeMutablePointer<Int>
    /// Where each partition's full blocks are in the file, in the order they were written.
    private var blocks: [[Int]]
    private var written = 0
    private var writeError: Int32 = 0
    private var finished = false

    init(partitionBits: Int) throws {
        self.partitionBits = partitionBits
        shift = UInt64(64 - partitionBits)
        let partitions = 1 << partitionBits
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/podium-post-keys-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw InputError(file: folder, line: nil, message: "cannot create a temporary file for the duplicate check of posts: \(String(cString: strerror(errno))) (set TMPDIR to a writable folder)")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
        buffers = .allocate(capacity: partitions * Self.blockEntries)
        filled = .allocate(capacity: partitions)
        filled.initialize(repeating: 0, count: partitions)
        blocks = Array(repeating: [], count: partitions)
    }

    deinit {
        close(descriptor)
        buffers.deallocate()
        filled.deallocate()
    }

    @inline(__always)
    func add(_ fingerprint: UInt64) {
        let partition = Int(truncatingIfNeeded: fingerprint >> shift)
        let count = filled[partition]
        buffers[partition * Self.blockEntries + count] = fingerprint
        if count + 1 == Self.blockEntries {
            flush(partition, count: Self.blockEntries)
        } else {
            filled[partition] = count + 1
        }
    }

    private func flush(_ partition: Int, count: Int) {
        filled[partition] = 0
        guard writeError == 0 else { return }
        let bytes = count * MemoryLayout<UInt64>.stride
        let start = UnsafeRawPointer(buffers + partition * Self.blockEntries)
        var done = 0
        while done < bytes {
            let result = pwrite(descriptor, start + done, bytes - done, off_t(written + done))
            if result < 0 {
                if errno == EINTR { continue }
                writeError = errno
                return
            }
            done += result
        }
        blocks[partition].append(written | count << 48)
        written += bytes
    }

    /// Writes what the buffers still hold; reports a write error (a full disk) now.
    func finish() throws {
        if !finished {
            finished = true
            for partition in 0..<(1 << partitionBits) where filled[partition] > 0 {
                flush(partition, count: filled[partition])
            }
        }
        if writeError != 0 {
            throw InputError(file: "temporary file", line: nil,
                             message: "cannot write the duplicate check of posts: \(String(cString: strerror(writeError))) (set TMPDIR to a folder with room: 8 bytes a post)")
        }
    }

    func count(of partition: Int) -> Int {
        blocks[partition].reduce(0) { $0 + ($1 >> 48) }
    }

    func forEachBlock(of partition: Int, _ body: (UnsafeBufferPointer<UInt64>) -> Void) throws {
        let block = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.blockEntries)
        defer { block.deallocate() }
        for packed in blocks[partition] {
            let offset = packed & (1 << 48 - 1), count = packed >> 48
            let bytes = count * MemoryLayout<UInt64>.stride
            var done = 0
            while done < bytes {
                let result = pread(descriptor, UnsafeMutableRawPointer(block) + done, bytes - done, off_t(offset + done))
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else {
                    throw InputError(file: "temporary file", line: nil,
                                     message: "cannot read back the duplicate check of posts: \(String(cString: strerror(errno)))")
                }
                done += result
            }
            body(UnsafeBufferPointer(start: block, count: count))
        }
    }
}
