import FluentKit
import Foundation
import SQLKit
import TandemDomain

extension FluentMetricsStore {
    /// The records a figure counts, with the same conditions as `figures` (so a figure equals
    /// the sum of its drill-down; `MetricsStoreTests` checks it).
    public func drillDown(
        _ list: DrillDown, subject: ScorecardSubject, subjectID: String, from: Date, to: Date, now: Date, limit: Int
    ) async throws -> [DrillRow] {
        let m = MetricsSQL(sql)
        let id: String? = subject == .team ? nil : subjectID
        func period(_ column: String) -> SQLQueryString {
            " AND \(unsafeRaw: column) >= \(bind: from) AND \(unsafeRaw: column) < \(bind: to)"
        }
        switch list {
        case .quotesDecided:
            let key = MetricsSQL.quoteKey(subject)
            if case .notApplicable = key { return [] }
            let query: SQLQueryString =
                """
                SELECT q.id, q.number AS label, a.name AS account_name, q.status_changed_at AS at, q.status \
                FROM quotes q LEFT JOIN opportunities o ON o.id = q.opportunity_id \
                LEFT JOIN accounts a ON a.id = q.account_id WHERE q.status IN ('accepted', 'lost', 'expired')
                """ + period("q.status_changed_at") + MetricsSQL.only(key.expression, id, subject)
                + " ORDER BY q.status_changed_at, q.id LIMIT \(literal: limit)"
            return try await sql.raw(query).all().map { try Self.plainRow($0, kind: .quote) }
        case .projectsWon:
            let key = MetricsSQL.projectKey(subject)
            if case .notApplicable = key { return [] }
            let query: SQLQueryString =
                """
                SELECT pr.id, pr.name AS label, a.name AS account_name, pr.accepted_at AS at, 'won' AS status \
                FROM projects pr LEFT JOIN opportunities o ON o.id = pr.opportunity_id \
                LEFT JOIN accounts a ON a.id = pr.account_id WHERE o.id IS NOT NULL AND o.created_at <= pr.accepted_at
                """ + period("pr.accepted_at") + MetricsSQL.only(key.expression, id, subject)
                + " ORDER BY pr.accepted_at, pr.id LIMIT \(literal: limit)"
            return try await sql.raw(query).all().map { try Self.plainRow($0, kind: .project) }
        case .quotesReviewed:
            return try await reviewRows(subject: subject, id: id, from: from, to: to, limit: limit)
        case .jobsMeasured:
            return try await jobRows(subject: subject, id: id, from: from, to: to, limit: limit)
        default:
            return try await promises(list, m: m, subject: subject, id: id, period: period, now: now, limit: limit)
        }
    }

    func promises(
        _ list: DrillDown, m: MetricsSQL, subject: ScorecardSubject, id: String?,
        period: (String) -> SQLQueryString, now: Date, limit: Int
    ) async throws -> [DrillRow] {
        let judged = FluentLedgerStore.judged(now)
        let isDelivered = list == .promisesDelivered
        let at = isDelivered ? "s.delivered_at" : "p.created_at"
        let lines = """
            FROM projects pr2 JOIN quotes q ON q.id = pr2.quote_id \
            JOIN quote_versions qv ON qv.quote_id = q.id AND qv.number = q.current_version \
            JOIN quote_lines ql ON ql.version_id = qv.id AND ql.target_language = p.target_language \
            AND ql.cost IS NOT NULL AND (ql.option_id IS NULL OR pr2.option_id IS NULL OR ql.option_id = pr2.option_id) \
            WHERE pr2.id = p.project_id
            """
        var query: SQLQueryString =
            """
            SELECT p.id, pr.name AS label, a.name AS account_name, p.target_language, \(unsafeRaw: at) AS at, \
            \(judged) AS status, COALESCE(v.price, p.price) AS quoted_price, p.price, p.currency, \
            (SELECT \(unsafeRaw: m.sum("ql.cost")) \(unsafeRaw: lines)) AS quoted_cost, \
            (SELECT MAX(ql.cost_currency) \(unsafeRaw: lines)) AS quoted_cost_currency, d.cost, d.cost_currency
            """
        query =
            query + SQLQueryString(MetricsSQL.promiseFrom)
            + " LEFT JOIN accounts a ON a.id = pr.account_id LEFT JOIN client_deliveries d ON d.promise_id = p.id"
            + " WHERE \(unsafeRaw: m.notCancelled())" + period(at)
        switch list {
        case .promisesKept: query = query + " AND \(judged) = 'kept'"
        case .promisesBroken: query = query + " AND \(judged) = 'broken'"
        case .promisesJudged: query = query + " AND \(judged) IN ('kept', 'broken')"
        default: break
        }
        query =
            query + MetricsSQL.only(MetricsSQL.promiseKey(subject), id, subject)
            + " ORDER BY \(unsafeRaw: at), p.id LIMIT \(literal: limit)"
        return try await sql.raw(query).all().map { row in
            let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
            func money(_ column: String, _ currency: CurrencyCode) throws -> Money? {
                try row.decode(column: column, as: String?.self).flatMap(Decimal.init(canonical:)).map {
                    Money($0, currency)
                }
            }
            let costCurrency = try row.decode(column: "cost_currency", as: String?.self).map(CurrencyCode.init)
            let quoted = try row.decode(column: "quoted_cost_currency", as: String?.self).map {
                Money(m.decimal(try row.decode(column: "quoted_cost", as: String?.self)), try CurrencyCode($0))
            }
            return DrillRow(
                kind: .promise, id: try row.decode(column: "id", as: UUID.self),
                label: try row.decode(column: "label", as: String.self),
                accountName: try row.decode(column: "account_name", as: String?.self) ?? "",
                targetLanguage: try row.decode(column: "target_language", as: String.self),
                at: try row.decode(column: "at", as: Date.self),
                status: try row.decode(column: "status", as: String.self),
                quotedPrice: try money("quoted_price", currency), quotedCost: quoted,
                price: try money("price", currency), cost: try costCurrency.flatMap { try money("cost", $0) })
        }
    }

    static func plainRow(_ row: any SQLRow, kind: DrillRow.Kind) throws -> DrillRow {
        DrillRow(
            kind: kind, id: try row.decode(column: "id", as: UUID.self),
            label: try row.decode(column: "label", as: String.self),
            accountName: try row.decode(column: "account_name", as: String?.self) ?? "",
            at: try row.decode(column: "at", as: Date.self), status: try row.decode(column: "status", as: String.self))
    }
}
