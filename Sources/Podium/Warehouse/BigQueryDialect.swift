/// BigQuery (GoogleSQL): backquoted identifiers, `INT64`, `REGEXP_CONTAINS`, `DATE_ADD … INTERVAL`,
/// and `ERROR()`, whose type BigQuery infers from where it stands.
public struct BigQueryDialect: SQLDialect {
    public init() {}

    public var description: SQLDialectDescription {
        SQLDialectDescription(
            id: "bigquery", name: "BigQuery",
            summary: "published_at is a STRING column and its UTC date is worked out from the text, as podium does (not DATE(TIMESTAMP(published_at), 'UTC'), which reads text without an offset in UTC instead of rejecting it), independent of any default time zone; counts are INT64, whose overflow is an error; a row podium would reject stops the query through ERROR().",
            examples: [
                SQLFragmentExample("quote(\"date\")", quote("date"), "`date`"),
                SQLFragmentExample("table(\"project.dataset.posts\")", table("project.dataset.posts"), "`project`.`dataset`.`posts`"),
                SQLFragmentExample("addDays(\"d\", \"-1\")", addDays("d", "-1"), "DATE_ADD(d, INTERVAL -1 DAY)"),
                SQLFragmentExample("fail(\"'x'\", as: \"DATE\")", fail("'x'", as: "DATE"), "ERROR('x')"),
            ])
    }

    public var integerType: String { "INT64" }
    public var textType: String { "STRING" }

    public func quote(_ identifier: String) -> String {
        "`" + identifier.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "`", with: "\\`") + "`"
    }

    public func fullMatch(_ text: String, _ pattern: String) -> String { "REGEXP_CONTAINS(\(text), r'^\(pattern)$')" }
    public func position(of needle: String, in text: String) -> String { "STRPOS(\(text), \(needle))" }
    public func addDays(_ date: String, _ days: String) -> String { "DATE_ADD(\(date), INTERVAL \(days) DAY)" }
    public func fail(_ message: String, as type: String) -> String { "ERROR(\(message))" }
}
