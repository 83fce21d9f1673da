import Foundation

/// How finely a change of an input is stated, and the values the input cannot pass.
struct InputScale: Sendable, Equatable {
    /// Decimals of the usual rounding: whole złoty, 0.01 percentage points, whole counts.
    let coarsest: Int
    /// Decimals a small change may be stated with, so that one step of its last digit stays within
    /// 1 % of it: grosze, 0.0001 percentage points; counts stay whole.
    let finest: Int
    /// The lowest value the input may take (0 for an amount that is not signed).
    let least: Double?
    /// The highest (100 for a share in percent).
    let most: Double?
    /// Decimals a value of the input is shown with at least (grosze for PLN).
    var shown = 0

    /// PLN: whole złoty down to grosze; a share in %: 0.01 down to 0.0001, at most 100; a period
    /// figure (a count of posts, followers) or residents: whole numbers; anything else 0.01 down to
    /// 0.000001. Not below 0 unless the metric is signed.
    static func of(_ metric: MetricDeclaration?, slot: Lever.Slot) -> InputScale {
        let unit = metric?.unit ?? ""
        let signed = metric?.signed ?? false
        let least: Double? = signed ? nil : 0
        if slot == .total || unit == "os." { return InputScale(coarsest: 0, finest: 0, least: least, most: nil) }
        switch unit {
        case "PLN", "zł": return InputScale(coarsest: 0, finest: 2, least: least, most: nil, shown: 2)
        case "%": return InputScale(coarsest: 2, finest: 4, least: least, most: signed ? nil : 100)
        default: return InputScale(coarsest: 2, finest: 6, least: least, most: nil)
        }
    }
}

/// The smallest change of one input, in one direction, for which `reaches` gives a place: found by
/// trying the input at changes that grow fourfold from one step of the usual rounding up to a limit, then
/// halving the interval between the last change that did not reach and the first that did, on the
/// grid of the usual rounding and, while the change is under 100 steps, on grids ten times finer
/// (down to the scale's finest); then checked: a change 1 % smaller must not reach, and if it does
/// (the place is not monotone in the input), the search goes on below. Changes are counted in
/// ticks of the finest grid, and every value tried is the decimal `current ± ticks` exactly (the
/// double a file holding that decimal would give), so a rerun from a file with the printed value
/// gives the same place.
struct ThresholdSearch {
    let current: Double
    /// +1 to raise the input, −1 to lower it.
    let direction: Double
    let scale: InputScale
    /// The largest change to try, in the input's unit (the bounds of the scale apply as well).
    let reach: Double

    enum Outcome: Equatable {
        case found(Found)
        /// The input is at its bound already: nothing to change in this direction.
        case atBound(Double)
        /// No change up to this value of the input reaches.
        case notReached(Double)
    }

    struct Found: Equatable {
        /// Signed, in the input's unit; printed exactly with `changeDecimals`.
        let change: Double
        let changeDecimals: Int
        /// The input after the change; printed exactly with `valueDecimals` (as is `current`).
        let value: Double
        let valueDecimals: Int
        let place: Int
    }

    /// `reaches(value)`: the place when the input is `value`, if it meets the target, else nil.
    func run(_ reaches: (Double) throws -> Int?) rethrows -> Outcome {
        let own = Self.decimals(of: current)
        let exponent = max(own ?? 6, scale.finest)
        let denominator = Self.power(exponent)
        let start = (current * denominator).rounded()
        let perTick = Self.power(exponent - scale.finest)
        func value(_ ticks: Double) -> Double { (start + direction * ticks * perTick) / denominator }

        var last = (reach * Self.power(scale.finest)).rounded(.down)
        let bound = direction > 0 ? scale.most : scale.least
        if let bound {
            let room = ((bound * denominator - start) * direction / perTick).rounded(.down)
            last = min(last, room)
            if last < 1 { return .atBound(bound) }
        }
        guard last >= 1 else { return .notReached(current) }

        var tried: [Double: Int?] = [:]
        func test(_ ticks: Double) throws -> Int? {
            if let known = tried[ticks] { return known }
            let place = try reaches(value(ticks))
            tried[ticks] = place
            return place
        }
        var step = Self.power(scale.finest - scale.coarsest)
        var low = 0.0
        var high: Double?
        var ticks = min(step, last)
        while true {
            if try test(ticks) != nil { high = ticks; break }
            low = ticks
            if ticks >= last { break }
            ticks = min(ticks * 4, last)
        }
        guard var high else { return .notReached(value(last)) }

        func narrow() throws {
            while high - low > step {
                let middle = low + ((high - low) / step / 2).rounded(.down) * step
                guard middle > low, middle < high else { break }
                if try test(middle) != nil { high = middle } else { low = middle }
            }
        }
        func refine() throws {
            try narrow()
            while high < 100 * step, step > 1 {
                step /= 10
                try narrow()
            }
        }
        try refine()
        // At most a few rounds: each moves the answer down by at least 1 %.
        for _ in 0..<64 {
            let smaller = current + direction * 0.99 * (high / Self.power(scale.finest))
            guard try reaches(smaller) != nil else { break }
            let below = [(0.99 * high / step).rounded(.down) * step, (0.99 * high / step).rounded(.up) * step]
                .filter { $0 > 0 && $0 < high }
            guard let lower = try below.first(where: { try test($0) != nil }) else { break }
            high = lower
            low = tried.filter { $0.key < lower && $0.value == nil }.keys.max() ?? 0
            try refine()
        }
        // As few decimals as write the change exactly, but grosze rather than tenths of a złoty.
        var changeDecimals = (scale.coarsest...scale.finest).first { decimals in
            high.truncatingRemainder(dividingBy: Self.power(scale.finest - decimals)) == 0
        } ?? scale.finest
        if changeDecimals > scale.coarsest { changeDecimals = max(changeDecimals, scale.shown) }
        return .found(Found(
            change: direction * high / Self.power(scale.finest), changeDecimals: changeDecimals,
            value: value(high), valueDecimals: max(own ?? 6, changeDecimals), place: tried[high]!!))
    }

    /// The fewest decimals (at most 6) that write the value exactly, or nil when 6 do not.
    static func decimals(of value: Double) -> Int? {
        (0...6).first { decimals in
            let scaled = value * power(decimals)
            return abs(scaled) < 9e15 && scaled.rounded() / power(decimals) == value
        }
    }

    static func power(_ exponent: Int) -> Double {
        (0..<max(0, exponent)).reduce(1.0) { value, _ in value * 10 }
    }
}
