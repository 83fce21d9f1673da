import Foundation
@testable import Podium

/// A throw-away inputs folder built from text, so tests never read the committed Inputs/.
struct Fixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("podium-fixture-\(UUID().uuidString)")
        for (path, contents) in files { try write(path, contents) }
    }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    var folder: InputFolder { InputFolder(root: root.path) }
    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A register of two voivodeships: three cities with powiat rights, two urban gminas, one rural,
    /// one urban-rural (with its town and rural parts), and a district of a city.
    static let terc = """
        WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\r
        02;;;;DOLNOŚLĄSKIE;województwo;2020-01-01\r
        02;01;;;bolesławiecki;powiat;2020-01-01\r
        02;01;01;1;Bolesławiec;gmina miejska;2020-01-01\r
        02;01;02;2;Bolesławiec;gmina wiejska;2020-01-01\r
        02;05;01;1;Jawor;gmina miejska;2020-01-01\r
        02;05;02;3;Bolków;gmina miejsko-wiejska;2020-01-01\r
        02;05;02;4;Bolków;miasto;2020-01-01\r
        02;05;02;5;Bolków;obszar wiejski;2020-01-01\r
        02;61;01;1;Jelenia Góra;gmina miejska, miasto na prawach powiatu;2020-01-01\r
        02;64;;;Wrocław;powiat;2020-01-01\r
        02;64;01;1;Wrocław;gmina miejska, miasto na prawach powiatu;2020-01-01\r
        10;;;;ŁÓDZKIE;województwo;2020-01-01\r
        10;61;01;1;Łódź;gmina miejska, miasto na prawach powiatu;2020-01-01\r
        10;61;01;8;Łódź-Bałuty;delegatura;2020-01-01\r

        """
}
