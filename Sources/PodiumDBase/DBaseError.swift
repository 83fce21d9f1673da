/// Anything wrong with a dBase table, as one line that names the file and, when the fault is in a
/// record, the record's number (counted from 1, deleted records included, as dBase itself counts):
/// `gminy.dbf:record 17: field 'R4': '1,5' is not a number with at most 2 decimals`.
public struct DBaseError: Error, CustomStringConvertible, Sendable, Equatable {
    public let file: String
    public let record: Int?
    public let message: String

    public init(file: String, record: Int? = nil, message: String) {
        self.file = file
        self.record = record
        self.message = message
    }

    public var description: String {
        if let record { return "\(file):record \(record): \(message)" }
        return "\(file): \(message)"
    }
}
