import Foundation

/// A linear axis of a chart: a value range widened to round ends, ticks at a round step (1, 2, 2.5
/// or 5 times a power of ten), and the value → x mapping.
struct ChartAxis {
    let low: Double
    let high: Double
    let step: Double
    let left: Double
    let right: Double

    /// At most about `ticks` intervals between `low` and `high`, drawn from `left` to `right`;
    /// `whole`: ticks at whole numbers only (places).
    init(covering low: Double, _ high: Double, from left: Double, to right: Double, ticks: Int = 5, whole: Bool = false) {
        let span = max(high - low, 1e-9)
        let raw = max(span / Double(ticks), whole ? 1 : 0)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = (whole ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]).map { $0 * magnitude }.first { $0 >= raw * (1 - 1e-12) } ?? 10 * magnitude
        self.step = step
        self.low = (low / step).rounded(.down) * step
        self.high = max((high / step - 1e-9).rounded(.up) * step, self.low + step)
        self.left = left
        self.right = right
    }

    /// Points per unit of value.
    var scale: Double { (right - left) / (high - low) }

    func x(_ value: Double) -> Double { left + (value - low) * scale }

    var ticks: [Double] {
        let count = Int(((high - low) / step).rounded())
        return (0...count).map { low + Double($0) * step }
    }

    /// A tick's label: as many decimals as the step needs, with a decimal comma.
    func label(_ value: Double) -> String {
        let decimals = step >= 1 && step == step.rounded() ? 0 : (step * 10 == (step * 10).rounded() ? 1 : 2)
        return HTMLText.number(value, decimals)
    }
}

/// A name broken into lines of at most about `width` characters at spaces (and after hyphens), for
/// SVG text, which does not wrap by itself. A word longer than a line stays whole.
enum LineBreaking {
    static func lines(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in words(text) {
            if !line.isEmpty, line.count + word.count > width {
                lines.append(line.hasSuffix(" ") ? String(line.dropLast()) : line)
                line = ""
            }
            line += word
        }
        if !line.isEmpty { lines.append(line.hasSuffix(" ") ? String(line.dropLast()) : line) }
        return lines.isEmpty ? [""] : lines
    }

    /// The text cut after each space and hyphen, keeping them.
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for character in text {
            word.append(character)
            if character == " " || character == "-" {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}
