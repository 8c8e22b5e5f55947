import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor

@testable import TandemWeb

@Suite("Ledger demo data")
struct LedgerDemoTests {
    @Test func theDemoHasTwoYearsOfMostlyKeptPromisesWithCausesAndScores() async throws {
        try await withTandem { app, clock in
            try await DemoSeed.run(on: app.db, hasher: app.password.async, clock: { clock.now })
            let totals = try await app.stores.ledger.totals(LedgerFilter(), now: clock.now)
            #expect(totals.made >= 500)
            #expect(totals.kept * 100 / totals.made >= 60)
            #expect(totals.broken > 20 && totals.renegotiated > 20 && totals.marginAtRisk > 10)
            #expect(totals.atRisk >= 1 && totals.onTrack >= 1)
            let broken = try await app.stores.ledger.page(
                LedgerFilter(statuses: [.broken]), now: clock.now, after: nil, limit: 200)
            #expect(Set(broken.compactMap(\.state.cause)) == [.vendor, .productionSlip])
            let vendors = try await app.stores.vendors.list(VendorFilter())
            #expect(vendors.contains { $0.qualityScore != nil })
        }
    }
}
