/// Sheet names Excel accepts, made from titles: at most 31 characters, none of `[ ] : * ? / \`,
/// no apostrophe first or last, not empty, not `History` (Excel's own), and unique regardless of
/// case (Excel treats `Miasta` and `MIASTA` as one sheet).
enum SheetNames {
    static let maximumLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    static let reserved = "history"

    /// One name per title, in order; a title whose name is taken gets ` (2)`, ` (3)` … after it,
    /// shortened to make room.
    static func unique(_ titles: [String]) -> [String] {
        var taken: Set<String> = [reserved]
        return titles.map { title in
            let base = clean(title)
            var name = base, number = 1
            while taken.contains(name.lowercased()) {
                number += 1
                let suffix = " (\(number))"
                name = trimmed(cut(base, to: maximumLength - suffix.utf16.count)) + suffix
            }
            taken.insert(name.lowercased())
            return name
        }
    }

    /// The title with forbidden and control characters replaced by `_`, without apostrophes or
    /// spaces at either end, cut to the limit.
    static func clean(_ title: String) -> String {
        let replaced = String(title.map { character -> Character in
            forbidden.contains(character) || character.unicodeScalars.contains { $0.properties.generalCategory == .control } ? "_" : character
        })
        let name = trimmed(cut(trimmed(replaced), to: maximumLength))
        return name.isEmpty ? "Arkusz" : name
    }

    /// Whole characters up to `length` UTF-16 units (what Excel counts; libxlsxwriter counts code
    /// points, never more).
    static func cut(_ text: String, to length: Int) -> String {
        var result = "", units = 0
        for character in text {
            units += character.utf16.count
            if units > length { break }
            result.append(character)
        }
        return result
    }

    private static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while let first = text.first, first == "'" || first.isWhitespace { text.removeFirst() }
        while let last = text.last, last == "'" || last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
