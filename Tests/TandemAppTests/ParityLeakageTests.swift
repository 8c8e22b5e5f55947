import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Testing

/// The parity dashboard's margin leaked in money (docs/guidance.md) on `GoalsWorld`, on SQLite
/// and PostgreSQL: Σ quoted margin − Σ delivered margin of each month's deliveries, per currency
/// in SQL, converted at the rate of the month's last day, exact.
@Suite("Parity: margin leaked")
struct ParityLeakageTests {
    func eur(_ text: String) -> Money { Money(Decimal(string: text)!, .eur) }

    @Test func eachMonthLeaksItsQuotedMarginLessItsDeliveredMargin() async throws {
        try await withScratchDatabase { env, clock, database in
            let w = try await GoalsWorld.make(env, clock: clock)
            // Y-fr (1,000 USD, quoted cost 500 EUR) delivered on 5 November at a cost of 800 USD.
            let yfr = try #require(w.promises["Y-fr"])
            let project = try #require(try await env.stores.quoteStores.projects.list().first { $0.name == "Y" }).id
            let at = GoalsWorld.day("2026-11-05")
            try await env.stores.ledger.addDeliveries([
                ClientDelivery(
                    id: env.ids(), promiseID: yfr, projectID: project, deliveredAt: at, what: "files",
                    recipient: "portal", cost: Money(800, .usd), recordedBy: w.pm.id, recordedAt: at)
            ])
            try await env.stores.ledger.saveStates([(yfr, .kept, PromiseState(deliveredAt: at))])
            let guidance = ClientGuidance(env, store: FluentGuidanceStore(database: database.database))
            let periods = try await guidance.parity(months: 2, zone: TimeZone(identifier: "UTC")!, by: w.manager)
            #expect(periods.count == 2)
            // October: X-fr quoted 500 − 200, delivered 600 − 250 (−50); X-de 250 both (0); Z-fr
            // quoted 300 − 100, delivered 300 − 120 (+20).
            #expect(periods[0].marginLeakage == eur("-30"))
            // November: quoted 1,000 USD − 500 EUR, delivered 1,000 USD − 800 USD: 800 × 0.90 − 500.
            #expect(periods[1].marginLeakage == eur("220"))
            #expect(periods.allSatisfy { $0.unconverted.isEmpty })
            // A cost in a currency without a rate is left out and named.
            let gbp = try CurrencyCode("GBP")
            try await env.stores.ledger.addDeliveries([
                ClientDelivery(
                    id: env.ids(), promiseID: yfr, projectID: project, deliveredAt: at, what: "more files",
                    recipient: "portal", cost: Money(10, gbp), recordedBy: w.pm.id, recordedAt: at)
            ])
            let again = try await guidance.parity(months: 2, zone: TimeZone(identifier: "UTC")!, by: w.manager)
            #expect(again[1].marginLeakage == eur("220"))
            #expect(again[1].unconverted == [gbp])
        }
    }
}
