import PodiumCSV
import Yams

extension MethodologyError {
    /// One located line for an error of Yams. Yams' own description spans several lines and, for a
    /// duplicated key, holds the whole file; here each case gives its problem and `Mark` (or, for the
    /// reader, the offset turned into a line and column of `text`), and never the description.
    init(_ error: YamlError, file: String, text: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text), from line \($0.mark.line) column \($0.mark.column))" } ?? ""
            self.init(file: file, line: mark.line, column: mark.column, path: "", message: "YAML syntax: \(problem)\(during)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { quoted($0) }.joined(separator: ", ")
            self.init(file: file, line: context.mark.line, column: context.mark.column, path: "",
                      message: "YAML: a key appears twice in one mapping: \(keys)")
        case .reader(let problem, let offset, let value, _):
            let location = offset.map { Self.location(ofCharacter: $0, in: text) }
            let character = value >= 0 ? Unicode.Scalar(UInt32(value)).map { " (\(codePoint($0)))" } ?? "" : ""
            self.init(file: file, line: location?.line, column: location?.column, path: "",
                      message: "YAML: \(problem)\(character)")
        case .dataCouldNotBeDecoded:
            self.init(file: file, path: "", message: "the file is not UTF-8 text")
        case .writer(let problem), .emitter(let problem), .representer(let problem):
            self.init(file: file, path: "", message: "YAML: \(oneLine(problem))")
        case .memory:
            self.init(file: file, path: "", message: "YAML: out of memory")
        case .no:
            self.init(file: file, path: "", message: "YAML: unknown error")
        }
    }

    /// The 1-based line and column of the character at `offset` (Yams counts the reader's offset in
    /// characters; a CRLF is one).
    static func location(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// The line and column of the first byte that is not UTF-8, so that a methodology saved as
    /// Windows-1250 is located like any other mistake.
    static func firstInvalidUTF8(in bytes: some Collection<UInt8>) -> (line: Int, column: Int)? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return (line, column)
            }
        }
    }
}
