import PodiumCSV

/// A municipal or mayor's social-media account, from `accounts.csv`.
public struct Account: Sendable, Equatable {
    public let id: String
    public let unit: UnitCode
    public let owner: AccountOwner
    public let platform: Platform
    public let handle: String
}

/// One account's figures over the period: P, R, C, S from its posts, F0 and F1 from its follower
/// snapshots. An account without F0 or F1 is left out of every sum.
public struct AccountFigures: Sendable, Equatable {
    public let account: Account
    public var posts = 0
    public var reactions = 0
    public var comments = 0
    public var shares = 0
    public var followersStart: Int?
    public var followersEnd: Int?
    /// Where F0 and F1 came from (snapshot dates), for `explain`.
    public var startSnapshot: Day?
    public var endSnapshot: Day?

    public init(account: Account) { self.account = account }

    /// Why the account is left out of the sums (no F0 or no F1), or nil when it counts.
    public var leftOutReason: String?

    public var isUsable: Bool { leftOutReason == nil }
}

/// What the social-media loaders read, for the run summary.
public struct SocialMediaSummary: Sendable, Equatable {
    public var accountRows = 0
    public var followerRows = 0
    public var postRows = 0
    public var postsInPeriod = 0
    public var postsOutsidePeriod = 0
    public var statsRows = 0
    public var postBytes = 0
    public var postSeconds = 0.0
    /// How many ranges of posts.csv were read at once.
    public var postRanges = 1
    public var leftOut: [String] = []
    /// One per export folder read.
    public var exports: [ExportSummary] = []
    /// The files read, for the manifest.
    public var files: [InputFileRead] = []
}

/// Finds accounts by the raw bytes of their id without building a String per post.
struct AccountLookup {
    private let ids: [String]
    private var slots: [Int32]
    private var keys: [UInt8] = []
    private var offsets: [Int] = [0]
    private let mask: Int
    /// Accounts whose posts come from another source (export files): account id → that source.
    /// They are found by no row, and a row that names one is an error naming both sources.
    private let elsewhere: [String: String]

    /// The same lookup in memory of its own, for another thread: arrays shared by two threads would
    /// have both bump one reference count, and the cores would fight over its cache line.
    var independentCopy: AccountLookup { AccountLookup(ids: ids, elsewhere: elsewhere) }

    init(ids: [String], elsewhere: [String: String] = [:]) {
        self.ids = ids
        self.elsewhere = elsewhere
        var capacity = 16
        while capacity < ids.count * 2 { capacity *= 2 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (index, id) in ids.enumerated() {
            keys.append(contentsOf: id.utf8)
            offsets.append(keys.count)
            guard elsewhere[id] == nil else { continue }
            let hash = Array(id.utf8).withUnsafeBufferPointer { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// A 64-bit hash of a short byte string, eight bytes at a time, with Murmur3's finaliser.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed ^ UInt64(bytes.count)
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
                hash = (hash << 31) | (hash >> 33)
                index += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(base[index]) << shift
                shift += 8
                index += 1
            }
            hash = (hash ^ tail) &* 0x9e37_79b9_7f4a_7c15
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }

    /// Byte equality, eight bytes at a time: account ids are short, and a call to memcmp costs more.
    @inline(__always)
    static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let left = UnsafeRawPointer(a), right = UnsafeRawPointer(b)
        var index = 0
        while index + 8 <= count {
            if left.loadUnaligned(fromByteOffset: index, as: UInt64.self) != right.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index += 8
        }
        while index < count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }

    /// The account a row names in `column`; one that accounts.csv does not list is an error.
    @inline(__always)
    func account(_ record: CSVRecord, _ column: CSVColumn) throws -> Int {
        guard let account = index(of: record.field(column.index)) else {
            if let source = elsewhere[record.string(column)] {
                throw record.fail("account \(quoted(record.string(column))) has posts in two sources: this file and \(source); an account's posts must come from one source")
            }
            throw record.fail("unknown account \(quoted(record.string(column))) (not in accounts.csv)")
        }
        return account
    }

    @inline(__always)
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let candidate = Int(slots[slot])
                if candidate < 0 { return nil }
                let start = offsets[candidate], end = offsets[candidate + 1]
                if end - start == bytes.count, Self.same(keys.baseAddress! + start, bytes.baseAddress!, bytes.count) {
                    return candidate
                }
                slot = (slot + 1) & mask
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
