import Foundation

/// The Box–Cox power transform, to make a skewed criterion more symmetric: λ = 1 only shifts the
/// values, λ = 0 is the logarithm, λ < 1 pulls in a long right tail.
struct BoxCox: TreatmentMethod {
    static let description = KindDescription(
        id: "box_cox",
        name: "Box–Cox transform",
        summary: "(x^λ − 1) / λ, and ln x when λ = 0, for every value of the criterion in the category. Every value must be above 0: a value of 0 or below, or one whose transform is too large to represent, stops the run with an error naming the criterion, the unit and the value.",
        formula: "(x^λ − 1) / λ; ln x when λ = 0",
        parameters: [ParameterDescription(name: "lambda", meaning: "the power λ, any number (0 is the logarithm)")])

    static let exampleChecks = checks([
        // (√x − 1) / 0.5.
        TreatmentExample("{lambda: 0.5}", values: [1, 4, 9], expected: [0, 2, 4], label: "box-cox (λ 0.5)"),
        TreatmentExample("{lambda: 0}", values: [1, exp(1), exp(-2)], expected: [0, 1, -2], label: "box-cox (λ 0)"),
        // λ = 1 is x − 1.
        TreatmentExample("{lambda: 1}", values: [1, 2, 10, 0.5], expected: [0, 1, 9, -0.5], label: "box-cox (λ 1)"),
        // λ = −1 is 1 − 1/x.
        TreatmentExample("{lambda: -1}", values: [1, 2, 4], expected: [0, 0.5, 0.75], label: "box-cox (λ -1)"),
        TreatmentExample("{lambda: 2}", values: [3], expected: [4], label: "box-cox (λ 2)"),
        TreatmentExample("{lambda: 2}", values: [], expected: [], label: "box-cox (λ 2)"),
    ])

    let lambda: Double

    init(parameters: KindParameters) throws {
        lambda = try parameters.number("lambda")
    }

    func treat(_ values: [Double]) throws -> TreatmentOutcome {
        let treated = try values.enumerated().map { position, x in
            guard x > 0 else { throw TreatmentFailure(position: position, message: "box-cox needs values above 0, found \(NumberText.exact(x))") }
            // expm1(λ·ln x) / λ is (x^λ − 1) / λ, and stays accurate for λ near 0.
            let y = lambda == 0 ? log(x) : expm1(lambda * log(x)) / lambda
            guard y.isFinite else {
                throw TreatmentFailure(position: position, message: "box-cox with λ \(NumberText.exact(lambda)) of \(NumberText.exact(x)) is too large to represent")
            }
            return y
        }
        return TreatmentOutcome(values: treated, record: TreatmentRecord(label: "box-cox (λ \(NumberText.exact(lambda)))"))
    }
}
