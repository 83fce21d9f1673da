/// The kind of gmina, from the register's `RODZ` digit.
public enum GminaKind: Int, Sendable, CaseIterable {
    case urban = 1        // gmina miejska
    case rural = 2        // gmina wiejska
    case urbanRural = 3   // gmina miejsko-wiejska

    public var polishName: String {
        switch self {
        case .urban: "gmina miejska"
        case .rural: "gmina wiejska"
        case .urbanRural: "gmina miejsko-wiejska"
        }
    }
}

/// What the TERC register says of a gmina beyond its code and name.
public struct Gmina: Hashable, Sendable {
    /// The voivodeship's name in lower case, as it is written in running text (`dolnośląskie`).
    public let voivodeship: String
    public let kind: GminaKind
    /// The register's `POW` number; 61 and above are cities with powiat rights.
    public let powiat: Int

    public init(voivodeship: String, kind: GminaKind, powiat: Int) {
        self.voivodeship = voivodeship
        self.kind = kind
        self.powiat = powiat
    }

    /// `gmina miejska, miasto na prawach powiatu` for the cities with powiat rights, else the kind.
    public var kindDescription: String {
        kind == .urban && powiat >= 61 ? "gmina miejska, miasto na prawach powiatu" : kind.polishName
    }
}

/// A unit a ranking ranks: a gmina of the TERC register, or a row of a unit table (a country, a
/// school …), with the groups it belongs to.
public struct Unit: Hashable, Sendable {
    public let code: UnitCode
    public let name: String
    /// Group column → value (`EurAsia_group` → `Asia`; for gminas `voivodeship`, `rodz` and `powiat`,
    /// the last as WOJ+POW: `0261`).
    public let groups: [String: String]
    /// The register's facts for a gmina; nil for units of a unit table.
    public let gmina: Gmina?

    public init(code: UnitCode, name: String, groups: [String: String] = [:], gmina: Gmina? = nil) {
        self.code = code
        self.name = name
        self.gmina = gmina
        var groups = groups
        if let gmina {
            groups["voivodeship"] = gmina.voivodeship
            groups["rodz"] = String(gmina.kind.rawValue)
            // A powiat is unique only within its voivodeship: WOJ+POW (`0261`, not `61`).
            groups["powiat"] = String(code.text.prefix(2)) + String(format2: gmina.powiat)
        }
        self.groups = groups
    }

    /// `Jawor (0205011), dolnośląskie, gmina miejska` or `Austria (AUT)`.
    public var heading: String {
        guard let gmina else { return "\(name) (\(code))" }
        return "\(name) (\(code)), \(gmina.voivodeship), \(gmina.kindDescription)"
    }
}

extension String {
    /// A number as two digits (`02`), as the register writes POW.
    init(format2 number: Int) { self = number < 10 ? "0\(number)" : "\(number)" }
}
