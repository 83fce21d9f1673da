import Foundation

/// Puts a ranking's reports in place all at once: the files are written into a hidden folder next to
/// the target and swapped in by renaming, so a failed run leaves the previous reports untouched and
/// no reader ever sees half a set.
public enum ReportWriter {
    public static func write(_ files: [ReportFile], to directory: String) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: directory)
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let token = "\(ProcessInfo.processInfo.processIdentifier)"
        let staging = parent.appendingPathComponent(".\(name).new-\(token)")
        let retired = parent.appendingPathComponent(".\(name).old-\(token)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.name)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .atomic)
            }
            if manager.fileExists(atPath: target.path) {
                try? manager.removeItem(at: retired)
                try manager.moveItem(at: target, to: retired)
                do {
                    try manager.moveItem(at: staging, to: target)
                } catch {
                    try? manager.moveItem(at: retired, to: target)
                    throw error
                }
                try? manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw ReportError(directory: directory, reason: (error as NSError).localizedDescription)
        }
    }
}

public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let directory: String
    public let reason: String
    public var description: String { "\(directory): cannot write the reports: \(reason)" }
}
