import CLibArchive
import PodiumCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ZIP file that cannot be read, or lacks the entry asked for: one line naming the file.
public struct ArchiveError: Error, CustomStringConvertible, Sendable, Equatable {
    public let file: String
    public let message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// One entry of a ZIP file, decompressed by libarchive as it is read: nothing is extracted to disk
/// and the entry is never held whole in memory. Stored and deflated entries are read, and their
/// checksums checked when they end.
///
/// The entry is the one whose name (its path in the ZIP, e.g. `dane/GMINY.DBF`) satisfies `matching`;
/// directories are ignored. Exactly one entry must match: none, or two, is an error that names the
/// entries, so a ZIP that gains a second table is refused rather than read in part. To know that,
/// the ZIP is opened twice: once to list its entries, then to read the one found. Only libarchive's
/// seekable ZIP reader is enabled (not the streaming one that `archive_read_support_format_zip`
/// adds): it starts from the central directory at the end of the file and skips entries by seeking,
/// so listing costs a few small reads however large the entries are, and a ZIP cut short, having
/// lost its central directory, is refused before any byte is read, even when the entry itself
/// survived the cut. `path` must therefore be a regular file, not a pipe.
///
/// Not thread-safe: one reader at a time.
public final class ZipEntryStream {
    /// The entry's name in the ZIP.
    public let entryName: String
    /// The entry's uncompressed size, when the ZIP states it (a ZIP written as a stream may not).
    public let size: Int?
    /// The name messages give the file.
    public let file: String
    private let archive: OpaquePointer
    private var ended = false

    /// AE_IFDIR, which Swift does not import (its macro is a cast).
    static let directoryType: UInt32 = 0o040000

    /// libarchive's read size: few system calls, a bounded buffer.
    static let blockSize = 1 << 20

    /// Opens the ZIP at `path` on its one entry whose name satisfies `matching`; `what` describes
    /// them for the error when there is none (`"ending in '.dbf'"`).
    public init(path: String, displayName: String? = nil, what: String, matching: (String) -> Bool) throws {
        let file = displayName ?? path
        let entries = try Self.entries(path: path, file: file)
        let matches = entries.filter { !$0.isDirectory && matching($0.name) }
        guard let match = matches.first else {
            let files = entries.filter { !$0.isDirectory }.map(\.name)
            let list = files.isEmpty
                ? "it has no files"
                : "entries: " + files.prefix(20).map { quoted($0, limit: 80) }.joined(separator: ", ")
                    + (files.count > 20 ? ", … (\(files.count) files)" : "")
            throw ArchiveError(file: file, message: "no entry \(what) in the ZIP (\(list))")
        }
        guard matches.count == 1 else {
            throw ArchiveError(file: file, message: "more than one entry \(what) in the ZIP: "
                + matches.prefix(20).map { quoted($0.name, limit: 80) }.joined(separator: ", "))
        }
        let archive = try Self.open(path: path, file: file)
        do {
            self.size = try Self.skip(to: match, in: archive, file: file)
        } catch {
            archive_read_free(archive)
            throw error
        }
        self.archive = archive
        self.file = file
        self.entryName = match.name
    }

    deinit {
        archive_read_free(archive)
    }

    /// Fills `buffer` with the entry's next bytes and returns how many, 0 at the end of the entry. A
    /// corrupt or truncated ZIP, or a checksum that does not match, is an `ArchiveError`.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !ended, !buffer.isEmpty else { return 0 }
        let count = archive_read_data(archive, buffer.baseAddress, buffer.count)
        guard count >= 0 else { throw Self.failure(archive, file: file) }
        if count == 0 { ended = true }
        return count
    }

    private struct Entry {
        let position: Int
        let name: String
        let isDirectory: Bool
    }

    /// Every entry's name, in the ZIP's order.
    private static func entries(path: String, file: String) throws -> [Entry] {
        let archive = try open(path: path, file: file)
        defer { archive_read_free(archive) }
        var entries: [Entry] = []
        var entry = try nextHeader(archive, file: file)
        while let current = entry {
            let name = name(current)
            entries.append(Entry(
                position: entries.count, name: name,
                isDirectory: archive_entry_filetype(current) == directoryType || name.hasSuffix("/")))
            guard archive_read_data_skip(archive) == ARCHIVE_OK else { throw failure(archive, file: file) }
            entry = try nextHeader(archive, file: file)
        }
        return entries
    }

    /// Skips the entries before `entry`; returns its size, when stated.
    private static func skip(to entry: Entry, in archive: OpaquePointer, file: String) throws -> Int? {
        for _ in 0..<entry.position {
            guard try nextHeader(archive, file: file) != nil else { throw changed(file) }
            guard archive_read_data_skip(archive) == ARCHIVE_OK else { throw failure(archive, file: file) }
        }
        guard let header = try nextHeader(archive, file: file), name(header) == entry.name else { throw changed(file) }
        return archive_entry_size_is_set(header) != 0 ? Int(archive_entry_size(header)) : nil
    }

    private static func changed(_ file: String) -> ArchiveError {
        ArchiveError(file: file, message: "the ZIP changed while it was being read")
    }

    private static func open(path: String, file: String) throws -> OpaquePointer {
        guard let archive = archive_read_new() else {
            throw ArchiveError(file: file, message: "libarchive could not allocate a reader")
        }
        guard archive_read_support_format_zip_seekable(archive) == ARCHIVE_OK,
              archive_read_support_filter_none(archive) == ARCHIVE_OK,
              archive_read_open_filename(archive, path, blockSize) == ARCHIVE_OK
        else {
            let error = failure(archive, file: file)
            archive_read_free(archive)
            throw error
        }
        return archive
    }

    /// The next entry's header, nil after the last.
    private static func nextHeader(_ archive: OpaquePointer, file: String) throws -> OpaquePointer? {
        var entry: OpaquePointer?
        switch archive_read_next_header(archive, &entry) {
        case ARCHIVE_OK: return entry
        case ARCHIVE_EOF: return nil
        default: throw failure(archive, file: file)
        }
    }

    /// The entry's name as UTF-8 (libarchive converts names the ZIP does not flag as UTF-8 from the
    /// DOS code page), or as stored when it cannot.
    private static func name(_ entry: OpaquePointer) -> String {
        if let name = archive_entry_pathname_utf8(entry) { return String(cString: name) }
        if let name = archive_entry_pathname(entry) { return String(cString: name) }
        return ""
    }

    private static func failure(_ archive: OpaquePointer, file: String) -> ArchiveError {
        var message = archive_error_string(archive).map { String(cString: $0) } ?? "libarchive failed without saying why"
        // What libarchive says of a file whose end holds no central directory: garbage, or a ZIP cut short.
        if archive_errno(archive) == EILSEQ, message == "Unrecognized archive format" {
            message = "not a ZIP, or a ZIP cut short (\(message))"
        }
        return ArchiveError(file: file, message: oneLine(message))
    }
}
