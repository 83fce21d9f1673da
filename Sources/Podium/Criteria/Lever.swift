/// The one input of an entity a user could edit to change a criterion's value (`explain
/// --to-move-up`): a metric's value in one year, or its total over the period. Each criterion kind
/// names its own; a criterion with a denominator keeps its kind's lever (the numerator's input).
public struct Lever: Sendable, Equatable {
    public enum Slot: Sendable, Equatable {
        /// The metric's value in this year (for yearly data, the window's last year).
        case year(Int)
        /// The metric's figure for the whole period (social-media sums).
        case total
    }

    public let metric: String
    public let slot: Slot
    /// Whether the criterion's value rises when the input rises, all else equal.
    public let raises: Bool

    public init(metric: String, slot: Slot, raises: Bool = true) {
        self.metric = metric
        self.slot = slot
        self.raises = raises
    }

    /// The input's value for an entity, if it has one.
    public func value(in values: EntityValues) -> Double? {
        switch slot {
        case .year(let year): values.value(metric, year: year)
        case .total: values.total(metric)
        }
    }

    /// The entity's values with the input set to `value`, everything else as it was.
    public func setting(_ value: Double, in values: EntityValues) -> EntityValues {
        var changed = values
        switch slot {
        case .year(let year): changed.yearly[metric, default: [:]][year] = value
        case .total: changed.totals[metric] = value
        }
        return changed
    }
}
