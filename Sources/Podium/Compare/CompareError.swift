/// Two folders that cannot be compared as asked: a wrong argument rather than bad data (a report
/// file that cannot be read is an `InputError` or a `CSVError`, naming the file and line).
public enum CompareError: Error, CustomStringConvertible, Sendable, Equatable {
    case noFolder(String)
    /// A folder without `breakdown.csv`; `rankings` are its subfolders that have one (given
    /// `Reports/2024` instead of `Reports/2024/green-finance`).
    case notReportFolder(String, rankings: [String])
    case differentCodes(a: String, codeA: String, b: String, codeB: String)
    /// `--output` names a folder with other files, which writing would remove.
    case outputHoldsOtherFiles(String, files: [String])
    case outputNotFolder(String)

    public var description: String {
        switch self {
        case .noFolder(let path):
            return "there is no report folder '\(path)'"
        case .notReportFolder(let path, let rankings):
            return "'\(path)' is not a ranking's report folder (it has no breakdown.csv)"
                + (rankings.isEmpty ? "" : "; report folders in it: \(rankings.joined(separator: ", "))")
        case .differentCodes(let a, let codeA, let b, let codeB):
            return "cannot compare '\(a)', whose units are keyed by '\(codeA)', with '\(b)', keyed by '\(codeB)': "
                + "a ranking of TERC gminas and one of a unit table share no units"
        case .outputHoldsOtherFiles(let path, let files):
            return "the output folder '\(path)' holds other files than compare.csv and compare.txt "
                + "(\(files.prefix(5).joined(separator: ", "))\(files.count > 5 ? ", …" : "")), which writing would remove; choose a new or empty folder"
        case .outputNotFolder(let path):
            return "the output '\(path)' is a file, not a folder; choose a new or empty folder"
        }
    }
}
