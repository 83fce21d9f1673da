/// Places from scores: highest first; scores within the tolerance share a place (1, 2, 2, 4); inside
/// a tie, listing order is by TERYT code. Awards go by place, so everyone on a place gets its award.
enum Standings {
    static func rank(_ scores: [Double], codes: [UnitCode], tolerance: Double, award: (Int) -> String?) -> [Standing] {
        let places = places(scores, codeOrder: codeOrder(codes), tolerance: tolerance)
        return scores.indices
            .sorted { places[$0] != places[$1] ? places[$0] < places[$1] : codes[$0] < codes[$1] }
            .map { Standing(entry: $0, place: Int(places[$0]), award: award(Int(places[$0]))) }
    }

    /// Each entry's position in code order: sorting by it is sorting by code, without comparing text.
    static func codeOrder(_ codes: [UnitCode]) -> [Int32] {
        var order = [Int32](repeating: 0, count: codes.count)
        for (position, entry) in codes.indices.sorted(by: { codes[$0] < codes[$1] }).enumerated() { order[entry] = Int32(position) }
        return order
    }

    /// The place of each entry (aligned with `scores`). Entries are taken by score, highest first (by
    /// code among equal scores); an entry within `tolerance` of the one before it shares its place, so
    /// a tie may chain; the next place after a tie of k is k further on.
    static func places(_ scores: [Double], codeOrder: [Int32], tolerance: Double) -> [Int32] {
        var order = Array(scores.indices)
        order.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : codeOrder[$0] < codeOrder[$1] }
        var places = [Int32](repeating: 0, count: scores.count)
        var place: Int32 = 0
        for (position, entry) in order.enumerated() {
            if position == 0 || scores[order[position - 1]] - scores[entry] > tolerance { place = Int32(position + 1) }
            places[entry] = place
        }
        return places
    }
}
