/// The draws of the sensitivity analysis: SplitMix64 (Steele, Lea and Flood 2014), one stream per
/// use, so that what a run draws depends on the seed and the run's number only, never on which
/// thread computes it or in which order.
///
/// Stream `s` of seed `x` starts from the state mix(x ⊕ mix(s + 1)), where mix is SplitMix64's
/// output function; each draw adds the golden-ratio increment 0x9E3779B97F4A7C15 to the state and
/// returns mix(state). A uniform number in [0, 1) is the draw's top 53 bits × 2⁻⁵³.
struct RandomStream {
    private var state: UInt64

    init(seed: UInt64, stream: UInt64) {
        state = Self.mix(seed ^ Self.mix(stream &+ 1))
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// One of `0..<count`, each equally likely.
    mutating func choice(_ count: Int) -> Int {
        min(Int(uniform() * Double(count)), count - 1)
    }
}
