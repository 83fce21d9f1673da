/// Puts every criterion on a 0–100 scale within its category, best = 100.
enum Normalisation {
    static func apply(_ method: NormalisationMethod, to values: [Double], direction: Direction) -> [Double] {
        switch method {
        case .minMax: minMax(values, direction: direction)
        case .percentRank: percentRank(values, direction: direction)
        }
    }

    /// (x − min) / (max − min) × 100; all values equal: 100.
    static func minMax(_ values: [Double], direction: Direction) -> [Double] {
        guard let low = values.min(), let high = values.max() else { return [] }
        guard high > low else { return values.map { _ in 100 } }
        return values.map { value in
            direction == .higherIsBetter ? (value - low) / (high - low) * 100 : (high - value) / (high - low) * 100
        }
    }

    /// (r − 1) / (n − 1) × 100 where r is the value's competition rank from the worst (equal values
    /// share the lowest rank); a category of one gets 100.
    static func percentRank(_ values: [Double], direction: Direction) -> [Double] {
        let n = values.count
        guard n > 1 else { return values.map { _ in 100 } }
        let sorted = values.sorted()
        return values.map { value in
            // How many values are worse than this one: strictly below (or above, when lower is better).
            let worse = direction == .higherIsBetter
                ? lowerBound(sorted, value)
                : n - upperBound(sorted, value)
            return Double(worse) / Double(n - 1) * 100
        }
    }

    private static func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private static func upperBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
