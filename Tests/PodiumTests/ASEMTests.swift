import Foundation
import PodiumCSV
import Testing
@testable import Podium

/// COINr's worked example, ASEM (51 countries, 49 indicators, 3 levels), imported with `podium import
/// coinr` and computed by podium's pipeline, against the results of COINr's `build_example_coin()`
/// (Tests/Fixtures/asem/: COINr's data, MIT licence, and the expected results, rounded to 2 decimals).
@Suite("ASEM: COINr's example index")
struct ASEMTests {
    static let aggregates = ["Index", "Conn", "Sust", "Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ", "Social", "SusEcFin"]

    static func imported(imputeBy group: String? = "EurAsia_group") throws -> (Methodology, Fixture) {
        let directory = Fixture.directory.appendingPathComponent("asem")
        let files = try COINrImport.convert(
            iData: directory.appendingPathComponent("ASEM_iData.csv").path, iMeta: directory.appendingPathComponent("ASEM_iMeta.csv").path,
            options: COINrImport.Options(id: "asem", title: "ASEM", imputeBy: group))
        let fixture = try Fixture(Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) }))
        return (try MethodologyParser.load(fixture.path("methodologies/asem.yaml")), fixture)
    }

    /// uCode → column → value, from the expected results file.
    static func expected() throws -> [String: [String: Double]] {
        var rows: [String: [String: Double]] = [:]
        try CSVReader.read(Fixture.directory.appendingPathComponent("asem/expected-build-example-coin.csv").path) { header in
            let code = try #require(header.column("uCode"))
            let columns = try (["Rank"] + aggregates).map { try #require(header.column($0)) }
            return { record in
                var values: [String: Double] = [:]
                for column in columns { values[column.name] = try record.number(column) }
                rows[record.string(code)] = values
            }
        }
        return rows
    }

    @Test("the index, both sub-indices and all eight pillars of all 51 units agree to 0.01, with identical ranks")
    func reproducesCOINr() throws {
        let (methodology, fixture) = try Self.imported()
        defer { fixture.remove() }
        let result = try Pipeline.run(methodology, inputs: fixture.folder)
        let category = try #require(result.categories.first)
        let expected = try Self.expected()
        #expect(category.entries.count == 51)
        #expect(expected.count == 51)
        var compared = 0
        for standing in category.standings {
            let code = category.entries[standing.entry].unit.code.text
            let row = try #require(expected[code], "\(code) is not in the expected results")
            #expect(Double(standing.place) == row["Rank"], "\(code): place \(standing.place), COINr \(row["Rank"]!)")
            for aggregate in Self.aggregates {
                let ours = aggregate == "Index" ? category.scores[standing.entry] : try #require(category.pillarScores[aggregate]?[standing.entry] ?? nil)
                // The expected values are rounded to 2 decimals: ours must round to the same.
                #expect(abs(ours - row[aggregate]!) <= 0.005 + 1e-9, "\(code) \(aggregate): \(ours), COINr \(row[aggregate]!)")
                compared += 1
            }
        }
        #expect(compared == 51 * 11)
    }

    @Test("the pipeline's steps are the ones COINr's example uses: denominators, group-mean imputation, treatment")
    func stepsAreUsed() throws {
        let (methodology, fixture) = try Self.imported()
        defer { fixture.remove() }
        let result = try Pipeline.run(methodology, inputs: fixture.folder)
        let category = try #require(result.categories.first)
        // Flights is divided by Population.
        let flights = try #require(category.column("Flights"))
        let austria = try #require(category.entries.firstIndex { $0.unit.code.text == "AUT" })
        #expect(abs(flights.raw[austria]! - 29.01725 / 8735.453) < 1e-15)
        // Some values are missing and imputed by the mean of the unit's EurAsia group.
        let imputed = category.columns.flatMap { column in column.imputed.compactMap { $0 } }
        #expect(!imputed.isEmpty)
        #expect(imputed.allSatisfy { $0.how.hasPrefix("group mean of Asia") || $0.how.hasPrefix("group mean of Europe") })
        // Several indicators are winsorised over the 51 units, at both ends.
        let labels = Set(category.columns.map(\.treatment.label))
        #expect(labels.contains("winsorised (1 high; 0 low)"))
        #expect(labels.contains("winsorised (0 high; 1 low)"))
        // The breakdown marks imputed values and says how.
        let breakdown = try #require(try ReportSet.render(result).first { $0.name == "breakdown.csv" })
        #expect(breakdown.contents.hasPrefix("category,id,name,place,"))
        #expect(breakdown.contents.contains("group mean of Europe, n = "))
    }

    @Test("without imputation, the units with missing indicators are not classified, each with its reason")
    func withoutImputation() throws {
        let (methodology, fixture) = try Self.imported(imputeBy: nil)
        defer { fixture.remove() }
        let result = try Pipeline.run(methodology, inputs: fixture.folder)
        let category = try #require(result.categories.first)
        #expect(category.entries.count + category.notClassified.count == 51)
        #expect(!category.notClassified.isEmpty)
        #expect(category.notClassified.allSatisfy { $0.reason.contains("no ") })
    }
}

