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
            // demo.v3.absence: a booked translator off sick; the notice lists checked options.
            let sick = try await app.stores.vendorSchedule.absences(of: nil, overlapping: nil).filter {
                $0.reason == "Sick leave"
            }
            #expect(sick.count == 1)
            var checked: [AtRiskNotice] = []
            for user in try await app.stores.users.list() {
                checked += try await app.stores.notifications.list(
                    recipient: user.id, unreadOnly: false, after: nil, limit: 200
                ).compactMap { AtRiskNotice(decoding: $0.note) }.filter(\.checked)
            }
            // The sales owner and the PM of each promise the sick translator's bookings touch.
            #expect(checked.count >= 2 && checked.count % 2 == 0)
            #expect(checked.allSatisfy { !$0.options.isEmpty })
        }
    }
}
