import FluentKit
import Foundation
import SQLKit
import TandemDomain

extension MetricRollup {
    /// One refresh at a time in this process: two would compute and write the same days.
    static let lock = AsyncLock()

    /// Computes again every day marked since the last refresh, then their months. Marks are
    /// taken out before the days are read, so a write that lands meanwhile marks its day again.
    @discardableResult
    func refresh(_ calendar: RollupCalendar) async throws -> MetricsRollupRefresh {
        try await Self.lock.withLock { try await refreshAlone(calendar) }
    }

    private func refreshAlone(_ calendar: RollupCalendar) async throws -> MetricsRollupRefresh {
        try await rebuildIfZoneChanged(calendar.zone)
        let slots = try await sql.raw("SELECT slot FROM metric_dirty ORDER BY slot").all().map {
            try $0.decode(column: "slot", as: Int64.self)
        }
        guard !slots.isEmpty else { return MetricsRollupRefresh() }
        var days: [Date: [Int64]] = [:]
        for slot in slots {
            days[
                calendar.dayStart(Date(timeIntervalSince1970: TimeInterval(slot * MetricRollupTriggers.slotSeconds))),
                default: []
            ].append(slot)
        }
        let byMonth = Dictionary(grouping: days.keys) { calendar.monthStart($0) }
        var report = MetricsRollupRefresh()
        for month in byMonth.keys.sorted() {
            let monthDays = byMonth[month]!.sorted()
            let monthSlots = monthDays.flatMap { days[$0]! }
            try await deleteMarks(monthSlots)
            do {
                report.rows += try await recompute(month: month, days: monthDays, calendar)
            } catch {
                try? await mark(monthSlots)
                throw error
            }
            report.days += monthDays.count
            report.months += 1
        }
        return report
    }

    /// The month's marked days computed again (in runs of consecutive days) and written with the
    /// month's sums in one transaction.
    private func recompute(month: Date, days: [Date], _ calendar: RollupCalendar) async throws -> Int {
        var runs: [[Date]] = []
        for day in days {
            if let last = runs.last?.last, calendar.nextDay(last) == day {
                runs[runs.count - 1].append(day)
            } else {
                runs.append([day])
            }
        }
        var rows: [(kind: ScorecardSubject, start: Date, figures: SubjectFigures)] = []
        for run in runs {
            let buckets = run + [calendar.nextDay(run[run.count - 1])]
            for kind in ScorecardSubject.allCases {
                let figures = try await live.bucketed(kind, buckets: buckets, now: .distantPast, subjectID: nil)
                for (i, byID) in figures.enumerated() {
                    for f in byID.values { rows.append((kind, buckets[i], f)) }
                }
            }
        }
        let monthEnd = calendar.nextMonth(month)
        let (dayRuns, dayRows) = (runs, rows)
        let database = database
        // SQLite answers busy while another connection writes: the transaction is run again.
        try await SQLiteContention.retrying {
            try await Self.write(dayRuns, dayRows, month: month, monthEnd: monthEnd, calendar, on: database)
        }
        return rows.count
    }

    private static func write(
        _ dayRuns: [[Date]], _ dayRows: [(kind: ScorecardSubject, start: Date, figures: SubjectFigures)], month: Date,
        monthEnd: Date, _ calendar: RollupCalendar, on database: any Database
    ) async throws {
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            for run in dayRuns {
                try await sql.raw(
                    "DELETE FROM metric_rollups WHERE grain = 'day' AND start >= \(bind: Self.seconds(run[0])) AND start < \(bind: Self.seconds(calendar.nextDay(run[run.count - 1])))"
                ).run()
            }
            try await Self.insert(dayRows, into: sql)
            try await sql.raw(
                "DELETE FROM metric_rollups WHERE grain = 'month' AND start = \(bind: Self.seconds(month))"
            ).run()
            let sums = RollupColumns.all.map { "SUM(\($0))" }.joined(separator: ", ")
            try await sql.raw(
                """
                INSERT INTO metric_rollups (kind, subject_id, grain, start, currency, \(unsafeRaw: RollupColumns.all.joined(separator: ", "))) \
                SELECT kind, subject_id, 'month', \(bind: Self.seconds(month)), currency, \(unsafeRaw: sums) \
                FROM metric_rollups WHERE grain = 'day' AND start >= \(bind: Self.seconds(month)) \
                AND start < \(bind: Self.seconds(monthEnd)) GROUP BY kind, subject_id, currency
                """
            ).run()
        }
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded()) }

    /// Day rows, a few hundred per statement.
    static func insert(
        _ rows: [(kind: ScorecardSubject, start: Date, figures: SubjectFigures)], into sql: any SQLDatabase
    )
        async throws
    {
        let stored = rows.flatMap { row in
            RollupColumns.rows(row.figures).map { (row.kind, seconds(row.start), row.figures.subjectID, $0) }
        }
        let columns = "kind, subject_id, grain, start, currency, " + RollupColumns.all.joined(separator: ", ")
        for chunk in stride(from: 0, to: stored.count, by: 200).map({ stored[$0..<min($0 + 200, stored.count)] }) {
            var query: SQLQueryString = "INSERT INTO metric_rollups (\(unsafeRaw: columns)) VALUES "
            for (i, (kind, start, id, row)) in chunk.enumerated() {
                if i > 0 { query = query + ", " }
                query =
                    query + "(\(bind: kind.rawValue), \(bind: RollupColumns.storedID(id)), 'day', \(bind: start), "
                    + "\(bind: row.currency)"
                for value in row.values { query = query + ", \(value)" }
                query = query + ")"
            }
            try await sql.raw(query).run()
        }
    }

    private func deleteMarks(_ slots: [Int64]) async throws {
        for chunk in stride(from: 0, to: slots.count, by: 500).map({ slots[$0..<min($0 + 500, slots.count)] }) {
            let list = SQLList(chunk.map { SQLLiteral.numeric(String($0)) })
            try await sql.raw("DELETE FROM metric_dirty WHERE slot IN (\(list))").run()
        }
    }

    private func mark(_ slots: [Int64]) async throws {
        for slot in slots {
            try await sql.raw(MetricRollupTriggers.markSlot(slot, postgres: MetricsSQL(sql).isPostgres)).run()
        }
    }

    /// A new time zone moves every day's bounds: the roll-up is built again from scratch.
    private func rebuildIfZoneChanged(_ zone: String) async throws {
        let stored = try await sql.raw("SELECT zone FROM metric_rollup_settings WHERE id = 1").first()
            .map { try $0.decode(column: "zone", as: String.self) }
        guard stored != zone else { return }
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("DELETE FROM metric_rollups").run()
            try await sql.raw("DELETE FROM metric_rollup_settings").run()
            try await sql.raw("INSERT INTO metric_rollup_settings (id, zone) VALUES (1, \(bind: zone))").run()
            try await MetricRollupTriggers.markEverything(sql)
        }
    }
}
