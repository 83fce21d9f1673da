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
            try? SocialMediaLoader.loadPosts(path, options: CSVReadOptions(), lookup: FuzzContext.lookup,
                                             period: FuzzContext.period, figures: &figures, summary: &summary)
        case .stats:
            var figures = FuzzContext.accounts.map(AccountFigures.init), summary = SocialMediaSummary()
            try? SocialMediaLoader.loadStats(path, options: CSVReadOptions(), lookup: FuzzContext.lookup,
                                             figures: &figures, summary: &summary)
        }
    }

    /// One file per process and target in the temporary folder (`TMPDIR`: `scripts/fuzz` points it at
    /// memory), rewritten for every input.
    private static let scratchPrefix = FileManager.default.temporaryDirectory.path + "/podium-fuzz-\(getpid())-"
    private var scratchPath: String { Self.scratchPrefix + rawValue }

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
