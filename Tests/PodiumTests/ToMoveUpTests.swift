import Foundation
import PodiumCSV
import Testing
@testable import Podium

/// A hand-made category of eight units: a share of green spending over 2022–2023 (green ÷ capital,
/// higher is better), sewage connection in 2023 (%, higher is better) and emissions in 2023 (t, lower
/// is better), winsorised or logged and min-max normalised as Green Finance is. Every answer is
/// checked by writing the changed value into the data file and running the ranking again.
enum HandMade {
    static let methodology = """
        schema: 1
        id: hand-2024
        ranking: hand
        title: Ranking ręczny
        edition: 2024
        inputs:
          type: municipal_metrics
          units: units.csv
          metrics_file: data.csv
          metrics:
            green: PLN
            capital: PLN
            sewage: "%"
            emissions: t
        period:
          years: {from: 2022, to: 2023}
        categories:
          - {id: all, title: Wszystkie, where: {}}
        criteria:
          - {id: share, name: Udział, kind: ratio_over_window, unit: "%", direction: higher_is_better,
             parameters: {numerator: green, denominator: capital, scale: 100}}
          - {id: sewage, name: Kanalizacja, kind: last_window_year_value, unit: "%", direction: higher_is_better,
             parameters: {metric: sewage}}
          - {id: emissions, name: Emisje, kind: last_window_year_value, unit: t, direction: lower_is_better,
             parameters: {metric: emissions}}
        index:
          id: index
          title: Indeks
          children:
            - {criterion: share, weight: 2}
            - {criterion: sewage, weight: 1}
            - {criterion: emissions, weight: 1}
        missing_data: not_classified
        treatment: {method: winsorise_or_log}
        normalisation: min_max
        ties: {tolerance: 1.0e-9, order: teryt}
        awards:
          - {places: {from: 1, to: 2}, title: Lider}
          - {places: {from: 3, to: 4}, title: Laureat}

        """

    static let units = ["A", "B", "C", "D", "E", "F", "G", "H"]

    /// id → year → metric → value as written in the file.
    static let data: [String: [Int: [String: String]]] = [
        "A": [2022: ["green": "100", "capital": "1000"], 2023: ["green": "120", "capital": "1100", "sewage": "80.5", "emissions": "12.0"]],
        "B": [2022: ["green": "50", "capital": "800"], 2023: ["green": "60", "capital": "900", "sewage": "92.1", "emissions": "9.5"]],
        "C": [2022: ["green": "300", "capital": "2000"], 2023: ["green": "10", "capital": "1500", "sewage": "65.0", "emissions": "20.25"]],
        "D": [2022: ["green": "0", "capital": "500"], 2023: ["green": "0", "capital": "400", "sewage": "100.0", "emissions": "5.0"]],
        "E": [2022: ["green": "20", "capital": "700"], 2023: ["green": "500", "capital": "1000", "sewage": "70.3", "emissions": "15.0"]],
        "F": [2022: ["green": "80", "capital": "600"], 2023: ["green": "90.55", "capital": "650", "sewage": "85.0", "emissions": "11.1"]],
        "G": [2022: ["green": "10", "capital": "900"], 2023: ["green": "15", "capital": "950", "sewage": "50.0", "emissions": "30.0"]],
        "H": [2022: ["green": "1000", "capital": "1500"], 2023: ["green": "1200", "capital": "1600", "sewage": "97.5", "emissions": "8.0"]],
    ]

    static func files(_ data: [String: [Int: [String: String]]]) -> [String: String] {
        var table = "id,year,green,capital,sewage,emissions\n"
        for unit in units {
            for year in [2022, 2023] {
                let row = data[unit]![year]!
                table += ([unit, String(year)] + ["green", "capital", "sewage", "emissions"].map { row[$0] ?? "" }).joined(separator: ",") + "\n"
            }
        }
        return [
            "methodologies/hand-2024.yaml": methodology,
            "units.csv": "id,name\n" + units.map { "\($0),Jednostka \($0)\n" }.joined(),
            "data.csv": table,
        ]
    }

