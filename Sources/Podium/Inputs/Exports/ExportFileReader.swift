import PodiumCSV

/// Reads one export file through its format: for every post row, the post id, the UTC day it was
/// published on, and its reactions, comments and shares.
enum ExportFileReader {
    /// What one file held besides its posts.
    struct Counts: Sendable, Equatable {
        var rows = 0
        /// Rows that are no posts (YouTube's `Total`).
        var summaryRows = 0
        /// Empty reaction, comment or share cells, read as 0.
        var emptyCounts = 0
        var bytes = 0
        /// The file's size and SHA-256, from the bytes as they were read: nil when the read stopped
        /// before the end (a row limit).
        var digest: FileDigest?
    }

    /// Calls `post` with (id bytes, UTC day number, reactions, comments, shares, line) for every post
    /// row of `path` (named `name` in messages), the export of an account of `platform`.
    static func read(_ path: String, name: String, format: ExportFormat, platform: Platform?, zone: ZoneRules?, limit: RowLimit = .all,
                     _ post: (UnsafeBufferPointer<UInt8>, Int, Int, Int, Int, Int) throws -> Void) throws -> Counts {
        var counts = Counts()
        let digest = StreamingDigest()
        let read = try withoutActuallyEscaping(post) { post in try limit.read {
            try CSVReader.read(path, displayName: name, observe: digest.update) { header in
                let columns = try format.resolve(header, platform: platform)
                // This thread's own copies: no reference count shared with another reading thread.
                let patterns = format.patterns.map { $0.unshared() }
                let zone = zone?.unshared()
                let (idColumn, time) = (columns.id, columns.time)
                let (reactions, comments, shares, views) = (columns.reactions, columns.comments, columns.shares, columns.views)
                let skipRows = columns.skipRows, after = columns.idAfter, idIsNumber = columns.idIsNumber
                @inline(__always) func count(_ record: CSVRecord, _ column: CSVColumn) throws -> Int {
                    let field = record.field(column.index)
                    if field.isEmpty { counts.emptyCounts += 1; return 0 }
                    guard let value = ExportCount.parse(field) else { throw invalidCount(record, column) }
                    return value
                }
                return limit.handler { record in
                    for rule in skipRows where rule.value.elementsEqual(record.field(rule.column.index)) {
                        counts.summaryRows += 1
                        return
                    }
                    var id = record.field(idColumn.index)
                    if let after { id = try postID(record, idColumn, after: after) }
                    guard !id.isEmpty else { throw record.fail("column \(quoted(idColumn.name)) is empty") }
                    if idIsNumber, !id.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                        throw record.fail("column \(quoted(idColumn.name)): \(quoted(record.string(idColumn))) has no number "
                            + (after.map { "after \(quoted(String(decoding: $0, as: UTF8.self)))" } ?? "as its post id"))
                    }
                    let day = try utcDay(record, time, patterns: patterns, zone: zone, format: format)
                    let r = try count(record, reactions), c = try count(record, comments), s = try count(record, shares)
                    if let views, !record.isEmpty(views), ExportCount.parse(record.field(views.index)) == nil {
                        throw invalidCount(record, views)
                    }
                    try post(id, day, r, c, s, record.line)
                }
            }
        } }
        counts.rows = limit.taken(read?.records)
        counts.bytes = read?.bytes ?? CSVReader.fileSize(path)
        if let read, digest.bytes == read.bytes { counts.digest = digest.finish() }
        return counts
    }

    private static func invalidCount(_ record: CSVRecord, _ column: CSVColumn) -> InputError {
        record.fail("column \(quoted(column.name)): \(quoted(record.string(column))) is not a count (digits, 18,400 or 1.2K)")
    }

    /// The text after the marker, up to `/`, `?`, `#` or the end.
    @inline(__always)
    private static func postID(_ record: CSVRecord, _ column: CSVColumn, after marker: [UInt8]) throws -> UnsafeBufferPointer<UInt8> {
        let field = record.field(column.index)
        var start = -1
        if field.count >= marker.count {
            for index in 0...(field.count - marker.count) where field[index] == marker[0] {
                if (1..<marker.count).allSatisfy({ field[index + $0] == marker[$0] }) { start = index + marker.count; break }
            }
        }
        var end = max(start, 0)
        while start >= 0, end < field.count, field[end] != UInt8(ascii: "/"), field[end] != UInt8(ascii: "?"), field[end] != UInt8(ascii: "#") {
            end += 1
        }
        guard start >= 0, end > start else {
            throw record.fail("column \(quoted(column.name)): \(quoted(record.string(column))) has no post id after \(quoted(String(decoding: marker, as: UTF8.self)))")
        }
        return UnsafeBufferPointer(rebasing: field[start..<end])
    }

    @inline(__always)
    private static func utcDay(_ record: CSVRecord, _ column: CSVColumn, patterns: [TimePattern], zone: ZoneRules?, format: ExportFormat) throws -> Int {
        let field = record.field(column.index)
        for pattern in patterns {
            guard let moment = pattern.match(field) else { continue }
            switch moment {
            case .day(let day): return day
            case .utc(let seconds): return floorDay(seconds)
            case .local(let seconds):
                // A methodology names a zone for every format with local times (checked when read).
                return floorDay(zone.map { $0.utc(fromLocal: seconds) } ?? seconds)
            }
        }
        let value = record.string(column)
        throw record.fail("column \(quoted(column.name)): \(value.isEmpty ? "empty" : "\(quoted(value)) is not a time of \(format.patternsDescribed)")")
    }

    @inline(__always)
    static func floorDay(_ seconds: Int) -> Int { seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400 }
}
