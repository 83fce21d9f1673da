/// Cronbach's α of an aggregation group: how consistently its children (criteria, or pillars) measure
/// one thing, over the complete cases (participants with a value for every child).
///
/// α = k / (k − 1) · (1 − Σ var(xᵢ) / var(Σ xᵢ)), sample variances. Undefined (nil) with fewer than
/// 2 children or 2 complete cases, or when the children's sum is constant. It can be negative, when
/// the children pull against each other.
public struct CronbachAlpha: Sendable, Equatable {
    /// k, the number of children.
    public let items: Int
    /// Participants with every child's value.
    public let cases: Int
    public let value: Double?

    /// `items[i][participant]`: each child's values over the participants.
    public init(_ items: [[Double?]]) {
        self.items = items.count
        let participants = items.map(\.count).min() ?? 0
        let complete = (0..<participants).filter { participant in items.allSatisfy { $0[participant] != nil } }
        cases = complete.count
        guard items.count >= 2, complete.count >= 2 else { value = nil; return }
        let columns = items.map { item in complete.map { item[$0]! } }
        let totals = complete.indices.map { row in columns.reduce(0) { $0 + $1[row] } }
        guard let totalVariance = Distribution.sampleVariance(totals), totalVariance > 0 else { value = nil; return }
        let itemVariances = columns.map { Distribution.sampleVariance($0) ?? .nan }.reduce(0, +)
        let k = Double(items.count)
        value = (k / (k - 1) * (1 - itemVariances / totalVariance)).finite
    }

    /// Why `value` is missing, for notes.
    public var undefinedBecause: String? {
        value != nil ? nil : items < 2 ? "fewer than 2 children" : cases < 2 ? "fewer than 2 complete cases" : "a constant sum"
    }
}
