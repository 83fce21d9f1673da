import Foundation

/// The methodology files of an inputs folder (`methodologies/*.yaml`).
public enum MethodologyCatalog {
    public static func all(in folder: InputFolder) throws -> [Methodology] {
        let directory = folder.methodologies
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw InputError(file: directory, line: nil, message: "no methodologies folder")
        }
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        return try files.map { try MethodologyParser.load(directory + "/" + $0) }
    }

    /// The methodologies of one edition, one per ranking.
    public static func edition(_ edition: Int, in folder: InputFolder) throws -> [Methodology] {
        let all = try all(in: folder)
        let chosen = all.filter { $0.edition == edition }
        var seen: [String: String] = [:]
        for methodology in chosen {
            if let other = seen[methodology.ranking] {
                throw MethodologyError(file: methodology.file, path: "ranking",
                                       message: "ranking '\(methodology.ranking)' of edition \(edition) is also described by \(other)")
            }
            seen[methodology.ranking] = methodology.file
        }
        return chosen
    }
}
