import Foundation
import TandemApp
import TandemDomain
import Testing

@Suite("Account management")
struct AccountManagementTests {
    @Test func aSalesRepCreatingAnAccountOwnsIt() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let paula = try await f.user("paula@lumen.example", [.pm])
            var input = AccountInput(name: " Brightpath Software ", currency: "usd", partnerPmId: paula.id.description)
            input.website = "brightpath.example"
            input.languagePairs = ["en>fr-FR", "en>de"]
            input.tier = "a"
            input.inCountryReviewRequired = true
            input.inCountryReviewDays = "3"
            input.frameworkThroughput = ["fr-FR=2500", "de=2000"]
            input.frameworkLeadTimeDays = "1"
            let account = try await AccountManagement(f.env).create(input, by: sofia)
            #expect(account.ownerId == sofia.id)
            #expect(account.partnerPmId == paula.id)
            #expect(account.name == "Brightpath Software")
            #expect(account.currency == .usd)
            #expect(account.website == "https://brightpath.example")
            #expect(account.tier == .a)
            #expect(account.status == .prospect)
            #expect(account.version == 1)
            let stored = try #require(try await f.env.stores.accounts.find(id: account.id))
            #expect(stored == account)
            #expect(stored.terms.framework?.throughput.map(\.wordsPerDay) == [2500, 2000])
            #expect(stored.terms.inCountryReview == InCountryReview(isRequired: true, workingDays: 3))
        }
    }

    @Test func everyWrongFieldIsReportedAtOnce() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let victor = try await f.user("victor@lumen.example", [.vendorManager])
            var input = AccountInput(name: nil, currency: "EUX", ownerId: victor.id.description)
            input.website = "no site"
            input.paymentTermsDays = "900"
            let error = await #expect(throws: ValidationErrors.self) {
                try await AccountManagement(f.env).create(input, by: sofia)
            }
            #expect(error?.errors.map(\.field) == ["name", "website", "currency", "ownerId", "paymentTermsDays"])
        }
    }

    @Test func ownersAndPartnerPMsMustBeActiveWithTheRightRole() async throws {
        try await ClientFixture.run { f in
            let admin = try await f.user("ada@lumen.example", [.admin])
            let pm = try await f.user("paula@lumen.example", [.pm])
            let gone = try await f.user("gone@lumen.example", [.pm], active: false)
            let asOwner = AccountInput(name: "A", currency: "EUR", ownerId: pm.id.description)
            await #expect(throws: ValidationErrors.self) {
                try await AccountManagement(f.env).create(asOwner, by: admin)
            }
            let asPM = AccountInput(name: "A", currency: "EUR", partnerPmId: gone.id.description)
            await #expect(throws: ValidationErrors.self) { try await AccountManagement(f.env).create(asPM, by: admin) }
            let account = try await AccountManagement(f.env).create(
                AccountInput(name: "A", currency: "EUR", partnerPmId: pm.id.description), by: admin)
            #expect(account.ownerId == nil)  // admins do not own what they create for others
        }
    }

    @Test func nearDuplicatesWarnUnlessConfirmed() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let acme = try await f.account("Acme Corporation", by: sofia, website: "https://www.acme.example")
            let management = AccountManagement(f.env)
            let error = await #expect(throws: PossibleDuplicates.self) {
                try await management.create(AccountInput(name: "ACME Corp", currency: "EUR"), by: sofia)
            }
            #expect(error?.similar.map(\.id) == [acme.id])
            var sameSite = AccountInput(name: "Roadrunner Labs", currency: "EUR")
            sameSite.website = "acme.example/labs"
            await #expect(throws: PossibleDuplicates.self) { try await management.create(sameSite, by: sofia) }
            let confirmed = try await management.create(
                AccountInput(name: "ACME Corp", currency: "EUR"), by: sofia, confirmDuplicate: true)
            #expect(try await f.env.stores.accounts.count(AccountFilter()) == 2)
            #expect(confirmed.name == "ACME Corp")
        }
    }

    @Test func anUpdateWritesOnlyTheFieldsSentAndChecksTheVersion() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let account = try await f.account("Nordlicht Medical", by: sofia)
            let management = AccountManagement(f.env)
            var notes = AccountInput()
            notes.notes = "Prefers calls on Tuesdays."
            f.advance(days: 1)
            let first = try await management.update(account.id, notes, expectedVersion: 1, by: sofia)
            #expect(first.version == 2)
            #expect(first.updatedAt > account.updatedAt)
            var tier = AccountInput()
            tier.tier = "B"
            // A second person who read version 1 is refused; without a version, the change applies.
            let stale = await #expect(throws: DomainError.self) {
                try await management.update(account.id, tier, expectedVersion: 1, by: sofia)
            }
            #expect(stale?.field == "version")
            let second = try await management.update(account.id, tier, expectedVersion: nil, by: sofia)
            #expect(second.notes == "Prefers calls on Tuesdays.")
            #expect(second.tier == .b)
            #expect(second.version == 3)
        }
    }

    @Test func onlyTheOwnerOrASupervisorEdits() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let samuel = try await f.user("samuel@lumen.example", [.sales])
            let morgan = try await f.user("morgan@lumen.example", [.manager])
            let account = try await f.account("Kestrel Games", by: sofia)
            var change = AccountInput()
            change.status = "active"
            await #expect(throws: DomainError.self) {
                try await AccountManagement(f.env).update(account.id, change, expectedVersion: nil, by: samuel)
            }
            let updated = try await AccountManagement(f.env).update(
                account.id, change, expectedVersion: nil, by: morgan)
            #expect(updated.status == .active)
        }
    }

    @Test func aParentCannotBeTheAccountItselfOrBelowIt() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let group = try await f.account("Helvetia Group", by: sofia)
            var child = AccountInput(name: "Helvetia France", currency: "EUR")
            child.parentId = group.id.description
            let france = try await AccountManagement(f.env).create(child, by: sofia, confirmDuplicate: true)
            #expect(try await f.env.stores.accounts.children(of: group.id).map(\.id) == [france.id])
            var loop = AccountInput()
            loop.parentId = france.id.description
            let error = await #expect(throws: ValidationErrors.self) {
                try await AccountManagement(f.env).update(group.id, loop, expectedVersion: nil, by: sofia)
            }
            #expect(error?.errors.first?.field == "parentId")
        }
    }
}
