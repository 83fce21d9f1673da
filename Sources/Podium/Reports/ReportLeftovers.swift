#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a run that was killed while writing reports leaves behind, and its tidying by the next run.
///
/// A run writes `.<name>.new-<pid>` next to each report folder and, on a file system that cannot
/// swap two folders in one step, moves the previous folder to `.<name>.old-<pid>` for a moment. When
/// process `pid` no longer exists (`kill(pid, 0)` fails with `ESRCH`), these are leftovers: a
/// `.new` folder is removed; an `.old` folder is put back as `<name>` when `<name>` is missing (the
/// run was killed between its two renames), and removed otherwise. Folders of a live process are
/// left alone: it may be writing them now.
public enum ReportLeftovers {
    /// Tidies the leftovers in `parent` (a `Reports/<edition>` folder); returns one line for each
    /// folder put back. Best effort: what cannot be removed now is tried again next time.
    @discardableResult
    public static func tidy(_ parent: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return [] }
        var restored: [String] = []
        // `.old` before `.new`, in a fixed order, so that a folder is put back before anything else.
        for leftover in names.compactMap(Leftover.init).sorted(by: { ($0.kind, $0.entry) < ($1.kind, $1.entry) }) {
            let path = parent + "/" + leftover.entry
            guard Folders.isDirectory(path), !isRunning(leftover.pid) else { continue }
            let target = parent + "/" + leftover.name
            if leftover.kind == .old, !Folders.exists(target), rename(path, target) == 0 {
                restored.append("put back \(target) from \(leftover.entry), left by process \(leftover.pid), which was stopped while replacing it")
            } else {
                Folders.remove(path)
            }
        }
        return restored
    }

    /// True unless the process is known to be gone. This process counts as gone: at the start of a
    /// write it has no folders in flight, so one with its number was left by an earlier process that
    /// had the same number.
    static func isRunning(_ pid: pid_t) -> Bool {
        if pid == getpid() { return false }
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    struct Leftover {
        enum Kind: Int, Comparable {
            case old, new
            static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        let entry: String
        let name: String
        let kind: Kind
        let pid: pid_t

        /// `.<name>.new-<pid>` or `.<name>.old-<pid>`, pid in digits.
        init?(_ entry: String) {
            guard entry.hasPrefix("."), let dash = entry.lastIndex(of: "-") else { return nil }
            let digits = entry[entry.index(after: dash)...]
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let pid = pid_t(digits), pid > 0 else { return nil }
            let stem = entry[entry.index(after: entry.startIndex)..<dash]
            if stem.hasSuffix(".new") {
                kind = .new
            } else if stem.hasSuffix(".old") {
                kind = .old
            } else {
                return nil
            }
            let name = stem.dropLast(4)
            guard !name.isEmpty else { return nil }
            self.entry = entry
            self.name = String(name)
            self.pid = pid
        }
    }
}
