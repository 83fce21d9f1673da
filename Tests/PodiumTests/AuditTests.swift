import Foundation
import Testing
@testable import Podium

/// A ranking of five units whose audit is worked out by hand. Normalisation is goalposts 0–100, so a
/// normalised value is the raw value, and the scores are plain means:
///
///        a  b  c  d  e   p = (a+b+c)/3   q = (d+e)/2   score = (p+q)/2 = (2(a+b+c) + 3(d+e)) / 12
///   U1   0  0  0  0  3        0             1.5             9/12
///   U2   1  2  1  1  4        4/3           2.5            23/12
///   U3   2  1  2  2  1        5/3           1.5            19/12
///   U4   3  4  4  3  2       11/3           2.5            37/12
///   U5   4  3  4  4  0       11/3           2              34/12
///
/// Population 100, 300, 200, 500 (2024) and 400 (2023, the latest year not after the window's 2024).
enum AuditFixture {
    static let methodology = """
        schema: 1
        id: audit-test
        ranking: audit-test
        title: Audyt testowy
        edition: 2024
        inputs:
          type: municipal_metrics
          units: units.csv
          population: population.csv
          metrics_file: data.csv
          metrics: {a: pkt, b: pkt, c: pkt, d: pkt, e: pkt}
        period:
          years: {from: 2024, to: 2024}
        categories:
          - {id: all, title: Wszystkie, where: {}}
          - {id: one, title: Jedna, where: {group: {region: [S]}}}
          - {id: none, title: Żadna, where: {group: {region: [X]}}}
        criteria:
          - {id: a, name: A, kind: last_window_year_value, unit: pkt, direction: higher_is_better, parameters: {metric: a}}
          - {id: b, name: B, kind: last_window_year_value, unit: pkt, direction: higher_is_better, parameters: {metric: b}}
          - {id: c, name: C, kind: last_window_year_value, unit: pkt, direction: higher_is_better, parameters: {metric: c}}
          - {id: d, name: D, kind: last_window_year_value, unit: pkt, direction: higher_is_better, parameters: {metric: d}}
          - {id: e, name: E, kind: last_window_year_value, unit: pkt, direction: higher_is_better, parameters: {metric: e}}
        index:
          id: index
          title: Indeks
          children:
            - pillar: p
              title: Filar P
              weight: 1
              children:
                - {criterion: a, weight: 1}
                - {criterion: b, weight: 1}
                - {criterion: c, weight: 1}
            - pillar: q
              title: Filar Q
              weight: 1
              children:
                - {criterion: d, weight: 1}
                - {criterion: e, weight: 1}
        missing_data: not_classified
        treatment: none
        normalisation: {method: goalposts, low: 0, high: 100}
        ties: {tolerance: 1.0e-9, order: code}
        awards: [{places: 1, title: Najlepsza}]

        """

    static let units = "id,name,region\nU1,Jeden,N\nU2,Dwa,N\nU3,Trzy,N\nU4,Cztery,N\nU5,Pięć,S\n"
    static let data = """
        id,year,a,b,c,d,e
        U1,2024,0,0,0,0,3
        U2,2024,1,2,1,1,4
        U3,2024,2,1,2,2,1
        U4,2024,3,4,4,3,2
        U5,2024,4,3,4,4,0

        """
    /// U1's 2025 figure lies after the window and is not used; U5 has only 2023.
    static let population = "id,year,population\nU1,2024,100\nU1,2025,999999\nU2,2024,300\nU3,2024,200\nU4,2024,500\nU5,2023,400\n"

    static func run(methodology: String = methodology) throws -> RankingResult {
        let fixture = try Fixture(["methodologies/m.yaml": methodology, "units.csv": units, "data.csv": data, "population.csv": population])
        defer { fixture.remove() }
        return try Pipeline.run(try MethodologyParser.load(fixture.path("methodologies/m.yaml"), displayName: "m.yaml"), inputs: fixture.folder)
    }

    static func files(_ result: RankingResult) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try ReportSet.render(result).map { ($0.name, $0.contents) })
    }
}

