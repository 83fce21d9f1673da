import Foundation
import Testing
@testable import Podium

/// The uncertainty and sensitivity analysis: the budget fixture (three cities whose places are
/// worked out by hand) with a `sensitivity:` block, an independent recomputation of every run, the
/// estimators on a function whose indices are known, and the methodology's errors.
@Suite("Sensitivity analysis")
struct SensitivityTests {
    static func run(_ block: String, threads: Int = 1) throws -> RankingResult {
        var files = BudgetFixture.files
        files["methodologies/test-budget-2024.yaml"]! += "\n" + block
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let methodology = try MethodologyParser.load(fixture.path("methodologies/test-budget-2024.yaml"),
                                                     displayName: "test-budget-2024.yaml")
        return try Pipeline.run(methodology, inputs: fixture.folder, threads: threads)
    }

    static func reports(_ result: RankingResult) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try ReportSet.render(result).map { ($0.name, $0.contents) })
    }

    @Test("with no noise and no alternatives every run gives the nominal places: band = place, odds 0 or 1")
    func nominal() throws {
        let result = try Self.run("""
            sensitivity:
              seed: 7
              runs: 50
              vary:
                weights: {noise: 0}
            """)
        let files = try Self.reports(result)
        #expect(files["uncertainty.csv"] == """
            category,teryt,name,place,median_place,p05_place,p95_place,p_Lider,p_Laureat
            miasta,1061011,Łódź,1,1,1,1,1.0000,0.0000
            miasta,0264011,Wrocław,2,2,2,2,1.0000,0.0000
            miasta,0261011,Jelenia Góra,3,3,3,3,0.0000,1.0000
            gminy,0201011,Bolesławiec,1,1,1,1,1.0000,0.0000
            gminy,0205023,Bolków,1,1,1,1,1.0000,0.0000

            """)
        // Nothing varies, so there is nothing to apportion: the indices are empty, not 0 or NaN.
        #expect(files["sensitivity.csv"] == """
            category,assumption,runs,mean_rank_shift,first_order,first_order_low,first_order_high,total_effect,total_effect_low,total_effect_high
            miasta,weights,50,0.0000,,,,,,
            gminy,weights,50,0.0000,,,,,,

            """)
        #expect(files["miasta.csv"]!.hasPrefix("rank,teryt,name,voivodeship,score,finance,outcomes,award,places_90\n1,1061011,Łódź,łódzkie,81.25,75.00,100.00,Lider,1–1\n"))
        #expect(files["miasta.txt"]!.contains("Miejsca (90%)"))
        // compare reads every other CSV of a folder as a leaderboard: the list must name them all.
        let categories = Set(result.categories.map { "\($0.category.id).csv" })
        #expect(Set(files.keys.filter { $0.hasSuffix(".csv") }).subtracting(categories) == ReportSet.otherCSVFiles)
        // Without the block, no column and no files.
        let (plain, fixture) = try BudgetFixture.run()
        fixture.remove()
        let plainFiles = try Self.reports(plain)
        #expect(plainFiles["uncertainty.csv"] == nil && plainFiles["sensitivity.csv"] == nil)
        #expect(!plainFiles["miasta.csv"]!.contains("places_90"))
    }

    /// Every run of the cities recomputed here from the documented draws: multipliers uniform in
    /// [0.5, 1.5) for finance, share, per_capita, outcomes, sewage (depth first), each sibling group
    /// rescaled to its sum, arithmetic means of the min-max values, places by score.
    @Test("the places of every run agree with an independent recomputation from the documented draws")
    func independentRecomputation() throws {
        let runs = 400
        let result = try Self.run("""
            sensitivity:
              seed: 20241126
              runs: \(runs)
              vary:
                weights: {noise: 0.5}
            """)
        // Min-max values (see BudgetFixture): share, per capita, sewage.
        let values: [(code: String, share: Double, perCapita: Double, sewage: Double)] = [
            ("1061011", 50, 100, 100), ("0264011", 100, 50, 50), ("0261011", 0, 0, 0),
        ]
        var places: [[Int]] = values.map { _ in [] }
        for run in 0..<runs {
            var stream = RandomStream(seed: 20241126, stream: UInt64(2 * run))
            let m = (0..<5).map { _ in 0.5 + stream.uniform() }
            // Original weights: finance 3, outcomes 1; share 1, per_capita 1; sewage 1.
            let finance = 3 * m[0], outcomes = 1 * m[3]
            let share = m[1], perCapita = m[2]
            let scores = values.map { value in
                let pillar = (share * value.share + perCapita * value.perCapita) / (share + perCapita)
                return (finance * pillar + outcomes * value.sewage) / (finance + outcomes)
            }
            for (unit, score) in scores.enumerated() {
                places[unit].append(1 + scores.enumerated().filter { $0.element > score + 1e-9 }.count)
            }
        }
        let category = try #require(result.uncertainty?.categories.first { $0.category == "miasta" })
        let scores = try #require(result.categories.first { $0.category.id == "miasta" })
        for (unit, value) in values.enumerated() {
            let entry = try #require(scores.entries.firstIndex { $0.unit.code.text == value.code })
            let sorted = places[unit].sorted()
            #expect(category.medianPlace[entry] == sorted[runs / 2 - 1], "\(value.code)")
            #expect(category.lowPlace[entry] == sorted[runs * 5 / 100 - 1], "\(value.code)")
            #expect(category.highPlace[entry] == sorted[runs * 95 / 100 - 1], "\(value.code)")
            let lider = Double(places[unit].filter { $0 <= 2 }.count) / Double(runs)
            let laureat = Double(places[unit].filter { $0 == 3 }.count) / Double(runs)
            #expect(category.awardShares[0][entry] == lider && category.awardShares[1][entry] == laureat, "\(value.code)")
        }
        // The draws do move Łódź and Wrocław: the test is not of a constant.
        #expect(Set(places[0]).count == 2 && places[2].allSatisfy { $0 == 3 })
        // The mean absolute rank shift is the mean over runs of (|Δ Łódź| + |Δ Wrocław|) / 3.
        let shift = zip(places[0], places[1]).map { Double(abs($0 - 1) + abs($1 - 2)) / 3 }.reduce(0, +) / Double(runs)
        #expect(abs(category.meanRankShift - shift) < 1e-12)
    }

    static let allFour = """
        sensitivity:
          seed: 99
          runs: 300
          vary:
            weights: {noise: 0.3}
            normalisation: [{method: min_max, range: [1, 100]}, {method: z_score, mean: 100, sd: 10}]
            aggregation: [arithmetic_mean, geometric_mean]
            treatment: [none, {method: winsorise_or_log, skewness_limit: 0.5, kurtosis_limit: 1, max_replaced: 1, min_values: 4}]
        """

    @Test("the same seed gives byte-identical uncertainty.csv and sensitivity.csv with 1 and 2 threads")
    func threads() throws {
        let one = try Self.reports(try Self.run(Self.allFour, threads: 1))
        let two = try Self.reports(try Self.run(Self.allFour, threads: 2))
        #expect(one["uncertainty.csv"] == two["uncertainty.csv"])
        #expect(one["sensitivity.csv"] == two["sensitivity.csv"])
        #expect(one["miasta.csv"] == two["miasta.csv"])
        // Another seed draws otherwise.
        let other = try Self.reports(try Self.run(Self.allFour.replacingOccurrences(of: "seed: 99", with: "seed: 100")))
        #expect(other["sensitivity.csv"] != one["sensitivity.csv"])
        #expect(one["sensitivity.csv"]!.split(separator: "\n").count == 1 + 2 * 4)
    }

    @Test("Saltelli's and Jansen's estimators recover the indices of f = x₁ + 2·x₂ + 0·x₃")
    func estimators() {
        // x uniform on [0, 1): V = 1/12 + 4/12, S₁ = S_T1 = 1/5, S₂ = S_T2 = 4/5, x₃ has no effect.
        var stream = RandomStream(seed: 1, stream: 0)
        let f = { (x: [Double]) in x[0] + 2 * x[1] + 0 * x[2] }
        let outputs = (0..<20_000).map { _ -> [Double] in
            let a = (0..<3).map { _ in stream.uniform() }
            let b = (0..<3).map { _ in stream.uniform() }
            return [f(a), f(b)] + (0..<3).map { factor in
                var mixed = a
                mixed[factor] = b[factor]
                return f(mixed)
            }
        }
        var bootstrap = RandomStream(seed: 1, stream: 1)
        let indices = SobolIndices.estimate(outputs, factors: [.weights, .normalisation, .aggregation], bootstrap: &bootstrap, samples: 200)
        let expected = [0.2, 0.8, 0.0]
        for (index, value) in zip(indices, expected) {
            let first = try! #require(index.firstOrder), total = try! #require(index.totalEffect)
            #expect(abs(first.value - value) < 0.02 && abs(total.value - value) < 0.02, "\(index.factor): \(first), \(total)")
            // The intervals hold the estimate and the true value.
            #expect(first.low <= min(first.value, value) && max(first.value, value) <= first.high, "\(index.factor): \(first)")
            #expect(total.low <= min(total.value, value) && max(total.value, value) <= total.high, "\(index.factor): \(total)")
        }
        // A factor that changes nothing has a total effect of exactly 0.
        #expect(indices[2].totalEffect == Estimate(value: 0, low: 0, high: 0))
    }

    @Test("quantiles are the smallest values that the share of runs reaches (type 1)")
    func quantiles() {
        let values = Array(1...10)
        #expect(SensitivityAnalysis.quantile(values, percent: 5) == 1)
        #expect(SensitivityAnalysis.quantile(values, percent: 50) == 5)
        #expect(SensitivityAnalysis.quantile(values, percent: 95) == 10)
        let thousand = Array(1...1000)
        #expect(SensitivityAnalysis.quantile(thousand, percent: 5) == 50)
        #expect(SensitivityAnalysis.quantile(thousand, percent: 95) == 950)
        #expect(SensitivityAnalysis.quantile([4, 4, 9], percent: 50) == 4)
    }

    @Test("the random streams are SplitMix64")
    func splitMix() {
        // SplitMix64's reference output for the state 0: the first value is mix(γ).
        #expect(RandomStream.mix(0x9E37_79B9_7F4A_7C15) == 0xE220_A839_7B1D_CDAF)
        var a = RandomStream(seed: 5, stream: 3), b = RandomStream(seed: 5, stream: 3), c = RandomStream(seed: 5, stream: 4)
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
        #expect((0..<1000).allSatisfy { _ in (0..<3).contains(a.choice(3)) })
    }

    @Test("a sensitivity block that cannot work is an error naming the key or the alternative", arguments: [
        ("sensitivity:\n  seed: 1\n  vary:\n    weights: {noise: 1}\n",
         "test-budget-2024.yaml:70:22: sensitivity.vary.weights.noise: expected a share from 0 up to (not including) 1, found '1'"),
        ("sensitivity:\n  seed: 1\n  vary:\n    normalisation: [min_max]\n",
         "test-budget-2024.yaml:70:20: sensitivity.vary.normalisation: expected at least two alternatives to draw from, found 1"),
        ("sensitivity:\n  seed: 1\n  runs: 1\n  vary:\n    weights: {noise: 0.1}\n",
         "test-budget-2024.yaml:69:9: sensitivity.runs: expected a number of runs from 2 to 100000, found '1'"),
        ("sensitivity:\n  seed: 1\n  vary: {}\n",
         "test-budget-2024.yaml:69:9: sensitivity.vary: nothing varies: give weights, normalisation, aggregation or treatment"),
        ("sensitivity:\n  vary:\n    weights: {noise: 0.1}\n", "test-budget-2024.yaml:68:3: sensitivity: missing required key 'seed'"),
        ("sensitivity:\n  seed: 1\n  vary:\n    weight: {noise: 0.1}\n",
         "test-budget-2024.yaml:70:5: sensitivity.vary.weight: unknown key 'weight'; valid keys here: weights, normalisation, aggregation, treatment"),
    ])
    func methodologyErrors(block: String, message: String) throws {
        let error = #expect(throws: MethodologyError.self) { try Self.run(block) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }

    @Test("an alternative that cannot aggregate the values stops the run before the first draw, naming it")
    func incompatibleAlternative() throws {
        // min_max's default range puts the worst at 0, which a geometric mean cannot take.
        let error = #expect(throws: ScoringError.self) {
            try Self.run("""
                sensitivity:
                  seed: 1
                  vary:
                    aggregation: [arithmetic_mean, geometric_mean]
                """)
        }
        #expect(error?.description.contains("geometric_mean of 'finance': the geometric mean needs values above 0, found 0") == true,
                "\(error?.description ?? "")")
        #expect(error?.description.contains("(sensitivity alternative: the methodology's methods, aggregation 2 (geometric_mean))") == true,
                "\(error?.description ?? "")")
    }
}
