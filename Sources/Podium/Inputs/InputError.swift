import PodiumCSV

/// A problem with the contents of an input file, located by file and line.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

extension InputError: LineShifting {
    public func shifted(by lines: Int) -> InputError {
        InputError(file: file, line: line.map { $0 + lines }, message: message)
    }
}
