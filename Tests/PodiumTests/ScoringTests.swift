import Testing
@testable import Podium

private let jrc = try! WinsoriseOrLog(parameters: .example("", keys: []))

private func untouchedBecause(_ why: String) -> TreatmentRecord { TreatmentRecord(label: "none", detail: why) }

@Suite("Outlier treatment")
struct OutlierTreatmentTests {
    @Test("fewer than four values, or all equal: no treatment")
    func untouched() {
        #expect(jrc.treat([1, 2, 1000]).record == untouchedBecause("fewer than 4 values"))
        #expect(jrc.treat([7, 7, 7, 7, 7]).record == untouchedBecause("all values are equal"))
        let even = jrc.treat([1, 2, 3, 4, 5])
        #expect(even.values == [1, 2, 3, 4, 5])
        #expect(even.record == untouchedBecause("skewness 0.00, kurtosis -1.20 within limits"))
    }

    @Test("skewness and kurtosis match Excel's SKEW and KURT")
    func shape() {
        // 1…19 and 1000: values from an independent computation (Python, the same estimators).
        let shape = WinsoriseOrLog.Shape(Array(1...19).map(Double.init) + [1000])
        #expect(abs(shape.skewness - 4.4675765755287316) < 1e-9)
        #expect(abs(shape.kurtosis - 19.97145854317376) < 1e-9)
    }

    @Test("one high outlier is pulled down to the next value")
    func winsoriseHigh() {
        let result = jrc.treat(Array(1...19).map(Double.init) + [1000])
        #expect(result.record.label == "winsorised (1 high; 0 low)")
        #expect(result.values == Array(1...19).map(Double.init) + [19])
    }

    @Test("one low outlier is pulled up to the next value")
    func winsoriseLow() {
        let result = jrc.treat([-1000] + Array(1...19).map(Double.init))
        #expect(result.record.label == "winsorised (0 high; 1 low)")
        #expect(result.values.first == 1)
    }

    @Test("winsorising that makes every value equal stops there")
    func allEqualAfterWinsorising() {
        let result = jrc.treat(Array(repeating: 5, count: 10) + [100])
        #expect(result.record.label == "winsorised (1 high; 0 low)")
        #expect(result.values == Array(repeating: 5, count: 11))
    }

    @Test("a tail too heavy for five steps falls back to the log of the original values")
    func logFallback() {
        // Steps replace 1, 2, 3, 4, then 5 values at the top and it still fails.
        let values = Array(1...40).map(Double.init) + (3...10).map { pow10($0) }
        let result = jrc.treat(values)
        #expect(result.record.label == "log")
        #expect(abs(result.values[0] - 18.420680743852365) < 1e-12)
        #expect(abs(result.values[47] - 23.035801260693624) < 1e-12)
    }

    @Test("no treatment configured leaves values alone")
    func notConfigured() {
        let result = try! NoTreatment(parameters: .example("", keys: [])).treat([1, 2, 1e9, 3])
        #expect(result.values == [1, 2, 1e9, 3])
        #expect(result.record == .none)
    }
}

private func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

@Suite("Numbers in reports")
struct NumberTextTests {
    @Test("fixed decimals with a point, huge numbers in full, never -0.00")
    func fixed() {
        #expect(NumberText.fixed(2.5, 2) == "2.50")
        #expect(NumberText.fixed(-0.001, 2) == "0.00")
        #expect(NumberText.fixed(-1.5, 1) == "-1.5")
        #expect(NumberText.fixed(1e300, 2).count == 304)
        #expect(NumberText.plain(24) == "24")
        #expect(NumberText.plain(0.125) == "0.125")
    }

    @Test("decimal: the fewest decimals that give the value back, never an exponent")
    func decimal() {
        #expect(NumberText.decimal(1e-9) == "0.000000001")
        #expect(NumberText.decimal(0) == "0")
        #expect(NumberText.decimal(2.5e-7) == "0.00000025")
        #expect(NumberText.decimal(-0.125) == "-0.125")
        #expect(NumberText.decimal(1e-30) == "1e-30")   // beyond 20 decimals: the exact form
    }
}

