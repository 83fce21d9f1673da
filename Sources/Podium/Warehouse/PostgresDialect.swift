/// PostgreSQL: double-quoted identifiers, `BIGINT`, `~`, `date + n`. It has no function that raises
/// an error, so a rejected row casts its message to an integer, which fails with the message quoted.
/// Text sorts by the database's collation, which may ignore punctuation: the order is by bytes.
public struct PostgresDialect: SQLDialect {
    public init() {}

    public var description: SQLDialectDescription {
        SQLDialectDescription(
            id: "postgres", name: "PostgreSQL",
            summary: "published_at is a text column and its UTC date is worked out from the text, as podium does, never through timestamptz (which reads text without an offset in the session's zone and moves 23:59:60 to the next day), so the session's TimeZone plays no part; counts are BIGINT (sums are cast back from numeric, an overflow is an error); a row podium would reject stops the query with 'invalid input syntax for type integer' quoting the reason; account ids sort COLLATE \"C\".",
            examples: [
                SQLFragmentExample("quote(\"date\")", quote("date"), "\"date\""),
                SQLFragmentExample("fullMatch(\"t\", \"[0-9]+\")", fullMatch("t", "[0-9]+"), "t ~ '^[0-9]+$'"),
                SQLFragmentExample("fail(\"'x'\", as: \"DATE\")", fail("'x'", as: "DATE"), "CAST(CAST(CAST('x' AS INTEGER) AS TEXT) AS DATE)"),
                SQLFragmentExample("byteOrder(\"a\")", byteOrder("a"), "a COLLATE \"C\""),
            ])
    }

    public var integerType: String { "BIGINT" }
    public var textType: String { "TEXT" }

    public func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public func fullMatch(_ text: String, _ pattern: String) -> String { "\(text) ~ '^\(pattern)$'" }
    public func position(of needle: String, in text: String) -> String { "strpos(\(text), \(needle))" }
    public func addDays(_ date: String, _ days: String) -> String { "\(date) + \(days)" }
    /// Through text: PostgreSQL has no cast from integer to date, and the integer cast fails first.
    public func fail(_ message: String, as type: String) -> String { "CAST(CAST(CAST(\(message) AS INTEGER) AS TEXT) AS \(type))" }
    public func byteOrder(_ expression: String) -> String { "\(expression) COLLATE \"C\"" }
}
