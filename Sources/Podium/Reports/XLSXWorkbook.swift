import CLibXLSXWriter
import Foundation

/// An Excel workbook as plain values, written in one go by libxlsxwriter: the only importer of
/// CLibXLSXWriter. Each sheet's first row is its header (bold, frozen, with an autofilter over the
/// whole table); columns are as wide as their widest cell, within limits.
struct XLSXWorkbook {
    /// What Excel shows under File → Info. `created` is also the modification time: a fixed value,
    /// so that the same workbook is the same bytes (libxlsxwriter would take the clock for 0).
    struct Properties {
        var title: String
        var subject: String
        var created: Int
    }

    enum Cell: Equatable {
        case text(String)
        /// A number shown with `decimals` decimals, or Excel's General format for nil.
        case number(Double, decimals: Int?)
        case empty
    }

    struct Sheet: Equatable {
        var name: String
        /// The header row first.
        var rows: [[Cell]]
    }

    /// The file's name, for messages (`green-finance.xlsx`).
    var name: String
    var properties: Properties
    var sheets: [Sheet]

    /// Excel's limits: characters in a cell, and column widths (in widths of a digit) that keep a
    /// long name readable without one column taking the screen.
    static let maximumTextLength = 32_767
    static let widthRange = 6.0...50.0

    /// The width of a column: its widest cell as shown, plus room for the autofilter's button.
    static func width(_ cells: [Cell]) -> Double {
        let widest = cells.map { cell -> Int in
            switch cell {
            case .text(let text): displayWidth(text)
            case .number(let value, let decimals): (decimals.map { NumberText.fixed(value, $0) } ?? NumberText.plain(value)).count
            case .empty: 0
            }
        }.max() ?? 0
        return min(max(Double(widest + 3), widthRange.lowerBound), widthRange.upperBound)
    }

    /// `A1`-style name of a cell, for messages.
    static func cellName(row: Int, column: Int) -> String {
        var letters = "", number = column + 1
        while number > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
            number = (number - 1) / 26
        }
        return "\(letters)\(row + 1)"
    }

    /// libxlsxwriter's `core.c` formats the creation time with `gmtime`, whose result is shared by
    /// the whole process: two workbooks written at once could swap their dates.
    private static let writing = NSLock()

    /// The workbook's bytes. libxlsxwriter writes only to a named file: a unique file in the
    /// temporary folder (`TMPDIR`, else /tmp, unless `temporaryFolder` says), read back and removed.
    func bytes(temporaryFolder: String? = nil) throws -> [UInt8] {
        for sheet in sheets {
            for (row, cells) in sheet.rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    if case .text(let text) = cell, text.unicodeScalars.count > Self.maximumTextLength {
                        throw WorkbookError.textTooLong(file: name, sheet: sheet.name, cell: Self.cellName(row: row, column: column),
                                                        length: text.unicodeScalars.count)
                    }
                }
            }
        }
        let folder = temporaryFolder ?? getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/podium-workbook-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw WorkbookError.temporaryFile(file: name, path: folder, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(path) }
        try Self.writing.withLock { try write(to: path, temporaryFolder: folder) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbookError.temporaryFile(file: name, path: path, reason: "cannot read it back")
        }
        return Array(data)
    }

    private func write(to path: String, temporaryFolder: String) throws {
        let folder = strdup(temporaryFolder)
        defer { free(folder) }
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: folder, use_zip64: 0)
        guard let workbook = workbook_new_opt(path, &options) else {
            throw WorkbookError.library(file: name, step: "creating the workbook", message: "out of memory")
        }
        var closed = false
        defer { if !closed { lxw_workbook_free(workbook) } }
        let title = strdup(properties.title), subject = strdup(properties.subject)
        defer { free(title); free(subject) }
        var documentProperties = lxw_doc_properties()
        documentProperties.title = title
        documentProperties.subject = subject
        documentProperties.created = time_t(properties.created)
        try check(workbook_set_properties(workbook, &documentProperties), "setting the document properties")

        guard let header = workbook_add_format(workbook) else { throw WorkbookError.library(file: name, step: "adding a format", message: "out of memory") }
        format_set_bold(header)
        var numberFormats: [Int: UnsafeMutablePointer<lxw_format>] = [:]
        func numberFormat(_ decimals: Int) throws -> UnsafeMutablePointer<lxw_format> {
            if let format = numberFormats[decimals] { return format }
            guard let format = workbook_add_format(workbook) else { throw WorkbookError.library(file: name, step: "adding a format", message: "out of memory") }
            format_set_num_format(format, decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals))
            numberFormats[decimals] = format
            return format
        }

        for sheet in sheets {
            let status = workbook_validate_sheet_name(workbook, sheet.name)
            try check(status, "adding sheet '\(sheet.name)'")
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                throw WorkbookError.library(file: name, step: "adding sheet '\(sheet.name)'", message: "out of memory")
            }
            let columns = sheet.rows.map(\.count).max() ?? 0
            for (row, cells) in sheet.rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    let at = "writing sheet '\(sheet.name)' cell \(Self.cellName(row: row, column: column))"
                    let (r, c) = (lxw_row_t(row), lxw_col_t(column))
                    switch cell {
                    case .text(let text):
                        try check(worksheet_write_string(worksheet, r, c, text, row == 0 ? header : nil), at)
                    case .number(let value, let decimals):
                        guard value.isFinite else {
                            try check(worksheet_write_string(worksheet, r, c, NumberText.exact(value), nil), at)
                            continue
                        }
                        try check(worksheet_write_number(worksheet, r, c, value, try decimals.map(numberFormat)), at)
                    case .empty:
                        continue
                    }
                }
            }
            guard columns > 0 else { continue }
            for column in 0..<columns {
                let width = Self.width(sheet.rows.map { column < $0.count ? $0[column] : .empty })
                try check(worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil), "setting the widths of sheet '\(sheet.name)'")
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            try check(worksheet_autofilter(worksheet, 0, 0, lxw_row_t(max(sheet.rows.count - 1, 0)), lxw_col_t(columns - 1)),
                      "adding the autofilter of sheet '\(sheet.name)'")
        }
        closed = true
        try check(workbook_close(workbook), "writing \(path)")
    }

    private func check(_ status: lxw_error, _ step: String) throws {
        guard status != LXW_NO_ERROR else { return }
        throw WorkbookError.library(file: name, step: step, message: String(cString: lxw_strerror(status)))
    }
}
