import Foundation

/// What outlier treatment did to one criterion in one category.
public enum TreatmentRecord: Sendable, Equatable {
    case notConfigured
    case untouched(reason: String)
    /// Winsorised: how many values were lowered at the high end and raised at the low end.
    case winsorised(high: Int, low: Int)
    /// Too many values would have been winsorised: log(x − min + 0.01·(max − min)) of the originals.
    case logTransformed

    public var label: String {
        switch self {
        case .notConfigured: "none"
        case .untouched: "none"
        case .winsorised(let high, let low): "winsorised (\(high) high; \(low) low)"
        case .logTransformed: "log"
        }
    }
}

/// The JRC composite-indicator rule for outliers (as in the JRC COIN tool and COINr).
///
/// A criterion passes when |skewness| < limit or kurtosis < limit. While it fails, the values equal
/// to the current maximum (skewness ≥ 0) or minimum (< 0) are set to the next value inside; it stops
/// when it passes or when the values replaced in the latest high-side step plus the latest low-side
/// step reach `maxReplaced`. If it still fails, the original values are log-transformed instead.
enum OutlierTreatment {
    static func apply(_ spec: TreatmentSpec, to values: [Double]) -> (values: [Double], record: TreatmentRecord) {
        guard case .winsoriseOrLog(let skewnessLimit, let kurtosisLimit, let maxReplaced, let minValues) = spec else {
            return (values, .notConfigured)
        }
        guard values.count >= minValues else { return (values, .untouched(reason: "fewer than \(minValues) values")) }
        guard let lowest = values.min(), let highest = values.max(), lowest < highest else {
            return (values, .untouched(reason: "all values are equal"))
        }
        func passes(_ shape: Shape) -> Bool { abs(shape.skewness) < skewnessLimit || shape.kurtosis < kurtosisLimit }

        var current = values
        var shape = Shape(current)
        guard !passes(shape) else {
            return (values, .untouched(reason: "skewness \(NumberText.fixed(shape.skewness, 2)), kurtosis \(NumberText.fixed(shape.kurtosis, 2)) within limits"))
        }
        var latestHigh = 0, latestLow = 0
        // How many values ended up lowered and raised (a value lowered in two steps counts once).
        func winsorised(_ treated: [Double]) -> TreatmentRecord {
            .winsorised(high: zip(treated, values).filter { $0 < $1 }.count, low: zip(treated, values).filter { $0 > $1 }.count)
        }
        while latestHigh + latestLow < maxReplaced {
            if shape.skewness >= 0 {
                let top = current.max()!
                let next = current.filter { $0 < top }.max()!
                latestHigh = 0
                for index in current.indices where current[index] == top { current[index] = next; latestHigh += 1 }
            } else {
                let bottom = current.min()!
                let next = current.filter { $0 > bottom }.min()!
                latestLow = 0
                for index in current.indices where current[index] == bottom { current[index] = next; latestLow += 1 }
            }
            if current.min()! == current.max()! { return (current, winsorised(current)) }
            shape = Shape(current)
            if passes(shape) { return (current, winsorised(current)) }
        }
        let shift = lowest - 0.01 * (highest - lowest)
        return (values.map { log($0 - shift) }, .logTransformed)
    }

    /// Sample skewness G1 and excess kurtosis G2 (the estimators of Excel's SKEW and KURT).
    struct Shape {
        let skewness: Double
        let kurtosis: Double

        init(_ values: [Double]) {
            let n = Double(values.count)
            let mean = values.reduce(0, +) / n
            var m2 = 0.0, m3 = 0.0, m4 = 0.0
            for value in values {
                let d = value - mean
                m2 += d * d
                m3 += d * d * d
                m4 += d * d * d * d
            }
            skewness = (n * (n - 1)).squareRoot() / (n - 2) * (n.squareRoot() * m3 / pow(m2, 1.5))
            let r = n * m4 / (m2 * m2)
            kurtosis = ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
        }
    }
}
