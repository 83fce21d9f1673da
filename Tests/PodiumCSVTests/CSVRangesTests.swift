import Foundation
import Testing
@testable import PodiumCSV

/// What a read gives: every row with its line in the file, or the error's text.
private struct ReadOutcome: Equatable, CustomStringConvertible {
    var rows: [[String]] = []
    var lines: [Int] = []
    var error: String?
    var ranges = 1

    var description: String { error ?? "\(rows.count) rows in \(ranges) ranges" }

    static func == (a: Self, b: Self) -> Bool { a.rows == b.rows && a.lines == b.lines && a.error == b.error }
}

private func read(_ bytes: [UInt8], threads: Int, fastPath: Bool = true, minimumRange: Int = 1) throws -> ReadOutcome {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("podium-ranges-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var options = CSVReadOptions()
    options.plainRecordsFastPath = fastPath
    options.minimumRangeBytes = minimumRange
    // One list per range: each is filled by its own thread.
    var perRange: [[(line: Int, fields: [String])]] = []
    var outcome = ReadOutcome()
    do {
        let summary = try CSVReader.read(url.path, options: options, displayName: "t.csv", threads: threads) { _, range in
            perRange.append([])
            return { record in
                perRange[range].append((record.line, (0..<record.count).map { String(decoding: record.field($0), as: UTF8.self) }))
            }
        }
        outcome.ranges = summary.ranges
        for (range, rows) in perRange.enumerated() {
            outcome.rows += rows.map(\.fields)
            outcome.lines += rows.map { $0.line + summary.lineOffsets[range] }
        }
    } catch {
        outcome.error = String(describing: error)
    }
    return outcome
}

/// Random CSV made of the pieces that matter to a reader: quoted fields holding delimiters, quotes and
/// line breaks of every kind, spaces and tabs around quotes, spaces to trim, blank lines, CR, LF and
/// CRLF line ends, and now and then a mistake (a stray quote, text or a quote after a closing quote, a
/// missing field, a lone empty quoted field, an unclosed quote).
private func randomCSV(seed: UInt64, rows: Int, mistakes: Bool) -> [UInt8] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    func next(_ bound: Int) -> Int {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return Int(state % UInt64(bound))
    }
    let ends: [[UInt8]] = [[0x0A], [0x0A], [0x0A], [0x0D, 0x0A], [0x0D]]
    let plain = ["a", "12", "Łódź", "x y", "  padded  ", "\t", "", "0264011", "2024-01-01T10:00:00Z"]
    let quoted = ["\"a,b\"", "\"line\nbreak\"", "\"cr\rlf\r\n\"", "\"say \"\"hi\"\"\"", "\"\"", "\" spaced \"",
                  "  \"around\"\t ", "\t\"x\"", "\"\"\"\"", "\"a\"\"\n\"\"b\"", "\"\r\"", "\"\n\n\"", "\",\"",
                  "\"Łódź\r\n\"\"x\"\"\"", "\"\"\"lead\"", "\"trail\"\"\"", "\"\"  "]
    // Mistakes the fast path must leave to libcsv, which reports them.
    let malformed = ["\"after\"text", "\"a\" \"", "\"a\"\"\"b\"c", "x\"y\"", "  \"a\" b", "\"a\"\r\n"]
    var out = Array("id,name,note\n".utf8)
    for _ in 0..<rows {
        if next(20) == 0 { out += ends[next(ends.count)]; continue }          // a blank line
        // One empty quoted field: a (ragged) row, not a blank line.
        if mistakes && next(200) == 0 { out += Array("  \"\" ".utf8) + ends[next(ends.count)]; continue }
        if next(40) == 0 { out += Array("   ".utf8) + ends[next(ends.count)]; continue }
        var fields: [String] = []
        for _ in 0..<3 { fields.append(next(4) == 0 ? quoted[next(quoted.count)] : plain[next(plain.count)]) }
        if mistakes && next(300) == 0 {
            switch next(3) {
            case 0: fields[1] = "stray\"quote"
            case 1: fields.removeLast()
            default: fields[2] = malformed[next(malformed.count)]
            }
        }
        out += Array(fields.joined(separator: ",").utf8) + ends[next(ends.count)]
    }
    if mistakes && next(4) == 0 { out += Array("1,\"never closed\n".utf8) }
    return out
}

