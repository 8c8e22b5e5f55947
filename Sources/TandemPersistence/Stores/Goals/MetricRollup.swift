import FluentKit
import Foundation
import SQLKit
import TandemDomain

/// The maintained roll-up behind every scorecard (docs/metrics.md, "Speed"): the figures of each
/// subject for each day and each month of the organisation's calendar, in `metric_rollups`.
///
/// Triggers (`MetricRollupTriggers`) mark in `metric_dirty` the quarter-hours whose figures any
/// write may have changed, in the writer's own transaction. Before a read, the marked days are
/// computed again with the same SQL as the live figures (`FluentMetricsStore.bucketed`), and their
/// months summed from their days. A read then sums at most a few hundred roll-up rows per month
/// of the period. Only the promises still open are judged at read time against `now`.
struct MetricRollup {
    let sql: any SQLDatabase
    let live: FluentMetricsStore
    var database: any Database { live.database }

    init(sql: any SQLDatabase, live: FluentMetricsStore) {
        self.sql = sql
        self.live = live
    }

    /// The figures of `[from, to)` from the roll-up, once the marked days are computed again.
    func figures(_ subject: ScorecardSubject, from: Date, to: Date, now: Date, subjectID: String?)
        async throws -> [SubjectFigures]
    {
        let calendar = RollupCalendar(zone: try await zone())
        // A span that is not made of whole local days is computed from the records themselves.
        guard from < to, calendar.isDayStart(from), calendar.isDayStart(to) else {
            return try await live.liveFigures(subject, from: from, to: to, now: now, subjectID: subjectID)
        }
        try await refresh(calendar)
        var figures = try await read(subject, span: calendar.split(from: from, to: to), subjectID: subjectID)
        for (id, broken) in try await openPastDue(subject, from: from, to: to, now: now, subjectID: subjectID) {
            figures[id, default: SubjectFigures(subjectID: id)].broken += broken
        }
        return figures.values.sorted { $0.subjectID < $1.subjectID }
    }

    /// The organisation's time zone (the roll-up's days are its days).
    func zone() async throws -> String {
        let row = try await sql.raw("SELECT time_zone FROM organisation_settings").first()
        return try row?.decode(column: "time_zone", as: String.self) ?? "UTC"
    }

    // MARK: Reading

    /// Σ the roll-up rows of the span by subject and currency, folded into figures.
    func read(_ subject: ScorecardSubject, span: RollupCalendar.Span, subjectID: String?) async throws
        -> [String: SubjectFigures]
    {
        var query: SQLQueryString = "SELECT subject_id, currency"
        for column in RollupColumns.integers {
            query = query + ", CAST(SUM(\(unsafeRaw: column)) AS BIGINT) AS \(unsafeRaw: column)"
        }
        for column in RollupColumns.seconds {
            query = query + ", CAST(SUM(\(unsafeRaw: column)) AS DOUBLE PRECISION) AS \(unsafeRaw: column)"
        }
        query =
            query + " FROM metric_rollups WHERE kind = \(bind: subject.rawValue) AND ("
            + "(grain = 'month' AND start >= \(bind: span.months.lowerBound) AND start < \(bind: span.months.upperBound))"
            + " OR (grain = 'day' AND start >= \(bind: span.daysBefore.lowerBound) AND start < \(bind: span.daysBefore.upperBound))"
            + " OR (grain = 'day' AND start >= \(bind: span.daysAfter.lowerBound) AND start < \(bind: span.daysAfter.upperBound)))"
        if let subjectID, subject != .team {
            query = query + " AND subject_id = \(bind: RollupColumns.storedID(subjectID))"
        }
        query = query + " GROUP BY subject_id, currency"
        var figures: [String: SubjectFigures] = [:]
        for row in try await sql.raw(query).all() {
            let id = try row.decode(column: "subject_id", as: String.self)
            var f = figures[id] ?? SubjectFigures(subjectID: id)
            try RollupColumns.add(row, to: &f)
            figures[id] = f
        }
        return figures
    }

    /// Promises made in the period, still open and past their instant at `now`: broken, as the
    /// ledger judges them. The roll-up counts them by their stored status (neither kept nor broken).
    func openPastDue(_ subject: ScorecardSubject, from: Date, to: Date, now: Date, subjectID: String?)
        async throws -> [String: Int]
    {
        let m = MetricsSQL(sql)
        let key = MetricsSQL.promiseKey(subject)
        // The open promises past their instant first, by `promises(status, delivery_date)` (V017):
        // a few thousand at most. `OFFSET 0` keeps PostgreSQL from folding the subquery into a
        // walk of every promise made in the period, which its estimates prefer and which is slower.
        let open: SQLQueryString =
            " FROM (SELECT * FROM promises WHERE status IN ('on-track', 'at-risk') AND delivery_date < \(bind: now)"
            + (m.isPostgres ? " OFFSET 0) p" : ") p")
            + " JOIN projects pr ON pr.id = p.project_id LEFT JOIN promise_states s ON s.id = p.id"
            + " LEFT JOIN opportunities o ON o.id = pr.opportunity_id"
        var query: SQLQueryString =
            "SELECT \(unsafeRaw: key ?? "'all'") AS subject, COUNT(*) AS n" + open
            + " WHERE s.delivered_at IS NULL AND \(unsafeRaw: m.notCancelled())"
            + " AND p.created_at >= \(bind: from) AND p.created_at < \(bind: to)"
            + MetricsSQL.only(key, subjectID, subject)
        if let key { query = query + " GROUP BY \(unsafeRaw: key)" }
        var counts: [String: Int] = [:]
        for row in try await sql.raw(query).all() {
            guard let id = try MetricsSQL.subjectID(row, subject) else { continue }
            counts[id, default: 0] += try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}

/// The roll-up's days and months in the organisation's time zone.
struct RollupCalendar {
    let zone: String
    let calendar: Calendar

    init(zone: String) {
        self.zone = zone
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        calendar = c
    }

    func isDayStart(_ date: Date) -> Bool { calendar.startOfDay(for: date) == date }
    func dayStart(_ date: Date) -> Date { calendar.startOfDay(for: date) }
    func nextDay(_ day: Date) -> Date { calendar.date(byAdding: .day, value: 1, to: day)! }
    func monthStart(_ date: Date) -> Date {
        calendar.date(from: calendar.dateComponents([.year, .month], from: date))!
    }
    func nextMonth(_ month: Date) -> Date { calendar.date(byAdding: .month, value: 1, to: month)! }

    /// Where a span of whole days reads from: its whole months, and the days before and after them
    /// (epoch seconds, half-open).
    struct Span {
        var months: Range<Int64>
        var daysBefore: Range<Int64>
        var daysAfter: Range<Int64>
    }

    func split(from: Date, to: Date) -> Span {
        func s(_ d: Date) -> Int64 { Int64(d.timeIntervalSince1970.rounded()) }
        var firstMonth = monthStart(from)
        if firstMonth < from { firstMonth = nextMonth(firstMonth) }
        let lastMonth = monthStart(to)
        guard firstMonth < lastMonth else { return Span(months: 0..<0, daysBefore: s(from)..<s(to), daysAfter: 0..<0) }
        return Span(
            months: s(firstMonth)..<s(lastMonth), daysBefore: s(from)..<s(firstMonth), daysAfter: s(lastMonth)..<s(to))
    }
}
