import Foundation
import PodiumCSV

/// `podium verify`: a report folder's `manifest.json` against the files as they are now. Every file
/// the manifest lists is hashed again (the methodology and inputs from the inputs folder, the reports
/// from the folder); a file whose SHA-256 differs is changed, one that is gone is missing, and a file
/// of the folder that the manifest does not list is named too.
public struct ManifestCheck: Sendable {
    public enum Status: String, Sendable {
        case changed
        case missing
        case notInManifest = "not in the manifest"
    }

    /// A file that is not as the manifest says, named as the user finds it (`Inputs/registry/TERC.csv`).
    public struct Finding: Sendable, Equatable {
        public let status: Status
        public let path: String
    }

    /// The methodology id and podium version the manifest names.
    public let methodology: String
    public let podiumVersion: String
    /// The time zone database the run converted export times with, when it read any (`2025b`).
    public let timeZoneDatabase: String?
    /// This podium's time zone database, to compare with the run's.
    public static var currentTimeZoneDatabase: String { ZoneRules.databaseVersion }
    /// How many files the manifest lists (the methodology, each input once, the reports).
    public let checked: Int
    public let findings: [Finding]

    public var matches: Bool { findings.isEmpty }

    public static func verify(folder: String, inputs: InputFolder, threads: Int = 1) throws -> ManifestCheck {
        let folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let file = folder + "/" + Manifest.fileName
        guard let data = FileManager.default.contents(atPath: file) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) {
                throw AuditError.unreadable(path: file, code: isDirectory.boolValue ? EISDIR : EACCES)
            }
            throw AuditError.noManifest(folder: folder)
        }
        let manifest = try ManifestDocument.decode(data, file: file)

        // Every file to hash, once, in the manifest's order: where it is, and the digest recorded.
        var listed: [(path: String, sha256: String)] = [(inputs.resolve(manifest.methodology.file), manifest.methodology.sha256)]
        for input in manifest.inputs where !listed.contains(where: { $0.path == inputs.resolve(input.path) }) {
            listed.append((inputs.resolve(input.path), input.sha256))
        }
        listed += manifest.reports.map { (folder + "/" + $0.name, $0.sha256) }
        let statuses = try Parallel.map(listed.count, threads: threads) { [listed] index -> Status? in
            do {
                return try SHA256.file(listed[index].path).sha256 == listed[index].sha256 ? nil : .changed
            } catch let error as AuditError where error.isMissing {
                return .missing
            }
        }
        var findings = zip(listed, statuses).compactMap { item, status in status.map { Finding(status: $0, path: item.path) } }

        let named = Set(manifest.reports.map(\.name) + [Manifest.fileName])
        findings += try files(in: folder).filter { !named.contains($0) }.map { Finding(status: .notInManifest, path: folder + "/" + $0) }
        return ManifestCheck(methodology: manifest.methodology.id, podiumVersion: manifest.podiumVersion,
                             timeZoneDatabase: manifest.timeZones?.database, checked: listed.count, findings: findings)
    }

    /// Every file under `folder`, relative to it, in byte order of their names.
    private static func files(in folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw AuditError.unreadable(path: folder, code: ENOENT)
        }
        var names: [String] = []
        while let name = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                names.append(name)
            }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// What `podium verify` reads of a manifest.
struct ManifestDocument: Decodable {
    struct Methodology: Decodable {
        let id: String
        let file: String
        let sha256: String
    }

    struct Input: Decodable {
        let path: String
        let sha256: String
    }

    struct Report: Decodable {
        let name: String
        let sha256: String
    }

    struct TimeZones: Decodable {
        let database: String
    }

    let podiumVersion: String
    let methodology: Methodology
    let inputs: [Input]
    let reports: [Report]
    let timeZones: TimeZones?

    enum CodingKeys: String, CodingKey {
        case podiumVersion = "podium_version"
        case timeZones = "time_zones"
        case methodology, inputs, reports
    }

    /// The manifest, or an error naming the key that is wrong (`at inputs[2].sha256: …`).
    static func decode(_ data: Data, file: String) throws -> ManifestDocument {
        let manifest: ManifestDocument
        do {
            manifest = try JSONDecoder().decode(ManifestDocument.self, from: data)
        } catch let error as DecodingError {
            throw AuditError.malformedManifest(file: file, reason: reason(error))
        }
        let digests = [("methodology.sha256", manifest.methodology.sha256)]
            + manifest.inputs.enumerated().map { ("inputs[\($0.offset)].sha256", $0.element.sha256) }
            + manifest.reports.enumerated().map { ("reports[\($0.offset)].sha256", $0.element.sha256) }
        for (key, digest) in digests where !(digest.utf8.count == 64 && digest.utf8.allSatisfy { Self.hexDigits.contains($0) }) {
            throw AuditError.malformedManifest(file: file, reason: "at \(key): \(quoted(digest)) is not a SHA-256 (64 lower-case hexadecimal digits)")
        }
        let paths = [("methodology.file", manifest.methodology.file)]
            + manifest.inputs.enumerated().map { ("inputs[\($0.offset)].path", $0.element.path) }
            + manifest.reports.enumerated().map { ("reports[\($0.offset)].name", $0.element.name) }
        for (key, path) in paths where path.isEmpty || path.split(separator: "/").contains("..") {
            throw AuditError.malformedManifest(file: file, reason: "at \(key): \(quoted(path)) is not a file name (empty, or it leaves its folder)")
        }
        return manifest
    }

    private static let hexDigits = Set("0123456789abcdef".utf8)

    private static func reason(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            let text = path.reduce("") { text, key in
                key.intValue.map { "\(text)[\($0)]" } ?? (text.isEmpty ? key.stringValue : "\(text).\(key.stringValue)")
            }
            return text.isEmpty ? "at the top" : "at \(text)"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(at(context.codingPath)): no key \(quoted(key.stringValue))"
        case .typeMismatch(let type, let context):
            return "\(at(context.codingPath)): expected \(describe(type))"
        case .valueNotFound(let type, let context):
            return "\(at(context.codingPath)): expected \(describe(type)), found null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(at(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "not a manifest"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name == "String" { return "a string" }
        if name.hasPrefix("Array") || name.hasPrefix("[") && !name.contains(":") { return "a list" }
        if name.hasPrefix("Dictionary") || name.contains(":") || type == Methodology.self { return "an object" }
        return name
    }
}