    static func run(_ data: [String: [Int: [String: String]]] = data) throws -> RankingResult {
        let fixture = try Fixture(files(data))
        defer { fixture.remove() }
        return try Pipeline.run(try MethodologyParser.load(fixture.path("methodologies/hand-2024.yaml")), inputs: fixture.folder)
    }

    /// The unit's place after running the ranking from files with one value written as `text`.
    static func place(of unit: String, with metric: String, in year: Int, as text: String) throws -> Int? {
        var changed = data
        changed[unit]![year]![metric] = text
        let category = try #require(try run(changed).categories.first)
        guard let entry = category.entries.firstIndex(where: { $0.unit.code.text == unit }) else { return nil }
        return category.standings.first { $0.entry == entry }?.place
    }

    static func unit(_ result: RankingResult, _ id: String) throws -> Podium.Unit {
        try #require(result.units.first { $0.code.text == id })
    }
}

@Suite("explain --to-move-up")
struct ToMoveUpTests {
    @Test("scoring a category's field again reproduces its places and scores, with imputation and screening too")
    func rerunReproduces() throws {
        let results = [
            try HandMade.run(),
            try VariedBudget.run(replacing: "missing_data: not_classified", with: "missing_data: {impute: mean}"),
            try VariedBudget.run(replacing: "missing_data: not_classified",
                                 with: "missing_data: {aggregate: {method: available, min_share: 0.5}}"),
        ]
        for result in results {
            let fields = result.data.categorise(result.methodology, register: result.register).fields
            for category in result.categories where !category.entries.isEmpty {
                let field = try #require(fields.first { $0.category.id == category.category.id })
                let again = try #require(try CategoryRerun(field: field, code: category.entries[0].unit.code, methodology: result.methodology)
                    .scores(with: nil))
                #expect(again.entries.map(\.unit.code) == category.entries.map(\.unit.code))
                #expect(again.scores == category.scores)
                #expect(again.standings == category.standings)
            }
        }
    }

    @Test("only the changed unit's raw values are computed again, and that gives what scoring the whole field gives")
    func splicedEqualsWhole() throws {
        let result = try HandMade.run()
        let category = try #require(result.categories.first)
        let field = try #require(result.data.categorise(result.methodology, register: result.register).fields.first)
        for (unit, lever, value) in [("C", Lever(metric: "green", slot: .year(2023)), 400.0),
                                     ("G", Lever(metric: "emissions", slot: .year(2023)), 1.5),
                                     ("A", Lever(metric: "sewage", slot: .year(2023)), 100)] {
            let code = try HandMade.unit(result, unit).code
            let spliced = try #require(try CategoryRerun(field: field, code: code, methodology: result.methodology).scores(with: (lever, value)))
            var whole = field
            let index = try #require(whole.participants.firstIndex { $0.unit.code == code })
            let participant = whole.participants[index]
            whole.participants[index] = Participant(unit: participant.unit, values: lever.setting(value, in: participant.values), accounts: [])
            let expected = try Pipeline.score(whole, result.methodology)
            #expect(spliced.scores == expected.scores)
            #expect(spliced.standings == expected.standings)
            #expect(spliced.scores != category.scores)
        }
    }

    /// Every printed change, written into the data file, gives the printed place; 1 % less does not
    /// lift the unit. Checked for every unit, criterion and target.
    @Test("every answer, applied to the data file and run again, gives its place; 1 % less does not")
    func answersHold() throws {
        let result = try HandMade.run()
        var checked = 0, lowered = 0
        for id in HandMade.units {
            let answers = try ToMoveUp.answer(result, unit: try HandMade.unit(result, id))
            let answer = try #require(answers.first)
            let now = try #require(answer.place)
            let targets = [(now - 1, answer.toMoveUp)] + (answer.nextAward.map { [($0.places.upperBound, answer.toNextAward)] } ?? [])
            for (target, rows) in targets {
                for row in rows {
                    guard case .change(let change, let decimals, let needed, let after) = row.outcome else { continue }
                    let lever = try #require(row.lever)
                    guard case .year(let year) = lever.slot else { Issue.record("a yearly input was expected"); continue }
                    let text = NumberText.fixed(needed, row.currentDecimals)
                    // What is printed is what was tried: current ± the printed change.
                    #expect(Double(text)! == needed)
                    #expect(Double(NumberText.fixed(change, decimals))! == change)
                    #expect(abs(needed - (row.current! + change)) <= 1e-9 * max(1, abs(needed)))
                    let place = try HandMade.place(of: id, with: lever.metric, in: year, as: text)
                    #expect(place == after, "\(id) \(row.criterion): \(text) gives place \(place.map(String.init) ?? "-"), not \(after)")
                    #expect(after <= target)
                    let smaller = row.current! + 0.99 * change
                    let placeSmaller = try HandMade.place(of: id, with: lever.metric, in: year, as: "\(smaller)")
                    #expect((placeSmaller ?? Int.max) > target, "\(id) \(row.criterion): 99 % of \(change) already gives place \(placeSmaller ?? 0)")
                    if change < 0 { lowered += 1 }
                    checked += 1
                }
            }
        }
        #expect(checked >= 20)
        #expect(lowered >= 4)  // emissions, lower is better: the input goes down
    }

    /// Period figures are sums over accounts: a change of the sum is written into one account's
    /// row of account_stats.csv. Counts are whole, so "less" is one fewer.
    @Test("period figures (social media): each answer written into account_stats.csv gives its place; one fewer does not")
    func periodFigures() throws {
        // Three more Facebook accounts, so that the categories have five units to pass.
        var files = SocialFixture.files(stats: true)
        files["social/accounts.csv"]! += "fb-bol,0201011,city,facebook,@bol\nfb-bolkow,0205023,city,facebook,@bolkow\nfb-bw,0201022,city,facebook,@bw\n"
        files["social/account_stats.csv"]! += "fb-bol,6,90,12,3,500,560\nfb-bolkow,3,20,1,1,300,330\nfb-bw,8,40,20,10,150,151\n"
        files["registry/population.csv"]! += "0201011,2024,39000\n0205023,2024,5000\n0201022,2024,15000\n"
        let result = try SocialFixture.run(files)
        var checked = 0, leversChecked: [String] = []
        for category in result.categories {
            for entry in category.entries {
                let answer = try #require(try ToMoveUp.answer(result, unit: entry.unit, category: category.category.id).first)
                let now = try #require(answer.place)
                let account = try #require(entry.accounts.first { $0.isUsable }).account.id
                func place(_ metric: String, adding amount: Int) throws -> Int? {
                    var lines = files["social/account_stats.csv"]!.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                    let column = try #require(lines[0].firstIndex(of: metric))
                    let line = try #require(lines.firstIndex { $0[0] == account })
                    lines[line][column] = String(Int(lines[line][column])! + amount)
                    var changed = files
                    changed["social/account_stats.csv"] = lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
                    let rerun = try #require(try SocialFixture.run(changed).categories.first { $0.category.id == category.category.id })
                    guard let index = rerun.entries.firstIndex(where: { $0.unit.code == entry.unit.code }) else { return nil }
                    return rerun.standings.first { $0.entry == index }?.place
                }
                for row in answer.toMoveUp {
                    guard case .change(let change, let decimals, _, let after) = row.outcome else { continue }
                    let lever = try #require(row.lever)
                    #expect(lever.slot == .total && decimals == 0 && change == change.rounded())
                    #expect(try place(lever.metric, adding: Int(change)) == after)
                    #expect(after < now)
                    #expect((try place(lever.metric, adding: Int(change) - 1) ?? .max) >= now)
                    leversChecked.append(lever.metric)
                    checked += 1
                }
            }
        }
        #expect(checked >= 15)
        #expect(Set(leversChecked) == ["reactions", "followers_end", "posts"])
    }

    @Test("the first unit cannot move up and has the best award; a share at 100 % cannot rise")
    func notPossible() throws {
        let result = try HandMade.run()
        let category = try #require(result.categories.first)
        let first = category.entries[category.standings[0].entry].unit
        let best = try #require(try ToMoveUp.answer(result, unit: first).first)
        #expect(best.place == 1)
        #expect(best.toMoveUp.map(\.outcome) == Array(repeating: .impossible(.alreadyFirst), count: 3))
        #expect(best.nextAward == nil && best.toNextAward.isEmpty)
        let csv = MoveUpText.csv([best], categoryColumn: false).split(separator: "\n")
        #expect(csv.count == 4)
        #expect(csv[1].hasPrefix("share,green,2023,") && csv[1].hasSuffix(",,,PLN,1,"))

        // D has sewage 100.0: raising it is no way up.
        let d = try #require(try ToMoveUp.answer(result, unit: try HandMade.unit(result, "D")).first)
        #expect(d.place != 1)
        let sewage = try #require(d.toMoveUp.first { $0.criterion == "sewage" })
        #expect(sewage.outcome == .impossible(.atBound(100)))
    }

    @Test("the lower-is-better criterion asks for less, and the CSV says so with a negative change")
    func lowerIsBetter() throws {
        let result = try HandMade.run()
        let g = try #require(try ToMoveUp.answer(result, unit: try HandMade.unit(result, "G")).first)
        let emissions = try #require(g.toMoveUp.first { $0.criterion == "emissions" })
        guard case .change(let change, _, let needed, _) = emissions.outcome else {
            Issue.record("G should be able to move up by lower emissions: \(emissions.outcome)")
            return
        }
        #expect(change < 0)
        #expect(abs(needed - (30 + change)) < 1e-9)
        let csv = MoveUpText.csv([g], categoryColumn: false)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0] == "criterion,metric,year,current,needed,change,unit,place_now,place_after")
        #expect(lines.count == 4)
        let row = try #require(lines.first { $0.hasPrefix("emissions,") })
        let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields.count == 9)
        #expect(fields[1] == "emissions" && fields[2] == "2023" && fields[3] == "30.00" && fields[6] == "t")
        #expect(Double(fields[5])! == change && fields[5].hasPrefix("-"))
        #expect(Double(fields[4])! == needed)
        #expect(Int(fields[7])! == g.place! && Int(fields[8])! < g.place!)
        // With the category first, for rankings whose units are in several categories.
        #expect(MoveUpText.csv([g], categoryColumn: true).hasPrefix("category,criterion,metric,year,current,needed,change,unit,place_now,place_after\nall,share,green,2023,"))
    }

    @Test("the text names the category, each criterion's input and change, and the next award")
    func text() throws {
        let result = try HandMade.run()
        let unit = try HandMade.unit(result, "G")
        let answers = try ToMoveUp.answer(result, unit: unit)
        let text = MoveUpText.render(result, unit: unit, answers: answers)
        #expect(text.hasPrefix("Jednostka G (G)\nRanking ręczny 2024, metodologia hand-2024, okres 2022–2023\n"))
        #expect(text.contains("Kategoria: Wszystkie (all)\nMiejsce 8 z 8\n"))
        #expect(text.contains("  kryterium  zmienna "))
        #expect(text.contains("emissions  emissions 2023"))
        #expect(text.contains("Do nagrody „Laureat” (miejsca 3–4):\n  share: green 2023 "))
        #expect(try ToMoveUp.answer(result, unit: unit, category: "all").count == 1)
        #expect(throws: ExplainError.self) { try ToMoveUp.answer(result, unit: unit, category: "nowhere") }
    }

    @Test("the answers do not depend on the number of threads")
    func threads() throws {
        let result = try HandMade.run()
        let unit = try HandMade.unit(result, "E")
        let one = try ToMoveUp.answer(result, unit: unit, threads: 1)
        let four = try ToMoveUp.answer(result, unit: unit, threads: 4)
        #expect(one.map(\.toMoveUp) == four.map(\.toMoveUp))
        #expect(one.map(\.toNextAward) == four.map(\.toNextAward))
    }
}

