import PodiumArchive
import PodiumCSV
import PodiumDBase

/// The targets of the binary formats: dBase tables, ZIPs and the Rb-28S reports made of them.
extension FuzzTarget {
    /// What one read of a dBase table gave: every value the handler read, then the summary or the error.
    struct DBaseOutcome: Equatable {
        /// Whether the handler was made, i.e. the header was read (and, with a size, checked).
        var headerAccepted = false
        var records: [String] = []
        var summary: DBaseSummary?
        var error: DBaseError?

        /// The error or the summary, for messages.
        var end: String {
            if let error { return "\(error)" }
            return summary.map { "\($0)" } ?? "no summary"
        }
    }

    /// Reads the table twice, which must give the same records and the same summary or error: from
    /// memory in one piece with the data's size, and in pieces of 1 to 8 bytes (chosen by the data)
    /// without a size, so that `Input.fill` puts the header and every record together.
    ///
    /// The size is given to one read only, so the size check is fuzzed too; that is sound because it
    /// is the only step between the header and the handler, and the only one that can differ: when
    /// it passes, the data is the header's records and at most one more byte, exactly what the read
    /// without a size accepts, so both reads are the same; when it fails, the read without a size
    /// must fail too (a short table ends in a truncated record, a long one in data after the last),
    /// but later, after handing out records, so only that it fails is compared.
    static func checkDBase(_ bytes: UnsafeRawBufferPointer) {
        let whole = readDBase(bytes, size: bytes.count, chunked: false)
        let pieces = readDBase(bytes, size: nil, chunked: true)
        if pieces.headerAccepted, !whole.headerAccepted {
            guard statedSizeDisagrees(bytes), pieces.error != nil else {
                fatalError("podium-fuzz: the size check refused a table read whole without it (\(whole.end)); in pieces: \(pieces.end)")
            }
        } else if whole != pieces {
            let difference = Swift.zip(pieces.records, whole.records).first { $0 != $1 }.map { "\($0) vs \($1)" } ?? "none"
            fatalError("podium-fuzz: the dBase table read in pieces differs from the one read whole: \(pieces.records.count) records, "
                + "\(pieces.end) vs \(whole.records.count), \(whole.end); first different record: \(difference)")
        }
    }

    /// Every field of every live record through `bytes`, `scaled` at the field's decimals and `text`
    /// in Windows-1250, each error kept as the field's value.
    static func readDBase(_ bytes: UnsafeRawBufferPointer, size: Int?, chunked: Bool) -> DBaseOutcome {
        var outcome = DBaseOutcome()
        var position = 0
        do {
            let summary = try DBaseReader.read(name: "fuzz.dbf", size: size, source: { buffer in
                var count = min(buffer.count, bytes.count - position)
                if chunked, count > 0 { count = min(count, 1 + Int(bytes[position] ^ UInt8(truncatingIfNeeded: position)) % 8) }
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)]))
                position += count
                return count
            }) { header in
                outcome.headerAccepted = true
                _ = try? header.require(["WK", "r4"])
                let fields = header.fields
                return { record in
                    var row = "\(record.number)"
                    for field in fields {
                        // `scaled` takes 0...18 decimals (a precondition); the header allows 255.
                        let scaled = Result { try record.scaled(field, scale: min(field.decimals, 18)) }
                        let text = Result { try record.text(field, encoding: .windows1250) }
                        row += "|\(Array(record.bytes(field)))|\(scaled)|\(text)"
                    }
                    outcome.records.append(row)
                }
            }
            outcome.summary = summary
        } catch let error as DBaseError {
            outcome.error = error
        } catch {
            fatalError("podium-fuzz: the dBase reader threw something else than a DBaseError: \(error)")
        }
        return outcome
    }

    /// Whether the data's length is neither what the header's counts make nor one more (the end
    /// byte), worked out here from the header's bytes rather than by the reader.
    static func statedSizeDisagrees(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 12 else { return true }
        func number(_ offset: Int, _ count: Int) -> Int { (0..<count).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
        let expected = number(8, 2) + number(4, 4) * number(10, 2)
        return bytes.count != expected && bytes.count != expected + 1
    }

    /// The report read by `BudgetReport` (a `.dbf`, or a ZIP holding one) with a few rules, over the
    /// TERC register with a traced unit and over the unit table. Read twice more, the TERC register's
    /// must give the same sums, counts, lines and error (nothing may depend on hashing order or on
    /// state left by an earlier read).
    static func checkBudgetReport(_ path: String) {
        let trace = (unit: FuzzContext.terc.units[0].code, rule: 2)
        _ = try? BudgetReport(rules: FuzzContext.budgetRules, amountField: "R4", register: FuzzContext.table).read(path, year: 2023)
        let report = BudgetReport(rules: FuzzContext.budgetRules, amountField: "R4", register: FuzzContext.terc)
        let once = Result { try report.read(path, year: 2023, trace: trace) }
        // Through `Parallel.map`, as a run reads its years, but on one thread: on two, GCD's hand-offs under the
        // sanitizers made the target 15 times slower (54 inputs a second instead of 870).
        let twice = Result { try Parallel.map(2, threads: 1) { _ in try report.read(path, year: 2023, trace: trace) } }
        let same = switch (once, twice) {
        case (.success(let year), .success(let years)): years.allSatisfy { sameYear($0, year) }
        case (.failure(let a), .failure(let b)): "\(a)" == "\(b)"
        default: false
        }
        if !same { fatalError("podium-fuzz: the Rb-28S report read again differs from the first read: \(twice) vs \(once)") }
    }

    /// Everything a year's read found, but the time it took.
    static func sameYear(_ a: BudgetReport.Year, _ b: BudgetReport.Year) -> Bool {
        a.year == b.year && a.sums == b.sums && a.hasLines == b.hasLines && a.scale == b.scale && a.records == b.records
            && a.deleted == b.deleted && a.notMunicipal == b.notMunicipal && a.bytes == b.bytes && a.unknown == b.unknown
            && a.traced == b.traced
    }

    /// The ZIP's one `.dbf` entry, read to its end through a small buffer.
    static func readZipEntry(_ path: String) {
        guard let stream = try? ZipEntryStream(path: path, what: "'.dbf' table", matching: { $0.lowercased().hasSuffix(".dbf") }) else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while let count = try? buffer.withUnsafeMutableBytes({ try stream.read(into: $0) }), count > 0 {}
    }
}
