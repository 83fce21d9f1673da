import Dispatch
import Foundation

/// Work spread over threads with results that do not depend on how many.
enum Parallel {
    /// Runs `body` for every index of 0..<count on up to `threads` threads, each thread taking the next
    /// index not yet taken; the results in index order, and when any fails, the error of the lowest
    /// index (so the same inputs give the same error whatever the threads). `progress`, when given,
    /// gets the share of indices done after each one, one call at a time.
    static func map<T: Sendable>(_ count: Int, threads: Int, progress: (@Sendable (Double) -> Void)? = nil,
                                 _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        let results = Results<T>(count, progress: progress)
        let workers = max(1, min(threads, count))
        if workers == 1 {
            for index in 0..<count { results.set(index, Result { try body(index) }) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = results.next() { results.set(index, Result { try body(index) }) }
            }
        }
        return try results.all()
    }
}

/// Results filled by several threads, each index by one.
private final class Results<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<T, Error>?]
    private var handedOut = 0
    private var done = 0
    private let progress: (@Sendable (Double) -> Void)?

    init(_ count: Int, progress: (@Sendable (Double) -> Void)? = nil) {
        items = Array(repeating: nil, count: count)
        self.progress = progress
    }

    /// The next index to work on, or nil when every one is taken.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard handedOut < items.count else { return nil }
        handedOut += 1
        return handedOut - 1
    }

    func set(_ index: Int, _ result: Result<T, Error>) {
        lock.lock()
        items[index] = result
        done += 1
        progress?(Double(done) / Double(items.count))
        lock.unlock()
    }

    func all() throws -> [T] { try items.map { try $0!.get() } }
}
