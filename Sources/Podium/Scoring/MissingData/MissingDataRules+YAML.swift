import PodiumCSV

extension MissingDataRules {
    /// `not_classified`, or `{screen: {min_availability}, impute: <method>, aggregate: complete |
    /// {method: available, min_share}}`.
    init(_ value: YAMLValue, context: ParameterContext) throws {
        if case .scalar = value.node {
            guard try value.string() == "not_classified" else {
                throw value.error("unknown value \(quoted(try value.string())); write not_classified or a mapping of screen, impute, aggregate")
            }
            self.init()
            return
        }
        let mapping = try value.mapping(keys: ["screen", "impute", "aggregate"])
        self.init()
        if let screen = mapping.optional("screen") {
            let share = try screen.mapping(keys: ["min_availability"]).required("min_availability")
            let value = try share.number()
            guard value > 0, value <= 1 else { throw share.error("expected a share above 0 and at most 1, found '\(NumberText.plain(value))'") }
            minAvailability = value
        }
        if let impute = mapping.optional("impute") {
            imputation = try ImputationMethods.registry.resolve(impute, context: context)
        }
        if let aggregate = mapping.optional("aggregate") {
            if case .scalar = aggregate.node {
                let word = try aggregate.string()
                guard word == "complete" else {
                    throw aggregate.error(word == "available"
                        ? "'available' needs its min_share: write {method: available, min_share: 0.5}"
                        : "unknown value \(quoted(word)); valid: complete, {method: available, min_share: …}")
                }
            } else {
                let fields = try aggregate.mapping(keys: ["method", "min_share"])
                let method = try fields.required("method")
                guard try method.string() == "available" else {
                    throw method.error("unknown method \(quoted(try method.string())); valid: available (or write complete)")
                }
                let share = try fields.required("min_share")
                let value = try share.number()
                guard value > 0, value <= 1 else { throw share.error("expected a share above 0 and at most 1, found '\(NumberText.plain(value))'") }
                if let impute = mapping.optional("impute") {
                    throw impute.error("give either 'impute' or 'aggregate: available': imputed values leave nothing to aggregate around")
                }
                availableMinShare = value
            }
        }
    }
}
