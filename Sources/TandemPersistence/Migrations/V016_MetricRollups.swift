import FluentKit
import SQLKit

/// V016 — the scorecards' maintained roll-up (docs/metrics.md, "Speed"): each subject's figures
/// per day and per month (`metric_rollups`), the quarter-hours marked for computing again
/// (`metric_dirty`), the time zone the days were cut in (`metric_rollup_settings`) and the
/// triggers that mark (`MetricRollupTriggers`). The first read builds the roll-up: with no zone
/// recorded yet, all of history is marked then.
enum V016 {
    static var all: [any Migration] { [CreateMetricRollups()] }

    struct CreateMetricRollups: AsyncMigration {
        var name: String { "V016.CreateMetricRollups" }

        func prepare(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            let postgres = sql.dialect.name == "postgresql"
            let integers = RollupColumns.integers.map { "\($0) BIGINT NOT NULL DEFAULT 0" }
            let seconds = RollupColumns.seconds.map { "\($0) DOUBLE PRECISION NOT NULL DEFAULT 0" }
            try await sql.raw(
                """
                CREATE TABLE metric_rollups (kind TEXT NOT NULL, subject_id TEXT NOT NULL, grain TEXT NOT NULL, \
                start BIGINT NOT NULL, currency TEXT NOT NULL, \
                \(unsafeRaw: (integers + seconds).joined(separator: ", ")))
                """
            ).run()
            try await sql.create(index: "metric_rollups_key").on("metric_rollups").column("kind").column("grain")
                .column("start").column("subject_id").column("currency").unique().run()
            try await sql.raw("CREATE TABLE metric_dirty (slot BIGINT PRIMARY KEY)").run()
            try await sql.raw("CREATE TABLE metric_rollup_settings (id INTEGER PRIMARY KEY, zone TEXT NOT NULL)").run()
            // The triggers find an opportunity's projects by this index.
            try await sql.create(index: "projects_opportunity").on("projects").column("opportunity_id").run()
            for statement in MetricRollupTriggers.createStatements(postgres: postgres) {
                try await sql.raw(SQLQueryString(statement)).run()
            }
        }

        func revert(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            for statement in MetricRollupTriggers.dropStatements(postgres: sql.dialect.name == "postgresql") {
                try await sql.raw(SQLQueryString(statement)).run()
            }
            try await sql.drop(index: "projects_opportunity").run()
            for table in ["metric_rollup_settings", "metric_dirty", "metric_rollups"] {
                try await sql.raw("DROP TABLE \(unsafeRaw: table)").run()
            }
        }
    }
}
