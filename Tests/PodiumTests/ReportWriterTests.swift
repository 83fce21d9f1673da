import Foundation
import Testing
@testable import Podium

#if canImport(Glibc)
import Glibc
#endif

@Suite("Writing reports")
struct ReportWriterTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("podium-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func contents(_ directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            result[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return result
    }

    func names(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// A process number that no process has (above Linux's pid_max).
    static let deadPID: pid_t = 2_000_000_000

    @Test("a new set replaces the old one whole, stale files included")
    func replaces() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("2024/ranking")
        try ReportWriter.write([ReportFile(name: "a.csv", contents: "1\n"), ReportFile(name: "old.csv", contents: "x\n")], to: target.path)
        try ReportWriter.write([ReportFile(name: "a.csv", contents: "2\n")], to: target.path)
        #expect(try contents(target) == ["a.csv": "2\n"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("2024").path) == ["ranking"])
    }

    @Test("a failed write leaves the previous reports untouched and nothing half-written")
    func failureKeepsPrevious() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("2024/ranking")
        try ReportWriter.write([ReportFile(name: "a.csv", contents: "1\n")], to: target.path)
        // The last file cannot be created: its name is the folder the file before it went into.
        let error = #expect(throws: ReportError.self) {
            try ReportWriter.write([ReportFile(name: "a.csv", contents: "2\n"), ReportFile(name: "sub/b.csv", contents: ""),
                                    ReportFile(name: "sub", contents: "")], to: target.path)
        }
        #expect(error?.description == "\(target.path): cannot write the reports: cannot create \(root.path)/2024/.ranking.new-\(getpid())/sub: "
                + "File exists; no report folder was changed")
        #expect(try contents(target) == ["a.csv": "1\n"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("2024").path) == ["ranking"])
    }

    @Test("every folder is written before any is swapped in: one that cannot be written changes none")
    func allWrittenFirst() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = root.appendingPathComponent("a"), second = root.appendingPathComponent("b")
        try ReportWriter.write([ReportFolder(directory: first.path, files: [ReportFile(name: "x.csv", contents: "old a\n")]),
                                ReportFolder(directory: second.path, files: [ReportFile(name: "x.csv", contents: "old b\n")])])
        let long = String(repeating: "c", count: 300) + ".csv"
        let error = #expect(throws: ReportError.self) {
            try ReportWriter.write([ReportFolder(directory: first.path, files: [ReportFile(name: "x.csv", contents: "new a\n")]),
                                    ReportFolder(directory: second.path, files: [ReportFile(name: long, contents: "new b\n")])])
        }
        #expect(error?.description == "\(second.path): cannot write the reports: cannot create \(root.path)/.b.new-\(getpid())/\(long): "
                + "File name too long; no report folder was changed")
        #expect(try contents(first) == ["x.csv": "old a\n"])
        #expect(try contents(second) == ["x.csv": "old b\n"])
        #expect(try names(root) == ["a", "b"])
    }

    /// The system's calls, except that swapping anything into `failing` fails with `code`.
    static func operations(failing: String, code: Int32, calls: Calls? = nil) -> FolderOperations {
        FolderOperations(
            rename: { from, to in
                calls?.add("rename \(from) \(to)")
                return to == failing && from.contains(".new-") ? code : FolderOperations.system.rename(from, to)
            },
            exchange: { a, b in
                calls?.add("exchange \(a) \(b)")
                return b == failing ? code : FolderOperations.system.exchange(a, b)
            })
    }

    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ call: String) { lock.withLock { list.append(call) } }
        var all: [String] { lock.withLock { list } }
    }

    @Test("a swap that fails puts back the folders already swapped, and says why", arguments: [true, false])
    func swapFailurePutsBack(firstExists: Bool) throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = root.appendingPathComponent("a"), second = root.appendingPathComponent("b")
        if firstExists { try ReportWriter.write([ReportFile(name: "x.csv", contents: "old a\n")], to: first.path) }
        try ReportWriter.write([ReportFile(name: "x.csv", contents: "old b\n")], to: second.path)
        let error = #expect(throws: ReportError.self) {
            try ReportWriter.write([ReportFolder(directory: first.path, files: [ReportFile(name: "x.csv", contents: "new a\n")]),
                                    ReportFolder(directory: second.path, files: [ReportFile(name: "x.csv", contents: "new b\n")])],
                                   operations: Self.operations(failing: second.path, code: EBUSY))
        }
        #expect(error?.description == "\(second.path): cannot write the reports: cannot swap \(root.path)/.b.new-\(getpid()) with \(second.path): "
                + "Device or resource busy; no report folder was changed (\(first.path) put back)")
        if firstExists {
            #expect(try contents(first) == ["x.csv": "old a\n"])
        }
        #expect(try contents(second) == ["x.csv": "old b\n"])
        #expect(try names(root) == (firstExists ? ["a", "b"] : ["b"]))
    }

    @Test("an existing folder is swapped in one step (renameat2 RENAME_EXCHANGE); a new one is renamed")
    func exchangeWhenTargetExists() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("r")
        let calls = Calls()
        let recording = Self.operations(failing: "", code: 0, calls: calls)
        try ReportWriter.write([ReportFolder(directory: target.path, files: [ReportFile(name: "x.csv", contents: "1\n")])], operations: recording)
        try ReportWriter.write([ReportFolder(directory: target.path, files: [ReportFile(name: "x.csv", contents: "2\n")])], operations: recording)
        let staging = "\(root.path)/.r.new-\(getpid())"
        #expect(calls.all == ["rename \(staging) \(target.path)", "exchange \(staging) \(target.path)"])
        #expect(try contents(target) == ["x.csv": "2\n"])
        #expect(try names(root) == ["r"])
    }

    @Test("the system's exchange swaps two folders")
    func systemExchange() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        try ReportWriter.write([ReportFile(name: "x", contents: "in a\n")], to: a.path)
        try ReportWriter.write([ReportFile(name: "x", contents: "in b\n")], to: b.path)
        #expect(FolderOperations.system.exchange(a.path, b.path) == 0)
        #expect(try contents(a) == ["x": "in b\n"])
        #expect(try contents(b) == ["x": "in a\n"])
        #expect(FolderOperations.system.exchange(a.path, root.appendingPathComponent("missing").path) == ENOENT)
    }

    @Test("where the file system cannot exchange, two renames replace the folder")
    func fallbackRenames() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("r")
        try ReportWriter.write([ReportFile(name: "x.csv", contents: "1\n")], to: target.path)
        let calls = Calls()
        let noExchange = FolderOperations(
            rename: { calls.add("rename \($0) \($1)"); return FolderOperations.system.rename($0, $1) },
            exchange: { _, _ in EINVAL })
        try ReportWriter.write([ReportFolder(directory: target.path, files: [ReportFile(name: "y.csv", contents: "2\n")])], operations: noExchange)
        let (staging, retired) = ("\(root.path)/.r.new-\(getpid())", "\(root.path)/.r.old-\(getpid())")
        #expect(calls.all == ["rename \(target.path) \(retired)", "rename \(staging) \(target.path)"])
        #expect(try contents(target) == ["y.csv": "2\n"])
        #expect(try names(root) == ["r"])
    }

    @Test("leftovers of a killed run are tidied: a lone retired folder is put back, the rest removed; a live process's are kept")
    func leftovers() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = Self.deadPID
        func make(_ name: String, _ text: String) throws {
            let folder = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent("x.csv"))
        }
        try make("kept", "current\n")
        try make(".kept.old-\(dead)", "older\n")           // the swap finished: removed
        try make(".kept.new-\(dead)", "unfinished\n")      // never swapped in: removed
        try make(".lost.old-\(dead)", "previous\n")        // killed between two renames: put back
        try make(".lost.new-\(dead)", "complete\n")
        try make(".busy.new-1", "being written\n")         // process 1 is alive
        try make(".note.txt-\(dead)", "not ours\n")
        let restored = ReportLeftovers.tidy(root.path)
        #expect(restored == ["put back \(root.path)/lost from .lost.old-\(dead), left by process \(dead), which was stopped while replacing it"])
        #expect(try names(root) == [".busy.new-1", ".note.txt-\(dead)", "kept", "lost"])
        #expect(try contents(root.appendingPathComponent("kept")) == ["x.csv": "current\n"])
        #expect(try contents(root.appendingPathComponent("lost")) == ["x.csv": "previous\n"])
    }
}