@Suite("Normalisation")
struct NormalisationTests {
    let minMax = try! MinMax(parameters: .example("", keys: ["range"]))
    let percent = try! PercentRank(parameters: .example("", keys: []))

    @Test("min-max to 0–100, best = 100")
    func minMaxScale() {
        #expect(minMax.normalise([10, 20, 30], direction: .higherIsBetter) == [0, 50, 100])
        #expect(minMax.normalise([10, 20, 30], direction: .lowerIsBetter) == [100, 50, 0])
        #expect(minMax.normalise([4, 4], direction: .higherIsBetter) == [100, 100])
        #expect(minMax.normalise([4], direction: .higherIsBetter) == [100])
    }

    @Test("percent rank: equal values share the lowest rank")
    func percentRank() {
        let ranks = percent.normalise([3, 1, 3, 2], direction: .higherIsBetter)
        #expect(ranks[1] == 0)
        #expect(abs(ranks[3] - 100.0 / 3) < 1e-12)
        #expect(abs(ranks[0] - 200.0 / 3) < 1e-12)
        #expect(ranks[0] == ranks[2])
        #expect(percent.normalise([3, 1, 2], direction: .lowerIsBetter) == [0, 100, 50])
        #expect(percent.normalise([42], direction: .higherIsBetter) == [100])
        #expect(percent.normalise([5, 5, 5], direction: .higherIsBetter) == [0, 0, 0])
    }
}

@Suite("Places and awards")
struct StandingsTests {
    let codes = ["0264011", "0201011", "1061011", "0205011"].map { UnitCode(teryt: $0)! }

    func award(_ place: Int) -> String? { place <= 2 ? "Lider" : nil }

    @Test("ties share a place and the next place is skipped (1, 2, 2, 4)")
    func ties() {
        let standings = Standings.rank([90, 80, 80, 70], codes: codes, tolerance: 1e-9, award: award)
        #expect(standings.map(\.place) == [1, 2, 2, 4])
        // Inside the tie, by TERYT code: 0201011 before 1061011.
        #expect(standings.map(\.entry) == [0, 1, 2, 3])
        #expect(standings.map(\.award) == ["Lider", "Lider", "Lider", nil])
    }

    @Test("scores within the tolerance tie; order inside the tie is by TERYT, not by score")
    func tolerance() {
        let standings = Standings.rank([80 + 5e-10, 80, 79.9999999, 50], codes: codes, tolerance: 1e-9, award: award)
        #expect(standings.map(\.place) == [1, 1, 3, 4])
        #expect(standings.map(\.entry) == [1, 0, 2, 3])
    }

    @Test("weighted means up the hierarchy")
    func aggregation() throws {
        let methodology = try MethodologyParser.parse(MethodologyText.budget, file: "budget.yaml")
        let columns = methodology.criteria.enumerated().map { index, criterion in
            CriterionColumn(criterion: criterion, raw: [1, 1], imputed: [nil, nil], treated: [1, 1], treatment: .none,
                            normalised: [[100, 0], [50, 0], [20, 100]][index])
        }
        let unit = Unit(code: UnitCode(id: "A")!, name: "A")
        let category = CategoryScores(category: methodology.categories[0],
                                      entries: [Participant(unit: unit, values: EntityValues(), accounts: []),
                                                Participant(unit: unit, values: EntityValues(), accounts: [])],
                                      columns: columns, notClassified: [])
        let scores = try AggregationStage.apply(category, methodology)
        #expect(scores.pillarScores["finance"] == [Double?]([75, 0]))
        #expect(scores.pillarScores["outcomes"] == [Double?]([20, 100]))
        let expected: [Double] = [(3 * 75 + 20) / 4.0, 25]
        #expect(scores.scores == expected)
        // Contributions add up to the score.
        for entry in 0..<2 {
            let parts = columns.map { scores.contributions[$0.criterion.id]![entry]! }.reduce(0, +)
            #expect(abs(parts - scores.scores[entry]) < 1e-9)
        }
    }
}
