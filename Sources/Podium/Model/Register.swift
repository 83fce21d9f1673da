/// The units a ranking may rank, with population by year (for gminas), and where they came from.
public struct Register: Sendable {
    public enum Kind: Sendable, Equatable {
        /// The GUS TERC register: units are gminas, identified by TERYT codes.
        case terc
        /// A general unit table (`id`, `name`, group columns).
        case unitTable
    }

    public let kind: Kind
    public let units: [Unit]                   // sorted by code
    public let source: String                  // file name and register date, for reports
    /// The group columns categories and imputation may name.
    public let groupColumns: [String]
    private let index: [UnitCode: Int]
    /// Population by unit and year.
    public private(set) var population: [UnitCode: [Int: Double]] = [:]

    public init(kind: Kind, units: [Unit], source: String, groupColumns: [String]) {
        self.kind = kind
        self.units = units.sorted { $0.code < $1.code }
        self.source = source
        self.groupColumns = groupColumns
        var index: [UnitCode: Int] = [:]
        for (position, unit) in self.units.enumerated() { index[unit.code] = position }
        self.index = index
    }

    public func unit(_ code: UnitCode) -> Unit? {
        index[code].map { units[$0] }
    }

    /// Finds a unit by the text of its code, as input files write it.
    public func unit(text: String) -> Unit? {
        UnitCode(id: text).flatMap(unit)
    }

    public mutating func setPopulation(_ population: [UnitCode: [Int: Double]]) {
        self.population = population
    }

    /// The population of the latest year that is not after `year`, with that year.
    public func latestPopulation(of code: UnitCode, notAfter year: Int) -> (year: Int, value: Double)? {
        population[code]?.latest(notAfter: year)
    }

    /// What reports call a unit's code, and what a unit is, in Polish.
    public var codeColumn: String { kind == .terc ? "teryt" : "id" }
    public var unitWord: String { kind == .terc ? "gmina" : "unit" }
}

extension Dictionary where Key == Int, Value == Double {
    /// The value of the latest year that is not after `year`, with that year.
    func latest(notAfter year: Int) -> (year: Int, value: Double)? {
        filter { $0.key <= year }.max { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
