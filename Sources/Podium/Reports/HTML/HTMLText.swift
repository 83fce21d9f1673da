/// Text as it goes into `report.html`: every name, title, reason and unit is escaped, in element
/// content and in attribute values alike (`&`, `<`, `>`, both quotes), so that `Kowalski & "Syn"`
/// prints as written and no input can open a tag.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A number in the page's Polish text: decimal comma (`84,44`), with a real minus sign.
    static func number(_ value: Double, _ decimals: Int) -> String {
        polish(NumberText.fixed(value, decimals))
    }

    /// A number as the CSV reports write it, in the page's Polish: `80.91` → `80,91`, `-1.50` → `−1,50`.
    static func polish(_ number: String) -> String {
        let comma = String(number.map { $0 == "." ? "," : $0 })
        return comma.hasPrefix("-") ? "−" + comma.dropFirst() : comma
    }

    /// A share as a percentage with no decimals: `68%`.
    static func percent(_ share: Double) -> String { number(share * 100, 0) + "%" }

    /// A weight as a percentage with one decimal where it has one: `28%`, `37,5%`.
    static func weight(_ share: Double) -> String {
        let text = number(share * 100, 1)
        return (text.hasSuffix(",0") ? String(text.dropLast(2)) : text) + "%"
    }
}

/// Coordinates in SVG: a decimal point (SVG's syntax, not a text the reader sees) and 2 decimals.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        var text = NumberText.fixed(value, 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
