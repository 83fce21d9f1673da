#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a CSV file can be cut into ranges that are parsed on their own.
///
/// A line end is a record boundary unless it is inside a quoted field, and a quoted field can hold
/// line breaks, so a cut cannot just go to the next line end. In a file that libcsv parses without an
/// error in strict mode, every quote is an opening quote, a closing quote or one of a doubled pair
/// inside a quoted field (a quote anywhere else is an error). So the number of quotes before a byte is
/// even exactly when that byte is outside quoted fields, and a line end with an even number of quotes
/// before it ends a record. The cut is put just after the first such line end (after the LF of a CRLF)
/// at or after the target offset.
///
/// If the file is not valid, the cuts may fall inside a field; but then the range before the cut holds
/// the error, and that range starts where its parser's state is known (at the file's start, or after a
/// range that parsed without error, which ends outside quotes): its error is the error of a read in one
/// piece, and it comes first in file order, so the later ranges' results are never used.
public enum CSVSplit {
    /// The start offsets of up to `parts` ranges of the bytes `from..<size`; the first is `from`. A
    /// target cut with no record boundary after it gives fewer ranges.
    public static func boundaries(path: String, name: String, from: Int, size: Int, parts: Int) throws -> [Int] {
        guard parts > 1 else { return [from] }
        guard let file = fopen(path, "rb") else {
            throw CSVError.cannotOpen(file: name, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        let bufferSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
        defer { buffer.deallocate() }

        var starts = [from]
        var quotes = 0          // quotes in bytes 0..<position
        var position = 0
        for part in 1..<parts {
            let target = max(from + (size - from) / parts * part, position)
            // Count the quotes up to the target: in the file's pages mapped into memory (no copy),
            // jumping from quote to quote with memchr; by reading, if it cannot be mapped.
            if position < target, let counted = quotesMapped(file: file, from: position, to: target) {
                quotes &+= counted
                position = target
                fseek(file, target, SEEK_SET)
            }
            while position < target {
                let count = fread(buffer.baseAddress, 1, min(bufferSize, target - position), file)
                if count == 0 { return starts }
                quotes &+= countQuotes(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                position += count
            }
            // Then look for a line end outside quotes, as the reader finds a record's end.
            var scan = RecordEndScan(insideQuotes: quotes & 1 == 1)
            var found: Int?
            while found == nil {
                let count = fread(buffer.baseAddress, 1, bufferSize, file)
                if count == 0 { break }   // a CR at the very end would cut at `size`: no range
                found = scan.end(in: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), from: 0, to: count).map { position + $0 }
                position += count
            }
            // No quotes are open at a cut: counting goes on from it with an even count.
            quotes = 0
            guard let cut = found, cut < size else { return starts }
            starts.append(cut)
            position = cut
            fseek(file, cut, SEEK_SET)
        }
        return starts
    }

    /// The quotes in bytes `from..<to` of the file, counted in its pages mapped into memory 8 MiB at a
    /// time (mapped pages count as the process's memory while mapped); nil if it cannot be mapped.
    static func quotesMapped(file: UnsafeMutablePointer<FILE>, from: Int, to: Int) -> Int? {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let window = 8 << 20
        var count = 0
        var position = from
        while position < to {
            let start = position / page * page
            let length = min(to, start + window) - start
            guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, fileno(file), off_t(start)),
                  mapped != MAP_FAILED else { return nil }
            _ = madvise(mapped, length, MADV_SEQUENTIAL)
            var cursor = UnsafeRawPointer(mapped) + (position - start)
            let limit = UnsafeRawPointer(mapped) + length
            while cursor < limit, let found = memchr(cursor, 0x22, limit - cursor) {
                count += 1
                cursor = UnsafeRawPointer(found) + 1
            }
            munmap(mapped, length)
            position = start + length
        }
        return count
    }

    /// The number of `"` bytes, eight at a time (`ByteWord`).
    static func countQuotes(_ bytes: UnsafeRawBufferPointer) -> Int {
        let quote = ByteWord.repeated(0x22)
        var count = 0
        var index = 0
        let total = bytes.count
        guard let base = bytes.baseAddress else { return 0 }
        while index + 8 <= total {
            count &+= ByteWord.matches(base.loadUnaligned(fromByteOffset: index, as: UInt64.self), quote).nonzeroBitCount
            index += 8
        }
        while index < total {
            if base.load(fromByteOffset: index, as: UInt8.self) == 0x22 { count += 1 }
            index += 1
        }
        return count
    }
}
