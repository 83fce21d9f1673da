import Foundation

/// The natural logarithm, optionally of shifted values, to pull in a long right tail.
struct Logarithm: TreatmentMethod {
    static let description = KindDescription(
        id: "log",
        name: "Logarithm",
        summary: "ln(x + shift) for every value of the criterion in the category. Every x + shift must be above 0: one that is not stops the run with an error naming the criterion, the unit and the value.",
        formula: "ln(x + shift)",
        parameters: [ParameterDescription(name: "shift", meaning: "added to every value first, any number", defaultValue: "0")])

    static let exampleChecks = checks([
        TreatmentExample("", values: [1, exp(1), exp(2)], expected: [0, 1, 2], label: "log"),
        // A shift of 1 takes a 0.
        TreatmentExample("{shift: 1}", values: [0, exp(1) - 1], expected: [0, 1], label: "log (shift 1)"),
        TreatmentExample("{shift: -1}", values: [2, 1 + exp(2)], expected: [0, 2], label: "log (shift -1)"),
        TreatmentExample("{shift: 0}", values: [], expected: [], label: "log"),
    ])

    let shift: Double

    init(parameters: KindParameters) throws {
        shift = try parameters.number("shift", default: 0)
    }

    func treat(_ values: [Double]) throws -> TreatmentOutcome {
        let treated = try values.enumerated().map { position, x in
            guard x + shift > 0 else {
                let message = shift == 0
                    ? "log needs values above 0, found \(NumberText.exact(x))"
                    : "log needs x + shift above 0, found x = \(NumberText.exact(x)), x \(shift > 0 ? "+" : "−") \(NumberText.exact(abs(shift))) = \(NumberText.exact(x + shift))"
                throw TreatmentFailure(position: position, message: message)
            }
            return log(x + shift)
        }
        return TreatmentOutcome(values: treated, record: TreatmentRecord(label: shift == 0 ? "log" : "log (shift \(NumberText.exact(shift)))"))
    }
}
