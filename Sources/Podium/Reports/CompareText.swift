/// The comparison as a reader wants it, in Polish: per category, the biggest moves up and down,
/// who entered and left the top places, and who is classified in one folder only. The tables are
/// aligned by display width; every figure is in `compare.csv` too.
public enum CompareText {
    /// `top`: the places that count as the top (entered and left); `moves`: how many of the
    /// biggest moves up and down to list.
    public static func render(_ comparison: Comparison, top: Int = 10, moves: Int = 10) -> String {
        var lines = [
            "Porównanie rankingów",
            "A: \(comparison.a.folder)",
            "B: \(comparison.b.folder)",
            criteriaLine(comparison),
            "Zmiana miejsca = miejsce w A − miejsce w B (dodatnia: awans); zmiana wyniku = wynik w B − wynik w A.",
        ]
        for category in comparison.categories {
            lines.append("")
            lines += section(category, comparison, top: top, moves: moves)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func criteriaLine(_ comparison: Comparison) -> String {
        let onlyA = comparison.criteriaOnlyInA, onlyB = comparison.criteriaOnlyInB
        if onlyA.isEmpty && onlyB.isEmpty { return "Kryteria: \(comparison.criteria.count), te same w A i B." }
        let list = { (ids: [String]) in ids.isEmpty ? "brak" : ids.joined(separator: ", ") }
        return "Kryteria: \(comparison.a.criteria.count) w A, \(comparison.b.criteria.count) w B; tylko w A: \(list(onlyA)); tylko w B: \(list(onlyB))"
            + " (wkład kryterium, którego nie ma, liczy się jako 0)."
    }

    private static func section(_ category: CategoryComparison, _ comparison: Comparison, top: Int, moves: Int) -> [String] {
        switch category.presence {
        case .onlyA: return ["Kategoria \(category.id): tylko w A (sklasyfikowane: \(category.classifiedA)); w B nie ma tej kategorii."]
        case .onlyB: return ["Kategoria \(category.id): tylko w B (sklasyfikowane: \(category.classifiedB)); w A nie ma tej kategorii."]
        case .both: break
        }
        let units = category.units
        let both = units.filter { $0.status == .both }
        let onlyA = units.filter { $0.placeB == nil }, onlyB = units.filter { $0.placeA == nil }
        var lines = [
            "Kategoria \(category.id)",
            "Sklasyfikowane: \(category.classifiedA) w A, \(category.classifiedB) w B; w obu \(both.count), tylko w A \(onlyA.count), tylko w B \(onlyB.count)",
        ]
        let columns = Columns(comparison, criteria: comparison.criteria)

        let up = both.filter { $0.placeChange! > 0 }.sorted { ($1.placeChange!, $0.placeB!, $0.code) < ($0.placeChange!, $1.placeB!, $1.code) }
        let down = both.filter { $0.placeChange! < 0 }.sorted { ($0.placeChange!, $0.placeB!, $0.code) < ($1.placeChange!, $1.placeB!, $1.code) }
        let entered = units.filter { $0.placeB.map { $0 <= top } == true && ($0.placeA ?? .max) > top }
        let left = units.filter { $0.placeA.map { $0 <= top } == true && ($0.placeB ?? .max) > top }
            .sorted { ($0.placeA!, $0.code) < ($1.placeA!, $1.code) }
        lines.append("Miejsca: \(up.count) w górę, \(down.count) w dół, \(both.count - up.count - down.count) bez zmiany; "
                     + "czołówka (miejsca 1–\(top)): weszło \(entered.count), wypadło \(left.count)")
        let changes = both.map { $0.scoreChange! }
        if let lowest = changes.min(), let highest = changes.max() {
            let mean = changes.reduce(0, +) / Double(changes.count)
            lines.append("Zmiana wyniku: od \(signed(lowest)) do \(signed(highest)), średnio \(signed(mean))")
        }

        lines += table("Największe awanse", up, limit: moves, columns.moves)
        lines += table("Największe spadki", down, limit: moves, columns.moves)
        lines += table("Weszły do czołówki (miejsca 1–\(top))", entered, columns.top)
        lines += table("Wypadły z czołówki (miejsca 1–\(top))", left, columns.top)
        lines += table("Tylko w A", onlyA, columns.onlyA)
        lines += table("Tylko w B", onlyB, columns.onlyB)

        let unexplained = both.filter(\.hasUnattributedChange)
        if let largest = unexplained.map({ abs($0.unattributed!) }).max() {
            lines += ["", "Zmiana wyniku niewyjaśniona wkładami kryteriów (agregacja, która nie jest sumą wkładów, np. Copeland): "
                + "\(unexplained.count) z \(both.count), największa \(NumberText.fixed(largest, 2)) pkt (kolumna delta_unattributed w compare.csv)"]
        }
        return lines
    }

    /// A titled table of `units` (the first `limit`); nothing when there are none (the counts above say so).
    private static func table(_ title: String, _ units: [UnitComparison], limit: Int = .max, _ columns: [Column]) -> [String] {
        guard !units.isEmpty, limit > 0 else { return [] }
        var table = TextTable(columns.map { ($0.heading, $0.alignment) })
        for unit in units.prefix(limit) { table.add(columns.map { $0.cell(unit) }) }
        let count = units.count > limit ? "\(limit) z \(units.count)" : "\(units.count)"
        return ["", "\(title) (\(count)):"] + table.render(indent: "  ").split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { String($0) }
    }

    private struct Column {
        let heading: String
        let alignment: TextTable.Alignment
        let cell: (UnitComparison) -> String
    }

    /// The columns of each kind of table.
    private struct Columns {
        let moves: [Column], top: [Column], onlyA: [Column], onlyB: [Column]

        init(_ comparison: Comparison, criteria: [String]) {
            let terc = comparison.codeColumn == "teryt"
            let code = Column(heading: terc ? "TERYT" : "Kod", alignment: .left) { $0.code }
            let name = Column(heading: terc ? "Gmina" : "Jednostka", alignment: .left) { $0.name }
            let placeA = Column(heading: "Miejsce A", alignment: .right) { $0.placeA.map { String($0) } ?? "-" }
            let placeB = Column(heading: "Miejsce B", alignment: .right) { $0.placeB.map { String($0) } ?? "-" }
            let scoreA = Column(heading: "Wynik A", alignment: .right) { $0.scoreA.map { NumberText.fixed($0, 2) } ?? "-" }
            let scoreB = Column(heading: "Wynik B", alignment: .right) { $0.scoreB.map { NumberText.fixed($0, 2) } ?? "-" }
            let change = Column(heading: "Zmiana", alignment: .right) { $0.placeChange.map { $0 > 0 ? "+\($0)" : String($0) } ?? "-" }
            let scoreChange = Column(heading: "Zmiana wyniku", alignment: .right) { $0.scoreChange.map(CompareText.signed) ?? "-" }
            let largest = Column(heading: "Największa zmiana wkładu", alignment: .left) { CompareText.largestChange($0, criteria: criteria) }
            moves = [placeA, placeB, change, code, name, scoreA, scoreB, scoreChange, largest]
            top = [placeA, placeB, code, name, scoreA, scoreB]
            onlyA = [placeA, code, name, scoreA, Column(heading: "Powód", alignment: .left) { CompareText.reason($0) }]
            onlyB = [placeB, code, name, scoreB, Column(heading: "Powód", alignment: .left) { CompareText.reason($0) }]
        }
    }

    /// The criterion whose contribution changed most (the first in the comparison's order on a tie),
    /// or the unexplained change when that is larger: what moved the unit, at a glance.
    static func largestChange(_ unit: UnitComparison, criteria: [String]) -> String {
        var best: (label: String, value: Double)?
        for (id, delta) in zip(criteria, unit.deltas) {
            if let delta, abs(delta) > abs(best?.value ?? 0) || best == nil { best = (id, delta) }
        }
        if unit.hasUnattributedChange, let residual = unit.unattributed, abs(residual) > abs(best?.value ?? 0) {
            best = ("niewyjaśniona", residual)
        }
        return best.map { "\($0.label) \(signed($0.value))" } ?? "-"
    }

    /// Why a unit is on one side only. (Units of a category that one folder lacks are not listed.)
    static func reason(_ unit: UnitComparison) -> String {
        switch unit.status {
        case .both: ""
        case .entered: "brak w A"
        case .left: "brak w B"
        case .notClassifiedA: "niesklasyfikowana w A: \(unit.reason)"
        case .notClassifiedB: "niesklasyfikowana w B: \(unit.reason)"
        }
    }

    /// Two decimals with a sign: `+1.25`, `-0.50`, `0.00`.
    static func signed(_ value: Double) -> String {
        let text = NumberText.fixed(value, 2)
        return value > 0 && text != "0.00" ? "+" + text : text
    }
}
