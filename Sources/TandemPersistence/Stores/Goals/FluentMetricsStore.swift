import FluentKit
import Foundation
import SQLKit
import TandemDomain

/// The metrics engine's SQL (docs/metrics.md): a handful of `GROUP BY` queries per scorecard,
/// each grouped by subject (and currency where it sums money); never rows loaded to be summed.
/// Pages read the maintained roll-up (`MetricRollup`); these queries compute it, a day or a
/// month of days at a time (`bucketed`).
public struct FluentMetricsStore: MetricsStore {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(database: any Database) { self.database = database }

    struct Query {
        var sql: any SQLDatabase
        var m: MetricsSQL
        var subject: ScorecardSubject
        /// Bucket boundaries: bucket i is `[buckets[i], buckets[i + 1])`; the period is all of them.
        var buckets: [Date]
        var now: Date
        var subjectID: String?

        var from: Date { buckets[0] }
        var to: Date { buckets[buckets.count - 1] }

        func period(_ column: String) -> SQLQueryString {
            " AND \(unsafeRaw: column) >= \(bind: from) AND \(unsafeRaw: column) < \(bind: to)"
        }

        /// The bucket a record falls in by `column`, as `rollup_bucket`.
        func bucket(_ column: String) -> SQLQueryString {
            guard buckets.count > 2 else { return "0 AS rollup_bucket" }
            var expression: SQLQueryString = "CASE"
            for i in 1..<(buckets.count - 1) {
                expression = expression + " WHEN \(unsafeRaw: column) < \(bind: buckets[i]) THEN \(literal: i - 1)"
            }
            return expression + " ELSE \(literal: buckets.count - 2) END AS rollup_bucket"
        }

        /// `SELECT <key> AS subject, <bucket>, <columns> <from> WHERE <where> GROUP BY <key>, bucket, <groups>`.
        func grouped(
            key: String?, bucketBy column: String, columns: String, from: String, where condition: SQLQueryString,
            groups: [String] = []
        ) async throws -> [any SQLRow] {
            let keys = (key.map { [$0] } ?? []) + ["rollup_bucket"] + groups
            var query: SQLQueryString =
                "SELECT \(unsafeRaw: key ?? "'all'") AS subject, " + bucket(column) + ", \(unsafeRaw: columns)"
            query = query + SQLQueryString(from) + " WHERE " + condition
            query = query + MetricsSQL.only(key, subjectID, subject)
            query = query + " GROUP BY \(unsafeRaw: keys.joined(separator: ", "))"
            return try await sql.raw(query).all()
        }
    }

    public func figures(_ subject: ScorecardSubject, from: Date, to: Date, now: Date, subjectID: String?)
        async throws -> [SubjectFigures]
    {
        try await MetricRollup(sql: sql, live: self).figures(
            subject, from: from, to: to, now: now, subjectID: subjectID)
    }

    public func refreshRollup() async throws -> MetricsRollupRefresh {
        let rollup = MetricRollup(sql: sql, live: self)
        return try await rollup.refresh(RollupCalendar(zone: try await rollup.zone()))
    }

