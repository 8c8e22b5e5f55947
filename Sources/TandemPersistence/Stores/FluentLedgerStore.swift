import FluentKit
import Foundation
import SQLKit
import TandemDomain

/// The ledger in the database. Rows and totals judge each status again against `now` with the
/// same SQL expression (`judged`), so an open promise past its instant reads broken in both.
public struct FluentLedgerStore: LedgerStore {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// The stored status, or broken for an open, undelivered promise past its instant.
    static func judged(_ now: Date) -> SQLQueryString {
        """
        (CASE WHEN p.status IN ('on-track', 'at-risk') AND s.delivered_at IS NULL \
        AND p.delivery_date < \(bind: now) THEN 'broken' ELSE p.status END)
        """
    }

    static let from: SQLQueryString = """
         FROM promises p JOIN projects pr ON pr.id = p.project_id LEFT JOIN accounts a ON a.id = pr.account_id \
        LEFT JOIN promise_states s ON s.id = p.id
        """

    func select(_ now: Date) -> SQLQueryString {
        """
        SELECT p.id, p.project_id, p.target_language, p.delivery_date, p.price, p.currency, p.weighted_words, \
        p.services, p.quality_level, p.sales_owner_id, p.pm_id, p.version, p.created_at, \
        \(Self.judged(now)) AS judged, s.delivery_day, s.margin_at_risk, s.renegotiated, s.cause, s.delivered_at, \
        s.delivered_full_scope, s.broken_earlier, s.expected_finish, s.expected_cost, s.expected_cost_currency, \
        s.at_risk_notified_at, s.cancelled, pr.account_id, pr.name AS project_name, a.name AS account_name
        """ + Self.from
    }

    /// The filter's conditions (its statuses only when `statuses` is true).
    func conditions(_ filter: LedgerFilter, now: Date, statuses: Bool) -> SQLQueryString {
        var parts: [SQLQueryString] = ["(s.cancelled IS NULL OR s.cancelled = \(false))"]
        if let id = filter.projectID { parts.append("p.project_id = \(bind: id.rawValue)") }
        if let id = filter.accountID { parts.append("pr.account_id = \(bind: id.rawValue)") }
        if let id = filter.salesOwnerID { parts.append("p.sales_owner_id = \(bind: id.rawValue)") }
        if let id = filter.pmID { parts.append("p.pm_id = \(bind: id.rawValue)") }
        if let from = filter.from { parts.append("p.delivery_date >= \(bind: from)") }
        if let to = filter.to { parts.append("p.delivery_date < \(bind: to)") }
        if statuses, let wanted = filter.statuses, !wanted.isEmpty {
            let names = wanted.map(\.rawValue).sorted()
            parts.append("\(Self.judged(now)) IN (\(binds: names))")
        }
        return " WHERE " + parts.joined(separator: " AND ")
    }

    public func entry(_ id: Promise.ID, now: Date) async throws -> LedgerPromise? {
        try await sql.raw(select(now) + " WHERE p.id = \(bind: id.rawValue)").all().first.map(Self.row)
    }

    public func entries(of projectID: Project.ID, now: Date) async throws -> [LedgerPromise] {
        try await sql.raw(select(now) + " WHERE p.project_id = \(bind: projectID.rawValue) ORDER BY p.target_language")
            .all().map(Self.row)
    }

    public func page(_ filter: LedgerFilter, now: Date, after: LedgerCursor?, limit: Int) async throws
        -> [LedgerPromise]
    {
        var query = select(now) + conditions(filter, now: now, statuses: true)
        if let after {
            query +=
                " AND (p.delivery_date < \(bind: after.deliveryDate) OR (p.delivery_date = \(bind: after.deliveryDate) AND p.id > \(bind: after.id)))"
        }
        query += " ORDER BY p.delivery_date DESC, p.id LIMIT \(literal: limit)"
        return try await sql.raw(query).all().map(Self.row)
    }

    public func totals(_ filter: LedgerFilter, now: Date) async throws -> LedgerTotals {
        let j = Self.judged(now)
        let query: SQLQueryString =
            """
            SELECT COUNT(*) AS made, \
            SUM(CASE WHEN \(j) = 'on-track' THEN 1 ELSE 0 END) AS on_track, \
            SUM(CASE WHEN \(j) = 'at-risk' THEN 1 ELSE 0 END) AS at_risk, \
            SUM(CASE WHEN \(j) = 'kept' THEN 1 ELSE 0 END) AS kept, \
            SUM(CASE WHEN \(j) = 'broken' THEN 1 ELSE 0 END) AS broken, \
            SUM(CASE WHEN s.renegotiated = \(true) THEN 1 ELSE 0 END) AS renegotiated, \
            SUM(CASE WHEN s.margin_at_risk = \(true) THEN 1 ELSE 0 END) AS margin_at_risk
            """ + Self.from + conditions(filter, now: now, statuses: false)
        guard let row = try await sql.raw(query).first() else { return LedgerTotals() }
        func count(_ column: String) throws -> Int { try row.decode(column: column, as: Int?.self) ?? 0 }
        return LedgerTotals(
            made: try count("made"), onTrack: try count("on_track"), atRisk: try count("at_risk"),
            kept: try count("kept"), broken: try count("broken"), renegotiated: try count("renegotiated"),
            marginAtRisk: try count("margin_at_risk"))
    }

