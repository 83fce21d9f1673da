/// The report's one-paragraph summary of the method, in Polish, derived from the methodology: the
/// categories, the criteria and pillars, the treatment, normalisation and aggregation (each by its
/// Polish name and its id, as the methodology file writes it), missing data, eligibility, ties,
/// awards, and the sensitivity analysis when there is one. Returns escaped HTML.
enum MethodSummary {
    static func paragraph(_ result: RankingResult) -> String {
        let methodology = result.methodology
        let code = result.register.kind == .terc ? "kod TERYT" : "kod jednostki"
        let weights = methodology.index.relativeWeights
        let categories = methodology.categories.map { HTMLText.escape($0.title) }.joined(separator: ", ")
        var sentences: [String] = []
        sentences.append("\(HTMLText.escape(methodology.title)) \(methodology.edition) porządkuje "
            + "\(result.register.kind == .terc ? "gminy" : "jednostki") osobno w każdej kategorii "
            + "(\(methodology.categories.count): \(categories)).")
        var index = "Wynik w punktach to \(HTMLText.escape(methodology.index.title)) złożony z "
            + Polish.count(methodology.criteria.count, "kryterium", "kryteriów", "kryteriów")
        let pillars = methodology.index.children.filter { $0.role == .pillar }
        if !pillars.isEmpty {
            index += " w " + (pillars.count == 1 ? "1 filarze" : "\(pillars.count) filarach") + ": "
                + pillars.map { "\(HTMLText.escape($0.title)) (\(HTMLText.weight(weights[$0.id]!.effective)))" }.joined(separator: ", ")
        }
        sentences.append(index + "; wartości kryteriów liczone są za okres \(methodology.period.description).")
        let treatments = unique(methodology.criteria.map { type(of: $0.treatment).description.id })
        let normalisations = unique(methodology.criteria.map { type(of: $0.normalisation).description.id })
        let aggregations = unique(([methodology.index] + methodology.pillars).compactMap { $0.aggregation?.kindID })
        sentences.append("W każdej kategorii wartości przechodzą kolejno: przekształcenie – \(names(treatments)); "
            + "normalizacja – \(names(normalisations)); agregacja w górę hierarchii wag – \(names(aggregations)).")
        sentences.append(missingData(methodology.missingData))
        if !methodology.eligibility.isEmpty {
            sentences.append("Warunki udziału: " + methodology.eligibility.map {
                "<code>\(HTMLText.escape($0.metric))</code> ≥ \(HTMLText.escape(NumberText.plain($0.atLeast)))"
            }.joined(separator: ", ") + ".")
        }
        sentences.append("Równe wyniki (różnica do \(HTMLText.polish(NumberText.decimal(methodology.tieTolerance)))) dzielą miejsce; "
            + "w tabelach kolejność wśród równych ustala \(code).")
        if !methodology.awards.isEmpty {
            sentences.append("Nagrody: " + methodology.awards.map {
                "\(placesText($0.places)) – „\(HTMLText.escape($0.title))”"
            }.joined(separator: "; ") + ".")
        }
        if let sensitivity = methodology.sensitivity { sentences.append(self.sensitivity(sensitivity)) }
        return sentences.joined(separator: " ")
    }

    static func placesText(_ places: ClosedRange<Int>) -> String {
        places.count == 1 ? "miejsce \(places.lowerBound)" : "miejsca \(places.lowerBound)–\(places.upperBound)"
    }

    private static func missingData(_ rules: MissingDataRules) -> String {
        guard rules.toleratesMissing || rules.minAvailability != nil else {
            return "Jednostka bez wartości choćby jednego kryterium nie jest klasyfikowana (<code>not_classified</code>)."
        }
        var parts: [String] = []
        if let share = rules.minAvailability {
            parts.append("jednostka z mniej niż \(HTMLText.weight(share)) dostępnych kryteriów nie jest klasyfikowana")
        }
        if let imputation = rules.imputation {
            parts.append("brakujące wartości uzupełnia \(names([type(of: imputation).description.id]))")
        }
        if let share = rules.availableMinShare {
            parts.append("węzeł hierarchii liczony jest z dostępnych składowych, gdy mają one co najmniej \(HTMLText.weight(share)) jego wagi")
        }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    private static func sensitivity(_ spec: SensitivitySpec) -> String {
        var varied: [String] = []
        if let noise = spec.weightNoiseText { varied.append(noise) }
        func ids(_ methods: [any Kind]) -> [String] { methods.map { type(of: $0).description.id } }
        if !spec.treatments.isEmpty { varied.append("przekształcenie spośród: " + names(ids(spec.treatments))) }
        if !spec.normalisations.isEmpty { varied.append("normalizacja spośród: " + names(ids(spec.normalisations))) }
        if !spec.aggregations.isEmpty { varied.append("agregacja spośród: " + names(ids(spec.aggregations))) }
        return "Niepewność miejsc: \(spec.runs) przebiegów obliczenia (ziarno \(spec.seed)), w każdym losowane są "
            + varied.joined(separator: "; ")
            + ". Pasmo 90% to miejsca od 5. do 95. percentyla miejsc w przebiegach, szansa nagrody – odsetek przebiegów, w których jednostka ją otrzymuje."
    }

    /// Ids in first-seen order, each once.
    private static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// `skalowanie min–max (<code>min_max</code>)`, joined with "lub".
    static func names(_ ids: [String]) -> String {
        ids.map { id in (polishNames[id].map { "\($0) " } ?? "") + "(<code>\(HTMLText.escape(id))</code>)" }
            .joined(separator: " lub ")
    }

    /// The methods' names in Polish, by id (the methods' own descriptions are in English, for analysts).
    static let polishNames: [String: String] = [
        "none": "bez przekształcenia",
        "log": "logarytm",
        "box_cox": "przekształcenie Boxa–Coxa",
        "winsorise_or_log": "winsoryzacja wartości odstających lub logarytm",
        "min_max": "skalowanie min–max",
        "z_score": "standaryzacja",
        "percent_rank": "ranga centylowa",
        "rank": "ranga",
        "borda": "punktacja Bordy",
        "goalposts": "skala między progami",
        "distance_to_target": "odległość od celu",
        "arithmetic_mean": "ważona średnia arytmetyczna",
        "geometric_mean": "ważona średnia geometryczna",
        "harmonic_mean": "ważona średnia harmoniczna",
        "generalised_mean": "ważona średnia potęgowa",
        "copeland": "metoda Copelanda",
        "mean": "średnia",
        "median": "mediana",
        "group_mean": "średnia w grupie",
        "group_median": "mediana w grupie",
    ]
}

extension SensitivitySpec {
    /// `wagi (każda × U(0,75; 1,25))`.
    fileprivate var weightNoiseText: String? {
        weightNoise.map { "wagi (każda × U(\(HTMLText.number(1 - $0, 2)); \(HTMLText.number(1 + $0, 2))), znormalizowane)" }
    }
}
