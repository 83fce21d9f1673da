import PodiumCSV

/// One input file a run read: its path relative to the inputs folder, how many data rows (CSV, the
/// header not counted) or records (dBase, deleted ones counted) it read, and how many of those it
/// left out, by reason. Every loader gives one per file it reads (as `RunNote.inputFile`); the
/// manifest lists them, with each file's size and SHA-256.
public struct InputFileRead: Sendable, Equatable {
    public enum Unit: String, Sendable { case rows, records }

    public let path: String
    public let unit: Unit
    public let read: Int
    /// The reasons the loader knows, in a fixed order, each with its count (0 included: the check was made).
    public let skipped: [Skipped]
    /// The file's size and SHA-256 when the loader computed them from the bytes as it read them
    /// (export files: thousands of small files, each then read once instead of twice); nil when the
    /// manifest hashes the file itself.
    public let digest: FileDigest?

    public init(path: String, unit: Unit = .rows, read: Int, skipped: [Skipped] = [], digest: FileDigest? = nil) {
        self.path = path
        self.unit = unit
        self.read = read
        self.skipped = skipped
        self.digest = digest
    }

    public struct Skipped: Sendable, Equatable {
        public let reason: SkipReason
        public let count: Int

        public init(_ reason: SkipReason, _ count: Int) {
            self.reason = reason
            self.count = count
        }
    }
}

extension [RunNote] {
    /// The files read, in the order read.
    var inputFiles: [InputFileRead] { compactMap { if case .inputFile(let file) = $0 { file } else { nil } } }
}

/// Why rows of an input file are left out, with a stable key for the manifest.
public enum SkipReason: String, Sendable, CaseIterable {
    /// TERC: a voivodeship's row (its name is kept for the gminas below it).
    case voivodeship
    /// TERC: a powiat's row.
    case powiat
    /// TERC: a part or district of a gmina (RODZ 4, 5, 8, 9), not a gmina.
    case gminaPart = "gmina_part"
    /// BDL: a unit that is no municipality of the register (country, voivodeship, powiat, part of a
    /// gmina, a gmina created after the register's date).
    case otherUnit = "other_unit"
    /// BDL: another value of a dimension the methodology names (`Płeć: mężczyźni` when it keeps `ogółem`).
    case otherDimensionValue = "other_dimension_value"
    /// BDL: a value without data (`-`), missing, never zero; one per row in the long layout, one per
    /// cell in the wide.
    case noData = "no_data"
    /// Posts published (UTC date) outside the period.
    case outsidePeriod = "outside_period"
    /// Platform exports: rows that are no posts (YouTube Studio's `Total`).
    case summaryRow = "summary_row"
    /// dBase: records flagged as deleted.
    case deleted
    /// Rb-28S: budget lines of powiats, voivodeships, unions: no municipality's.
    case otherBudget = "other_budget"
    /// Rb-28S: budget lines of a gmina whose TERYT code is not in the register.
    case notInRegister = "not_in_register"
}

/// How many data rows (or dBase records) of a file a read takes: all of them (a run), or the first
/// few (`podium validate`). A limited read goes through the same reader and the same row handler as
/// a run, so a row gives the same error in both; the handler stops the read by throwing when a row
/// past the limit comes, and `read` takes that for the end.
struct RowLimit: Sendable {
    let rows: Int?

    static let all = RowLimit(rows: nil)
    static func first(_ rows: Int) -> RowLimit { RowLimit(rows: max(0, rows)) }

    /// `handle`, stopping the read at the first row past the limit; `handle` itself without a limit.
    func handler<Record>(_ handle: @escaping (Record) throws -> Void) -> (Record) throws -> Void {
        guard let rows else { return handle }
        var taken = 0
        return { record in
            guard taken < rows else { throw Reached() }
            taken += 1
            try handle(record)
        }
    }

    /// Runs a read whose handler `handler(_:)` made: its summary, or nil when the limit stopped it
    /// (the file has more rows than the limit).
    func read<Summary>(_ body: () throws -> Summary) throws -> Summary? {
        do { return try body() } catch is Reached { return nil }
    }

    /// The rows a read took: the summary's count, or the limit when it stopped the read.
    func taken(_ counted: Int?) -> Int { counted ?? rows ?? 0 }

    /// `CSVReader.read` on one thread, stopped at the limit: the data rows read.
    func readCSV(_ path: String, options: CSVReadOptions,
                 _ makeRowHandler: (CSVHeader) throws -> (CSVRecord) throws -> Void) throws -> Int {
        taken(try read { try CSVReader.read(path, options: options) { header in handler(try makeRowHandler(header)) } }?.records)
    }

    private struct Reached: Error {}
}