@Suite("CSV reader: ranges read at once, and the fast path for plain records")
struct CSVRangesTests {
    @Test("records with no quote are split as libcsv splits them: same rows, lines and errors", arguments: 0..<40)
    func fastPathIsLibcsv(seed: Int) throws {
        let bytes = randomCSV(seed: UInt64(seed), rows: 300, mistakes: seed % 2 == 1)
        let libcsv = try read(bytes, threads: 1, fastPath: false)
        let fast = try read(bytes, threads: 1, fastPath: true)
        #expect(fast == libcsv, "seed \(seed): \(fast) vs \(libcsv)")
        if seed % 2 == 0 { #expect(libcsv.error == nil && libcsv.rows.count > 200) }
    }

    @Test("a file read in 2, 3 or 7 ranges gives the rows, lines and first error of a read in one piece", arguments: 0..<30)
    func rangesAreOnePiece(seed: Int) throws {
        let bytes = randomCSV(seed: UInt64(1000 + seed), rows: 400, mistakes: seed % 3 == 2)
        let whole = try read(bytes, threads: 1)
        for threads in [2, 3, 7] {
            let cut = try read(bytes, threads: threads, minimumRange: 64)
            #expect(cut == whole, "seed \(seed), \(threads) threads: \(cut) vs \(whole)")
            if whole.error == nil { #expect(cut.ranges > 1) }
        }
    }

    @Test("quoted fields on the fast path: unescaped, lines counted, a lone \"\" is a row")
    func quotedFastPath() throws {
        let text = "id,note\n1,\"a \"\"b\"\", c\"\n2,  \"x\ny\r\nz\rw\"\t \n\"\"\"\"\"\",\"\"\n3,\"\"\n"
        for fastPath in [true, false] {
            let outcome = try read(Array(text.utf8), threads: 1, fastPath: fastPath)
            #expect(outcome.error == nil)
            #expect(outcome.rows == [["1", "a \"b\", c"], ["2", "x\ny\r\nz\rw"], ["\"\"", ""], ["3", ""]])
            #expect(outcome.lines == [2, 3, 7, 8])
        }
        let single = try read(Array("v\n\"\"\n\n \"x\" \n".utf8), threads: 1)
        #expect(single.rows == [[""], ["x"]])
        #expect(single.lines == [2, 4])
    }

    @Test("a quoted field with line breaks across the cut: the cut moves past it")
    func quotedLineBreakAtTheCut() throws {
        // The middle of the file falls inside the quoted field of row 3; its lines look like records.
        let note = (0..<200).map { "x,\($0),fake row \($0)" }.joined(separator: "\n")
        let text = "id,n,note\n1,a,plain\n2,b,plain\n3,c,\"\(note)\"\n4,d,after\n5,e,\"two\r\nlines\"\n6,f,last\n"
        let size = text.utf8.count
        let whole = try read(Array(text.utf8), threads: 1)
        let cut = try read(Array(text.utf8), threads: 2, minimumRange: size / 3)
        #expect(whole.error == nil)
        #expect(whole.rows.map { $0[0] } == ["1", "2", "3", "4", "5", "6"])
        #expect(whole.lines == [2, 3, 4, 204, 205, 207])
        #expect(cut.ranges == 2)
        #expect(cut == whole)
        // The cut itself: after the line end that follows the quoted field, not inside it.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("podium-cut-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let starts = try CSVSplit.boundaries(path: url.path, name: "t.csv", from: 10, size: size, parts: 2)
        let fourth = Array(text.utf8).firstRange(of: Array("4,d,after".utf8))!.lowerBound
        #expect(starts == [10, fourth])
    }

    @Test("an error in the second range is reported on its line in the file")
    func errorInSecondRange() throws {
        var rows = (1...300).map { "\($0),name \($0),\"note\nwith a break\"" }
        rows[250] = "251,bad\"quote,x"
        let text = "id,name,note\n" + rows.joined(separator: "\n") + "\n"
        let whole = try read(Array(text.utf8), threads: 1)
        let cut = try read(Array(text.utf8), threads: 2, minimumRange: 1000)
        #expect(whole.error == "t.csv:502: malformed CSV: a quote inside an unquoted field, or text after a closing quote (quote such fields and double their quotes)")
        #expect(cut.error == whole.error)
    }

    @Test("CR-only line ends: an error is reported on its line, not on line 1")
    func crOnlyLines() throws {
        var rows = (1...50).map { "\($0),x" }
        rows[38] = "39,bad\"quote"
        let text = "id,v\r" + rows.joined(separator: "\r") + "\r"
        let outcome = try read(Array(text.utf8), threads: 1)
        #expect(outcome.error?.hasPrefix("t.csv:40: malformed CSV") == true, "\(outcome)")
        let clean = try read(Array(("id,v\r" + (1...5).map { "\($0),\"a\rb\"" }.joined(separator: "\r") + "\r").utf8), threads: 1)
        #expect(clean.lines == [2, 4, 6, 8, 10])
    }

    @Test("quotes are counted eight bytes at a time, exactly", arguments: [0, 1, 7, 8, 9, 63, 64, 65])
    func quoteCount(length: Int) {
        var state: UInt64 = 0x1234_5678 &+ UInt64(length)
        let bytes: [UInt8] = (0..<length).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return [0x22, 0x21, 0x23, 0xA2, 0x0A, 0x41][Int(state >> 61) % 6]
        }
        let counted = bytes.withUnsafeBytes { CSVSplit.countQuotes($0) }
        #expect(counted == bytes.filter { $0 == 0x22 }.count)
    }
}
