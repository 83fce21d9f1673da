/// One account's posts from all its export files, merged by post id: the same id in two files is
/// one post; with the same figures it counts once, with others the figures of the file read later
/// (whose name sorts later) replace the earlier ones. The same id twice in one file is an error.
///
/// Ids are kept as bytes in one buffer and found through an open-addressing table: memory grows
/// with the account's posts only, and a row allocates nothing.
struct PostMerge {
    struct Post {
        var day: Int
        var reactions: Int
        var comments: Int
        var shares: Int
        var file: Int
        var line: Int
        let keyStart: Int
        let keyCount: Int
        let hash: UInt64
    }

    private(set) var posts: [Post] = []
    private var keys: [UInt8] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    /// Posts found in two files with the same figures, and with different ones.
    private(set) var identical = 0
    private(set) var replaced = 0

    enum Outcome { case new, identical, replaced, sameFile(firstLine: Int) }

    mutating func add(_ id: UnsafeBufferPointer<UInt8>, day: Int, reactions: Int, comments: Int, shares: Int,
                      file: Int, line: Int) -> Outcome {
        if posts.count * 2 >= slots.count { grow() }
        let hash = AccountLookup.hash(id)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let held = Int(slots[slot])
            if held < 0 { break }
            let post = posts[held]
            if post.hash == hash, post.keyCount == id.count,
               keys.withUnsafeBufferPointer({ AccountLookup.same($0.baseAddress! + post.keyStart, id.baseAddress!, id.count) }) {
                if post.file == file { return .sameFile(firstLine: post.line) }
                if post.day == day, post.reactions == reactions, post.comments == comments, post.shares == shares {
                    identical += 1
                    posts[held].file = file
                    posts[held].line = line
                    return .identical
                }
                replaced += 1
                posts[held] = Post(day: day, reactions: reactions, comments: comments, shares: shares, file: file, line: line,
                                   keyStart: post.keyStart, keyCount: post.keyCount, hash: hash)
                return .replaced
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(posts.count)
        posts.append(Post(day: day, reactions: reactions, comments: comments, shares: shares, file: file, line: line,
                          keyStart: keys.count, keyCount: id.count, hash: hash))
        keys.append(contentsOf: id)
        return .new
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, post) in posts.enumerated() {
            var slot = Int(truncatingIfNeeded: post.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
