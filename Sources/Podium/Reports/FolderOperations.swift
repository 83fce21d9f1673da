#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CRenameExchange
import Foundation

/// The file-system calls that write report folders, each failing with the operating system's reason
/// (`strerror`), so that a message can say why. The two calls that put folders in place can be
/// replaced, so that a test can make one of them fail.
struct FolderOperations: Sendable {
    /// `rename(2)`: 0, or the errno.
    var rename: @Sendable (_ from: String, _ to: String) -> Int32
    /// Swaps two existing paths in one step (`renameat2` with `RENAME_EXCHANGE`): 0, or the errno.
    var exchange: @Sendable (_ a: String, _ b: String) -> Int32

    static let system = FolderOperations(rename: systemRename, exchange: systemExchange)

    /// The errors of `exchange` that mean the file system cannot swap (then two renames do).
    static func cannotExchange(_ code: Int32) -> Bool {
        code == EINVAL || code == ENOSYS || code == ENOTSUP || code == EOPNOTSUPP
    }
}

// At file scope, where the C functions are not hidden by members of the same name.
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) == 0 ? 0 : errno }
private func systemExchange(_ a: String, _ b: String) -> Int32 { podium_exchange_paths(a, b) == 0 ? 0 : errno }
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }

/// A file-system call that failed: what was done, to which path, and the operating system's reason.
struct FolderFailure: Error {
    let action: String
    let code: Int32

    var reason: String { "\(action): \(String(cString: strerror(code)))" }
}

enum Folders {
    /// `parent/name` → (`parent`, `name`); a bare name is in `.`.
    static func split(_ path: String) -> (parent: String, name: String) {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return (".", String(trimmed)) }
        let parent = trimmed[..<slash]
        return (parent.isEmpty ? "/" : String(parent), String(trimmed[trimmed.index(after: slash)...]))
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws {
        if isDirectory(path) || path.isEmpty { return }
        let (parent, _) = split(path)
        if parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST || !isDirectory(path) {
            // A file where a folder should be: "Not a directory" says it better than "File exists".
            throw FolderFailure(action: "cannot create \(path)", code: errno == EEXIST ? ENOTDIR : errno)
        }
    }

    /// Writes a new file (it must not exist yet), checking every call, `close` included.
    static func write(_ contents: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FolderFailure(action: "cannot create \(path)", code: errno) }
        var failure: Int32 = 0
        var bytes = contents
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw FolderFailure(action: "cannot write \(path)", code: failure) }
    }

    /// Removes a folder and everything in it, as far as it can: what is left is a leftover that the
    /// next run removes.
    static func remove(_ path: String) {
        guard exists(path) else { return }
        try? FileManager.default.removeItem(atPath: path)
    }
}
