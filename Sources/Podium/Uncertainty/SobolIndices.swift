/// Saltelli's first-order and Jansen's total-effect estimators, with bootstrap intervals. The
/// first-order estimator centres f(B) on the mean of f(A) and f(B) (the same expectation, since
/// f(A_B^i) − f(A) has mean 0, with a smaller variance when the output is far from 0).
enum SobolIndices {
    /// `outputs[r]` = [f(A_r), f(B_r), f(A_B^1_r), …, f(A_B^k_r)] for base row r; one index per factor.
    static func estimate(_ outputs: [[Double]], factors: [SensitivityFactor], bootstrap: inout RandomStream,
                         samples: Int) -> [SensitivityIndex] {
        let rows = Array(outputs.indices)
        guard let point = estimators(outputs, rows: rows, factors: factors.count) else {
            return factors.map { SensitivityIndex(factor: $0, firstOrder: nil, totalEffect: nil) }
        }
        var first = factors.map { _ in [Double]() }, total = first
        var resample = rows
        for _ in 0..<samples {
            for position in resample.indices { resample[position] = bootstrap.choice(rows.count) }
            // A resample whose outputs do not vary has no indices; it is left out of the interval.
            guard let values = estimators(outputs, rows: resample, factors: factors.count) else { continue }
            for factor in factors.indices {
                first[factor].append(values[factor].first)
                total[factor].append(values[factor].total)
            }
        }
        return factors.enumerated().map { number, factor in
            SensitivityIndex(factor: factor,
                             firstOrder: interval(point[number].first, first[number]),
                             totalEffect: interval(point[number].total, total[number]))
        }
    }

    /// The estimators over the given base rows (with repeats), or nil when f(A) and f(B) do not vary.
    static func estimators(_ outputs: [[Double]], rows: [Int], factors: Int) -> [(first: Double, total: Double)]? {
        let n = Double(rows.count)
        var sum = 0.0
        for row in rows { sum += outputs[row][0] + outputs[row][1] }
        let mean = sum / (2 * n)
        var variance = 0.0
        for row in rows {
            variance += (outputs[row][0] - mean) * (outputs[row][0] - mean) + (outputs[row][1] - mean) * (outputs[row][1] - mean)
        }
        variance /= 2 * n
        guard variance > 0 else { return nil }
        return (0..<factors).map { factor in
            var first = 0.0, total = 0.0
            for row in rows {
                let a = outputs[row][0], b = outputs[row][1], ab = outputs[row][2 + factor]
                first += (b - mean) * (ab - a)
                total += (a - ab) * (a - ab)
            }
            return (first / n / variance, total / (2 * n) / variance)
        }
    }

    private static func interval(_ value: Double, _ samples: [Double]) -> Estimate {
        guard !samples.isEmpty else { return Estimate(value: value, low: value, high: value) }
        let sorted = samples.sorted()
        // The 2.5th and 97.5th percentiles, as the smallest values that 2.5 % and 97.5 % reach.
        func percentile(_ perMille: Int) -> Double { sorted[max(1, (perMille * sorted.count + 999) / 1000) - 1] }
        return Estimate(value: value, low: percentile(25), high: percentile(975))
    }
}
