import Foundation
import SQLKit

/// The triggers that keep the metrics roll-up true (`MetricRollup`): any write to a record a
/// figure reads marks, in the same transaction, the quarter-hours (`slot` = epoch seconds / 900,
/// so that every time zone's day is whole slots) whose figures it may change. Triggers see every
/// writer (the use cases, the demo, an import), so no write path can forget the roll-up.
enum MetricRollupTriggers {
    static let slotSeconds: Int64 = 900

    /// A table's trigger: on which changes, and the instants (`x`) whose days it marks, as
    /// `SELECT … AS x` with `R` for the changed row (NEW, or OLD).
    struct Spec {
        var table: String
        /// Only updates of these columns mark (nil: every update).
        var updateOf: [String]?
        /// Only rows meeting this condition (on `R`) mark.
        var when: String?
        var instants: [String]
        var onUpdate = true
    }

    /// The made and delivered instants of the promises matching `condition` (on `p`).
    static func promiseInstants(_ condition: String, join: String = "") -> [String] {
        [
            "SELECT p.created_at AS x FROM promises p\(join) WHERE \(condition)",
            "SELECT s.delivered_at AS x FROM promises p\(join) JOIN promise_states s ON s.id = p.id WHERE \(condition)",
        ]
    }

    static let specs: [Spec] = [
        Spec(
            table: "promises",
            instants: ["SELECT R.created_at AS x", "SELECT delivered_at AS x FROM promise_states WHERE id = R.id"]),
        Spec(
            table: "promise_states",
            instants: ["SELECT R.delivered_at AS x", "SELECT created_at AS x FROM promises WHERE id = R.id"]),
        Spec(table: "promise_versions", instants: promiseInstants("p.id = R.promise_id")),
        Spec(table: "client_deliveries", instants: promiseInstants("p.id = R.promise_id")),
        Spec(table: "complaints", instants: promiseInstants("p.id = R.promise_id")),
        Spec(
            table: "projects",
            updateOf: [
                "account_id", "opportunity_id", "quote_id", "option_id", "sales_owner_id", "pm_id", "accepted_at",
            ],
            instants: ["SELECT R.accepted_at AS x"] + promiseInstants("p.project_id = R.id")),
        Spec(
            table: "opportunities", updateOf: ["owner_id", "partner_pm_id", "source_language", "created_at"],
            instants: [
                "SELECT status_changed_at AS x FROM quotes WHERE opportunity_id = R.id",
                "SELECT accepted_at AS x FROM projects WHERE opportunity_id = R.id",
                """
                SELECT e.at AS x FROM quotes q JOIN activity_events e ON e.subject_kind = 'quote' \
                AND e.subject_id = q.id AND e.kind = 'quote-reviewed' WHERE q.opportunity_id = R.id
                """,
            ] + promiseInstants("pr.opportunity_id = R.id", join: " JOIN projects pr ON pr.id = p.project_id")),
        Spec(
            table: "quotes",
            updateOf: ["status", "status_changed_at", "account_id", "opportunity_id", "current_version"],
            instants: [
                "SELECT R.status_changed_at AS x",
                """
                SELECT at AS x FROM activity_events WHERE subject_kind = 'quote' AND subject_id = R.id \
                AND kind = 'quote-reviewed'
                """,
            ] + promiseInstants("pr.quote_id = R.id", join: " JOIN projects pr ON pr.id = p.project_id")),
        Spec(
            table: "quote_lines",
            instants: promiseInstants(
                "qv.id = R.version_id",
                join: " JOIN projects pr ON pr.id = p.project_id JOIN quote_versions qv ON qv.quote_id = pr.quote_id")),
        Spec(
            table: "activity_events", when: "R.kind IN ('quote-reviewed', 'quote-submitted')",
            instants: [
                "SELECT R.at AS x",
                """
                SELECT at AS x FROM activity_events WHERE subject_kind = 'quote' AND subject_id = R.subject_id \
                AND kind = 'quote-reviewed' AND at >= R.at
                """,
            ], onUpdate: false),
        Spec(
            table: "users", updateOf: ["roles"],
            instants: ["SELECT at AS x FROM activity_events WHERE actor_id = R.id AND kind = 'quote-reviewed'"]),
        Spec(
            table: "production_jobs", updateOf: ["content", "project_id", "target_language"],
            instants: promiseInstants("p.project_id = R.project_id AND p.target_language = R.target_language")),
        Spec(
            table: "job_assignments", updateOf: ["content", "state", "job_id"],
            instants: promiseInstants(
                "j.id = R.job_id",
                join: " JOIN production_jobs j ON j.project_id = p.project_id AND j.target_language = p.target_language"
            )),
    ]

