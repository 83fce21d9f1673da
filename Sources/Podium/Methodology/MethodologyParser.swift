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
            let location = MethodologyError.firstInvalidUTF8(in: data)
            throw MethodologyError(file: name, line: location?.line, column: location?.column, path: "",
                                   message: "the file is not UTF-8 text (save it as UTF-8)")
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
            throw MethodologyError(error, file: file, text: text)
        }
        let top = try YAMLValue(node: root, file: file, path: "").mapping(keys: [
            "schema", "id", "ranking", "title", "edition", "description", "inputs", "period", "categories",
            "criteria", "index", "eligibility", "treatment", "normalisation", "aggregation", "missing_data", "ties", "awards",
            "sensitivity",
        ])
        let schema = try top.required("schema")
        guard try schema.integer() == Methodology.schemaVersion else {
            throw schema.error("this podium reads methodology schema \(Methodology.schemaVersion) only")
        }
        let deferred = GroupReferences()
        let inputs = try parseInputs(try top.required("inputs"), deferred: deferred)
        let period = try parsePeriod(try top.required("period"))
        let groups: [String]? = if case .terc = inputs.units.register { ["voivodeship", "rodz", "powiat"] } else { nil }
        let context = ParameterContext(metrics: inputs.metrics.map(\.name), groups: groups, deferred: deferred)
        let treatment = try TreatmentMethods.registry.resolve(try top.required("treatment"), context: context)
        let normalisation = try NormalisationMethods.registry.resolve(try top.required("normalisation"), context: context)
        let aggregation = try top.optional("aggregation").map { try AggregationMethods.registry.resolve($0, context: context) }
            ?? ArithmeticMean()
        let criteria = try parseCriteria(try top.required("criteria"), context: context, period: period,
                                         treatment: treatment, normalisation: normalisation)
        let index = try parseIndex(try top.required("index"), criteria: criteria, aggregation: aggregation, context: context)
        let ties = try top.required("ties").mapping(keys: ["tolerance", "order"])
        let order = try ties.required("order")
        guard try order.string() == "teryt" || (try order.string()) == "code" else {
            throw order.error("unknown value \(quoted(try order.string())); valid values: teryt, code")
        }
        let tolerance = try ties.required("tolerance")
        guard try tolerance.number() >= 0 else { throw tolerance.error("expected a number ≥ 0") }

        return Methodology(
            file: file,
            id: try top.required("id").identifier(),
            ranking: try top.required("ranking").identifier(),
            title: try top.required("title").string(),
            edition: try top.required("edition").integer(),
            inputs: inputs,
            period: period,
            categories: try parseCategories(try top.required("categories"), inputs: inputs, context: context),
            criteria: criteria,
            index: index,
            eligibility: try parseEligibility(top.optional("eligibility"), inputs: inputs),
            missingData: try MissingDataRules(try top.required("missing_data"), context: context),
            tieTolerance: try tolerance.number(),
            awards: try parseAwards(try top.required("awards")),
            sensitivity: try top.optional("sensitivity").map { try SensitivitySpec($0, context: context) },
            groupReferences: deferred)
    }

    // MARK: inputs

    /// `register` (+ `population`) or `units` name the register; `type` names the one source kind
    /// and the other keys are its parameters, or `sources` lists several sources of yearly values,
    /// each `{type: …, parameters…}`.
    private static func parseInputs(_ value: YAMLValue, deferred: GroupReferences) throws -> Inputs {
        let shared = ["register", "population", "units"]
        let written = value.mappingKeys()
        let sources: [any MetricSource]
        let mapping: YAMLMapping
        let context = ParameterContext(deferred: deferred)
        if written.contains("sources") {
            if written.contains("type") { throw value.error("give either 'type' (one source) or 'sources' (a list of sources), not both") }
            mapping = try value.mapping(keys: shared + ["sources"])
            let list = try mapping.required("sources")
            let items = try list.sequence()
            guard !items.isEmpty else { throw list.error("expected a list of sources, each {type: …}") }
            var made: [any MetricSource] = []
            for item in items {
                let (entry, itemMapping) = try MetricSources.registry.named(in: item, by: "type")
                let source = try entry.make(KindParameters(owner: item, mapping: itemMapping, context: context))
                if items.count > 1, !(source is any YearlyMetricSource) {
                    throw item.error("input type \(quoted(entry.description.id)) cannot be combined with other sources; list it alone or use 'type'")
                }
                made.append(source)
            }
            sources = made
            var units: [String: (unit: String, at: YAMLValue)] = [:]
            for (item, source) in zip(items, sources) {
                for metric in source.metrics {
                    if let first = units[metric.name], first.unit != metric.unit {
                        throw item.error("metric \(quoted(metric.name)) is given in \(quoted(metric.unit)) here and in \(quoted(first.unit)) by an earlier source")
                    }
                    units[metric.name] = (metric.unit, item)
                }
            }
        } else {
            let (entry, named) = try MetricSources.registry.named(in: value, by: "type", sharedKeys: shared)
            mapping = named
            sources = [try entry.make(KindParameters(owner: value, mapping: mapping, context: context))]
        }
        let register: UnitsInput.Register
        switch (mapping.optional("register"), mapping.optional("units")) {
        case (let terc?, nil): register = .terc(try terc.fileInput())
        case (nil, let table?): register = .table(try table.fileInput())
        default: throw value.error("give either 'register' (the GUS TERC register) or 'units' (a unit table)")
        }
        if case .terc = register, mapping.optional("population") == nil {
            throw value.error("missing required key 'population'")
        }
        let population = try mapping.optional("population").map { try parsePopulation($0, context: context) }
        return Inputs(units: UnitsInput(register: register, population: population), sources: sources)
    }

    /// A file `teryt,year,population` (a path or `{path, delimiter, decimal}`), or a GUS BDL export
    /// `{type: bdl, file: …, layout, encoding, dimensions}`.
    private static func parsePopulation(_ value: YAMLValue, context: ParameterContext) throws -> UnitsInput.Population {
        guard value.mappingKeys().contains("type") else { return .table(try value.fileInput()) }
        let keys = ["type"] + BDLExport.parameters.map(\.name)
        let mapping = try value.mapping(keys: keys)
        let type = try mapping.required("type")
        guard try type.string() == BDL.description.id else {
            throw type.error("population is read from a file (give its path) or from a GUS BDL export (type: bdl); found type \(quoted(try type.string()))")
        }
        return .bdl(try BDLExport(KindParameters(owner: value, mapping: mapping, context: context)))
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
                guard let day = Day(iso: try item.string()) else { throw item.error("expected a date YYYY-MM-DD, found \(quoted(try item.string()))") }
                return day
            }
            let from = try day("from"), to = try day("to")
            guard from <= to else { throw dates.error("'from' \(from) is after 'to' \(to)") }
            return .dates(from: from, to: to)
        default:
            throw value.error("give either 'years: {from, to}' or 'dates: {from, to}'")
        }
    }

    private static func parseCategories(_ value: YAMLValue, inputs: Inputs, context: ParameterContext) throws -> [CategorySpec] {
        let items = try value.sequence()
        guard !items.isEmpty else { throw value.error("at least one category is needed") }
        let keys = MetricSources.categoryKeys(inputs.categoryKeys, register: inputs.units.register)
        let social = inputs.categoryKeys.contains("owner")
        var categories: [CategorySpec] = []
        for item in items {
            let mapping = try item.mapping(keys: ["id", "title", "where"])
            let idValue = try mapping.required("id")
            let id = try idValue.identifier()
            if categories.contains(where: { $0.id == id }) { throw idValue.error("category '\(id)' is defined twice") }
            if ["awards", "breakdown", "not-classified"].contains(id) {
                throw idValue.error("'\(id)' is the name of a report file; choose another category id")
            }
            let conditions = try mapping.required("where").mapping(keys: keys)
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
            if let population = conditions.optional("population") {
                guard inputs.units.population != nil else { throw population.error("the inputs name no population file") }
                filter.population = try bounds(population)
            }
            if let groups = conditions.optional("group") {
                let columns = try groups.mapping(keys: groups.mappingKeys())
                guard !columns.entries.isEmpty else { throw groups.error("name a group column and its values") }
                for (column, values) in columns.entries {
                    try context.checkGroup(column, at: values)
                    let list = try values.sequence()
                    guard !list.isEmpty else { throw values.error("an empty list takes no unit") }
                    filter.groups[column] = Set(try list.map { try $0.string() })
                }
            }
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

    private static func parseCriteria(_ value: YAMLValue, context: ParameterContext, period: Period,
                                      treatment: any TreatmentMethod, normalisation: any NormalisationMethod) throws -> [CriterionInstance] {
        var criteria: [CriterionInstance] = []
        for item in try value.sequence() {
            let mapping = try item.mapping(keys: ["id", "name", "kind", "unit", "direction", "parameters",
                                                  "denominator", "treatment", "normalisation"])
            let idValue = try mapping.required("id")
            let id = try idValue.code()
            if criteria.contains(where: { $0.id == id }) { throw idValue.error("criterion '\(id)' is defined twice") }
            let kindValue = try mapping.required("kind")
            let entry = try CriterionRegistry.registry.lookup(kindValue)
            let kindID = entry.description.id
            switch (CriterionRegistry.needs(kindID), period) {
            case (.years, .dates): throw kindValue.error("kind '\(kindID)' needs a period of years")
            case (.days, .years): throw kindValue.error("kind '\(kindID)' needs a period of dates")
            default: break
            }
            let implementation = try CriterionRegistry.registry.make(entry, parameters: try mapping.required("parameters"), context: context)
            criteria.append(CriterionInstance(
                id: id,
                name: try mapping.required("name").string(),
                unit: try mapping.required("unit").string(),
                direction: try mapping.required("direction").choice(Direction.self),
                kind: kindID,
                implementation: implementation,
                denominator: try mapping.optional("denominator").map { try Denominator($0, context: context) },
                treatment: try mapping.optional("treatment").map { try TreatmentMethods.registry.resolve($0, context: context) } ?? treatment,
                normalisation: try mapping.optional("normalisation").map { try NormalisationMethods.registry.resolve($0, context: context) } ?? normalisation))
        }
        guard !criteria.isEmpty else { throw value.error("at least one criterion is needed") }
        return criteria
    }

    private static func parseIndex(_ value: YAMLValue, criteria: [CriterionInstance], aggregation: any AggregationMethod,
                                   context: ParameterContext) throws -> WeightNode {
        let mapping = try value.mapping(keys: ["id", "title", "children", "aggregation"])
        var used: [String: YAMLValue] = [:]
        let own = try mapping.optional("aggregation").map { try AggregationMethods.registry.resolve($0, context: context) } ?? aggregation
        let children = try parseChildren(try mapping.required("children"), criteria: criteria, used: &used,
                                         aggregation: aggregation, context: context)
        if let unused = criteria.first(where: { used[$0.id] == nil }) {
            throw value.error("criterion '\(unused.id)' is defined but has no weight in the index")
        }
        let idValue = try mapping.required("id")
        let index = WeightNode(id: try idValue.code(), title: try mapping.required("title").string(),
                               role: .index, weight: 1, children: children, aggregation: own)
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

    private static func parseChildren(_ value: YAMLValue, criteria: [CriterionInstance], used: inout [String: YAMLValue],
                                      aggregation: any AggregationMethod, context: ParameterContext) throws -> [WeightNode] {
        let items = try value.sequence()
        guard !items.isEmpty else { throw value.error("a pillar needs at least one child") }
        return try items.map { item in
            let mapping = try item.mapping(keys: ["pillar", "title", "criterion", "weight", "children", "aggregation"])
            let weight = try mapping.required("weight").weight()
            if let reference = mapping.optional("criterion") {
                for key in ["pillar", "title", "children", "aggregation"] {
                    if let extra = mapping.optional(key) { throw extra.error("a criterion leaf takes only 'criterion' and 'weight'") }
                }
                let id = try reference.string()
                guard let criterion = criteria.first(where: { $0.id == id }) else {
                    throw reference.error("unknown criterion \(quoted(id)); defined criteria: \(criteria.map(\.id).joined(separator: ", "))")
                }
                if used[id] != nil { throw reference.error("criterion '\(id)' appears twice in the index") }
                used[id] = reference
                return WeightNode(id: id, title: criterion.name, role: .criterion, weight: weight, children: [], aggregation: nil)
            }
            let pillar = try mapping.required("pillar")
            let own = try mapping.optional("aggregation").map { try AggregationMethods.registry.resolve($0, context: context) } ?? aggregation
            return WeightNode(
                id: try pillar.code(), title: try mapping.required("title").string(), role: .pillar, weight: weight,
                children: try parseChildren(try mapping.required("children"), criteria: criteria, used: &used,
                                            aggregation: aggregation, context: context),
                aggregation: own)
        }
    }

    // MARK: rules

    /// Minimums apply to the period totals of social-media inputs; budget rankings have none.
    private static func parseEligibility(_ value: YAMLValue?, inputs: Inputs) throws -> [EligibilityRule] {
        guard let value else { return [] }
        guard inputs.takesEligibility else {
            throw value.error("eligibility minimums apply to social_media inputs only; other rankings exclude by missing data")
        }
        let metrics = inputs.sourceMetrics.map(\.name)
        return try value.sequence().map { item in
            let mapping = try item.mapping(keys: ["metric", "at_least"])
            let metricValue = try mapping.required("metric")
            let metric = try metricValue.string()
            guard metrics.contains(metric) else {
                throw metricValue.error("unknown metric \(quoted(metric)); the inputs provide: \(metrics.joined(separator: ", "))")
            }
            return EligibilityRule(metric: metric, atLeast: try mapping.required("at_least").number())
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
