import Foundation

/// The JRC composite-indicator rule for outliers (as in the JRC COIN tool and COINr).
///
/// A criterion passes when |skewness| < limit or kurtosis < limit. While it fails, the values equal
/// to the current maximum (skewness ≥ 0) or minimum (< 0) are set to the next value inside; it stops
/// when it passes or when the values replaced in the latest high-side step plus the latest low-side
/// step reach `max_replaced`. If it still fails, the original values are log-transformed instead.
struct WinsoriseOrLog: TreatmentMethod {
    static let description = KindDescription(
        id: "winsorise_or_log",
        name: "Winsorise, or log when that takes too many values",
        summary: "Passes when |G1| < skewness_limit or G2 < kurtosis_limit (Excel's SKEW and KURT). While it fails, the values equal to the maximum (G1 ≥ 0) or minimum (G1 < 0) are set to the next value in; it stops when it passes or when the latest high-side plus latest low-side replacements reach max_replaced, and then, if it still fails, takes ln(x − min + 0.01·(max − min)) of the original values. Fewer than min_values values, or all equal: untouched.",
        formula: "winsorise while |G1| ≥ s and G2 ≥ k; else ln(x − min + 0.01·(max − min))",
        parameters: [
            ParameterDescription(name: "skewness_limit", meaning: "|G1| below this passes", defaultValue: "2"),
            ParameterDescription(name: "kurtosis_limit", meaning: "G2 below this passes", defaultValue: "3.5"),
            ParameterDescription(name: "max_replaced", meaning: "latest high plus latest low replacements that stop winsorising", defaultValue: "5"),
            ParameterDescription(name: "min_values", meaning: "fewer values than this are left untouched (≥ 4: kurtosis needs 4)", defaultValue: "4"),
        ])

    static let exampleChecks = checks([
        TreatmentExample("", values: [1, 2, 1000], expected: [1, 2, 1000], label: "none"),
        TreatmentExample("", values: [5, 5, 5, 5, 5], expected: [5, 5, 5, 5, 5], label: "none"),
        TreatmentExample("", values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], expected: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], label: "none"),
        // One far outlier: lowered to the next value in, after which the shape passes.
        TreatmentExample("", values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100],
                         expected: [1, 2, 3, 4, 5, 6, 7, 8, 9, 9], label: "winsorised (1 high; 0 low)"),
        // A heavy tail: with max_replaced 1 the one allowed step leaves it failing, so the originals
        // are logged (min 1, max 2048: shift 1 − 0.01 · 2047).
        TreatmentExample("{max_replaced: 1}", values: heavyTail,
                         expected: heavyTail.map { log($0 - (1 - 0.01 * 2047)) }, label: "log"),
    ])

    private static let heavyTail: [Double] = Array(repeating: 1, count: 10) + (0..<12).map { pow(2, Double($0)) }

    let skewnessLimit: Double
    let kurtosisLimit: Double
    let maxReplaced: Int
    let minValues: Int

    init(parameters: KindParameters) throws {
        skewnessLimit = try parameters.positiveNumber("skewness_limit", default: 2)
        kurtosisLimit = try parameters.positiveNumber("kurtosis_limit", default: 3.5)
        maxReplaced = try parameters.integer("max_replaced", default: 5)
        guard maxReplaced >= 1 else { throw parameters.error("max_replaced", "expected a whole number ≥ 1") }
        minValues = try parameters.integer("min_values", default: 4)
        guard minValues >= 4 else { throw parameters.error("min_values", "kurtosis needs at least 4 values") }
    }

    func treat(_ values: [Double]) -> TreatmentOutcome {
        func untouched(_ why: String) -> TreatmentOutcome { TreatmentOutcome(values: values, record: TreatmentRecord(label: "none", detail: why)) }
        guard values.count >= minValues else { return untouched("fewer than \(minValues) values") }
        guard let lowest = values.min(), let highest = values.max(), lowest < highest else {
            return untouched("all values are equal")
        }
        func passes(_ shape: Shape) -> Bool { abs(shape.skewness) < skewnessLimit || shape.kurtosis < kurtosisLimit }

        var current = values
        var shape = Shape(current)
        guard !passes(shape) else {
            return untouched("skewness \(NumberText.fixed(shape.skewness, 2)), kurtosis \(NumberText.fixed(shape.kurtosis, 2)) within limits")
        }
        var latestHigh = 0, latestLow = 0
        // How many values ended up lowered and raised (a value lowered in two steps counts once).
        func winsorised(_ treated: [Double]) -> TreatmentOutcome {
            let high = zip(treated, values).filter { $0 < $1 }.count, low = zip(treated, values).filter { $0 > $1 }.count
            return TreatmentOutcome(values: treated, record: TreatmentRecord(label: "winsorised (\(high) high; \(low) low)"))
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
            if current.min()! == current.max()! { return winsorised(current) }
            shape = Shape(current)
            if passes(shape) { return winsorised(current) }
        }
        let shift = lowest - 0.01 * (highest - lowest)
        return TreatmentOutcome(values: values.map { log($0 - shift) }, record: TreatmentRecord(label: "log"))
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
