/// `manifest.json`, written beside a ranking's reports in the same folder write: which podium, which
/// methodology and which input files (with what was read of them and left out) made the reports, and
/// the SHA-256 of the methodology, of every input and of every other file of the folder. No
/// timestamp: the same inputs give the same manifest, byte for byte. `ManifestCheck` recomputes it.
public enum Manifest {
    public static let fileName = "manifest.json"

    /// The manifest of `reports` (every other file of the folder). Inputs are hashed from the inputs
    /// folder after the run, each file once, on up to `threads` threads, unless `digests` (started
    /// with the run) has them. `sensitivitySeed`: the seed of the methodology's sensitivity analysis,
    /// `null` when it has none.
    public static func render(result: RankingResult, reports: [ReportFile], inputs: InputFolder,
                              sensitivitySeed: UInt64?, threads: Int = 1, digests known: InputDigests? = nil) throws -> ReportFile {
        try render(result: result, reports: reports, digests: digests(result: result, inputs: inputs, threads: threads, known: known),
                   sensitivitySeed: sensitivitySeed)
    }

    /// The size and SHA-256 of the methodology and of every input file the run read (where the loader
    /// computed them while reading, or `known` has them; the others hashed now on up to `threads`
    /// threads).
    public static func digests(result: RankingResult, inputs: InputFolder, threads: Int = 1, known: InputDigests? = nil) throws -> RunDigests {
        let methodologyFile = inputs.relative(result.methodology.file)
        let files = result.inputFiles
        // Each file once, in the run's order (a set, not a search of the list: 5,000 export files
        // made that quadratic).
        var seen: Set<String> = [methodologyFile]
        let paths = [methodologyFile] + files.map(\.path).filter { seen.insert($0).inserted }
        var digests = known?.all() ?? [:]
        for file in files { if let digest = file.digest { digests[file.path] = digest } }
        let missing = paths.filter { digests[$0] == nil }
        let hashed = try Parallel.map(missing.count, threads: threads) { [missing] index in try SHA256.file(inputs.resolve(missing[index])) }
        for (path, digest) in zip(missing, hashed) { digests[path] = digest }
        return RunDigests(methodologyFile: methodologyFile, methodology: digests[methodologyFile]!,
                          inputs: files.map { InputDigest(file: $0, digest: digests[$0.path]!) })
    }

    /// The manifest of `reports` (every other file of the folder) from the run's input digests.
    public static func render(result: RankingResult, reports: [ReportFile], digests: RunDigests, sensitivitySeed: UInt64?) throws -> ReportFile {
        if let clash = reports.first(where: { $0.name == fileName }) { throw AuditError.reportNamedManifest(clash.name) }
        let document = JSONText.object([
            ("podium_version", .string(PodiumVersion.current)),
            ("methodology", .object([
                ("id", .string(result.methodology.id)),
                ("file", .string(digests.methodologyFile)),
            ] + digestMembers(digests.methodology))),
            ("sensitivity_seed", sensitivitySeed.map(JSONText.unsigned) ?? .null),
        ] + timeZoneMembers(result) + [
            ("inputs", .array(digests.inputs.map { input in
                let file = input.file
                return .object([("path", .string(file.path))] + digestMembers(input.digest) + [
                    (file.unit.rawValue, .integer(file.read)),
                    ("skipped", .object(file.skipped.map { ($0.reason.rawValue, .integer($0.count)) })),
                ])
            })),
            ("reports", .array(reports.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }.map { report in
                .object([("name", .string(report.name))]
                        + digestMembers(FileDigest(bytes: report.bytes.count, sha256: SHA256.hex(of: report.bytes))))
            })),
        ])
        return ReportFile(name: fileName, contents: document.document)
    }

    /// `time_zones`, when the run's export folders name zones: those zones and the version of the
    /// time zone database that converts their local times (another version may move a post to another day
    /// where a country changed its rules).
    private static func timeZoneMembers(_ result: RankingResult) -> [(key: String, value: JSONText)] {
        let zones = result.timeZones
        guard !zones.isEmpty else { return [] }
        return [("time_zones", .object([("database", .string(ZoneRules.databaseVersion)), ("zones", .array(zones.map(JSONText.string)))]))]
    }

    private static func digestMembers(_ digest: FileDigest) -> [(key: String, value: JSONText)] {
        [("bytes", .integer(digest.bytes)), ("sha256", .string(digest.sha256))]
    }
}

extension InputFolder {
    /// A path as the manifest records it: relative to the inputs folder when it lies inside it.
    func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    /// A path the manifest records, as it is opened: inside the inputs folder unless absolute.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : root + "/" + path
    }
}

/// What a ranking was computed from: the methodology file and every input file the run read, in
/// the run's order, each with its size and SHA-256. The manifest records them, and the award report
/// prints them so that a printed copy says what it was computed from.
public struct RunDigests: Sendable {
    /// The methodology's path as the manifest records it (relative to the inputs folder).
    public let methodologyFile: String
    public let methodology: FileDigest
    public let inputs: [InputDigest]
}

/// One input file read by a run, with its digest.
public struct InputDigest: Sendable {
    public let file: InputFileRead
    public let digest: FileDigest
}
