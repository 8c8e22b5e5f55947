import FluentKit
import Foundation
import TandemDomain
import Testing

@testable import TandemPersistence

/// On SQLite in memory, and on PostgreSQL when TANDEM_TEST_DATABASE_URL is set.
@Suite("Account store")
struct AccountStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func withStores(_ body: (Stores) async throws -> Void) async throws {
        let db = try await StandaloneDatabase.scratch()
        let t0 = self.t0
        do { try await body(.fluent(db.database, clock: { t0 }, ids: .sequential())) } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
    }

    func account(_ name: String, _ n: Int, parent: Account.ID? = nil) -> Account {
        Account(
            id: Account.ID(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", n))!), name: name,
            currency: .eur, createdAt: t0, website: "https://\(n).example", subjectDomains: ["medical"],
            languagePairs: [LanguagePair(source: try! LanguageTag("en"), target: try! LanguageTag("fr-FR"))],
            tier: .b, parentId: parent,
            terms: CommercialTerms(
                paymentTermsDays: 30, purchaseOrderRequired: true,
                framework: FrameworkAgreement(
                    throughput: [.init(targetLanguage: try! LanguageTag("fr"), wordsPerDay: 2500)], leadTimeDays: 1),
                ndaDate: try! LocalDate(iso: "2026-03-01"),
                inCountryReview: InCountryReview(isRequired: true, workingDays: 4)))
    }

    @Test func everyFieldRoundTrips() async throws {
        try await withStores { stores in
            let original = account("Nordlicht Medical", 1)
            try await stores.accounts.create(original)
            #expect(try await stores.accounts.find(id: original.id) == original)
        }
    }

    @Test func listsSortByFoldedNameAndPageStably() async throws {
        try await withStores { stores in
            for (n, name) in ["beta", "Alpha", "Émeraude", "delta", "Charlie"].enumerated() {
                try await stores.accounts.create(account(name, n + 1))
            }
            let first = try await stores.accounts.list(AccountFilter(), after: nil, limit: 2)
            #expect(first.map(\.name) == ["Alpha", "beta"])
            let rest = try await stores.accounts.list(AccountFilter(), after: AccountSortKey(first[1]), limit: 10)
            #expect(rest.map(\.name) == ["Charlie", "delta", "Émeraude"])
            #expect(try await stores.accounts.list(AccountFilter(text: "EMER"), after: nil, limit: 10).count == 1)
            #expect(try await stores.accounts.list(AccountFilter(text: "3.example"), after: nil, limit: 10).count == 1)
            #expect(try await stores.accounts.count(AccountFilter(tier: .b)) == 5)
        }
    }

    @Test func ofTwoWritersOfTheSameVersionOneWins() async throws {
        try await withStores { stores in
            let original = account("Kestrel Games", 1)
            try await stores.accounts.create(original)
            let t0 = self.t0
            @Sendable func write(_ change: AccountField) async -> Bool {
                do {
                    _ = try await stores.transaction {
                        try await $0.accounts.update(original.id, [change], expectedVersion: 1, at: t0)
                    }
                    return true
                } catch { return false }
            }
            async let a = write(.notes("A"))
            async let b = write(.tier(.a))
            #expect(await [a, b].filter { $0 }.count == 1)
            let stored = try #require(try await stores.accounts.find(id: original.id))
            #expect(stored.version == 2)
            // Without a version both land, each writing its own column only.
            _ = try await stores.accounts.update(original.id, [.notes("B")], expectedVersion: nil, at: t0)
            _ = try await stores.accounts.update(original.id, [.tier(.c)], expectedVersion: nil, at: t0)
            let after = try #require(try await stores.accounts.find(id: original.id))
            #expect(after.notes == "B" && after.tier == .c && after.version == 4)
            #expect(after.name == "Kestrel Games")
        }
    }

    @Test func renamingUpdatesSearchAndNamesAndChildren() async throws {
        try await withStores { stores in
            let group = account("Helvetia Group", 1)
            try await stores.accounts.create(group)
            try await stores.accounts.create(account("Helvetia France", 2, parent: group.id))
            _ = try await stores.accounts.update(group.id, [.name("Helvetia Holding AG")], expectedVersion: nil, at: t0)
            #expect(try await stores.accounts.list(AccountFilter(text: "holding"), after: nil, limit: 5).count == 1)
            #expect(try await stores.accounts.names(for: [group.id])[group.id] == "Helvetia Holding AG")
            #expect(try await stores.accounts.children(of: group.id).map(\.name) == ["Helvetia France"])
            #expect(try await stores.accounts.summaries().count == 2)
            await #expect(throws: DomainError.self) {
                try await stores.accounts.update(Account.ID(UUID()), [.notes("x")], expectedVersion: nil, at: t0)
            }
        }
    }
}
