/// The fixed context the fuzz targets load their input against: the units, metrics, accounts,
/// period, budget rules and BDL readings that the seed corpus (`Tests/Fuzz/Corpus/`) names, so that
/// mutated rows get past the lookups and reach the checks behind them. BDL ids map to the TERC
/// gminas (`01` `02` `xxx` `01011` is 0201011).
enum FuzzContext {
    /// Four gminas of dolnośląskie and Warszawa.
    static let terc = Register(
        kind: .terc,
        units: [
            gmina("0201011", "Bolesławiec", "dolnośląskie", .urban, powiat: 1),
            gmina("0201022", "Bolesławiec", "dolnośląskie", .rural, powiat: 1),
            gmina("0201043", "Nowogrodziec", "dolnośląskie", .urbanRural, powiat: 1),
            gmina("1465011", "Warszawa", "mazowieckie", .urban, powiat: 65),
        ],
        source: "TERC.csv (fuzzing)", groupColumns: ["voivodeship", "rodz", "powiat"])

    /// Three countries of the ASEM example.
    static let table = Register(
        kind: .unitTable,
        units: [
            Unit(code: UnitCode(id: "AUT")!, name: "Austria", groups: ["EurAsia_group": "Europe", "GDP_group": "L"]),
            Unit(code: UnitCode(id: "BEL")!, name: "Belgium", groups: ["EurAsia_group": "Europe", "GDP_group": "L"]),
            Unit(code: UnitCode(id: "CHN")!, name: "China", groups: ["EurAsia_group": "Asia", "GDP_group": "XL"]),
        ],
        source: "units.csv (fuzzing)", groupColumns: ["EurAsia_group", "GDP_group"])

    static let registers = [terc, table]

    /// The green-finance metrics, and one that may be negative.
    static let metrics = [
        "expenditure_total", "capital_expenditure", "green_capital_expenditure", "environmental_expenditure",
        "eu_environmental_funds", "sewage_connection_pct", "waste_separate_collection_pct",
    ].map { MetricDeclaration(name: $0, unit: "PLN") } + [MetricDeclaration(name: "balance", unit: "PLN", signed: true)]

    /// Rules of the green-finance kind over Rb-28S lines: none, prefixes, exact codes, several fields.
    static let budgetRules = [
        budgetRule("total", []),
        budgetRule("capital", [.init(field: .paragraph, codes: ["6*"])]),
        budgetRule("green", [.init(field: .paragraph, codes: ["6*"]), .init(field: .chapter, codes: ["90001", "90005", "925*"])]),
        budgetRule("eu", [.init(field: .section, codes: ["900"]), .init(field: .financing, codes: ["1", "7", "8"])]),
    ]

    /// BDL exports in both layouts and both encodings, with and without the dimension `Płeć: ogółem`.
    static let bdlExports = BDLExport.Layout.allCases.flatMap { layout in
        ["utf-8", "windows-1250"].flatMap { encoding in
            ["", ", dimensions: {Płeć: ogółem}"].map { dimension in
                try! BDLExport(.example("{file: bdl.csv, layout: \(layout.rawValue), encoding: \(encoding)\(dimension)}",
                                        keys: BDLExport.parameters.map(\.name)))
            }
        }
    }

    static let accounts = [
        account("fb-0201011-city", "0201011", .city, .facebook),
        account("ig-0201011-city", "0201011", .city, .instagram),
        account("fb-0201043-city", "0201043", .city, .facebook),
        account("ig-0201043-city", "0201043", .city, .instagram),
        account("fb-1465011-city", "1465011", .city, .facebook),
        account("ig-1465011-city", "1465011", .city, .instagram),
        account("fb-1465011-mayor", "1465011", .mayor, .facebook),
    ]

    static var lookup: AccountLookup { AccountLookup(ids: accounts.map(\.id)) }

    /// Złote Lajki 2024's period.
    static let period = (from: Day(year: 2023, month: 11, day: 1)!, to: Day(year: 2024, month: 10, day: 31)!)

    private static func gmina(_ code: String, _ name: String, _ voivodeship: String, _ kind: GminaKind, powiat: Int) -> Unit {
        Unit(code: UnitCode(teryt: code)!, name: name, gmina: Gmina(voivodeship: voivodeship, kind: kind, powiat: powiat))
    }

    private static func budgetRule(_ metric: String, _ filters: [BudgetReport.Filter]) -> BudgetReport.Rule {
        BudgetReport.Rule(metric: MetricDeclaration(name: metric, unit: "PLN", signed: true), filters: filters)
    }

    private static func account(_ id: String, _ unit: String, _ owner: AccountOwner, _ platform: Platform) -> Account {
        Account(id: id, unit: UnitCode(teryt: unit)!, owner: owner, platform: platform, handle: id)
    }
}
