import Foundation

/// What `podium compare --output` writes: `compare.csv` and `compare.txt`, as a folder of their
/// own that `ReportWriter` puts in place whole.
public enum CompareReport {
    public static let names = ["compare.csv", "compare.txt"]

    /// `text` is `CompareText.render` of the comparison, as printed.
    public static func files(_ comparison: Comparison, text: String) -> [ReportFile] {
        [ReportFile(name: names[0], contents: CompareCSV.render(comparison)), ReportFile(name: names[1], contents: text)]
    }

    /// The folder is replaced whole when written, so it may not exist yet or hold only an earlier
    /// comparison: `--output Reports/2024` would otherwise remove every ranking in it.
    public static func checkOutput(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw CompareError.outputNotFolder(directory) }
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !names.contains($0) }.sorted()
        guard others.isEmpty else { throw CompareError.outputHoldsOtherFiles(directory, files: others) }
    }
}
