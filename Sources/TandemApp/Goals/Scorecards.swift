import Foundation
import TandemDomain

/// The joint scorecards (docs/metrics.md): per rep, PM, client, pair or the whole team, for a
/// period, with trends and the records behind every figure. The sums are SQL aggregates
/// (`MetricsStore`); this use case names the subjects and converts the amounts.
public struct Scorecards: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    static let forbidden = DomainError.forbidden(key: "error.forbidden", fallback: "You may not do this.")

    /// The organisation's time zone, in which period days are read.
    public func zone() async throws -> String { try await env.stores.organisation.load().timeZone }

    public func period(_ input: ScorecardPeriodInput) async throws -> MetricPeriod {
        try input.resolve(now: env.now, zone: try await zone())
    }

    /// Every subject with figures in the period, by name. `subjectID` narrows to one subject;
    /// `trend` > 1 adds that many periods (this one last) to each row.
    public func rows(
        _ subject: ScorecardSubject, period: MetricPeriod, subjectID: String? = nil, trend: Int = 1, for user: User
    ) async throws -> [ScorecardRow] {
        guard Policy.permits(user, .viewScorecards) else { throw Self.forbidden }
        let settings = try await env.stores.organisation.load()
        let rates = ExchangeRateTable(
            base: settings.baseCurrency, rates: try await env.stores.pipeline.exchangeRates.list())
        let periods = period.trend(max(1, trend))
        var byPeriod: [[String: ScorecardMetrics]] = []
        for p in periods {
            let figures = try await env.stores.goals.metrics.figures(
                subject, from: p.from, to: p.to, now: env.now, subjectID: subjectID)
            var metrics: [String: ScorecardMetrics] = [:]
            for f in figures {
                metrics[f.subjectID] = ScorecardMetrics.compute(f, base: settings.baseCurrency) {
                    rates.convert($0, on: p.last)?.value
                }
            }
            byPeriod.append(metrics)
        }
        let current = byPeriod.last ?? [:]
        let names = try await self.names(subject, ids: Array(current.keys), organisation: settings.name)
        let empty = ScorecardMetrics.compute(SubjectFigures(subjectID: ""), base: settings.baseCurrency) { $0 }
        return current.map { id, metrics in
            ScorecardRow(
                subjectID: id, name: names[id] ?? id, metrics: metrics, trend: byPeriod.map { $0[id] ?? empty })
        }
        .sorted { ($0.name.lowercased(), $0.subjectID) < ($1.name.lowercased(), $1.subjectID) }
    }

    /// One subject's row (zero figures when it has none in the period).
    public func row(
        _ subject: ScorecardSubject, subjectID: String, period: MetricPeriod, trend: Int, for user: User
    ) async throws -> ScorecardRow {
        if let row = try await rows(subject, period: period, subjectID: subjectID, trend: trend, for: user).first {
            return row
        }
        let settings = try await env.stores.organisation.load()
        let empty = ScorecardMetrics.compute(SubjectFigures(subjectID: subjectID), base: settings.baseCurrency) { $0 }
        let names = try await self.names(subject, ids: [subjectID], organisation: settings.name)
        return ScorecardRow(
            subjectID: subjectID, name: names[subjectID] ?? subjectID, metrics: empty,
            trend: Array(repeating: empty, count: max(1, trend)))
    }

    /// The records behind a figure (at most `limit`).
    public func drillDown(
        _ metric: MetricName, subject: ScorecardSubject, subjectID: String, period: MetricPeriod, limit: Int = 500,
        for user: User
    ) async throws -> [DrillRow] {
        guard Policy.permits(user, .viewScorecards) else { throw Self.forbidden }
        return try await env.stores.goals.metrics.drillDown(
            metric.records, subject: subject, subjectID: subjectID, from: period.from, to: period.to, now: env.now,
            limit: limit)
    }

    /// Users' display names, accounts' names, pairs as "en → fr", the team as the organisation.
    public func names(_ subject: ScorecardSubject, ids: [String], organisation: String) async throws
        -> [String: String]
    {
        switch subject {
        case .rep, .pm:
            let users = try await env.stores.users.list()
            return Dictionary(uniqueKeysWithValues: users.map { ($0.id.description, $0.displayName) })
        case .client:
            let accountIDs = ids.compactMap { Account.ID(uuidString: $0) }
            let byID = try await env.stores.accounts.names(for: accountIDs)
            var names: [String: String] = [:]
            for id in ids {
                if let accountID = Account.ID(uuidString: id), let name = byID[accountID] { names[id] = name }
            }
            return names
        case .pair:
            return Dictionary(uniqueKeysWithValues: ids.map { ($0, $0.replacingOccurrences(of: ">", with: " → ")) })
        case .team:
            return ["all": organisation]
        }
    }
}
