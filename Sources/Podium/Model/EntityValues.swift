/// The input figures of one ranked entity, as criteria read them: metric values by year (budget data,
/// population) and totals over the ranking's period (social-media sums).
public struct EntityValues: Sendable, Equatable {
    public var yearly: [String: [Int: Double]] = [:]
    public var totals: [String: Double] = [:]

    public init(yearly: [String: [Int: Double]] = [:], totals: [String: Double] = [:]) {
        self.yearly = yearly
        self.totals = totals
    }

    public func value(_ metric: String, year: Int) -> Double? { yearly[metric]?[year] }
    public func total(_ metric: String) -> Double? { totals[metric] }
}

/// What a criterion knows about the ranking it is computed for.
public struct EvaluationContext: Sendable, Equatable {
    /// The budget years of the window (Green Finance: 2019–2023).
    public var window: ClosedRange<Int>?
    /// The number of days of the period, first and last day included (Złote Lajki: 366).
    public var periodDays: Int?
    public var edition: Int

    public init(window: ClosedRange<Int>? = nil, periodDays: Int? = nil, edition: Int) {
        self.window = window
        self.periodDays = periodDays
        self.edition = edition
    }
}
