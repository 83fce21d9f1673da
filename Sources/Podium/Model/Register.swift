/// The municipalities of the TERC register, with population by year, and where they came from.
public struct Register: Sendable {
    public let municipalities: [Municipality]  // sorted by TERYT code
    public let source: String                  // file name and register date, for reports
    private let index: [TerytCode: Int]
    /// Population by municipality and year.
    public private(set) var population: [TerytCode: [Int: Double]] = [:]

    public init(municipalities: [Municipality], source: String) {
        self.municipalities = municipalities.sorted { $0.teryt < $1.teryt }
        self.source = source
        var index: [TerytCode: Int] = [:]
        for (position, municipality) in self.municipalities.enumerated() { index[municipality.teryt] = position }
        self.index = index
    }

    public func municipality(_ code: TerytCode) -> Municipality? {
        index[code].map { municipalities[$0] }
    }

    public mutating func setPopulation(_ population: [TerytCode: [Int: Double]]) {
        self.population = population
    }

    /// The population of the latest year that is not after `year`, with that year.
    public func latestPopulation(of code: TerytCode, notAfter year: Int) -> (year: Int, value: Double)? {
        population[code]?.latest(notAfter: year)
    }
}

extension Dictionary where Key == Int, Value == Double {
    /// The value of the latest year that is not after `year`, with that year.
    func latest(notAfter year: Int) -> (year: Int, value: Double)? {
        filter { $0.key <= year }.max { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
