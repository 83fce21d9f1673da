import Foundation
import Testing

/// `podium sql` and `podium account-stats` on the committed sample inputs and the test fixtures.
@Suite("podium sql and account-stats")
struct WarehouseCommandTests {
    static let inputs = Podium.repository.appendingPathComponent("Inputs").path
    static let budget = Podium.fixtures.appendingPathComponent("budget").path

    @Test("sql prints the account_stats SELECT for the methodology's period, in the dialect asked for")
    func select() throws {
        let duckdb = try Podium.run(["sql", "zlote-lajki", "--inputs", Self.inputs])
        #expect(duckdb.status == 0, "\(duckdb.errors)")
        #expect(duckdb.output.hasPrefix("-- account_stats by podium's rules for zlote-lajki-2024 (zlote-lajki-2024.yaml), period 2023-11-01 to 2024-10-31, DuckDB.\n"))
        #expect(duckdb.output.contains("utc_day BETWEEN DATE '2023-11-01' AND DATE '2024-10-31'"))
        #expect(duckdb.output.contains("AS BIGINT) AS \"followers_end\""))
        let bigquery = try Podium.run(["sql", "zlote-lajki", "--inputs", Self.inputs, "--dialect", "bigquery",
                                       "--posts-table", "archive.posts"])
        #expect(bigquery.status == 0)
        #expect(bigquery.output.contains("AS INT64) AS `followers_end`"))
        #expect(bigquery.output.contains("FROM `archive`.`posts`"))
        let check = try Podium.run(["sql", "zlote-lajki", "--inputs", Self.inputs, "--dialect", "spark", "--check", "duplicates"])
        #expect(check.status == 0)
        #expect(check.output.contains("GROUP BY `account_id`, `post_id`\n  HAVING COUNT(*) > 1"))
    }

    @Test("sql refuses what it cannot write, with a usage error", arguments: [
        (["sql", "zlote-lajki", "--inputs", "$INPUTS", "--dialect", "mysql"], "Please provide one of 'duckdb', 'spark', 'bigquery' or 'postgres'"),
        (["sql", "zlote-lajki", "--inputs", "$INPUTS", "--check", "everything"], "duplicates"),
        (["sql", "zlote-lajki", "--inputs", "$INPUTS", "--posts-table", "a..b"], "--posts-table 'a..b' is not a table name"),
        (["sql", "test-budget", "--inputs", "$BUDGET"], "test-budget-2024.yaml) does not read social-media posts: the SQL computes account_stats from posts and followers"),
        (["account-stats", "test-budget", "--inputs", "$BUDGET"], "test-budget-2024.yaml) does not read social-media posts: the SQL computes account_stats from posts and followers"),
        (["sql", "nope", "--inputs", "$INPUTS"], "no ranking 'nope' in edition 2024"),
    ])
    func refusals(arguments: [String], message: String) throws {
        let outcome = try Podium.run(arguments.map {
            $0.replacingOccurrences(of: "$INPUTS", with: Self.inputs).replacingOccurrences(of: "$BUDGET", with: Self.budget)
        })
        #expect(outcome.status == 64, "\(arguments): \(outcome.errors)")
        #expect(outcome.errors.contains(message), "\(outcome.errors)")
        #expect(outcome.errors.filter { $0 == "\n" }.count == 1, "\(outcome.errors)")
    }

    @Test("account-stats prints every account's figures in account_stats.csv's layout, by account id")
    func accountStats() throws {
        let outcome = try Podium.run(["account-stats", "zlote-lajki", "--inputs", Self.inputs, "--threads", "1"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "account_id,posts,reactions,comments,shares,followers_start,followers_end")
        #expect(lines.last == "")
        let accounts = try String(contentsOfFile: Self.inputs + "/zlote-lajki/2024/accounts.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        let rows = lines.dropFirst().dropLast()
        #expect(rows.map { String($0.split(separator: ",")[0]) } == accounts.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        // The same figures on two threads.
        let threaded = try Podium.run(["account-stats", "zlote-lajki", "--inputs", Self.inputs, "--threads", "2"])
        #expect(threaded.output == outcome.output)
    }
}
