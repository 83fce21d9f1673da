/// The correlation of two series over the participants that have both values: Pearson's r, or
/// Spearman's ρ (Pearson's r of the average ranks within those pairs). Undefined (nil) with fewer
/// than 2 pairs or when either side is constant over the pairs.
public struct Correlation: Sendable, Equatable {
    /// Participants with both values.
    public let pairs: Int
    public let r: Double?

    /// Why `r` is missing, for notes.
    public var undefinedBecause: String? {
        r != nil ? nil : pairs < 2 ? "fewer than 2 pairs" : "a constant series"
    }

    /// r = Σ (x − x̄)(y − ȳ) / √(Σ (x − x̄)² · Σ (y − ȳ)²).
    public static func pearson(_ x: [Double?], _ y: [Double?]) -> Correlation {
        let (xs, ys) = pairs(x, y)
        return Correlation(pairs: xs.count, r: r(xs, ys))
    }

    /// ρ: Pearson's r of the ranks, ties given the mean of the ranks they span.
    public static func spearman(_ x: [Double?], _ y: [Double?]) -> Correlation {
        let (xs, ys) = pairs(x, y)
        return Correlation(pairs: xs.count, r: r(averageRanks(xs), averageRanks(ys)))
    }

    /// The values of the positions where both series have one.
    static func pairs(_ x: [Double?], _ y: [Double?]) -> ([Double], [Double]) {
        var xs: [Double] = [], ys: [Double] = []
        for (a, b) in zip(x, y) { if let a, let b { xs.append(a); ys.append(b) } }
        return (xs, ys)
    }

    static func r(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count >= 2, let xMean = Distribution.mean(x), let yMean = Distribution.mean(y) else { return nil }
        var xy = 0.0, xx = 0.0, yy = 0.0
        for (a, b) in zip(x, y) {
            xy += (a - xMean) * (b - yMean)
            xx += (a - xMean) * (a - xMean)
            yy += (b - yMean) * (b - yMean)
        }
        guard xx > 0, yy > 0, let r = (xy / (xx * yy).squareRoot()).finite else { return nil }
        // Rounding can take a perfect correlation a hair beyond ±1.
        return Swift.min(1, Swift.max(-1, r))
    }

    /// Ranks from 1 in ascending order; equal values share the mean of the ranks they span
    /// (2, 5, 5, 9 → 1, 2.5, 2.5, 4).
    static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            // Positions start…end hold ranks start + 1 … end + 1; their mean:
            let rank = Double(start + end + 2) / 2
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        return ranks
    }
}
