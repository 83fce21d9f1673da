#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One folder of reports to put in place: a ranking's `Reports/<edition>/<ranking>`.
public struct ReportFolder: Sendable {
    public let directory: String
    public let files: [ReportFile]

    public init(directory: String, files: [ReportFile]) {
        self.directory = directory
        self.files = files
    }
}

/// Puts report folders in place all at once, so that a failed run leaves every previous report
/// untouched and no reader ever sees half a set:
///
/// 1. every folder is written in full into a hidden sibling, `.<name>.new-<pid>`;
/// 2. only when all are written is each swapped in: when the folder exists, in one step
///    (`renameat2` with `RENAME_EXCHANGE`, so that a crash at any moment leaves either the old or
///    the new folder in place, never none); when it does not, by `rename`. On a file system that
///    cannot exchange, the old folder is first renamed to `.<name>.old-<pid>`;
/// 3. if a swap fails, the folders already swapped are put back, and the message gives the
///    operating system's reason;
/// 4. the old folders are removed.
///
/// Leftovers of runs that were killed are tidied at the next write (`ReportLeftovers`).
public enum ReportWriter {
    public static func write(_ files: [ReportFile], to directory: String) throws {
        try write([ReportFolder(directory: directory, files: files)])
    }

    public static func write(_ folders: [ReportFolder]) throws {
        try write(folders, operations: .system)
    }

    /// A folder written in full next to its target, and what swapping it in did.
    private struct Staged {
        let folder: ReportFolder
        let target: String
        let staging: String
        let retired: String
        var swap: Swap?
    }

    private enum Swap {
        /// The target existed: it and the staging folder changed places (the staging path now
        /// holds the previous reports).
        case exchanged
        /// There was no target: the staging folder was renamed to it.
        case renamed
        /// The file system cannot exchange: the target was renamed to the retired path, then the
        /// staging folder to the target.
        case replaced
    }

    static func write(_ folders: [ReportFolder], operations: FolderOperations) throws {
        let pid = getpid()
        var staged: [Staged] = folders.map { folder in
            let (parent, name) = Folders.split(folder.directory)
            return Staged(folder: folder, target: folder.directory,
                          staging: "\(parent)/.\(name).new-\(pid)", retired: "\(parent)/.\(name).old-\(pid)")
        }
        for parent in Set(folders.map { Folders.split($0.directory).parent }) {
            _ = ReportLeftovers.tidy(parent)
        }

        for index in staged.indices {
            do {
                try stage(staged[index])
            } catch let failure as FolderFailure {
                staged[...index].forEach { Folders.remove($0.staging) }
                throw ReportError(directory: staged[index].target, reason: failure.reason + "; no report folder was changed")
            }
        }

        for index in staged.indices {
            do {
                staged[index].swap = try swapIn(staged[index], operations: operations)
            } catch let failure as FolderFailure {
                let done = staged[..<index].reversed()
                let putBack = done.map { item in (item, putBackFailure(item, operations: operations)) }
                let failed = putBack.filter { $0.1 != nil }
                // What could not be put back keeps the previous reports where they are.
                for (item, failure) in putBack where failure == nil { Folders.remove(item.staging) }
                for item in staged[index...] { Folders.remove(item.staging) }
                var reason = failure.reason
                if failed.isEmpty {
                    reason += "; no report folder was changed"
                    if !done.isEmpty { reason += " (\(done.map(\.target).joined(separator: ", ")) put back)" }
                } else {
                    reason += "; putting back failed too: "
                        + failed.map { "\($0.0.target): \($0.1!.reason) (its previous reports are in \(previousLocation($0.0)))" }
                            .joined(separator: "; ")
                }
                throw ReportError(directory: staged[index].target, reason: reason)
            }
        }

        for item in staged {
            Folders.remove(item.staging)
            Folders.remove(item.retired)
        }
    }

    private static func stage(_ item: Staged) throws {
        let (parent, _) = Folders.split(item.target)
        try Folders.makeDirectories(parent)
        Folders.remove(item.staging)
        try Folders.makeDirectories(item.staging)
        for file in item.folder.files {
            let path = item.staging + "/" + file.name
            try Folders.makeDirectories(Folders.split(path).parent)
            try Folders.write(file.bytes, to: path)
        }
    }

    private static func swapIn(_ item: Staged, operations: FolderOperations) throws -> Swap {
        guard Folders.exists(item.target) else {
            let code = operations.rename(item.staging, item.target)
            guard code == 0 else { throw FolderFailure(action: "cannot rename \(item.staging) to \(item.target)", code: code) }
            return .renamed
        }
        let code = operations.exchange(item.staging, item.target)
        if code == 0 { return .exchanged }
        guard FolderOperations.cannotExchange(code) else {
            throw FolderFailure(action: "cannot swap \(item.staging) with \(item.target)", code: code)
        }
        let retire = operations.rename(item.target, item.retired)
        guard retire == 0 else { throw FolderFailure(action: "cannot rename \(item.target) to \(item.retired)", code: retire) }
        let replace = operations.rename(item.staging, item.target)
        guard replace == 0 else {
            _ = operations.rename(item.retired, item.target)
            throw FolderFailure(action: "cannot rename \(item.staging) to \(item.target)", code: replace)
        }
        return .replaced
    }

    /// Undoes a swap; nil when the previous reports are back in place.
    private static func putBackFailure(_ item: Staged, operations: FolderOperations) -> FolderFailure? {
        switch item.swap {
        case .exchanged:
            let code = operations.exchange(item.staging, item.target)
            return code == 0 ? nil : FolderFailure(action: "cannot swap \(item.target) back", code: code)
        case .renamed:
            let code = operations.rename(item.target, item.staging)
            return code == 0 ? nil : FolderFailure(action: "cannot rename \(item.target) back", code: code)
        case .replaced:
            let out = operations.rename(item.target, item.staging)
            guard out == 0 else { return FolderFailure(action: "cannot rename \(item.target) back", code: out) }
            let back = operations.rename(item.retired, item.target)
            return back == 0 ? nil : FolderFailure(action: "cannot rename \(item.retired) back", code: back)
        case nil:
            return nil
        }
    }

    private static func previousLocation(_ item: Staged) -> String {
        switch item.swap {
        case .exchanged: item.staging
        case .replaced: item.retired
        case .renamed, nil: "nowhere (there were none)"
        }
    }
}

public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let directory: String
    public let reason: String
    public var description: String { "\(directory): cannot write the reports: \(reason)" }
}
