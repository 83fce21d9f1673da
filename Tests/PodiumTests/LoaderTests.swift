import Foundation
import Testing
import PodiumCSV
@testable import Podium

@Suite("Register and metrics")
struct LoaderTests {
    func register(_ fixture: Fixture) throws -> Register {
        try RegisterLoader.load(terc: fixture.path("registry/TERC.csv"), population: nil)
    }

    @Test("the TERC register gives gminas with 7-digit codes and lower-case voivodeships")
    func registerFile() throws {
        let fixture = try Fixture(["registry/TERC.csv": Fixture.terc])
        defer { fixture.remove() }
        let register = try register(fixture)
        #expect(register.units.map(\.code.text) == ["0201011", "0201022", "0205011", "0205023", "0261011", "0264011", "1061011"])
        let lodz = try #require(register.unit(UnitCode(teryt: "1061011")!))
        #expect(lodz.name == "Łódź")
        #expect(lodz.gmina?.voivodeship == "łódzkie")
        #expect(lodz.gmina?.powiat == 61)
        #expect(lodz.groups == ["voivodeship": "łódzkie", "rodz": "1", "powiat": "1061"])
        // Powiat 61 of dolnośląskie is another powiat: groups keep them apart.
        #expect(register.unit(UnitCode(teryt: "0261011")!)?.groups["powiat"] == "0261")
        #expect(register.unit(UnitCode(teryt: "0205023")!)?.gmina?.kind == .urbanRural)
        #expect(register.source == "TERC.csv (GUS TERC, stan na 2020-01-01)")
    }

    static let metricErrors: [(String, String)] = [
        ("teryt,year,metric,value\n9999999,2022,green,1\n",
         "data/metrics.csv:2: column 'teryt': '9999999' is not a gmina of the register (RODZ 1, 2 or 3)"),
        ("teryt,year,metric,value\n264011,2022,green,1\n",
         "data/metrics.csv:2: column 'teryt': '264011' is not a 7-digit TERYT code"),
        ("teryt,year,metric,value\n0264011,2022,green,1\n0264011,2023,green,1\n0264011,2022,green,2\n",
         "data/metrics.csv:4: green of 0264011 for 2022 is given twice (first on line 2)"),
        ("teryt,year,metric,value\n0264011,2022,green,-5\n",
         "data/metrics.csv:2: column 'value': negative amount '-5'"),
        ("teryt,year,metric,value\n0264011,2022,green,12a\n",
         "data/metrics.csv:2: column 'value': '12a' is not a number (decimal point, e.g. 1234.56)"),
        ("teryt,year,metric,value\n0264011,2022,gren,1\n",
         "data/metrics.csv:2: unknown metric 'gren'; the methodology declares: capital, green, sewage"),
        ("teryt,year,metric,value\n0264011,twenty,green,1\n",
         "data/metrics.csv:2: column 'year': 'twenty' is not a year"),
        ("teryt,metric,value\n0264011,green,1\n",
         "data/metrics.csv:1: missing required column 'year'; found 'teryt', 'metric', 'value'"),
        ("teryt,year,metric,value\n0264011,2022,green\n",
         "data/metrics.csv:2: row has 3 fields but the header has 4"),
        ("teryt,year,metric,value\n0264011,2022,green,1\(String(repeating: "0", count: 400))\n",
         "data/metrics.csv:2: column 'value': '1\(String(repeating: "0", count: 39))… (401 bytes)' is not a number (decimal point, e.g. 1234.56)"),
        ("teryt,year,metric,value\n0264011,2022,green,-\(String(repeating: "1", count: 100))\n",
         "data/metrics.csv:2: column 'value': negative amount '-\(String(repeating: "1", count: 39))… (101 bytes)'"),
        ("teryt,year,metric,value\n0264011,2022,\"gr\neen\",1\n",
         "data/metrics.csv:2: unknown metric 'gr\\neen'; the methodology declares: capital, green, sewage"),
        ("teryt,year,metric,value,green\n0264011,2022,green,1,2\n",
         "data/metrics.csv:1: the header has 'metric' and 'value' (long form) and also a column 'green' (wide form); use one form"),
    ]

