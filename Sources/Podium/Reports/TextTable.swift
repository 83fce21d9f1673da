/// A plain-text table whose columns line up on screen: widths are measured in terminal cells, so
/// `Łódź` (four letters, six bytes) lines up with `Jawor`.
struct TextTable {
    enum Alignment { case left, right }
    let headers: [String]
    let alignments: [Alignment]
    var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) {
        headers = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render(indent: String = "") -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell -> String in
                let padding = String(repeating: " ", count: widths[column] - displayWidth(cell))
                return alignments[column] == .left ? cell + padding : padding + cell
            }
            var text = indent + padded.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

/// Terminal cells a string takes: one per character (grapheme cluster), two for East Asian wide and
/// emoji characters, none for control characters.
func displayWidth(_ text: String) -> Int {
    text.reduce(0) { width, character in
        guard let scalar = character.unicodeScalars.first else { return width }
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0: return width
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return width + 2
        default: return width + 1
        }
    }
}
