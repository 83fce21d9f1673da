import PodiumCSV

/// The exact duplicate check for accounts whose post ids were not in order: a second pass puts their
/// (account, post id) keys into a Bloom filter of fixed size, and a third pass, only if the filter
/// reports any "perhaps seen", confirms them exactly. Memory stays the same however many posts there are.
enum PostDuplicates {
    static func check(_ path: String, options: CSVReadOptions, lookup: AccountLookup, accounts: Set<Int>) throws {
        let filter = PostKeyFilter()
        var suspects = Set<PostKey>()
        try CSVReader.read(path, options: options) { header in
            let c = try header.require(["account_id", "post_id"])
            return { record in
                guard let account = lookup.index(of: record.field(c[0].index)), accounts.contains(account) else { return }
                let id = record.field(c[1].index)
                if filter.insert(account: account, postID: id) { suspects.insert(PostKey(account: account, id: id)) }
            }
        }
        if !suspects.isEmpty { try confirm(path, options: options, lookup: lookup, suspects: suspects) }
    }

    /// The first key that really occurs twice is an error naming both lines.
    private static func confirm(_ path: String, options: CSVReadOptions, lookup: AccountLookup, suspects: Set<PostKey>) throws {
        var firstLine: [PostKey: Int] = [:]
        var duplicate: (line: Int, first: Int, account: String, id: String)?
        try CSVReader.read(path, options: options) { header in
            let c = try header.require(["account_id", "post_id"])
            return { record in
                guard duplicate == nil, let account = lookup.index(of: record.field(c[0].index)) else { return }
                let key = PostKey(account: account, id: record.field(c[1].index))
                guard suspects.contains(key) else { return }
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

/// An (account, post id) pair, kept only for the few posts the Bloom filter cannot clear.
struct PostKey: Hashable {
    let account: Int
    let id: [UInt8]

    init(account: Int, id: UnsafeBufferPointer<UInt8>) {
        self.account = account
        self.id = Array(id)
    }
}