@Suite("The threshold search of --to-move-up")
struct ThresholdSearchTests {
    static let percent = InputScale.of(MetricDeclaration(name: "sewage", unit: "%"), slot: .year(2023))
    static let money = InputScale.of(MetricDeclaration(name: "green", unit: "PLN", signed: true), slot: .year(2023))
    static let count = InputScale.of(MetricDeclaration(name: "posts", unit: "posts"), slot: .total)

    static func search(_ current: Double, _ direction: Double, _ scale: InputScale, reach: Double = 1e6,
                       lifts: @escaping (Double) -> Bool) -> ThresholdSearch.Outcome {
        ThresholdSearch(current: current, direction: direction, scale: scale, reach: reach).run { lifts($0) ? 7 : nil }
    }

    @Test("a plain threshold: the change to it, on the grid of 0.01 percentage points")
    func plain() {
        #expect(Self.search(3, 1, Self.percent) { $0 >= 10.5 }
                == .found(.init(change: 7.5, changeDecimals: 2, value: 10.5, valueDecimals: 2, place: 7)))
        // Just past a grid point: rounded up.
        #expect(Self.search(3, 1, Self.percent) { $0 >= 10.501 }
                == .found(.init(change: 7.51, changeDecimals: 2, value: 10.51, valueDecimals: 2, place: 7)))
    }

    @Test("a change under 100 steps gets finer decimals, so that 1 % less stays below the threshold")
    func finer() {
        // Whole złoty would say +1 and 0.99 would lift too; grosze say 0.30.
        #expect(Self.search(1000.25, 1, Self.money) { $0 >= 1000.5499 }
                == .found(.init(change: 0.3, changeDecimals: 2, value: 1000.55, valueDecimals: 2, place: 7)))
        #expect(Self.search(50, 1, Self.percent) { $0 >= 50.04321 }
                == .found(.init(change: 0.0433, changeDecimals: 4, value: 50.0433, valueDecimals: 4, place: 7)))
        // Counts stay whole.
        #expect(Self.search(3, 1, Self.count) { $0 >= 10.5 }
                == .found(.init(change: 8, changeDecimals: 0, value: 11, valueDecimals: 0, place: 7)))
    }

    @Test("lower is better: the input goes down, and an amount not below 0")
    func down() {
        #expect(Self.search(30, -1, Self.percent) { $0 <= 12.25 }
                == .found(.init(change: -17.75, changeDecimals: 2, value: 12.25, valueDecimals: 2, place: 7)))
        #expect(Self.search(30, -1, Self.count) { $0 < 0 } == .notReached(0))
        #expect(Self.search(0, -1, Self.count) { _ in true } == .atBound(0))
        // A signed amount may go below 0.
        #expect(Self.search(10, -1, Self.money) { $0 <= -5 }
                == .found(.init(change: -15, changeDecimals: 0, value: -5, valueDecimals: 0, place: 7)))
    }

    @Test("a share in % stops at 100; the search stops at its reach")
    func bounds() {
        #expect(Self.search(100, 1, Self.percent) { _ in true } == .atBound(100))
        #expect(Self.search(99.5, 1, Self.percent) { $0 > 100 } == .notReached(100))
        #expect(Self.search(99.5, 1, Self.percent) { $0 >= 100 }
                == .found(.init(change: 0.5, changeDecimals: 2, value: 100, valueDecimals: 2, place: 7)))
        #expect(Self.search(5, 1, Self.count, reach: 1000) { _ in false } == .notReached(1005))
    }

    @Test("when 1 % less lifts too (the place is not monotone in the input), the search goes on below")
    func nonMonotone() {
        // Bisection settles on 4.00 (the threshold at 7); 3.96 lies in a narrow window that lifts.
        var tried: [Double] = []
        let outcome = Self.search(3, 1, Self.percent) { value in
            tried.append(value)
            return value >= 7 || (value >= 6.955 && value <= 6.965)
        }
        #expect(tried.contains(7))
        #expect(outcome == .found(.init(change: 3.96, changeDecimals: 2, value: 6.96, valueDecimals: 2, place: 7)))
    }

    @Test("the value tried is the decimal the file would hold")
    func exactDecimals() {
        var tried: [Double] = []
        _ = Self.search(0.1, 1, Self.percent) { value in tried.append(value); return value >= 0.3 }
        #expect(tried.contains(0.3))   // 0.1 + 0.2 would be 0.30000000000000004
        #expect(ThresholdSearch.decimals(of: 3364064.77) == 2)
        #expect(ThresholdSearch.decimals(of: 0.1 + 0.2) == nil)
    }
}

