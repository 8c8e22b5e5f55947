import Foundation
import TandemDomain

/// Called after every job, assignment and hold change, inside the same transaction: derives the
/// project's forecast and feeds the promise ledger, which judges each promise again and tells the
/// sales owner and PM when one turns at risk (docs/production.md, docs/ledger.md).
public enum ProductionChanges {
    @discardableResult
    public static func didChange(
        project: Project.ID, stores: Stores, env: AppEnvironment, capacity: CapacityService? = nil
    ) async throws -> [LanguageTag: PromiseForecast] {
        let now = env.now
        let forecast = try await forecast(project, stores: stores, now: now)
        try await PromiseLedger(env).refresh(
            projectID: project, forecast: forecast, capacity: capacity, stores: stores, now: now)
        return forecast
    }

    /// The forecast per target, with costs in the organisation's base currency at today's rates.
    public static func forecast(_ project: Project.ID, stores: Stores, now: Date) async throws
        -> [LanguageTag: PromiseForecast]
    {
        let jobs = try await stores.production.jobs(of: project)
        let assignments = try await stores.production.assignments(of: jobs.map(\.id))
        let base = try await stores.organisation.load().baseCurrency
        let table = ExchangeRateTable(base: base, rates: try await stores.pipeline.exchangeRates.list())
        let today = LocalDate(now, in: .utc)
        return ProjectForecast.derive(jobs: jobs, assignments: assignments, currency: base, now: now) {
            table.convert($0, on: today)?.value
        }
    }
}
