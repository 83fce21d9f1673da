/// Places from scores: highest first; scores within the tolerance share a place (1, 2, 2, 4); inside
/// a tie, listing order is by TERYT code. Awards go by place, so everyone on a place gets its award.
enum Standings {
    static func rank(_ scores: [Double], codes: [UnitCode], tolerance: Double, award: (Int) -> String?) -> [Standing] {
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : codes[$0] < codes[$1] }
        var groups: [[Int]] = []
        for entry in order {
            if let previous = groups.last?.last, scores[previous] - scores[entry] <= tolerance {
                groups[groups.count - 1].append(entry)
            } else {
                groups.append([entry])
            }
        }
        var standings: [Standing] = []
        for group in groups {
            let place = standings.count + 1
            for entry in group.sorted(by: { codes[$0] < codes[$1] }) {
                standings.append(Standing(entry: entry, place: place, award: award(place)))
            }
        }
        return standings
    }
}
