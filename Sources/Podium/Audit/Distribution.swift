/// The shape of one criterion's values in a category, as the audit reports it: count, range, mean,
/// sample standard deviation, and skewness and excess kurtosis by the estimators the outlier
/// treatment judges by (`WinsoriseOrLog.Shape`: G1 and G2, Excel's SKEW and KURT), so that the audit
/// shows the very numbers that decided whether a criterion was treated.
///
/// A statistic the values cannot give is nil, never NaN: the mean of no values, the deviation of one,
/// the skewness of fewer than 3 or the kurtosis of fewer than 4, the shape of values that are all
/// equal, and anything that overflows.
public struct Distribution: Sendable, Equatable {
    public let n: Int
    public let min: Double?
    public let max: Double?
    public let mean: Double?
    /// √(Σ (x − mean)² / (n − 1)).
    public let sd: Double?
    /// G1 = √(n(n − 1)) / (n − 2) · m₃ / m₂^1.5, with mₖ = Σ (x − mean)ᵏ / n.
    public let skewness: Double?
    /// G2 = (n − 1) / ((n − 2)(n − 3)) · ((n + 1) · (m₄ / m₂² − 3) + 6).
    public let kurtosis: Double?

    public init(_ values: [Double]) {
        n = values.count
        min = values.min()
        max = values.max()
        mean = Self.mean(values)
        sd = Self.sampleVariance(values).map { $0.squareRoot() }.finite
        // All values equal: no shape (the treatment leaves such a criterion alone for that reason).
        if n >= 3, let min, let max, min < max {
            let shape = WinsoriseOrLog.Shape(values)
            skewness = shape.skewness.finite
            kurtosis = n >= 4 ? shape.kurtosis.finite : nil
        } else {
            skewness = nil
            kurtosis = nil
        }
    }

    /// The values that are present.
    public init(_ values: [Double?]) { self.init(values.compactMap { $0 }) }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : (values.reduce(0, +) / Double(values.count)).finite
    }

    /// Σ (x − mean)² / (n − 1), in two passes; nil below 2 values.
    static func sampleVariance(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).finite
    }
}

extension Double {
    /// The value, or nil when it is infinite or NaN.
    var finite: Double? { isFinite ? self : nil }
}

extension Optional where Wrapped == Double {
    var finite: Double? { flatMap(\.finite) }
}
