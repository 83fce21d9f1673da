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

/// A gmina of the TERC register.
public struct Municipality: Hashable, Sendable {
    public let teryt: TerytCode
    public let name: String
    /// The voivodeship's name in lower case, as it is written in running text (`dolnośląskie`).
    public let voivodeship: String
    public let kind: GminaKind
    /// The register's `POW` number; 61 and above are cities with powiat rights.
    public let powiat: Int

    /// `gmina miejska, miasto na prawach powiatu` for the cities with powiat rights, else the kind.
    public var kindDescription: String {
        kind == .urban && powiat >= 61 ? "gmina miejska, miasto na prawach powiatu" : kind.polishName
    }

    public init(teryt: TerytCode, name: String, voivodeship: String, kind: GminaKind, powiat: Int) {
        self.teryt = teryt
        self.name = name
        self.voivodeship = voivodeship
        self.kind = kind
        self.powiat = powiat
    }
}