    /// Runs a bulk load (the large demo set) without the roll-up's triggers, which would mark
    /// each row's days one by one, then marks all of history for the next refresh. The triggers
    /// are put back even when the load fails.
    public static func withoutRollupTriggers(_ database: any Database, _ load: () async throws -> Void) async throws {
        let sql = database as! any SQLDatabase
        let postgres = sql.dialect.name == "postgresql"
        for statement in MetricRollupTriggers.dropStatements(postgres: postgres) {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        func restore() async throws {
            for statement in MetricRollupTriggers.createStatements(postgres: postgres) {
                try await sql.raw(SQLQueryString(statement)).run()
            }
            try await MetricRollupTriggers.markEverything(sql)
        }
        do {
            try await load()
        } catch {
            try? await restore()
            throw error
        }
        try await restore()
    }

    /// The figures computed from the records themselves, without the roll-up (its reference).
    public func liveFigures(_ subject: ScorecardSubject, from: Date, to: Date, now: Date, subjectID: String?)
        async throws -> [SubjectFigures]
    {
        try await bucketed(subject, buckets: [from, to], now: now, subjectID: subjectID)[0]
            .values.sorted { $0.subjectID < $1.subjectID }
    }

    /// Each bucket's figures by subject; `now` judges open promises past their instant as broken.
    func bucketed(_ subject: ScorecardSubject, buckets: [Date], now: Date, subjectID: String?)
        async throws -> [[String: SubjectFigures]]
    {
        let q = Query(sql: sql, m: MetricsSQL(sql), subject: subject, buckets: buckets, now: now, subjectID: subjectID)
        var figures = Array(repeating: [String: SubjectFigures](), count: buckets.count - 1)
        func update(_ row: any SQLRow, _ change: (inout SubjectFigures) throws -> Void) throws {
            guard let id = try MetricsSQL.subjectID(row, subject) else { return }
            let bucket = try row.decode(column: "rollup_bucket", as: Int.self)
            var f = figures[bucket][id] ?? SubjectFigures(subjectID: id)
            try change(&f)
            figures[bucket][id] = f
        }
        try await made(q, update)
        try await delivered(q, update)
        try await decided(q, update)
        try await reviewedAndMeasured(q, update)
        return figures
    }

    typealias Update = (any SQLRow, (inout SubjectFigures) throws -> Void) throws -> Void

    /// Promises made in the period: counts by judged status, quoted price, quoted cost.
    func made(_ q: Query, _ update: Update) async throws {
        let m = q.m
        let key = MetricsSQL.promiseKey(q.subject)
        let judged = FluentLedgerStore.judged(q.now)
        let made: SQLQueryString = SQLQueryString(m.notCancelled()) + q.period("p.created_at")
        let columns: SQLQueryString =
            "p.currency AS currency, COUNT(*) AS n, SUM(CASE WHEN \(judged) = 'kept' THEN 1 ELSE 0 END) AS kept, "
            + "SUM(CASE WHEN \(judged) = 'broken' THEN 1 ELSE 0 END) AS broken, "
            + "\(unsafeRaw: m.sum("COALESCE(v.price, p.price)")) AS amount"
        var query: SQLQueryString =
            "SELECT \(unsafeRaw: key ?? "'all'") AS subject, " + q.bucket("p.created_at") + ", " + columns
        query =
            query + SQLQueryString(MetricsSQL.promiseFrom) + " WHERE " + made
            + MetricsSQL.only(key, q.subjectID, q.subject)
            + " GROUP BY \(unsafeRaw: ((key.map { [$0] } ?? []) + ["rollup_bucket", "p.currency"]).joined(separator: ", "))"
        for row in try await q.sql.raw(query).all() {
            try update(row) { f in
                let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
                f.made += try row.decode(column: "n", as: Int.self)
                f.kept += try row.decode(column: "kept", as: Int?.self) ?? 0
                f.broken += try row.decode(column: "broken", as: Int?.self) ?? 0
                f.quotedPrice.add(m.decimal(try row.decode(column: "amount", as: String?.self)), currency)
            }
        }
        let costs = try await q.grouped(
            key: key, bucketBy: "p.created_at", columns: "ql.cost_currency AS currency, \(m.sum("ql.cost")) AS amount",
            from: MetricsSQL.promiseFrom + MetricsSQL.quotedLines, where: made, groups: ["ql.cost_currency"])
        for row in costs {
            try update(row) { f in
                let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
                f.quotedCost.add(m.decimal(try row.decode(column: "amount", as: String?.self)), currency)
            }
        }
    }

    /// Promises delivered in the period: price, actual and quoted cost, first-date and
    /// complaint-free counts, time from acceptance to delivery.
    func delivered(_ q: Query, _ update: Update) async throws {
        let m = q.m
        let key = MetricsSQL.promiseKey(q.subject)
        let delivered: SQLQueryString = SQLQueryString(m.notCancelled()) + q.period("s.delivered_at")
        let complaintFree = """
            CASE WHEN EXISTS (SELECT 1 FROM complaints c WHERE c.promise_id = p.id AND c.justified = \(m.bool(true))) \
            THEN 0 ELSE 1 END
            """
        let rows = try await q.grouped(
            key: key, bucketBy: "s.delivered_at",
            columns: """
                p.currency AS currency, COUNT(*) AS n, \
                SUM(CASE WHEN s.delivered_at <= COALESCE(v.delivery_date, p.delivery_date) THEN 1 ELSE 0 END) AS first_date, \
                SUM(\(complaintFree)) AS clean, \(m.sum("p.price")) AS amount, \
                \(m.sum("COALESCE(v.price, p.price)")) AS first_amount, \
                SUM(CASE WHEN s.margin_at_risk = \(m.bool(true)) THEN 1 ELSE 0 END) AS below, \
                \(m.sumSeconds(from: "pr.accepted_at", to: "s.delivered_at")) AS seconds
                """, from: MetricsSQL.promiseFrom, where: delivered, groups: ["p.currency"])
        for row in rows {
            try update(row) { f in
                let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
                f.delivered += try row.decode(column: "n", as: Int.self)
                f.deliveredOnFirstDate += try row.decode(column: "first_date", as: Int?.self) ?? 0
                f.deliveredWithoutComplaint += try row.decode(column: "clean", as: Int?.self) ?? 0
                f.deliveredPrice.add(m.decimal(try row.decode(column: "amount", as: String?.self)), currency)
                f.deliveredFirstPrice.add(m.decimal(try row.decode(column: "first_amount", as: String?.self)), currency)
                f.deliveredBelowFloor += try row.decode(column: "below", as: Int?.self) ?? 0
                f.wonToDeliveredSeconds += try row.decode(column: "seconds", as: Double?.self) ?? 0
            }
        }
        let costs = try await q.grouped(
            key: key, bucketBy: "s.delivered_at", columns: "d.cost_currency AS currency, \(m.sum("d.cost")) AS amount",
            from: MetricsSQL.promiseFrom + " JOIN client_deliveries d ON d.promise_id = p.id AND d.cost IS NOT NULL",
            where: delivered, groups: ["d.cost_currency"])
        for row in costs {
            try update(row) { f in
                let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
                f.deliveredCost.add(m.decimal(try row.decode(column: "amount", as: String?.self)), currency)
            }
        }
        let quoted = try await q.grouped(
            key: key, bucketBy: "s.delivered_at",
            columns: "ql.cost_currency AS currency, \(m.sum("ql.cost")) AS amount",
            from: MetricsSQL.promiseFrom + MetricsSQL.quotedLines, where: delivered, groups: ["ql.cost_currency"])
        for row in quoted {
            try update(row) { f in
                let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
                f.deliveredQuotedCost.add(m.decimal(try row.decode(column: "amount", as: String?.self)), currency)
            }
        }
    }

    /// Quotes decided in the period (win rate) and projects accepted in it (lead to won).
    func decided(_ q: Query, _ update: Update) async throws {
        let m = q.m
        let quoteKey = MetricsSQL.quoteKey(q.subject)
        if case .notApplicable = quoteKey {
        } else {
            let rows = try await q.grouped(
                key: quoteKey.expression, bucketBy: "q.status_changed_at",
                columns: "COUNT(*) AS n, SUM(CASE WHEN q.status = 'accepted' THEN 1 ELSE 0 END) AS won",
                from: " FROM quotes q LEFT JOIN opportunities o ON o.id = q.opportunity_id",
                where: "q.status IN ('accepted', 'lost', 'expired')" + q.period("q.status_changed_at"))
            for row in rows {
                try update(row) { f in
                    f.quotesDecided += try row.decode(column: "n", as: Int.self)
                    f.quotesWon += try row.decode(column: "won", as: Int?.self) ?? 0
                }
            }
        }
        let projectKey = MetricsSQL.projectKey(q.subject)
        if case .notApplicable = projectKey {
        } else {
            let rows = try await q.grouped(
                key: projectKey.expression, bucketBy: "pr.accepted_at",
                columns: "COUNT(o.id) AS n, \(m.sumSeconds(from: "o.created_at", to: "pr.accepted_at")) AS seconds",
                from: " FROM projects pr LEFT JOIN opportunities o ON o.id = pr.opportunity_id",
                // A deal created after its project was accepted (history linked later) has no lead time.
                where: "(o.id IS NULL OR o.created_at <= pr.accepted_at)" + q.period("pr.accepted_at"))
            for row in rows {
                try update(row) { f in
                    f.projectsWon += try row.decode(column: "n", as: Int.self)
                    f.leadToWonSeconds += try row.decode(column: "seconds", as: Double?.self) ?? 0
                }
            }
        }
    }
}
