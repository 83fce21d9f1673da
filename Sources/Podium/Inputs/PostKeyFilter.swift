/// A split-block Bloom filter of (account, post id) keys with a fixed size, so that checking millions of
/// posts for duplicates takes the same memory whatever the file's length. It can only say "new" or
/// "perhaps seen": a "perhaps" is confirmed exactly by a second look at the file (`SocialMediaLoader`),
/// which the size makes rare (about one false alarm in 10⁸ posts at 5 million posts).
struct PostKeyFilter: ~Copyable {
    static let blockCount = 1 << 18          // 2¹⁸ blocks of 512 bits: 16 MiB
    private let words: UnsafeMutablePointer<UInt64>

    init() {
        words = .allocate(capacity: Self.blockCount * 8)
        words.initialize(repeating: 0, count: Self.blockCount * 8)
    }

    deinit { words.deallocate() }

    /// Adds the key; returns true when all of its bits were already set (a possible duplicate).
    @inline(__always)
    func insert(account: Int, postID: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = AccountLookup.hash(postID, seed: 0xcbf2_9ce4_8422_2325 ^ (UInt64(account) &* 0x9e37_79b9_7f4a_7c15))
        let block = words + Int(truncatingIfNeeded: hash >> 46) * 8   // top 18 bits choose the block
        var bits = hash &* 0x9e37_79b9_7f4a_7c15
        var seen = true
        for word in 0..<8 {
            let mask: UInt64 = 1 << (bits & 63)
            if block[word] & mask == 0 { seen = false; block[word] |= mask }
            bits = (bits >> 6) | (bits << 58)
        }
        return seen
    }
}
