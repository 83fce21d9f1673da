/// Spark SQL (spark-sql, PySpark, Databricks): backquoted identifiers, `BIGINT`, `date_add`,
/// `raise_error()`. Java's `$` also matches before a final line break, so a full match compares the
/// matched text with the whole value instead.
public struct SparkDialect: SQLDialect {
    public init() {}

    public var description: SQLDialectDescription {
        SQLDialectDescription(
            id: "spark", name: "Spark SQL",
            summary: "published_at is read as text and its UTC date worked out from the text, never through TIMESTAMP, so spark.sql.session.timeZone plays no part; counts are BIGINT; a row podium would reject (also a day such as 2024-02-30, which CAST makes NULL when ANSI mode is off) stops the query through raise_error(). With ANSI mode off (Spark 3's default) a sum over 2^63 wraps instead of failing: keep spark.sql.ansi.enabled=true (Spark 4's default).",
            examples: [
                SQLFragmentExample("quote(\"date\")", quote("date"), "`date`"),
                SQLFragmentExample("fullMatch(\"t\", \"[0-9]+\")", fullMatch("t", "[0-9]+"), "regexp_extract(t, '^[0-9]+$', 0) = t"),
                SQLFragmentExample("addDays(\"d\", \"-1\")", addDays("d", "-1"), "date_add(d, -1)"),
                SQLFragmentExample("fail(\"'x'\", as: \"DATE\")", fail("'x'", as: "DATE"), "CAST(raise_error('x') AS DATE)"),
            ])
    }

    public var integerType: String { "BIGINT" }
    public var textType: String { "STRING" }

    public func quote(_ identifier: String) -> String {
        "`" + identifier.replacingOccurrences(of: "`", with: "``") + "`"
    }

    public func fullMatch(_ text: String, _ pattern: String) -> String { "regexp_extract(\(text), '^\(pattern)$', 0) = \(text)" }
    public func position(of needle: String, in text: String) -> String { "instr(\(text), \(needle))" }
    public func addDays(_ date: String, _ days: String) -> String { "date_add(\(date), \(days))" }
    public func fail(_ message: String, as type: String) -> String { "CAST(raise_error(\(message)) AS \(type))" }
}
