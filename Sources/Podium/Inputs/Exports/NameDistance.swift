/// The names nearest to a misspelt one, for error messages that suggest what was meant.
enum NameDistance {
    /// Up to `limit` of `names` within an edit distance of a quarter of the name's length (at least
    /// 2) and at most one more than the nearest, nearest first, ties in name order; a name that
    /// contains the other, or is contained in it, counts as near too.
    static func closest(to name: String, among names: [String], limit: Int) -> [String] {
        let target = Array(name.lowercased().utf8)
        let bound = max(2, target.count / 4)
        var scored: [(distance: Int, name: String)] = []
        for candidate in names {
            let lowered = candidate.lowercased()
            var distance = levenshtein(target, Array(lowered.utf8), bound: bound)
            if distance > bound, target.count >= 3, lowered.contains(name.lowercased()) || name.lowercased().contains(lowered) {
                distance = bound
            }
            if distance <= bound { scored.append((distance, candidate)) }
        }
        let best = scored.map(\.distance).min() ?? 0
        scored.removeAll { $0.distance > best + 1 }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        return scored.prefix(limit).map(\.name)
    }

    /// Levenshtein distance, or more than `bound` as soon as it must be.
    static func levenshtein(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int {
        if abs(a.count - b.count) > bound { return bound + 1 }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
