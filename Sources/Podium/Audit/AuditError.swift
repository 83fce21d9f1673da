#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What stops writing or checking a manifest.
public enum AuditError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A file that cannot be opened or read, with the system's error number.
    case unreadable(path: String, code: Int32)
    /// A report folder without `manifest.json`.
    case noManifest(folder: String)
    /// A `manifest.json` that is not JSON or not a manifest: the reason names the key.
    case malformedManifest(file: String, reason: String)
    /// A report file that would overwrite the manifest.
    case reportNamedManifest(String)

    /// The file does not exist (a verify says "missing", not an error).
    public var isMissing: Bool {
        if case .unreadable(_, let code) = self { code == ENOENT || code == ENOTDIR } else { false }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let code):
            "\(path): cannot read: \(String(cString: strerror(code)))"
        case .noManifest(let folder):
            "\(folder): no \(Manifest.fileName) (not a report folder, or written before podium wrote manifests)"
        case .malformedManifest(let file, let reason):
            "\(file): not a podium manifest: \(reason)"
        case .reportNamedManifest(let name):
            "a report file is named \(name), the manifest's name"
        }
    }
}
