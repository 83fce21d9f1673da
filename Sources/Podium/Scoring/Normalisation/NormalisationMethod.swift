/// Puts one criterion's treated values on a common scale within a category.
///
/// `values` are the values of the participants that have one, in participant order; the result is
/// aligned with them. Unless a method says otherwise, `lower_is_better` means the method sees −x.
public protocol NormalisationMethod: Kind {
    func normalise(_ values: [Double], direction: Direction) throws -> [Double]
}

/// A worked example: parameters as YAML, the direction, the values in and the values out.
public struct NormalisationExample: Sendable {
    public let parameters: String
    public let direction: Direction
    public let values: [Double]
    public let expected: [Double]

    public init(_ parameters: String, _ direction: Direction = .higherIsBetter, values: [Double], expected: [Double]) {
        self.parameters = parameters
        self.direction = direction
        self.values = values
        self.expected = expected
    }
}

extension NormalisationMethod {
    static func checks(_ examples: [NormalisationExample]) -> [ExampleCheck] {
        examples.enumerated().map { number, example in
            ExampleCheck(name: "normalisation \(description.id) #\(number + 1)") {
                let method = try Self(parameters: .example(example.parameters, keys: description.parameters.map(\.name)))
                let actual = try method.normalise(example.values, direction: example.direction)
                return close(actual, example.expected) ? nil : "gave \(describe(actual)), expected \(describe(example.expected))"
            }
        }
    }
}

/// x for higher-is-better, −x for lower-is-better: the convention of most normalisations.
func oriented(_ values: [Double], _ direction: Direction) -> [Double] {
    direction == .higherIsBetter ? values : values.map { -$0 }
}

/// Every normalisation method a methodology may name, by id.
public enum NormalisationMethods {
    public static let registry = Registry<any NormalisationMethod>(stage: "normalisation method", kinds: [
        MinMax.self,
        PercentRank.self,
        ZScore.self,
        Rank.self,
        Borda.self,
        Goalposts.self,
        DistanceToTarget.self,
    ])
}

extension Registry where Method == any NormalisationMethod {
    init(stage: String, kinds: [any NormalisationMethod.Type]) {
        self.init(stage: stage, entries: kinds.map { kind in
            Entry(description: kind.description, examples: kind.exampleChecks) { try kind.init(parameters: $0) }
        })
    }
}