    /// `INSERT` of the marks of `instants` on row `row` (NEW or OLD).
    static func markInstants(_ instants: [String], row: String, postgres: Bool) -> String {
        let union = instants.map { $0.replacingOccurrences(of: "R.", with: "\(row).") }.joined(separator: " UNION ALL ")
        return postgres
            ? """
            INSERT INTO metric_dirty (slot) SELECT DISTINCT CAST(floor(extract(epoch FROM x) / \(slotSeconds)) AS BIGINT) \
            FROM (\(union)) t WHERE x IS NOT NULL ON CONFLICT DO NOTHING
            """
            : """
            INSERT OR IGNORE INTO metric_dirty (slot) SELECT DISTINCT CAST(x / \(slotSeconds) AS INTEGER) \
            FROM (\(union)) WHERE x IS NOT NULL
            """
    }

    static func markSlot(_ slot: Int64, postgres: Bool) -> SQLQueryString {
        postgres
            ? "INSERT INTO metric_dirty (slot) VALUES (\(bind: slot)) ON CONFLICT DO NOTHING"
            : "INSERT OR IGNORE INTO metric_dirty (slot) VALUES (\(bind: slot))"
    }

    /// The statements that create every trigger on this database.
    static func createStatements(postgres: Bool) -> [String] {
        specs.flatMap { postgres ? postgresTrigger($0) : sqliteTriggers($0) }
    }

    static func dropStatements(postgres: Bool) -> [String] {
        specs.flatMap { spec in
            postgres
                ? [
                    "DROP TRIGGER IF EXISTS metric_mark_\(spec.table) ON \(spec.table)",
                    "DROP FUNCTION IF EXISTS metric_mark_\(spec.table)()",
                ]
                : ["insert", "update", "delete"].map { "DROP TRIGGER IF EXISTS metric_mark_\(spec.table)_\($0)" }
        }
    }

    static func sqliteTriggers(_ spec: Spec) -> [String] {
        func trigger(_ event: String, _ name: String, rows: [String]) -> String {
            let when =
                spec.when.map { w in
                    " WHEN " + rows.map { w.replacingOccurrences(of: "R.", with: "\($0).") }.joined(separator: " OR ")
                } ?? ""
            let body = rows.map { markInstants(spec.instants, row: $0, postgres: false) + ";" }.joined(separator: " ")
            return
                "CREATE TRIGGER metric_mark_\(spec.table)_\(name) AFTER \(event) ON \(spec.table)\(when) BEGIN \(body) END"
        }
        var statements = [
            trigger("INSERT", "insert", rows: ["NEW"]), trigger("DELETE", "delete", rows: ["OLD"]),
        ]
        if spec.onUpdate {
            let event = spec.updateOf.map { "UPDATE OF " + $0.joined(separator: ", ") } ?? "UPDATE"
            statements.append(trigger(event, "update", rows: ["NEW", "OLD"]))
        }
        return statements
    }

    static func postgresTrigger(_ spec: Spec) -> [String] {
        func guarded(_ row: String, _ op: String) -> String {
            let mark = markInstants(spec.instants, row: row, postgres: true) + ";"
            // Nested: NEW is null on a delete and OLD on an insert.
            let body =
                spec.when.map { "IF \($0.replacingOccurrences(of: "R.", with: "\(row).")) THEN \(mark) END IF;" }
                ?? mark
            return "IF TG_OP <> '\(op)' THEN \(body) END IF;"
        }
        let function = """
            CREATE OR REPLACE FUNCTION metric_mark_\(spec.table)() RETURNS trigger LANGUAGE plpgsql AS $$ \
            BEGIN \(guarded("NEW", "DELETE")) \(guarded("OLD", "INSERT")) RETURN NULL; END $$
            """
        var events = ["INSERT", "DELETE"]
        if spec.onUpdate { events.append(spec.updateOf.map { "UPDATE OF " + $0.joined(separator: ", ") } ?? "UPDATE") }
        let trigger = """
            CREATE TRIGGER metric_mark_\(spec.table) AFTER \(events.joined(separator: " OR ")) ON \(spec.table) \
            FOR EACH ROW EXECUTE FUNCTION metric_mark_\(spec.table)()
            """
        return [function, trigger]
    }

    /// Marks every instant a figure counts by: all of history is computed again at the next read.
    static func markEverything(_ sql: any SQLDatabase) async throws {
        let postgres = sql.dialect.name == "postgresql"
        let instants = [
            "SELECT created_at AS x FROM promises", "SELECT delivered_at AS x FROM promise_states",
            "SELECT status_changed_at AS x FROM quotes", "SELECT accepted_at AS x FROM projects",
            "SELECT at AS x FROM activity_events WHERE kind = 'quote-reviewed'",
        ]
        for instant in instants {
            try await sql.raw(SQLQueryString(markInstants([instant], row: "R", postgres: postgres))).run()
        }
    }
}