private func close(_ value: Double?, _ expected: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
}

@Suite("Audit statistics")
struct AuditStatisticsTests {
    @Test("skewness and kurtosis are Excel's SKEW and KURT: the example of Microsoft's documentation")
    func excelExample() {
        // SKEW(3,4,5,2,3,4,5,6,4,7) = 0.359543, KURT(…) = −0.151799637 (Excel's help pages).
        // By hand: mean 43/10 = 4.3; deviations −1.3 −0.3 0.7 −2.3 −1.3 −0.3 0.7 1.7 −0.3 2.7;
        // Σd² = 20.1, Σd³ = 8.64, Σd⁴ = 95.697.
        // G1 = √(10·9)/8 · √10 · 8.64 / 20.1^1.5 = 1.1858541 · 0.3031943 = 0.3595431.
        // G2 = (11 · (10 · 95.697 / 20.1² − 3) + 6) · 9 / (8 · 7) = (11 · −0.6313210 + 6) · 9/56 = −0.1517996.
        // sd = √(20.1 / 9) = 1.4944341.
        let distribution = Distribution([3, 4, 5, 2, 3, 4, 5, 6, 4, 7] as [Double])
        #expect(distribution.n == 10)
        #expect(distribution.min == 2 && distribution.max == 7)
        #expect(close(distribution.mean, 4.3))
        #expect(close(distribution.sd, (20.1 / 9).squareRoot()))
        #expect(close(distribution.skewness, 0.359543, 1e-6))
        #expect(close(distribution.kurtosis, -0.151799637, 1e-9))
        let g1 = (90.0).squareRoot() / 8 * (10.0).squareRoot() * 8.64 / pow(20.1, 1.5)
        let g2 = (11 * (10 * 95.697 / (20.1 * 20.1) - 3) + 6) * 9 / 56
        #expect(close(distribution.skewness, g1, 1e-12))
        #expect(close(distribution.kurtosis, g2, 1e-12))
    }

    @Test("the shape is the one the outlier treatment judges by")
    func sameAsTreatment() {
        let values = Array(1...19).map(Double.init) + [1000]
        let distribution = Distribution(values)
        let shape = WinsoriseOrLog.Shape(values)
        #expect(distribution.skewness == shape.skewness)
        #expect(distribution.kurtosis == shape.kurtosis)
    }

    @Test("too few values or equal values give no statistic, never NaN")
    func degenerateDistributions() {
        let none = Distribution([Double?]())
        #expect(none.n == 0 && none.min == nil && none.mean == nil && none.sd == nil && none.skewness == nil)
        let one = Distribution([nil, 5, nil])
        #expect(one.n == 1 && one.min == 5 && one.max == 5 && one.mean == 5 && one.sd == nil)
        let equal = Distribution([2, 2, 2, 2] as [Double])
        #expect(equal.sd == 0 && equal.skewness == nil && equal.kurtosis == nil)
        // Three symmetric values: skewness 0; kurtosis needs four.
        let three = Distribution([1, 2, 3] as [Double])
        #expect(three.skewness == 0 && three.kurtosis == nil)
        let huge = Distribution([1e300, -1e300, 1e300, -1e300] as [Double])
        #expect(huge.mean == 0 && huge.sd == nil && huge.skewness == nil && huge.kurtosis == nil)
    }

    @Test("ties share the mean of the ranks they span")
    func averageRanks() {
        #expect(Correlation.averageRanks([2, 5, 5, 9]) == [1, 2.5, 2.5, 4])
        #expect(Correlation.averageRanks([3, 1, 3, 3]) == [3, 1, 3, 3])
        #expect(Correlation.averageRanks([]) == [])
    }

