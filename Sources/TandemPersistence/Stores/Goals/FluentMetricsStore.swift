import FluentKit
import Foundation
import SQLKit
import TandemDomain

/// The metrics engine's SQL (docs/metrics.md): a handful of `GROUP BY` queries per scorecard,
/// each grouped by subject (and currency where it sums money); never rows loaded to be summed.
public struct FluentMetricsStore: MetricsStore {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(database: any Database) { self.database = database }

    struct Query {
        var sql: any SQLDatabase
        var m: MetricsSQL
        var subject: ScorecardSubject
        var from: Date
        var to: Date
        var now: Date
        var subjectID: String?

        func period(_ column: String) -> SQLQueryString {
            " AND \(unsafeRaw: column) >= \(bind: from) AND \(unsafeRaw: column) < \(bind: to)"
        }

        /// `SELECT <key> AS subject, <columns> <from> WHERE <where> GROUP BY <key>, <groups>`.
        func grouped(
            key: String?, columns: String, from: String, where condition: SQLQueryString, groups: [String] = []
        ) async throws -> [any SQLRow] {
            let keys = (key.map { [$0] } ?? []) + groups
            var query: SQLQueryString = "SELECT \(unsafeRaw: key ?? "'all'") AS subject, \(unsafeRaw: columns)"
            query = query + SQLQueryString(from) + " WHERE " + condition
            query = query + FluentMetricsStore.Query.only(key, subjectID, subject)
            if !keys.isEmpty { query = query + " GROUP BY \(unsafeRaw: keys.joined(separator: ", "))" }
            return try await sql.raw(query).all()
        }

        static func only(_ key: String?, _ id: String?, _ subject: ScorecardSubject) -> SQLQueryString {
            MetricsSQL.only(key, id, subject)
        }
    }

    public func figures(_ subject: ScorecardSubject, from: Date, to: Date, now: Date, subjectID: String?)
        async throws -> [SubjectFigures]
    {
        let q = Query(
            sql: sql, m: MetricsSQL(sql), subject: subject, from: from, to: to, now: now, subjectID: subjectID)
        var figures: [String: SubjectFigures] = [:]
        func update(_ row: any SQLRow, _ change: (inout SubjectFigures) throws -> Void) throws {
            guard let id = try MetricsSQL.subjectID(row, subject) else { return }
            var f = figures[id] ?? SubjectFigures(subjectID: id)
            try change(&f)
            figures[id] = f
        }
        try await made(q, update)
        try await delivered(q, update)
        try await decided(q, update)
        try await reviewedAndMeasured(q, update)
        return figures.values.sorted { $0.subjectID < $1.subjectID }
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
        var query: SQLQueryString = "SELECT \(unsafeRaw: key ?? "'all'") AS subject, " + columns
        query =
            query + SQLQueryString(MetricsSQL.promiseFrom) + " WHERE " + made
            + MetricsSQL.only(key, q.subjectID, q.subject)
            + " GROUP BY \(unsafeRaw: ((key.map { [$0] } ?? []) + ["p.currency"]).joined(separator: ", "))"
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
            key: key, columns: "ql.cost_currency AS currency, \(m.sum("ql.cost")) AS amount",
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
            key: key,
            columns: """
                p.currency AS currency, COUNT(*) AS n, \
                SUM(CASE WHEN s.delivered_at <= COALESCE(v.delivery_date, p.delivery_date) THEN 1 ELSE 0 END) AS first_date, \
                SUM(\(complaintFree)) AS clean, \(m.sum("p.price")) AS amount, \
                \(m.sumSeconds(from: "pr.accepted_at", to: "s.delivered_at")) AS seconds
                """, from: MetricsSQL.promiseFrom, where: delivered, groups: ["p.currency"])
        for row in rows {
            try update(row) { f in
                let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
                f.delivered += try row.decode(column: "n", as: Int.self)
                f.deliveredOnFirstDate += try row.decode(column: "first_date", as: Int?.self) ?? 0
                f.deliveredWithoutComplaint += try row.decode(column: "clean", as: Int?.self) ?? 0
                f.deliveredPrice.add(m.decimal(try row.decode(column: "amount", as: String?.self)), currency)
                f.wonToDeliveredSeconds += try row.decode(column: "seconds", as: Double?.self) ?? 0
            }
        }
        let costs = try await q.grouped(
            key: key, columns: "d.cost_currency AS currency, \(m.sum("d.cost")) AS amount",
            from: MetricsSQL.promiseFrom + " JOIN client_deliveries d ON d.promise_id = p.id AND d.cost IS NOT NULL",
            where: delivered, groups: ["d.cost_currency"])
        for row in costs {
            try update(row) { f in
                let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
                f.deliveredCost.add(m.decimal(try row.decode(column: "amount", as: String?.self)), currency)
            }
        }
        let quoted = try await q.grouped(
            key: key, columns: "ql.cost_currency AS currency, \(m.sum("ql.cost")) AS amount",
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
                key: quoteKey.expression,
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
                key: projectKey.expression,
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
