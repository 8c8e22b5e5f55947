import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Testing
import Vapor

@testable import TandemWeb

@Suite("Guidance demo data")
struct GuidanceDemoTests {
    /// Every demo account gets a fit with reasons; the Québec tourism office scores low because no
    /// vendor is approved for fr-CA→es; the parity dashboard has a year of review decisions.
    @Test func everyDemoAccountHasFitReasonsAndTheYearHasReviewDecisions() async throws {
        try await withDemoTandem { app, clock in
            let env = app.appEnvironment
            let manager = try #require(try await app.stores.users.list().first { $0.roles.contains(.manager) })
            let guidance = ClientGuidance(env, store: FluentGuidanceStore(database: app.db))
            let capacity = CapacityHeatmap(bounds: [], rows: [])
            let accounts = try await app.stores.accounts.list(AccountFilter(), after: nil, limit: 500)
            #expect(accounts.count >= 30)
            for account in accounts {
                let fit = try await guidance.account(account.id, by: manager, capacity: capacity)
                #expect(!fit.reasons.isEmpty, "\(account.name)")
            }
            let quebec = try #require(accounts.first { $0.name.hasPrefix("Province of Québec") })
            let fit = try await guidance.account(quebec.id, by: manager, capacity: capacity)
            #expect(fit.score < 40)
            #expect(
                fit.reasons.first
                    == .noVendor(pair: LanguagePair(source: try LanguageTag("fr-CA"), target: try LanguageTag("es"))))
            let year = try await guidance.parity(months: 12, zone: TimeZone(identifier: "UTC")!, by: manager)
            #expect(year.filter { $0.reviewDecisions > 0 }.count >= 10)
            #expect(year.reduce(0) { $0 + $1.reviewRejected } >= 10)
            #expect(year.reduce(0) { $0 + $1.reviewedLost } >= 10)
            #expect(year.filter { $0.promisesMade > 0 }.count >= 11)
            _ = clock
        }
    }
}
