import CLibArchive

/// ZIP files written with libarchive, for tests: the reader is tested on what another writer made,
/// and the tests need no Python or zip command.
public enum ZipFile {
    public enum Compression: Sendable {
        case store, deflate
    }

    public struct Entry: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public var compression: Compression
        public var isDirectory: Bool

        public init(_ name: String, _ bytes: [UInt8], compression: Compression = .deflate) {
            self.name = name
            self.bytes = bytes
            self.compression = compression
            self.isDirectory = false
        }

        public static func directory(_ name: String) -> Entry {
            var entry = Entry(name, [])
            entry.isDirectory = true
            return entry
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The ZIP file's bytes.
    public static func bytes(_ entries: [Entry]) throws -> [UInt8] {
        let file = TemporaryFile(suffix: ".zip")
        defer { file.remove() }
        try write(entries, to: file.path)
        return try file.bytes
    }

    public static func write(_ entries: [Entry], to path: String) throws {
        guard let archive = archive_write_new() else { throw Failure(description: "archive_write_new failed") }
        defer { archive_write_free(archive) }
        func check(_ result: Int32) throws {
            guard result == ARCHIVE_OK else {
                throw Failure(description: archive_error_string(archive).map { String(cString: $0) } ?? "libarchive failed")
            }
        }
        try check(archive_write_set_format_zip(archive))
        try check(archive_write_open_filename(archive, path))
        for item in entries {
            // Unlike the "zip:compression" option, which must be set before the file is opened, these
            // may be called between entries.
            switch item.compression {
            case .store: try check(archive_write_zip_set_compression_store(archive))
            case .deflate: try check(archive_write_zip_set_compression_deflate(archive))
            }
            let entry = archive_entry_new()
            defer { archive_entry_free(entry) }
            archive_entry_set_pathname(entry, item.name)
            archive_entry_set_filetype(entry, item.isDirectory ? 0o040000 : 0o100000)  // AE_IFDIR, AE_IFREG
            archive_entry_set_perm(entry, item.isDirectory ? 0o755 : 0o644)
            archive_entry_set_size(entry, Int64(item.bytes.count))
            archive_entry_set_mtime(entry, 1_715_904_000, 0)
            try check(archive_write_header(archive, entry))
            if !item.bytes.isEmpty {
                let written = item.bytes.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, $0.count) }
                guard written == item.bytes.count else { throw Failure(description: "archive_write_data wrote \(written)") }
            }
        }
        try check(archive_write_close(archive))
    }
}