    @Test("Pearson and Spearman by hand, over the pairs with both values")
    func correlations() {
        // x = 0 1 2 3 4, y = 0 1 2 4 4 (U1…U5's a and c).
        // Pearson: x̄ = 2, ȳ = 2.2; dx = −2 −1 0 1 2, dy = −2.2 −1.2 −0.2 1.8 1.8;
        // Σdx·dy = 4.4 + 1.2 + 0 + 1.8 + 3.6 = 11, Σdx² = 10, Σdy² = 12.8; r = 11 / √128.
        // Spearman: y's ranks 1 2 3 4.5 4.5 (the two 4s share ranks 4 and 5), mean 3, d = −2 −1 0 1.5 1.5;
        // Σdx·d = 4 + 1 + 0 + 1.5 + 3 = 9.5, Σd² = 9.5; ρ = 9.5 / √(10 · 9.5) = √0.95.
        let x: [Double?] = [0, 1, 2, 3, 4], y: [Double?] = [0, 1, 2, 4, 4]
        #expect(close(Correlation.pearson(x, y).r, 11 / (128.0).squareRoot()))
        #expect(close(Correlation.spearman(x, y).r, (0.95).squareRoot()))
        #expect(Correlation.pearson(x, y).pairs == 5)
        // A missing value on either side drops the pair: x = 1 2 3, y = 3 1 2 → dx = −1 0 1, dy = 1 −1 0:
        // r = (−1 + 0 + 0) / √(2 · 2) = −0.5.
        let withGaps = Correlation.pearson([1, nil, 2, 3, 7], [3, 5, 1, 2, nil])
        #expect(withGaps.pairs == 3)
        #expect(close(withGaps.r, -0.5))
    }

    @Test("a correlation with fewer than 2 pairs or a constant side is undefined, and says why")
    func undefinedCorrelations() {
        let constant = Correlation.pearson([1, 2, 3], [4, 4, 4])
        #expect(constant.r == nil && constant.pairs == 3 && constant.undefinedBecause == "a constant series")
        #expect(Correlation.spearman([1, 2, 3], [4, 4, 4]).r == nil)
        let single = Correlation.pearson([1, nil], [2, 3])
        #expect(single.r == nil && single.pairs == 1 && single.undefinedBecause == "fewer than 2 pairs")
        #expect(Correlation.pearson([], []).r == nil)
        // Two pairs always lie on a line.
        #expect(Correlation.pearson([1, 2], [5, 3]).r == -1)
    }

    @Test("Cronbach's α by hand")
    func cronbach() {
        // a = 0 1 2 3 4, b = 0 2 1 4 3, c = 0 1 2 4 4: var a = var b = 10/4 = 2.5, var c = 12.8/4 = 3.2.
        // a + b + c = 0 4 5 11 11, mean 6.2, Σd² = 38.44 + 4.84 + 1.44 + 23.04 + 23.04 = 90.8, var 22.7.
        // α = 3/2 · (1 − (2.5 + 2.5 + 3.2) / 22.7) = 1.5 · 14.5 / 22.7 = 21.75 / 22.7.
        let alpha = CronbachAlpha([[0, 1, 2, 3, 4], [0, 2, 1, 4, 3], [0, 1, 2, 4, 4]])
        #expect(alpha.items == 3 && alpha.cases == 5)
        #expect(close(alpha.value, 21.75 / 22.7))
        // d = 0 1 2 3 4, e = 3 4 1 2 0 pull against each other: var d = var e = 2.5; d + e = 3 5 3 5 4,
        // mean 4, Σd² = 4, var 1. α = 2 · (1 − 5 / 1) = −8.
        #expect(close(CronbachAlpha([[0, 1, 2, 3, 4], [3, 4, 1, 2, 0]]).value, -8))
        // Only complete cases count: the third participant lacks b, leaving a = 1 2 4, b = 1 3 5:
        // var a = 7/3, var b = 4, a + b = 2 5 9 (mean 16/3, Σd² = 100/9 + 1/9 + 121/9 = 222/9, var 37/3).
        // α = 2 · (1 − (7/3 + 4) / (37/3)) = 2 · (1 − 19/37) = 36/37.
        let gaps = CronbachAlpha([[1, 2, 3, 4], [1, 3, nil, 5]])
        #expect(gaps.cases == 3)
        #expect(close(gaps.value, 36.0 / 37))
    }

