/// Remembers, per account, the last post id and whether the ids so far came in strictly monotonic
/// order (rising or falling; shorter before longer, then byte by byte, which is numeric order for plain
/// numbers). While they do, no id can repeat an earlier one, so duplicates need no memory at all.
/// Platform exports list an account's posts in time order, and post ids grow with time, so this is the
/// usual case; an account whose ids break the order is marked for an exact check afterwards.
struct PostIDOrder: ~Copyable {
    static let maxLength = 48
    private let last: UnsafeMutablePointer<UInt8>
    private let lengths: UnsafeMutablePointer<Int>     // -1: order broken
    private let directions: UnsafeMutablePointer<Int8> // 0 not known yet, 1 rising, -1 falling
    let accounts: Int

    init(accounts: Int) {
        self.accounts = accounts
        let count = max(1, accounts)
        last = .allocate(capacity: count * Self.maxLength)
        lengths = .allocate(capacity: count)
        lengths.initialize(repeating: 0, count: count)
        directions = .allocate(capacity: count)
        directions.initialize(repeating: 0, count: count)
    }

    deinit {
        last.deallocate()
        lengths.deallocate()
        directions.deallocate()
    }

    /// Records `id` for the account; returns false when the account's ids are no longer monotonic.
    @inline(__always)
    func advance(account: Int, id: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = lengths[account]
        guard length >= 0 else { return false }
        guard id.count <= Self.maxLength, !id.isEmpty else { lengths[account] = -1; return false }
        let slot = last + account * Self.maxLength
        if length > 0 {
            var order = id.count == length ? Int(memcmp(id.baseAddress!, slot, length)) : id.count - length
            order = order > 0 ? 1 : (order < 0 ? -1 : 0)
            let direction = directions[account]
            if order == 0 || (direction != 0 && Int8(order) != direction) {
                lengths[account] = -1
                return false
            }
            directions[account] = Int8(order)
        }
        slot.update(from: id.baseAddress!, count: id.count)
        lengths[account] = id.count
        return true
    }

    /// Accounts whose ids broke the order: their posts need the exact duplicate check.
    var unordered: Set<Int> {
        Set((0..<accounts).filter { lengths[$0] < 0 })
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
