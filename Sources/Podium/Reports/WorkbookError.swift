/// What stops writing a ranking's workbook. `file` is the workbook's name (`green-finance.xlsx`).
public enum WorkbookError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Text longer than an Excel cell holds: a problem of the data (exit 65).
    case textTooLong(file: String, sheet: String, cell: String, length: Int)
    /// libxlsxwriter refused a step, with its message.
    case library(file: String, step: String, message: String)
    /// The temporary file the library writes to cannot be made or read back.
    case temporaryFile(file: String, path: String, reason: String)

    /// True for a problem of the data rather than of the machine.
    public var isDataError: Bool {
        if case .textTooLong = self { true } else { false }
    }

    public var description: String {
        switch self {
        case .textTooLong(let file, let sheet, let cell, let length):
            "\(file): sheet '\(sheet)' cell \(cell): a text of \(length) characters, longer than an Excel cell holds (\(XLSXWorkbook.maximumTextLength))"
        case .library(let file, let step, let message):
            "\(file): libxlsxwriter failed \(step): \(message)"
        case .temporaryFile(let file, let path, let reason):
            "\(file): cannot write the workbook through a temporary file in \(path): \(reason) (set TMPDIR to a writable folder)"
        }
    }
}