    @Test("bad metric rows are errors naming file and line", arguments: metricErrors)
    func metricError(text: String, message: String) throws {
        let fixture = try Fixture(["registry/TERC.csv": Fixture.terc, "data/metrics.csv": text])
        defer { fixture.remove() }
        let register = try register(fixture)
        var described: String?
        do {
            _ = try MetricsLoader.load(fixture.path("data/metrics.csv"), metrics: ["capital", "green", "sewage"].map { MetricDeclaration(name: $0, unit: "PLN") }, register: register)
        } catch let error as InputError {
            described = error.description
        } catch let error as CSVError {
            described = error.description
        }
        #expect(described == fixture.path(message.components(separatedBy: ":")[0]) + message.dropFirst("data/metrics.csv".count))
    }

    @Test("a register saved in Windows-1250 is an error, not garbled names")
    func notUTF8() throws {
        // "Łódź" in Windows-1250.
        var bytes = Array("WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\r\n10;;;;".utf8)
        bytes += [0xA3, 0xF3, 0x64, 0x9F] + Array(";wojew;2020-01-01\r\n".utf8)
        let fixture = try Fixture([:])
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.root, withIntermediateDirectories: true)
        try Data(bytes).write(to: fixture.root.appendingPathComponent("TERC.csv"))
        let error = #expect(throws: CSVError.self) { try RegisterLoader.load(terc: fixture.path("TERC.csv"), population: nil) }
        #expect(error?.description.hasSuffix("TERC.csv:2: column 'NAZWA' is not valid UTF-8 (save the file as UTF-8; Polish exports are often Windows-1250)") == true)
    }

    /// Each case breaks one line of the fixture register (line numbers count the header as 1).
    static let tercErrors: [(original: String, broken: String, message: String)] = [
        // A second voivodeship row would rename the voivodeship of every gmina before it.
        ("10;;;;ŁÓDZKIE;", "02;;;;ŁÓDZKIE;",
         "TERC.csv:13: column 'WOJ': voivodeship 02 is listed twice (first on line 2)"),
        // A gmina without GMI would pass for a powiat row and vanish.
        ("02;05;01;1;Jawor;", "02;05;;1;Jawor;",
         "TERC.csv:6: column 'GMI' is empty on a row of unit type RODZ 1 (only a powiat row has no GMI)"),
        // Int("+2") is 2: codes are digits only.
        ("02;01;01;1;Bolesławiec;", "+2;01;01;1;Bolesławiec;", "TERC.csv:4: column 'WOJ': '+2' is not a 2-digit code"),
        ("02;05;01;1;Jawor;", "02;+5;01;1;Jawor;", "TERC.csv:6: column 'POW': '+5' is not a 2-digit code"),
        ("02;05;01;1;Jawor;", "02;05;-1;1;Jawor;", "TERC.csv:6: column 'GMI': '-1' is not a 2-digit code"),
        ("02;05;01;1;Jawor;", "02;05;01;+1;Jawor;", "TERC.csv:6: column 'RODZ': '+1' is not a 1-digit code"),
        ("02;05;01;1;Jawor;", "02;05;01;01;Jawor;", "TERC.csv:6: column 'RODZ': '01' is not a 1-digit code"),
        ("02;05;01;1;Jawor;", "02;05;01;1;;", "TERC.csv:6: column 'NAZWA' is empty"),
        ("02;;;;DOLNOŚLĄSKIE;", "02;;;;;", "TERC.csv:2: column 'NAZWA' is empty"),
        ("02;05;01;1;Jawor;", "02;05;01;1;Ja\u{0}wor;", "TERC.csv:6: column 'NAZWA': 'Ja\\u{0}wor' holds a control character (U+0000)"),
        ("02;05;01;1;Jawor;", "02;05;01;1;\"Ja\nwor\";", "TERC.csv:6: column 'NAZWA': 'Ja\\nwor' holds a control character (U+000A)"),
        ("02;05;01;1;Jawor;", "02;05;01;1;Jawor\u{7F};", "TERC.csv:6: column 'NAZWA': 'Jawor\\u{7F}' holds a control character (U+007F)"),
        ("02;05;01;1;Jawor;gmina miejska;2020-01-01", "02;05;01;1;Jawor;gmina miejska;2020\u{1B}-01-01",
         "TERC.csv:6: column 'STAN_NA': '2020\\u{1B}-01-01' holds a control character (U+001B)"),
    ]

    @Test("a broken TERC row is an error naming its line and column", arguments: tercErrors)
    func tercError(original: String, broken: String, message: String) throws {
        try #require(Fixture.terc.contains(original), "fixture text not found: \(original)")
        let fixture = try Fixture(["TERC.csv": Fixture.terc.replacingOccurrences(of: original, with: broken)])
        defer { fixture.remove() }
        let error = #expect(throws: InputError.self) { try RegisterLoader.load(terc: fixture.path("TERC.csv"), population: nil) }
        #expect(error?.description == fixture.path(message.components(separatedBy: ":")[0]) + message.dropFirst("TERC.csv".count))
    }

    @Test("a register date in Windows-1250 is an error naming line and column STAN_NA, not replacement characters in every report")
    func stanNaNotUTF8() throws {
        // "2020-01-01 r." with a Windows-1250 "ó" (0xF3): "stan na 1 stycznia 2020 – wersja ó".
        var bytes = Array("WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\r\n02;;;;DOLNOŚLĄSKIE;wojew;2020-01-01 wersja ".utf8)
        bytes += [0xF3] + Array("\r\n".utf8)
        let fixture = try Fixture([:])
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.root, withIntermediateDirectories: true)
        try Data(bytes).write(to: fixture.root.appendingPathComponent("TERC.csv"))
        let error = #expect(throws: CSVError.self) { try RegisterLoader.load(terc: fixture.path("TERC.csv"), population: nil) }
        #expect(error?.description.hasSuffix("TERC.csv:2: column 'STAN_NA' is not valid UTF-8 (save the file as UTF-8; Polish exports are often Windows-1250)") == true,
                "got: \(error?.description ?? "nothing")")
    }

    @Test("a population must be a whole number")
    func fractionalPopulation() throws {
        let fixture = try Fixture(["registry/TERC.csv": Fixture.terc, "p.csv": "teryt,year,population\n0264011,2024,12345.6\n"])
        defer { fixture.remove() }
        let error = #expect(throws: InputError.self) {
            try RegisterLoader.load(terc: fixture.path("registry/TERC.csv"), population: fixture.path("p.csv"))
        }
        #expect(error?.message == "column 'population': '12345.6' is not a whole number of residents")
    }

    @Test("long form, wide form and a Polish spreadsheet's decimal commas give the same values")
    func forms() throws {
        let fixture = try Fixture([
            "registry/TERC.csv": Fixture.terc,
            "long.csv": "teryt,year,metric,value\n0264011,2022,green,1234.5\n0264011,2022,capital,\n0264011,2023,green,7\n",
            "wide.csv": "year,extra,TERYT,green,capital\n2022,x,0264011,1234.5,\n2023,y,0264011,7,\n",
            "polish.csv": "teryt;year;metric;value\r\n0264011;2022;green;1 234,5\r\n0264011;2022;capital;\r\n0264011;2023;green;7\r\n",
        ])
        defer { fixture.remove() }
        let register = try register(fixture)
        let metrics = ["capital", "green", "sewage"].map { MetricDeclaration(name: $0, unit: "PLN") }
        let long = try MetricsLoader.load(fixture.path("long.csv"), metrics: metrics, register: register)
        let wide = try MetricsLoader.load(fixture.path("wide.csv"), metrics: metrics, register: register)
        let polish = try MetricsLoader.load(fixture.path("polish.csv"), metrics: metrics, register: register,
                                            options: CSVReadOptions(decimal: .comma))
        let expected: [UnitCode: [String: [Int: Double]]] = [UnitCode(teryt: "0264011")!: ["green": [2022: 1234.5, 2023: 7]]]
        #expect(long.values == expected)
        #expect(wide.values == expected)
        #expect(polish.values == expected)
        #expect(wide.ignoredColumns == ["extra"])
    }
}
