import FluentKit
import Foundation
import SQLKit
import TandemDomain

/// Review turnaround and word accuracy (docs/metrics.md): grouped in SQL like the other figures,
/// and the drill-downs that list the same records.
extension FluentMetricsStore {
    /// The quote reviews decided in `[from, to)`, each with the latest submission of its quote
    /// before it (`r`), with its quote (`q`) and opportunity (`o`). Bounded by the
    /// `activity_events(kind, at)` index; the submission is found by `(subject_kind, subject_id, at)`.
    /// For PMs, only reviews decided by someone with the PM role (a manager's are not a PM's).
    static func reviews(_ subject: ScorecardSubject, from: Date, to: Date, joins: String = "") -> SQLQueryString {
        let joins =
            (subject == .pm
                ? " JOIN users ru ON ru.id = r.reviewer_id AND (',' || ru.roles || ',') LIKE '%,pm,%'" : "") + joins
        return
            """
             FROM (SELECT e.id AS event_id, e.subject_id AS quote_id, e.actor_id AS reviewer_id, e.at AS reviewed_at, \
            (SELECT MAX(s.at) FROM activity_events s WHERE s.subject_kind = 'quote' AND s.subject_id = e.subject_id \
            AND s.kind = 'quote-submitted' AND s.at <= e.at) AS submitted_at \
            FROM activity_events e WHERE e.kind = 'quote-reviewed' AND e.subject_kind = 'quote' \
            AND e.at >= \(bind: from) AND e.at < \(bind: to)) r \
            JOIN quotes q ON q.id = r.quote_id LEFT JOIN opportunities o ON o.id = q.opportunity_id\(unsafeRaw: joins) \
            WHERE r.submitted_at IS NOT NULL
            """
    }

    /// The word jobs (`j`) of the promises delivered in `[from, to)` with the actual words of
    /// their active assignments (`actual`, null until recorded), beside the promise's columns.
    static func measuredJobs(_ m: MetricsSQL, columns: SQLQueryString, from: Date, to: Date) -> SQLQueryString {
        let actual = """
            (SELECT CAST(SUM(\(m.jsonInteger("a.content", "actualWords"))) AS BIGINT) FROM job_assignments a \
            WHERE a.job_id = j.id AND a.state = 'active')
            """
        return
            "SELECT " + columns + ", \(unsafeRaw: m.jsonInteger("j.content", "words")) AS quoted, "
            + "\(unsafeRaw: actual) AS actual" + SQLQueryString(MetricsSQL.promiseFrom)
            + " JOIN production_jobs j ON j.project_id = p.project_id AND j.target_language = p.target_language"
            + " WHERE \(unsafeRaw: m.notCancelled()) AND s.delivered_at >= \(bind: from) AND s.delivered_at < \(bind: to)"
            + " AND \(unsafeRaw: m.jsonText("j.content", "unit")) = 'word'"
    }

    /// Reviews decided (turnaround) and word jobs measured (word accuracy) in the period.
    func reviewedAndMeasured(_ q: Query, _ update: Update) async throws {
        let reviewKey = MetricsSQL.reviewKey(q.subject)
        if case .notApplicable = reviewKey {
        } else {
            let key = reviewKey.expression
            var query: SQLQueryString =
                "SELECT \(unsafeRaw: key ?? "'all'") AS subject, " + q.bucket("r.reviewed_at") + ", COUNT(*) AS n, "
                + "\(unsafeRaw: q.m.sumSeconds(from: "r.submitted_at", to: "r.reviewed_at")) AS seconds"
            query =
                query + Self.reviews(q.subject, from: q.from, to: q.to) + MetricsSQL.only(key, q.subjectID, q.subject)
            query = query + " GROUP BY \(unsafeRaw: key.map { "\($0), " } ?? "")rollup_bucket"
            for row in try await q.sql.raw(query).all() {
                try update(row) { f in
                    f.reviews += try row.decode(column: "n", as: Int.self)
                    f.reviewSeconds += try row.decode(column: "seconds", as: Double?.self) ?? 0
                }
            }
        }
        let key = MetricsSQL.promiseKey(q.subject)
        var query: SQLQueryString =
            "SELECT \(unsafeRaw: key == nil ? "'all'" : "subject") AS subject, rollup_bucket, "
            + "CAST(SUM(quoted) AS BIGINT) AS quoted, CAST(SUM(actual) AS BIGINT) AS actual FROM ("
            + Self.measuredJobs(
                q.m, columns: "\(unsafeRaw: key ?? "'all'") AS subject, " + q.bucket("s.delivered_at"), from: q.from,
                to: q.to)
            + MetricsSQL.only(key, q.subjectID, q.subject) + ") t WHERE actual IS NOT NULL"
        query = query + (key != nil ? " GROUP BY subject, rollup_bucket" : " GROUP BY rollup_bucket")
        for row in try await q.sql.raw(query).all() {
            try update(row) { f in
                f.quotedWords += try row.decode(column: "quoted", as: Int?.self) ?? 0
                f.actualWords += try row.decode(column: "actual", as: Int?.self) ?? 0
            }
        }
    }

    /// The reviews behind the turnaround, with their submission, by decision time.
    func reviewRows(subject: ScorecardSubject, id: String?, from: Date, to: Date, limit: Int) async throws
        -> [DrillRow]
    {
        let key = MetricsSQL.reviewKey(subject)
        if case .notApplicable = key { return [] }
        let query: SQLQueryString =
            "SELECT q.id, q.number AS label, a.name AS account_name, r.reviewed_at AS at, q.status, r.submitted_at"
            + Self.reviews(subject, from: from, to: to, joins: " LEFT JOIN accounts a ON a.id = q.account_id")
            + MetricsSQL.only(key.expression, id, subject)
            + " ORDER BY r.reviewed_at, r.event_id LIMIT \(literal: limit)"
        return try await sql.raw(query).all().map { row in
            var drill = try Self.plainRow(row, kind: .quote)
            drill.submittedAt = try row.decode(column: "submitted_at", as: Date.self)
            return drill
        }
    }

    /// The word jobs behind the word accuracy, by delivery.
    func jobRows(subject: ScorecardSubject, id: String?, from: Date, to: Date, limit: Int) async throws -> [DrillRow] {
        let m = MetricsSQL(sql)
        let key = MetricsSQL.promiseKey(subject)
        let columns = """
            j.id AS id, pr.name AS label, pr.account_id AS account_id, p.target_language AS target_language, \
            s.delivered_at AS at, j.status AS status, j.sequence AS sequence
            """
        let query: SQLQueryString =
            "SELECT t.*, acc.name AS account_name FROM ("
            + Self.measuredJobs(m, columns: SQLQueryString(columns), from: from, to: to)
            + MetricsSQL.only(key, id, subject) + ") t LEFT JOIN accounts acc ON acc.id = t.account_id"
            + " WHERE t.actual IS NOT NULL ORDER BY t.at, t.id, t.sequence LIMIT \(literal: limit)"
        return try await sql.raw(query).all().map { row in
            DrillRow(
                kind: .job, id: try row.decode(column: "id", as: UUID.self),
                label: try row.decode(column: "label", as: String.self),
                accountName: try row.decode(column: "account_name", as: String?.self) ?? "",
                targetLanguage: try row.decode(column: "target_language", as: String.self),
                at: try row.decode(column: "at", as: Date.self),
                status: try row.decode(column: "status", as: String.self),
                quotedWords: try row.decode(column: "quoted", as: Int?.self),
                actualWords: try row.decode(column: "actual", as: Int?.self))
        }
    }
}