@Suite("podium import coinr: panel data and bad metadata")
struct COINrImportTests {
    static let directory = Fixture.directory.appendingPathComponent("asem")

    @Test("panel data: each unit once in units.csv, every year in data.csv, and the latest year is ranked")
    func panel() throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("ASEM_iData.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let earlier = lines.dropFirst().map { $0.replacingOccurrences(of: ",2018.0,", with: ",2017.0,") }
        lines += earlier
        let fixture = try Fixture(["iData.csv": lines.joined(separator: "\n") + "\n"])
        defer { fixture.remove() }
        let files = try COINrImport.convert(iData: fixture.path("iData.csv"), iMeta: Self.directory.appendingPathComponent("ASEM_iMeta.csv").path,
                                            options: COINrImport.Options(id: "asem", imputeBy: "EurAsia_group"))
        let contents = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
        #expect(contents["units.csv"]!.split(separator: "\n").count == 52)
        #expect(contents["data.csv"]!.split(separator: "\n").count == 103)
        #expect(contents["methodologies/asem.yaml"]!.contains("from: 2017\n    to: 2018"))
        let inputs = try Fixture(contents)
        defer { inputs.remove() }
        let result = try Pipeline.run(try MethodologyParser.load(inputs.path("methodologies/asem.yaml")), inputs: inputs.folder)
        let category = try #require(result.categories.first)
        let first = try #require(category.standings.first)
        #expect(category.entries[first.entry].unit.code.text == "CHE")
        #expect(abs(category.scores[first.entry] - 68.38) <= 0.005)
    }

    @Test("a unit whose name changes between years is an error naming the line")
    func inconsistentUnit() throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("ASEM_iData.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let renamed = lines[1].replacingOccurrences(of: "Austria,AUT", with: "Österreich,AUT").replacingOccurrences(of: ",2018.0,", with: ",2017.0,")
        let fixture = try Fixture(["iData.csv": (lines + [renamed]).joined(separator: "\n") + "\n"])
        defer { fixture.remove() }
        let error = #expect(throws: InputError.self) {
            try COINrImport.convert(iData: fixture.path("iData.csv"), iMeta: Self.directory.appendingPathComponent("ASEM_iMeta.csv").path,
                                    options: COINrImport.Options())
        }
        #expect(error?.description.hasSuffix("iData.csv:53: column 'uName': 'Österreich' for AUT, but 'Austria' on line 2; a unit's name and groups must not change between years") == true,
                "got: \(error?.description ?? "nothing")")
    }

    @Test("a group that iMeta does not have is a usage error")
    func unknownGroup() throws {
        #expect(throws: COINrImport.UsageError.self) {
            try COINrImport.convert(iData: Self.directory.appendingPathComponent("ASEM_iData.csv").path,
                                    iMeta: Self.directory.appendingPathComponent("ASEM_iMeta.csv").path,
                                    options: COINrImport.Options(imputeBy: "Continent"))
        }
    }
}