    @Test("α needs 2 children, 2 complete cases and a sum that varies")
    func undefinedAlpha() {
        #expect(CronbachAlpha([[1, 2, 3]]).value == nil)
        #expect(CronbachAlpha([[1, 2, 3]]).undefinedBecause == "fewer than 2 children")
        #expect(CronbachAlpha([[1, nil, 3], [nil, 2, 3]]).undefinedBecause == "fewer than 2 complete cases")
        #expect(CronbachAlpha([[1, 2, 3], [3, 2, 1]]).undefinedBecause == "a constant sum")
        #expect(CronbachAlpha([]).value == nil)
    }
}

@Suite("Audit of a ranking")
struct RankingAuditTests {
    @Test("a hand-computed ranking: correlations with each other and with the pillar, α, flags, size bias")
    func handComputed() throws {
        let result = try AuditFixture.run()
        let audit = RankingAudit(result)
        let all = try #require(audit.categories.first { $0.category.id == "all" })
        #expect(all.classified == 5)
        #expect(all.groups.map(\.id) == ["p", "q", "index"])

        let p = all.groups[0]
        #expect(p.pairs.map { "\($0.first)-\($0.second)" } == ["a-b", "a-c", "b-c", "a-p", "b-p", "c-p"])
        // a–b: da = −2 −1 0 1 2, db = −2 0 −1 2 1: Σ = 4 + 0 + 0 + 2 + 2 = 8 over √(10 · 10): 0.8.
        #expect(close(p.pair("a", "b")?.pearson.r, 0.8))
        // a–c as in the correlation test: 11/√128 = 0.9723 > 0.9, flagged; ρ = √0.95 with the tie.
        let ac = try #require(p.pair("a", "c"))
        #expect(close(ac.pearson.r, 11 / (128.0).squareRoot()))
        #expect(close(ac.spearman.r, (0.95).squareRoot()))
        #expect(ac.flags == [.collinear])
        // b–c: db = −2 0 −1 2 1, dc = −2.2 −1.2 −0.2 1.8 1.8: Σ = 4.4 + 0 + 0.2 + 3.6 + 1.8 = 10 over √(10 · 12.8).
        #expect(close(p.pair("b", "c")?.pearson.r, 10 / (128.0).squareRoot()))
        #expect(p.pair("b", "c")?.flags == [])
        // a with the pillar (a + b + c)/3: ds = −6.2 −2.2 −1.2 4.8 4.8 (Σ² = 90.8): Σ da·ds = 12.4 + 2.2 + 0
        // + 4.8 + 9.6 = 29, r = 29 / √(10 · 90.8). Never flagged as collinear: it is a part of the pillar.
        let ap = try #require(p.pair("a", "p"))
        #expect(close(ap.pearson.r, 29 / (908.0).squareRoot()))
        #expect(ap.flags == [])
        #expect(close(p.alpha.value, 21.75 / 22.7))

        let q = all.groups[1]
        // d–e: dd = −2 −1 0 1 2, de = 1 2 −1 0 −2: Σ = −2 − 2 + 0 + 0 − 4 = −8 over 10: −0.8, flagged.
        let de = try #require(q.pair("d", "e"))
        #expect(close(de.pearson.r, -0.8))
        #expect(de.flags == [.negative])
        // e with q = (d + e)/2 = 1.5 2.5 1.5 2.5 2: dq ∝ −1 1 −1 1 0: Σ de·dq = −1 + 2 + 1 + 0 + 0 = 2 over √(10 · 4).
        #expect(close(q.pair("e", "q")?.pearson.r, 2 / (40.0).squareRoot()))
        #expect(close(q.alpha.value, -8))

        let index = all.groups[2]
        #expect(index.members.map(\.id) == ["p", "q"])
        // p–q: ds = −6.2 −2.2 −1.2 4.8 4.8, d(d+e) = −1 1 −1 1 0: Σ = 6.2 − 2.2 + 1.2 + 4.8 = 10 over √(90.8 · 4).
        #expect(close(index.pair("p", "q")?.pearson.r, 10 / (363.2).squareRoot()))
        // var p = 22.7/9, var q = 1/4, p + q = (9 23 19 37 34)/6 (Σd² = 519.2, var 129.8/36):
        // α = 2 · (1 − (90.8 + 9)/36 / (129.8/36)) = 2 · 30/129.8 = 60/129.8.
        #expect(close(index.alpha.value, 60 / 129.8))

        // Score · 12 = 9 23 19 37 34 (mean 24.4, Σd² = 519.2), population / 100 = 1 3 2 5 4 (U5's from
        // 2023; U1's 2025 figure is after the window): Σ = 30.8 + 0 + 5.4 + 25.2 + 9.6 = 71, r = 71/√5192.
        // The ranks agree exactly: ρ = 1.
        let bias = all.sizeBias
        #expect(bias.year == 2024 && bias.earlier == 1 && bias.missing == 0)
        #expect(close(bias.pearson.r, 71 / (5192.0).squareRoot()))
        #expect(bias.spearman.r == 1)

        // Every criterion is complete, untreated: before = after, nothing changed.
        let c = try #require(all.criteria.first { $0.id == "c" })
        #expect(c.observed == 5 && c.imputed == 0 && c.coverage == 1 && c.changed == 0)
        #expect(c.before == c.after && c.treatment.label == "none")
        #expect(close(c.before.mean, 2.2) && close(c.before.sd, (3.2).squareRoot()))
    }

