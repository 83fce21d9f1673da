/// The field separator of a CSV file. `.detect` looks at the header line and picks the separator that
/// occurs most often outside quotes (`,`, `;` or tab).
public enum CSVDelimiter: String, Sendable, CaseIterable {
    case detect
    case comma
    case semicolon
    case tab

    var byte: UInt8? {
        switch self {
        case .detect: nil
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        }
    }

    init?(byte: UInt8) {
        switch byte {
        case UInt8(ascii: ","): self = .comma
        case UInt8(ascii: ";"): self = .semicolon
        case UInt8(ascii: "\t"): self = .tab
        default: return nil
        }
    }

    /// Picks the separator from the bytes of the header line (everything up to the first line break
    /// outside quotes). A header with a single column has none of them: then it is a comma.
    static func detect(inHeader bytes: UnsafeRawBufferPointer) -> CSVDelimiter {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if counts[byte] != nil { counts[byte]! += 1 }
        }
        // Ties are broken in a fixed order so that detection never depends on dictionary order.
        let order: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var best = order[0]
        for candidate in order where counts[candidate]! > counts[best]! { best = candidate }
        return CSVDelimiter(byte: best)!
    }
}

/// How decimal numbers are written in one input: `point` is `1234.56`; `comma` is the Polish
/// spreadsheet form `1234,56` or `1 234,56` (space, no-break space or narrow no-break space between
/// groups of three digits).
public enum DecimalSeparator: String, Sendable, CaseIterable {
    case point
    case comma
}