    static func row(_ row: any SQLRow) throws -> LedgerPromise {
        func text(_ c: String) throws -> String { try row.decode(column: c, as: String.self) }
        func optionalText(_ c: String) throws -> String? { try row.decode(column: c, as: String?.self) }
        func flag(_ c: String, _ absent: Bool) throws -> Bool { try row.decode(column: c, as: Bool?.self) ?? absent }
        func date(_ c: String) throws -> Date? { try row.decode(column: c, as: Date?.self) }
        let promise = Promise(
            id: .init(try row.decode(column: "id", as: UUID.self)),
            projectID: .init(try row.decode(column: "project_id", as: UUID.self)),
            targetLanguage: try LanguageTag(try text("target_language")),
            deliveryDate: try row.decode(column: "delivery_date", as: Date.self),
            price: Money(Decimal(canonical: try text("price")) ?? 0, try CurrencyCode(try text("currency"))),
            weightedWords: Decimal(canonical: try text("weighted_words")) ?? 0,
            services: try JSONText.decode([String].self, try text("services")),
            qualityLevel: try text("quality_level"),
            salesOwnerID: .init(try row.decode(column: "sales_owner_id", as: UUID.self)),
            pmID: try row.decode(column: "pm_id", as: UUID?.self).map { .init($0) },
            status: PromiseStatus(rawValue: try text("judged")) ?? .onTrack,
            version: try row.decode(column: "version", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: Date.self))
        let finish = try date("expected_finish")
        let cost = try LedgerColumns.money(
            try optionalText("expected_cost"), try optionalText("expected_cost_currency"))
        let state = PromiseState(
            deliveryDay: try optionalText("delivery_day").map { try LocalDate(iso: $0) },
            marginAtRisk: try flag("margin_at_risk", false), renegotiated: try flag("renegotiated", false),
            cause: try optionalText("cause").flatMap(BreachCause.init(rawValue:)),
            deliveredAt: try date("delivered_at"),
            deliveredFullScope: try flag("delivered_full_scope", true),
            brokenEarlier: try flag("broken_earlier", false),
            forecast: finish == nil && cost == nil ? nil : PromiseForecast(expectedFinish: finish, expectedCost: cost),
            atRiskNotifiedAt: try date("at_risk_notified_at"), cancelled: try flag("cancelled", false))
        return LedgerPromise(
            promise: promise, state: state, accountID: .init(try row.decode(column: "account_id", as: UUID.self)),
            accountName: try optionalText("account_name") ?? "", projectName: try text("project_name"))
    }

    public func saveStates(_ states: [(Promise.ID, PromiseStatus, PromiseState)]) async throws {
        guard !states.isEmpty else { return }
        let ids = states.map(\.0.rawValue)
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let slice = Array(ids[chunk..<min(chunk + 500, ids.count)])
            try await PromiseStateModel.query(on: database).filter(\.$id ~~ slice).delete()
        }
        for chunk in stride(from: 0, to: states.count, by: 200) {
            let slice = states[chunk..<min(chunk + 200, states.count)]
            try await slice.map { PromiseStateModel($0.0, $0.2) }.create(on: database)
        }
        for status in PromiseStatus.allCases {
            let matching = states.filter { $0.1 == status }.map(\.0.rawValue)
            for chunk in stride(from: 0, to: matching.count, by: 500) {
                let slice = Array(matching[chunk..<min(chunk + 500, matching.count)])
                try await PromiseModel.query(on: database).filter(\.$id ~~ slice).set(\.$status, to: status.rawValue)
                    .update()
            }
        }
    }

    public func applyVersion(
        _ version: PromiseVersion, original: PromiseVersion?, status: PromiseStatus, state: PromiseState
    ) async throws -> Bool {
        let rows = try await sql.raw(
            """
            UPDATE promises SET version = \(bind: version.number), delivery_date = \(bind: version.terms.deliveryDate), \
            price = \(bind: version.terms.price.amount.canonicalString), \
            currency = \(bind: version.terms.price.currency.code) \
            WHERE id = \(bind: version.promiseID.rawValue) AND version = \(bind: version.number - 1) RETURNING id
            """
        ).all()
        guard !rows.isEmpty else { return false }
        do {
            if let original { try await PromiseVersionModel(original).create(on: database) }
            try await PromiseVersionModel(version).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return false
        }
        try await saveStates([(version.promiseID, status, state)])
        return true
    }

    public func addVersions(_ versions: [PromiseVersion]) async throws {
        for chunk in stride(from: 0, to: versions.count, by: 200) {
            try await versions[chunk..<min(chunk + 200, versions.count)].map(PromiseVersionModel.init)
                .create(on: database)
        }
    }

    public func versions(of promiseID: Promise.ID) async throws -> [PromiseVersion] {
        try await PromiseVersionModel.query(on: database).filter(\.$promiseID == promiseID.rawValue)
            .sort(\.$number).all().map { try $0.toDomain() }
    }

    public func addPromises(_ promises: [Promise]) async throws {
        for chunk in stride(from: 0, to: promises.count, by: 200) {
            try await promises[chunk..<min(chunk + 200, promises.count)].map(PromiseModel.init).create(on: database)
        }
    }

    public func timeZone(of accountID: Account.ID) async throws -> String? {
        try await sql.raw("SELECT time_zone FROM account_time_zones WHERE id = \(bind: accountID.rawValue)").first()?
            .decode(column: "time_zone", as: String.self)
    }

    public func setTimeZone(_ zone: String?, of accountID: Account.ID) async throws {
        try await sql.raw("DELETE FROM account_time_zones WHERE id = \(bind: accountID.rawValue)").run()
        if let zone {
            try await sql.raw(
                "INSERT INTO account_time_zones (id, time_zone) VALUES (\(bind: accountID.rawValue), \(bind: zone))"
            ).run()
        }
    }
}
