import Fluent
import Foundation
import SQLKit
import TandemPersistence

/// Inserts the goals' scale set (`GoalsScaleSet`) with multi-row `INSERT` statements of 1,000
/// rows, a transaction per chunk of projects, on SQLite and PostgreSQL alike.
struct GoalsScaleInserter {
    let set: GoalsScaleSet
    /// Projects per transaction.
    var chunk = 5_000
    var log: @Sendable (String) -> Void = { _ in }

    struct Report: Sendable, Equatable, CustomStringConvertible {
        /// Rows per table, in insertion order.
        var rows: [String: Int] = [:]
        /// Seconds per part (people and accounts, opportunities, then each table of the projects).
        var seconds: [(part: String, seconds: Double)] = []
        var total: Double = 0
        var alreadyPresent = false

        static func == (a: Report, b: Report) -> Bool { a.rows == b.rows && a.alreadyPresent == b.alreadyPresent }

        var description: String {
            if alreadyPresent { return "The goals' scale set is already in this database; nothing was added." }
            func n(_ table: String) -> String { (rows[table] ?? 0).formatted(.number.grouping(.automatic)) }
            var text =
                "Added \(n("projects")) projects, \(n("production_jobs")) jobs, \(n("promises")) promises and "
                + "\(n("opportunities")) opportunities (\(n("accounts")) accounts, \(n("users")) people, "
                + "\(n("quotes")) quotes, \(n("quote_lines")) quote lines, \(n("promise_versions")) promise versions, "
                + "\(n("client_deliveries")) deliveries, \(n("complaints")) complaints) in "
                + String(format: "%.1f", total) + " s:"
            for part in seconds { text += "\n  \(part.part): " + String(format: "%.1f", part.seconds) + " s" }
            return text
        }
    }

    /// Inserts the set (unless it is there already) without the metrics roll-up's triggers, then
    /// builds the roll-up over all of history and says how long that took.
    func insert(into database: any Database) async throws -> Report {
        let sql = database as! any SQLDatabase
        let first = set.id(.user, 0)
        if try await !sql.raw("SELECT id FROM users WHERE id = \(bind: first)").all().isEmpty {
            return Report(alreadyPresent: true)
        }
        var report = Report()
        try await FluentMetricsStore.withoutRollupTriggers(database) { report = try await insertRows(into: database) }
        let r0 = Date()
        let refresh = try await FluentMetricsStore(database: database).refreshRollup()
        let seconds = Date().timeIntervalSince(r0)
        report.seconds.append(("metrics roll-up (\(refresh.days) days, \(refresh.rows) rows)", seconds))
        report.total += seconds
        log("metrics roll-up: \(refresh.days) days in \(String(format: "%.1f", seconds)) s")
        return report
    }

    func insertRows(into database: any Database) async throws -> Report {
        let sql = database as! any SQLDatabase
        let postgres = sql.dialect.name == "postgresql"
        var report = Report()
        let started = Date()
        var perTable: [String: Double] = [:]
        func add(_ t: Timings) {
            for (name, n) in t.rows { report.rows[name, default: 0] += n }
            for (name, seconds) in t.seconds { perTable[name, default: 0] += seconds }
        }
        // People, accounts and exchange rates (those the database has not got for that day).
        var t0 = Date()
        let existing = try await sql.raw("SELECT currency, day FROM exchange_rates").all().map {
            (try $0.decode(column: "currency", as: String.self)) + "/" + (try $0.decode(column: "day", as: String.self))
        }
        var rates = set.rateRows()
        let known = Set(existing)
        rates.rows.removeAll { row in
            if case .text(let c) = row[1], case .text(let d) = row[2] { return known.contains(c + "/" + d) }
            return false
        }
        let people = [set.userRows(), set.accountRows(), rates]
        add(try await database.transaction { db in try await Self.run(people, on: db, postgres: postgres) })
        report.seconds.append(("people, accounts, exchange rates", Date().timeIntervalSince(t0)))
        log("people, accounts and exchange rates: \(String(format: "%.1f", Date().timeIntervalSince(t0))) s")
        t0 = Date()
        let opportunities = [set.opportunityRows()]
        add(try await database.transaction { db in try await Self.run(opportunities, on: db, postgres: postgres) })
        report.seconds.append(("opportunities", Date().timeIntervalSince(t0)))
        log("\(set.opportunities) opportunities: \(String(format: "%.1f", Date().timeIntervalSince(t0))) s")
        // Projects with their quotes, promises and jobs, a transaction per chunk.
        var generating = 0.0
        var start = 0
        while start < set.projects {
            let end = min(set.projects, start + chunk)
            let g0 = Date()
            let rows = set.chunk(start..<end)
            generating += Date().timeIntervalSince(g0)
            add(try await database.transaction { db in try await Self.run(rows.tables, on: db, postgres: postgres) })
            start = end
            if end % (chunk * 20) == 0 || end == set.projects {
                log(
                    "\(end) of \(set.projects) projects: \(String(format: "%.0f", Date().timeIntervalSince(started))) s"
                )
            }
        }
        report.seconds.append(("generating the projects' rows (Swift)", generating))
        for name in GoalsScaleChunk().tables.map(\.name) where perTable[name] != nil {
            report.seconds.append(("insert \(name)", perTable[name] ?? 0))
        }
        let a0 = Date()  // fresh statistics, so the planners see the new sizes
        try await sql.raw("ANALYZE").run()
        report.seconds.append(("ANALYZE", Date().timeIntervalSince(a0)))
        report.total = Date().timeIntervalSince(started)
        return report
    }

    struct Timings: Sendable {
        var rows: [String: Int] = [:]
        var seconds: [String: Double] = [:]
    }

    /// Inserts the tables' rows, 1,000 to a statement, and says how long each table took.
    static func run(_ tables: [ScaleTable], on database: any Database, postgres: Bool) async throws -> Timings {
        let sql = database as! any SQLDatabase
        var timings = Timings()
        for table in tables where !table.rows.isEmpty {
            let t0 = Date()
            for statement in table.statements(postgres: postgres) { try await sql.raw(SQLQueryString(statement)).run() }
            timings.seconds[table.name, default: 0] += Date().timeIntervalSince(t0)
            timings.rows[table.name, default: 0] += table.rows.count
        }
        return timings
    }
}
