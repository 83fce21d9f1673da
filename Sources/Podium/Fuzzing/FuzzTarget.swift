#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PodiumCSV

/// Every file format podium reads, as a target for a fuzzer (`Sources/podium-fuzz`, `scripts/fuzz`):
/// `run` writes arbitrary bytes to a scratch file and hands it to the code a run uses, with the small
/// fixed context of `FuzzContext`. Thrown errors are the answer to bad input and are dropped; what is
/// left to find is a crash, a trap (overflow, index out of range, a forced unwrap), a hang or a
/// sanitizer report.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case csv
    case methodology
    case terc
    case population
    case units
    case metrics
    case accounts
    case followers
    case posts
    case stats
    case export
    case dbase
    case rb28s
    case bdl
    case zip

    /// Runs the target once on `bytes`.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        let path = scratchFile(holding: bytes)
        switch self {
        case .csv:
            // Detected delimiter with decimal points, then a fixed one with decimal commas.
            for options in [CSVReadOptions(), CSVReadOptions(delimiter: .semicolon, decimal: .comma)] {
                _ = try? CSVReader.read(path, options: options) { header in
                    let columns = header.names.indices.map { CSVColumn(index: $0, name: header.names[$0]) }
                    for name in header.names { _ = header.column(name) }
                    return { record in
                        for column in columns {
                            _ = try? record.text(column)
                            _ = try? record.integer(column)
                            _ = try? record.number(column)
                        }
                    }
                }
            }
            // The fast path and the ranges must not change what is read: libcsv alone on one thread,
            // the fast path on one thread, and the fast path in up to 3 ranges must agree.
            var libcsv = CSVReadOptions(), cut = CSVReadOptions()
            libcsv.plainRecordsFastPath = false
            cut.minimumRangeBytes = 16
            let reference = Self.rows(path, options: libcsv, threads: 1)
            for (options, threads) in [(CSVReadOptions(), 1), (cut, 3)] {
                let other = Self.rows(path, options: options, threads: threads)
                if other != reference {
                    fatalError("podium-fuzz: the reader disagrees with libcsv alone (\(threads) thread(s)): \(other.prefix(300)) vs \(reference.prefix(300))")
                }
            }
        case .methodology:
            _ = try? MethodologyParser.load(path)
        case .terc:
            _ = try? RegisterLoader.load(terc: path, population: nil)
        case .population:
            for register in FuzzContext.registers {
                _ = try? RegisterLoader.loadPopulation(path, register: register, options: CSVReadOptions())
            }
        case .units:
            _ = try? UnitTableLoader.load(path)
        case .metrics:
            for register in FuzzContext.registers {
                for decimal in DecimalSeparator.allCases {
                    _ = try? MetricsLoader.load(path, metrics: FuzzContext.metrics, register: register,
                                                options: CSVReadOptions(decimal: decimal))
                }
            }
        case .accounts:
            var summary = SocialMediaSummary()
            for register in FuzzContext.registers {
                _ = try? SocialMediaLoader.loadAccounts(path, options: CSVReadOptions(), register: register, summary: &summary)
            }
        case .followers:
            var figures = FuzzContext.accounts.map(AccountFigures.init), summary = SocialMediaSummary()
            try? SocialMediaLoader.loadFollowers(path, options: CSVReadOptions(), lookup: FuzzContext.lookup,
                                                 period: FuzzContext.period, figures: &figures, summary: &summary)
        case .posts:
            var figures = FuzzContext.accounts.map(AccountFigures.init), summary = SocialMediaSummary()
            let one = Result { try SocialMediaLoader.loadPosts(path, options: CSVReadOptions(), lookup: FuzzContext.lookup,
                                                               period: FuzzContext.period, figures: &figures, summary: &summary) }
            // In ranges (cut small), the sums and the first error must be the one-thread ones.
            var cut = CSVReadOptions()
            cut.minimumRangeBytes = 16
            var figuresCut = FuzzContext.accounts.map(AccountFigures.init), summaryCut = SocialMediaSummary()
            let many = Result { try SocialMediaLoader.loadPosts(path, options: cut, lookup: FuzzContext.lookup, period: FuzzContext.period,
                                                                threads: 3, figures: &figuresCut, summary: &summaryCut) }
            let same = switch (one, many) {
            case (.success, .success): figures == figuresCut
            case (.failure(let a), .failure(let b)): "\(a)" == "\(b)"
            default: false
            }
            if !same { fatalError("podium-fuzz: posts in ranges differ from one thread: \(many) vs \(one)") }
        case .stats:
            var figures = FuzzContext.accounts.map(AccountFigures.init), summary = SocialMediaSummary()
            try? SocialMediaLoader.loadStats(path, options: CSVReadOptions(), lookup: FuzzContext.lookup,
                                             figures: &figures, summary: &summary)
        case .export:
            // Every built-in format for each of its platforms, with local times in Warsaw and in UTC; a
            // file read to its end has the digest of its bytes, and every post's figures are counts.
            for kind in ExportFormats.kinds {
                for platform in kind.format.platforms {
                    for zone in [ZoneRules.named("Europe/Warsaw"), nil] {
                        let counts = try? ExportFileReader.read(path, name: path, format: kind.format, platform: platform, zone: zone) { id, _, r, c, s, line in
                            if id.isEmpty || r < 0 || c < 0 || s < 0 || line < 2 {
                                fatalError("podium-fuzz: an export row gave id \(Array(id)), counts \(r)/\(c)/\(s), line \(line)")
                            }
                        }
                        if let counts, counts.digest != (try? SHA256.file(path)) {
                            fatalError("podium-fuzz: the digest computed while reading (\(String(describing: counts.digest))) is not the file's")
                        }
                    }
                }
            }
        case .dbase:
            Self.checkDBase(bytes)
        case .rb28s:
            Self.checkBudgetReport(path)
        case .bdl:
            // Every layout and encoding, with and without the dimension; whole and signed values; the
            // unit table once (its ids are no TERYT codes: every row is another unit's).
            for export in FuzzContext.bdlExports {
                _ = try? export.read(path, register: FuzzContext.terc, whole: false, signed: true)
                _ = try? export.read(path, register: FuzzContext.terc, whole: true, signed: false)
            }
            _ = try? FuzzContext.bdlExports[0].read(path, register: FuzzContext.table, whole: false, signed: false)
        case .zip:
            Self.readZipEntry(path)
            // The same ZIP as an Rb-28S report: its table streamed from libarchive into the dBase reader.
            Self.checkBudgetReport(path)
        }
    }

    /// Every row with its line in the file, or the error, as text.
    static func rows(_ path: String, options: CSVReadOptions, threads: Int) -> String {
        var perRange: [[String]] = []
        do {
            let summary = try CSVReader.read(path, options: options, threads: threads) { _, range in
                perRange.append([])
                return { record in
                    perRange[range].append("\(record.line)|" + (0..<record.count).map { "\(Array(record.field($0)))" }.joined(separator: "|"))
                }
            }
            return perRange.enumerated().flatMap { range, rows in
                rows.map { row in
                    let bar = row.firstIndex(of: "|")!
                    return "\(Int(row[..<bar])! + summary.lineOffsets[range])" + row[bar...]
                }
            }.joined(separator: "\n")
        } catch {
            return "error: \(error)"
        }
    }

    /// One file per process and target in the temporary folder (`TMPDIR`: `scripts/fuzz` points it at
    /// memory), rewritten for every input.
    private static let scratchPrefix = FileManager.default.temporaryDirectory.path + "/podium-fuzz-\(getpid())-"
    /// The Rb-28S reader tells a plain table from a ZIP by the name: `rb28s`'s input is a `.dbf`.
    private var scratchPath: String { Self.scratchPrefix + rawValue + (self == .rb28s ? ".dbf" : "") }

    /// Removes the scratch file of this process (`scripts/fuzz` removes its whole folder instead).
    public func removeScratchFile() {
        unlink(scratchPath)
    }

    /// A failure to write is the harness's, not the input's: it stops the run rather than letting every
    /// input pass untested.
    private func scratchFile(holding bytes: UnsafeRawBufferPointer) -> String {
        let path = scratchPath
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("podium-fuzz: cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            guard count > 0 else { fatalError("podium-fuzz: cannot write \(path): \(String(cString: strerror(errno)))") }
            written += count
        }
        return path
    }
}
