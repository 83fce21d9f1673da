/// DuckDB: double-quoted identifiers, `BIGINT`, `regexp_full_match`, `date + n`, and `error()` to
/// stop a query on a row podium would reject.
public struct DuckDBDialect: SQLDialect {
    public init() {}

    public var description: SQLDialectDescription {
        SQLDialectDescription(
            id: "duckdb", name: "DuckDB",
            summary: "published_at is read as text and its UTC date worked out from the text (date, hh:mm, Z or ±hh[:mm]); no timestamp type is used, so the session's TimeZone plays no part. Counts are BIGINT (sums are cast back from HUGEINT, an overflow is an error); a row podium would reject stops the query through error().",
            examples: [
                SQLFragmentExample("quote(\"date\")", quote("date"), "\"date\""),
                SQLFragmentExample("table(\"main.posts\")", table("main.posts"), "\"main\".\"posts\""),
                SQLFragmentExample("addDays(\"d\", \"-1\")", addDays("d", "-1"), "d + -1"),
                SQLFragmentExample("fail(\"'x'\", as: \"DATE\")", fail("'x'", as: "DATE"), "CAST(error('x') AS DATE)"),
            ])
    }

    public var integerType: String { "BIGINT" }
    public var textType: String { "VARCHAR" }

    public func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public func fullMatch(_ text: String, _ pattern: String) -> String { "regexp_full_match(\(text), '\(pattern)')" }
    public func position(of needle: String, in text: String) -> String { "strpos(\(text), \(needle))" }
    public func addDays(_ date: String, _ days: String) -> String { "\(date) + \(days)" }
    public func fail(_ message: String, as type: String) -> String { "CAST(error(\(message)) AS \(type))" }
}
