import Foundation
import PodiumCSV
import Yams

/// Reads and checks a methodology file. Every key is known, every reference resolves, every weight is
/// positive; anything else is an error naming the file, the line and the key path. Nothing is
/// silently defaulted except what the schema documents as optional.
public enum MethodologyParser {
    public static func load(_ path: String, displayName: String? = nil) throws -> Methodology {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MethodologyError(file: name, path: "", message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MethodologyError(file: name, path: "", message: "the file is not UTF-8 text")
        }
        return try parse(text, file: name)
    }

    public static func parse(_ text: String, file: String) throws -> Methodology {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw MethodologyError(file: file, path: "", message: "the file is empty")
            }
            root = node
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        }
        let top = try YAMLValue(node: root, file: file, path: "").mapping(keys: [
            "schema", "id", "ranking", "title", "edition", "description", "inputs", "period", "categories",
            "criteria", "index", "eligibility", "treatment", "normalisation", "missing_data", "ties", "awards",
        ])
        let schema = try top.required("schema")
        guard try schema.integer() == Methodology.schemaVersion else {
            throw schema.error("this podium reads methodology schema \(Methodology.schemaVersion) only")
        }
        let inputs = try parseInputs(try top.required("inputs"))
        let period = try parsePeriod(try top.required("period"))
        let metricNames = inputs.metrics.map(\.name)
        let criteria = try parseCriteria(try top.required("criteria"), metrics: metricNames, period: period)
        let index = try parseIndex(try top.required("index"), criteria: criteria)
        let missing = try top.required("missing_data")
        guard try missing.string() == "not_classified" else {
            throw missing.error("unknown value '\(try missing.string())'; valid values: not_classified")
        }
        let ties = try top.required("ties").mapping(keys: ["tolerance", "order"])
        let order = try ties.required("order")
        guard try order.string() == "teryt" else {
            throw order.error("unknown value '\(try order.string())'; valid values: teryt")
        }
        let tolerance = try ties.required("tolerance")
        guard try tolerance.number() >= 0 else { throw tolerance.error("expected a number ≥ 0") }

        return Methodology(
            file: file,
            id: try identifier(top.required("id")),
            ranking: try identifier(top.required("ranking")),
            title: try top.required("title").string(),
            edition: try top.required("edition").integer(),
            inputs: inputs,
            period: period,
            categories: try parseCategories(try top.required("categories"), inputs: inputs),
            criteria: criteria,
            index: index,
            eligibility: try parseEligibility(top.optional("eligibility"), inputs: inputs),
            treatment: try parseTreatment(try top.required("treatment")),
            normalisation: try top.required("normalisation").choice(NormalisationMethod.self),
            tieTolerance: try tolerance.number(),
            awards: try parseAwards(try top.required("awards")))
    }

    private static func syntaxError(_ error: YamlError, file: String) -> MethodologyError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return MethodologyError(file: file, line: mark.line, column: mark.column, path: "", message: "YAML syntax: \(problem)")
        default:
            return MethodologyError(file: file, path: "", message: "YAML: \(error)")
        }
    }

    /// Ids are stable snake- or kebab-case words: they become file names and CSV column names.
    private static func identifier(_ value: YAMLValue) throws -> String {
        let text = try value.string()
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard text.allSatisfy({ allowed.contains($0) }) else {
            throw value.error("'\(text)' is not an id: use lower-case letters, digits, '-' and '_'")
        }
        return text
    }

    // MARK: inputs

    private static func parseInputs(_ value: YAMLValue) throws -> InputSpec {
        let keys = ["type", "register", "population", "metrics_file", "metrics", "accounts", "posts", "followers", "account_stats"]
        let mapping = try value.mapping(keys: keys)
        let typeValue = try mapping.required("type")
        let register = RegisterInput(
            terc: try fileInput(try mapping.required("register")),
            population: try fileInput(try mapping.required("population")))
        func reject(_ keys: [String], for type: String) throws {
            for key in keys { if let extra = mapping.optional(key) { throw extra.error("'\(key)' is not an input of type \(type)") } }
        }
        switch try typeValue.string() {
        case "municipal_metrics":
            try reject(["accounts", "posts", "followers", "account_stats"], for: "municipal_metrics")
            let metricsValue = try mapping.required("metrics")
            guard case .mapping(let units) = metricsValue.node, !units.isEmpty else {
                throw metricsValue.error("expected a mapping of metric name to unit")
            }
            var metrics: [(name: String, unit: String)] = []
            for (key, unit) in units {
                let keyValue = YAMLValue(node: key, file: value.file, path: metricsValue.path)
                let name = try identifier(keyValue)
                guard name != "population" else { throw keyValue.error("'population' comes from the register's population file") }
                metrics.append((name, try YAMLValue(node: unit, file: value.file, path: "\(metricsValue.path).\(name)").string()))
            }
            return .municipalMetrics(MunicipalMetricsInput(
                register: register, metricsFile: try fileInput(try mapping.required("metrics_file")), metrics: metrics))
        case "social_media":
            try reject(["metrics_file", "metrics"], for: "social_media")
            let accounts = try fileInput(try mapping.required("accounts"))
            let posts = try mapping.optional("posts").map(fileInput)
            let followers = try mapping.optional("followers").map(fileInput)
            let stats = try mapping.optional("account_stats").map(fileInput)
            let source: SocialMediaInput.Source
            switch (posts, followers, stats) {
            case (let posts?, let followers?, nil): source = .posts(posts: posts, followers: followers)
            case (nil, nil, let stats?): source = .accountStats(stats)
            default:
                throw value.error("give either 'posts' and 'followers', or 'account_stats' instead of both")
            }
            return .socialMedia(SocialMediaInput(register: register, accounts: accounts, source: source))
        default:
            throw typeValue.error("unknown input type '\(try typeValue.string())'; valid types: municipal_metrics, social_media")
        }
    }

    /// A file is its path relative to the inputs folder, or `{path, delimiter, decimal}`.
    private static func fileInput(_ value: YAMLValue) throws -> FileInput {
        if case .scalar = value.node { return FileInput(path: try value.string(), options: CSVReadOptions()) }
        let mapping = try value.mapping(keys: ["path", "delimiter", "decimal"])
        var options = CSVReadOptions()
        if let delimiter = mapping.optional("delimiter") { options.delimiter = try delimiter.choice(CSVDelimiter.self) }
        if let decimal = mapping.optional("decimal") { options.decimal = try decimal.choice(DecimalSeparator.self) }
        return FileInput(path: try mapping.required("path").string(), options: options)
    }


    // MARK: period and categories

    private static func parsePeriod(_ value: YAMLValue) throws -> Period {
        let mapping = try value.mapping(keys: ["years", "dates"])
        switch (mapping.optional("years"), mapping.optional("dates")) {
        case (let years?, nil):
            let range = try years.mapping(keys: ["from", "to"])
            let from = try range.required("from").integer(), to = try range.required("to").integer()
            guard from <= to else { throw years.error("'from' \(from) is after 'to' \(to)") }
            guard from >= 1900, to <= 2200 else { throw years.error("years must lie between 1900 and 2200") }
            return .years(from...to)
        case (nil, let dates?):
            let range = try dates.mapping(keys: ["from", "to"])
            func day(_ key: String) throws -> Day {
                let item = try range.required(key)
                guard let day = Day(iso: try item.string()) else { throw item.error("expected a date YYYY-MM-DD, found '\(try item.string())'") }
                return day
            }
            let from = try day("from"), to = try day("to")
            guard from <= to else { throw dates.error("'from' \(from) is after 'to' \(to)") }
            return .dates(from: from, to: to)
        default:
            throw value.error("give either 'years: {from, to}' or 'dates: {from, to}'")
        }
    }

    private static func parseCategories(_ value: YAMLValue, inputs: InputSpec) throws -> [CategorySpec] {
        let items = try value.sequence()
        guard !items.isEmpty else { throw value.error("at least one category is needed") }
        var categories: [CategorySpec] = []
        for item in items {
            let mapping = try item.mapping(keys: ["id", "title", "where"])
            let idValue = try mapping.required("id")
            let id = try identifier(idValue)
            if categories.contains(where: { $0.id == id }) { throw idValue.error("category '\(id)' is defined twice") }
            if ["awards", "breakdown", "not-classified"].contains(id) {
                throw idValue.error("'\(id)' is the name of a report file; choose another category id")
            }
            let whereValue = try mapping.required("where")
            let social: Bool
            if case .socialMedia = inputs { social = true } else { social = false }
            let keys = social ? ["owner", "platforms", "population", "rodz", "powiat"] : ["rodz", "powiat", "population"]
            let conditions = try whereValue.mapping(keys: keys)
            var filter = CategoryFilter()
            if let rodz = conditions.optional("rodz") {
                guard !(try rodz.sequence().isEmpty) else { throw rodz.error("an empty list takes no gmina") }
                filter.rodz = Set(try rodz.sequence().map { item in
                    let code = try item.integer()
                    guard (1...3).contains(code) else { throw item.error("RODZ of a gmina is 1, 2 or 3") }
                    return code
                })
            }
            if let powiat = conditions.optional("powiat") { filter.powiat = try bounds(powiat) }
            if let population = conditions.optional("population") { filter.population = try bounds(population) }
            if social {
                filter.owner = try conditions.required("owner").choice(AccountOwner.self)
                let platforms = try conditions.required("platforms")
                if case .scalar = platforms.node, try platforms.string() == "all" {
                    filter.platforms = Set(Platform.allCases)
                } else {
                    guard !(try platforms.sequence().isEmpty) else { throw platforms.error("an empty list takes no account; write 'all' or name platforms") }
                    filter.platforms = Set(try platforms.sequence().map { try $0.choice(Platform.self) })
                }
            }
            categories.append(CategorySpec(id: id, title: try mapping.required("title").string(), filter: filter))
        }
        return categories
    }

    /// `{min: 61}`, `{max: 60}` or `{min: 100000, max: 299999}`: both ends included.
    private static func bounds(_ value: YAMLValue) throws -> ClosedRange<Int> {
        let mapping = try value.mapping(keys: ["min", "max"])
        let low = try mapping.optional("min")?.integer() ?? Int.min
        let high = try mapping.optional("max")?.integer() ?? Int.max
        guard mapping.optional("min") != nil || mapping.optional("max") != nil else { throw value.error("give 'min', 'max' or both") }
        guard low <= high else { throw value.error("'min' \(low) is above 'max' \(high)") }
        return low...high
    }

    // MARK: criteria and weights

    private static func parseCriteria(_ value: YAMLValue, metrics: [String], period: Period) throws -> [CriterionInstance] {
        var criteria: [CriterionInstance] = []
        for item in try value.sequence() {
            let mapping = try item.mapping(keys: ["id", "name", "kind", "unit", "direction", "parameters"])
            let idValue = try mapping.required("id")
            let id = try identifier(idValue)
            if criteria.contains(where: { $0.id == id }) { throw idValue.error("criterion '\(id)' is defined twice") }
            let kindValue = try mapping.required("kind")
            let kindName = try kindValue.string()
            guard let kind = CriterionRegistry.kind(kindName) else {
                throw kindValue.error("unknown criterion kind '\(kindName)'; known kinds: \(CriterionRegistry.ids.joined(separator: ", "))")
            }
            switch (kind.description.needs, period) {
            case (.years, .dates): throw kindValue.error("kind '\(kindName)' needs a period of years")
            case (.days, .years): throw kindValue.error("kind '\(kindName)' needs a period of dates")
            default: break
            }
            let parameterValue = try mapping.required("parameters")
            let parameterNames = kind.description.parameters.map(\.name)
            let parameters = CriterionParameters(mapping: try parameterValue.mapping(keys: parameterNames), knownMetrics: metrics)
            criteria.append(CriterionInstance(
                id: id,
                name: try mapping.required("name").string(),
                unit: try mapping.required("unit").string(),
                direction: try mapping.required("direction").choice(Direction.self),
                kind: kindName,
                implementation: try kind.init(parameters: parameters)))
        }
        guard !criteria.isEmpty else { throw value.error("at least one criterion is needed") }
        return criteria
    }

    private static func parseIndex(_ value: YAMLValue, criteria: [CriterionInstance]) throws -> WeightNode {
        let mapping = try value.mapping(keys: ["id", "title", "children"])
        var used: [String: YAMLValue] = [:]
        let children = try parseChildren(try mapping.required("children"), criteria: criteria, used: &used)
        if let unused = criteria.first(where: { used[$0.id] == nil }) {
            throw value.error("criterion '\(unused.id)' is defined but has no weight in the index")
        }
        let idValue = try mapping.required("id")
        let index = WeightNode(id: try identifier(idValue), title: try mapping.required("title").string(),
                               role: .index, weight: 1, children: children)
        // Pillar and index ids name report columns and breakdown rows: they must not repeat each other
        // or a criterion id.
        var seen = Set(criteria.map(\.id))
        for node in [index] + index.innerDescendants {
            guard seen.insert(node.id).inserted else {
                throw (node.role == .index ? idValue : value).error("id '\(node.id)' is used twice in the index (pillar, index and criterion ids must all differ)")
            }
        }
        return index
    }

    private static func parseChildren(_ value: YAMLValue, criteria: [CriterionInstance], used: inout [String: YAMLValue]) throws -> [WeightNode] {
        let items = try value.sequence()
        guard !items.isEmpty else { throw value.error("a pillar needs at least one child") }
        return try items.map { item in
            let mapping = try item.mapping(keys: ["pillar", "title", "criterion", "weight", "children"])
            let weight = try mapping.required("weight").weight()
            if let reference = mapping.optional("criterion") {
                for key in ["pillar", "title", "children"] {
                    if let extra = mapping.optional(key) { throw extra.error("a criterion leaf takes only 'criterion' and 'weight'") }
                }
                let id = try reference.string()
                guard let criterion = criteria.first(where: { $0.id == id }) else {
                    throw reference.error("unknown criterion '\(id)'; defined criteria: \(criteria.map(\.id).joined(separator: ", "))")
                }
                if used[id] != nil { throw reference.error("criterion '\(id)' appears twice in the index") }
                used[id] = reference
                return WeightNode(id: id, title: criterion.name, role: .criterion, weight: weight, children: [])
            }
            let pillar = try mapping.required("pillar")
            return WeightNode(
                id: try identifier(pillar), title: try mapping.required("title").string(), role: .pillar, weight: weight,
                children: try parseChildren(try mapping.required("children"), criteria: criteria, used: &used))
        }
    }

    // MARK: rules

    /// Minimums apply to the period totals of social-media inputs; budget rankings have none.
    private static func parseEligibility(_ value: YAMLValue?, inputs: InputSpec) throws -> [EligibilityRule] {
        guard let value else { return [] }
        guard case .socialMedia = inputs else {
            throw value.error("eligibility minimums apply to social_media inputs only; a budget ranking excludes by missing data")
        }
        let metrics = SocialMediaInput.metrics.map(\.name).filter { $0 != "population" }
        return try value.sequence().map { item in
            let mapping = try item.mapping(keys: ["metric", "at_least"])
            let metricValue = try mapping.required("metric")
            let metric = try metricValue.string()
            guard metrics.contains(metric) else {
                throw metricValue.error("unknown metric '\(metric)'; the inputs provide: \(metrics.joined(separator: ", "))")
            }
            return EligibilityRule(metric: metric, atLeast: try mapping.required("at_least").number())
        }
    }

    private static func parseTreatment(_ value: YAMLValue) throws -> TreatmentSpec {
        let mapping = try value.mapping(keys: ["method", "skewness_limit", "kurtosis_limit", "max_replaced", "min_values"])
        let method = try mapping.required("method")
        switch try method.string() {
        case "none":
            if let extra = mapping.keys.first(where: { $0 != "method" }) {
                throw try mapping.required(extra).error("method 'none' takes no parameters")
            }
            return .none
        case "winsorise_or_log":
            let minValues = try mapping.required("min_values").integer()
            guard minValues >= 4 else { throw try mapping.required("min_values").error("kurtosis needs at least 4 values") }
            let maxReplaced = try mapping.required("max_replaced").integer()
            guard maxReplaced >= 1 else { throw try mapping.required("max_replaced").error("expected a whole number ≥ 1") }
            return .winsoriseOrLog(
                skewnessLimit: try mapping.required("skewness_limit").positiveNumber(),
                kurtosisLimit: try mapping.required("kurtosis_limit").positiveNumber(),
                maxReplaced: maxReplaced, minValues: minValues)
        default:
            throw method.error("unknown treatment '\(try method.string())'; valid methods: none, winsorise_or_log")
        }
    }

    private static func parseAwards(_ value: YAMLValue) throws -> [AwardSpec] {
        var awards: [AwardSpec] = []
        for item in try value.sequence() {
            let mapping = try item.mapping(keys: ["places", "title"])
            let placesValue = try mapping.required("places")
            let places: ClosedRange<Int>
            if case .scalar = placesValue.node {
                let place = try placesValue.integer()
                places = place...place
            } else {
                let range = try placesValue.mapping(keys: ["from", "to"])
                let from = try range.required("from").integer(), to = try range.required("to").integer()
                guard from <= to else { throw placesValue.error("'from' \(from) is after 'to' \(to)") }
                places = from...to
            }
            guard places.lowerBound >= 1 else { throw placesValue.error("places start at 1") }
            if let overlap = awards.first(where: { $0.places.overlaps(places) }) {
                throw placesValue.error("places \(places.yearsText) overlap the award '\(overlap.title)'")
            }
            awards.append(AwardSpec(places: places, title: try mapping.required("title").string()))
        }
        return awards
    }
}
