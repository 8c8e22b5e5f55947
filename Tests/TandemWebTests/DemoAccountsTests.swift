import Foundation
import TandemDomain
import Testing
import Vapor

@testable import TandemWeb

@Suite("Demo step: accounts")
struct DemoAccountsTests {
    @Test func theDemoHasFortyAccountsWithTheDocumentedIDsAndTheirRecords() async throws {
        try await withDemoTandem { app, clock in
            let stores = app.stores
            #expect(try await stores.accounts.count(AccountFilter()) == 40)
            #expect(DemoAccounts.accountIDs.count == 40)
            #expect(DemoAccounts.accountID(0).description == "00000000-0000-0000-0000-000000030000")
            let first = try #require(try await stores.accounts.find(id: DemoAccounts.accountID(0)))
            #expect(first.name == "Brightpath Software")
            let sofia = try #require(try await stores.users.find(email: try EmailAddress("sofia.sales@lumen.example")))
            #expect(first.ownerId == sofia.id)
            let group = DemoAccounts.accountID(1)
            #expect(try await stores.accounts.children(of: group).count == 2)
            // Every account has contacts and a brief; most briefs are complete.
            var complete = 0
            for id in DemoAccounts.accountIDs {
                #expect(try await !stores.contacts.list(accountId: id).isEmpty)
                let brief = try #require(try await stores.briefs.latest(of: .account(id)))
                if brief.content.isComplete { complete += 1 }
            }
            #expect(complete == 32)
            let today = LocalDate(clock.now, in: TimeZone(identifier: "Europe/Paris")!)
            #expect(try await !stores.activities.overdueNextSteps(owner: sofia.id, today: today).isEmpty)
            // The names the three reps and PMs have in the story.
            let owners = Set(try await stores.accounts.summaries().compactMap(\.ownerId))
            #expect(owners.count == 3)
        }
    }
}
