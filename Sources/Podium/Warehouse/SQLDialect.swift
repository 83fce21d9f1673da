/// An SQL engine the account_stats query can be written for: what differs between engines, and
/// only that. The query itself (`AccountStatsQuery`) is one text for all of them, built from these
/// pieces; it uses otherwise only what every engine has (CTEs, CASE, COALESCE, GREATEST, LEAST,
/// substr, right, length, `||`, DATE literals, LEFT JOIN, GROUP BY).
///
/// A new engine is one file with a type conforming to `SQLDialect` and one line in `SQLDialects.all`.
public protocol SQLDialect: Sendable {
    var description: SQLDialectDescription { get }
    /// The 64-bit integer type every count is returned as.
    var integerType: String { get }
    /// The type of text, for the date of a duplicate follower snapshot.
    var textType: String { get }
    /// An identifier, quoted (a column or table name, which may be a reserved word such as `date`).
    func quote(_ identifier: String) -> String
    /// Whether the whole of `text` matches `pattern` (a regular expression without anchors, using no
    /// backslash: classes such as `[0-9]` and `[.]` only).
    func fullMatch(_ text: String, _ pattern: String) -> String
    /// The 1-based position of the first `needle` in `text`, 0 when absent.
    func position(of needle: String, in text: String) -> String
    /// A date `days` days after `date`.
    func addDays(_ date: String, _ days: String) -> String
    /// A value of `type` whose evaluation stops the query with `message` (a text expression).
    func fail(_ message: String, as type: String) -> String
    /// An ORDER BY key that sorts text by its bytes (code points), whatever the session's collation.
    func byteOrder(_ expression: String) -> String
}

extension SQLDialect {
    public func byteOrder(_ expression: String) -> String { expression }

    /// A dotted table name (`schema.posts`, `project.dataset.posts`), each part quoted.
    public func table(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).map { quote(String($0)) }.joined(separator: ".")
    }
}

/// An SQL dialect as `podium sql --help` and the README show it, with worked examples the tests run.
public struct SQLDialectDescription: Sendable {
    /// The id `--dialect` takes: stable, lower-case.
    public let id: String
    public let name: String
    /// How the dialect turns `published_at` into a UTC date, and what else differs.
    public let summary: String
    /// Fragments the dialect writes, with the text expected: each a worked example.
    public let examples: [SQLFragmentExample]

    public init(id: String, name: String, summary: String, examples: [SQLFragmentExample]) {
        self.id = id
        self.name = name
        self.summary = summary
        self.examples = examples
    }
}

/// One fragment a dialect writes (`quote("date")`) and the text it must be.
public struct SQLFragmentExample: Sendable {
    public let call: String
    public let written: String
    public let expected: String

    public init(_ call: String, _ written: String, _ expected: String) {
        self.call = call
        self.written = written
        self.expected = expected
    }
}

/// Every dialect `podium sql` writes, one line each.
public enum SQLDialects {
    public static let all: [any SQLDialect] = [
        DuckDBDialect(),
        SparkDialect(),
        BigQueryDialect(),
        PostgresDialect(),
    ]

    public static var ids: [String] { all.map(\.description.id) }

    public static func named(_ id: String) -> (any SQLDialect)? { all.first { $0.description.id == id } }
}