@Suite("Criterion levers")
struct LeverTests {
    /// Every kind's worked examples with a value: the lever is one of the metrics the kind reads, and
    /// raising it moves the value the way the lever says.
    @Test("every kind's lever is an input it reads, and moves its value as stated",
          arguments: CriterionRegistry.kinds.map { $0.criterion.kind })
    func moves(kind id: String) throws {
        let kind = try #require(CriterionRegistry.kinds.first { $0.criterion.kind == id })
        var checked = 0
        for example in kind.criterion.examples {
            guard case .value(let before) = example.expected else { continue }
            let metrics = Set(example.values.yearly.keys).union(example.values.totals.keys)
                .union(["posts", "followers_start", "followers_end", "population", "reactions", "comments", "shares"])
            let parameters = try KindParameters.example(example.parameters, keys: kind.criterion.parameters.map(\.name),
                                                        context: ParameterContext(metrics: metrics.sorted()))
            let criterion = try kind.init(parameters: parameters)
            let lever = try #require(criterion.lever(in: example.context), "\(id) names no lever")
            #expect(criterion.metrics.contains(lever.metric))
            let current = try #require(lever.value(in: example.values))
            let raised = lever.setting(current + max(1, abs(current) / 10), in: example.values)
            guard case .value(let after) = criterion.evaluate(raised, in: example.context) else {
                Issue.record("\(id): raising \(lever.metric) made the value missing")
                continue
            }
            #expect(lever.raises ? after > before : after < before, "\(id): \(before) → \(after)")
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test("a ratio's lever is its numerator in the window's last year; interactions take the heaviest weight")
    func which() throws {
        let context = EvaluationContext(window: 2019...2023, edition: 2024)
        let ratio = try RatioOverWindow(parameters: .example("{numerator: green, denominator: capital, scale: 100}",
                                                             keys: ["numerator", "denominator", "scale"],
                                                             context: ParameterContext(metrics: ["capital", "green"])))
        #expect(ratio.lever(in: context) == Lever(metric: "green", slot: .year(2023)))
        let keys = ["weights", "scale"]
        let interactivity = try InteractionRate(parameters: .example("{weights: {reactions: 1, comments: 4, shares: 16}, scale: 1000}", keys: keys))
        #expect(interactivity.lever(in: context) == Lever(metric: "shares", slot: .total))
        let engagement = try InteractionRate(parameters: .example("{weights: {reactions: 1, comments: 1, shares: 1}, scale: 100}", keys: keys))
        #expect(engagement.lever(in: context) == Lever(metric: "reactions", slot: .total))
    }
}