    @Test("the reports show the hand-computed numbers")
    func reports() throws {
        let files = try AuditFixture.files(try AuditFixture.run())
        let csv = try #require(files["audit.csv"])
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "category,group,level,id,with,statistic,value,n,note")
        for line in [
            "all,p,criterion,c,,coverage,1.000000,5,",
            "all,p,criterion,c,,mean_before,2.200000,5,",
            "all,p,criterion,c,,values_treated,0,5,none",
            "all,p,criterion,a,c,pearson,0.972272,5,|r| > 0.9",
            "all,p,criterion,a,c,spearman,0.974679,5,",
            "all,p,pillar,p,,cronbach_alpha,0.958150,5,k = 3",
            "all,q,criterion,d,e,pearson,-0.800000,5,negative correlation",
            "all,q,pillar,q,,cronbach_alpha,-8.000000,5,k = 2",
            "all,index,pillar,p,q,pearson,0.524719,5,",
            "all,index,index,index,population,pearson,0.985351,5,population of 2024 or the latest earlier year (earlier: 1; missing: 0)",
            // One unit: nothing to correlate, no deviation.
            "one,p,criterion,a,,sd_before,,1,fewer than 2 values",
            "one,p,criterion,a,b,pearson,,1,fewer than 2 pairs",
            "one,p,pillar,p,,cronbach_alpha,,1,fewer than 2 complete cases",
            // No units at all.
            "none,p,criterion,a,,coverage,,0,no participants",
            "none,p,criterion,a,,mean_before,,0,no values",
        ] {
            #expect(lines.contains(line), "audit.csv has no line \(line)")
        }
        // Rows in the methodology's order: criteria, then each group's pairs and α, then the size bias.
        let allRows = lines.filter { $0.hasPrefix("all,") }.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let pearson = allRows.filter { $0[5] == "pearson" }.map { "\($0[1]):\($0[3])-\($0[4])" }
        #expect(pearson == ["p:a-b", "p:a-c", "p:b-c", "p:a-p", "p:b-p", "p:c-p", "q:d-e", "q:d-q", "q:e-q",
                            "index:p-q", "index:p-index", "index:q-index", "index:index-population"])
        #expect(allRows.filter { $0[5] == "coverage" }.map { String($0[3]) } == ["a", "b", "c", "d", "e"])

        let text = try #require(files["audit.txt"])
        for fragment in [
            "Filar P (filar p): α Cronbacha 0.958 (składowe: 3, pełne obserwacje: 5)",
            "    ! |r| > 0.9: (1) a – (3) c, r = 0.972\n",
            "    ! ujemna korelacja: (1) d – (2) e, r = -0.800\n",
            "Indeks (indeks index): α Cronbacha 0.462",
            "Korelacja wyniku z liczbą ludności (ludność z 2024 r., z wcześniejszego roku: 1): Pearson 0.985, Spearman 1.000 (par: 5)",
            "Żadna (none): sklasyfikowane 0",
            // One unit: nothing varies, not even against itself.
            "    (1) a      —    —    —      —\n",
            "Korelacja wyniku z liczbą ludności (ludność z 2024 r., z wcześniejszego roku: 1): Pearson —, Spearman — (par: 1)",
            "Korelacja wyniku z liczbą ludności (ludność z 2024 r.): Pearson —, Spearman — (par: 0)",
        ] {
            #expect(text.contains(fragment), "audit.txt has no \(fragment)")
        }
        for report in [csv, text] {
            #expect(!report.lowercased().contains("nan") && !report.contains("inf"))
        }
    }

    @Test("a ranking without population says so instead of a number")
    func withoutPopulation() throws {
        let result = try AuditFixture.run(methodology: AuditFixture.methodology.replacingOccurrences(of: "  population: population.csv\n", with: ""))
        let all = try #require(RankingAudit(result).categories.first { $0.category.id == "all" })
        #expect(all.sizeBias.missing == 5 && all.sizeBias.pearson.r == nil && all.sizeBias.pearson.pairs == 0)
        let files = try AuditFixture.files(result)
        #expect(files["audit.csv"]!.contains("all,index,index,index,population,pearson,,0,no population data; fewer than 2 pairs\n"))
        #expect(files["audit.txt"]!.contains("  Korelacja wyniku z liczbą ludności: brak danych o ludności\n"))
    }

    @Test("the audit files are deterministic: two runs give the same bytes")
    func deterministic() throws {
        let first = try AuditFixture.files(try AuditFixture.run()), second = try AuditFixture.files(try AuditFixture.run())
        #expect(first["audit.csv"] == second["audit.csv"])
        #expect(first["audit.txt"] == second["audit.txt"])
        let (budget, fixture) = try BudgetFixture.run()
        defer { fixture.remove() }
        let again = try BudgetFixture.run()
        defer { again.1.remove() }
        #expect(try AuditFixture.files(budget)["audit.csv"] == AuditFixture.files(again.0)["audit.csv"])
    }

    @Test("on COINr's ASEM example: imputed values counted, and a criterion is treated exactly when its shape fails the limits")
    func asem() throws {
        let (methodology, fixture) = try ASEMTests.imported()
        defer { fixture.remove() }
        let result = try Pipeline.run(methodology, inputs: fixture.folder)
        let category = try #require(result.categories.first)
        let audit = try #require(RankingAudit(result).categories.first)
        #expect(audit.criteria.count == category.columns.count)
        for (criterion, column) in zip(audit.criteria, category.columns) {
            #expect(criterion.imputed == column.imputed.count { $0 != nil })
            #expect(criterion.observed + criterion.imputed == 51)
            // winsorise_or_log passes a criterion when |G1| < 2 or G2 < 3.5 (the methodology's limits).
            let skewness = try #require(criterion.before.skewness), kurtosis = try #require(criterion.before.kurtosis)
            let fails = abs(skewness) >= 2 && kurtosis >= 3.5
            #expect((criterion.changed > 0) == fails, "\(criterion.id): G1 \(skewness), G2 \(kurtosis), \(criterion.treatment.label)")
            #expect((criterion.treatment.label != "none") == fails)
        }
        #expect(audit.criteria.contains { $0.imputed > 0 } && audit.criteria.contains { $0.changed > 0 })
        // Sub-indices aggregate pillars: their groups correlate pillar scores.
        let sustainability = try #require(audit.groups.first { $0.id == "Sust" })
        #expect(sustainability.members.allSatisfy { $0.role == .pillar })
        #expect(audit.groups.last?.id == "Index")
    }
}
