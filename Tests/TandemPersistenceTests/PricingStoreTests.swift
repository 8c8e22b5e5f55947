import FluentKit
import Foundation
import TandemDomain
import Testing

@testable import TandemPersistence

/// Rate cards, workflows and pricing settings on SQLite in memory, and on PostgreSQL when
/// TANDEM_TEST_DATABASE_URL is set.
@Suite("Pricing stores")
struct PricingStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func withStores(_ body: (Stores) async throws -> Void) async throws {
        let db = try await StandaloneDatabase.scratch()
        let t0 = self.t0
        do { try await body(.fluent(db.database, clock: { t0 }, ids: .sequential(startingAt: 1000))) } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
    }

    static func id<T>(_ n: Int) -> Identifier<T> {
        Identifier(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", n))!)
    }
    static func dec(_ text: String) -> Decimal { Decimal(string: text)! }
    static let en = try! LanguageTag("en")
    static let fr = try! LanguageTag("fr")

    func account(_ n: Int) -> Account {
        Account(id: Self.id(n), name: "Account \(n)", currency: .eur, createdAt: t0)
    }

    func card(_ n: Int, account: Account.ID? = nil, version: Int = 1, price: String = "0.12") -> RateCard {
        RateCard(
            id: Self.id(n), accountID: account, name: "Card \(n)", version: version, currency: .usd,
            grid: PriceGrid(
                percents: [.context: 0, .repetition: Self.dec("12.5"), .exact: 25, .new: 100],
                boundaries: try! BandBoundaries(high: 96, middle: 86, low: 76, lowest: 51)),
            prices: [
                RatePrice(source: Self.en, target: Self.fr, service: .translation, unit: .word, price: Self.dec(price)),
                RatePrice(
                    source: try! LanguageTag("ja"), target: Self.en, service: .translation, unit: .character,
                    price: Self.dec("0.045")),
            ],
            minimumCharge: Self.dec("45.50"), rushTiers: RushTier.standard, pmFeePercent: Self.dec("7.5"),
            standardTurnaround: StandardTurnaround(wordsPerDay: 2500, leadTimeDays: 2),
            createdAt: t0.addingTimeInterval(Double(version) * 60), createdBy: Self.id(77))
    }

    @Test func everyFieldOfAVersionRoundTripsExactly() async throws {
        try await withStores { stores in
            try await stores.accounts.create(account(1))
            let original = card(10, account: Self.id(1))
            try await stores.pricing.rateCards.create(original)
            #expect(try await stores.pricing.rateCards.find(id: original.id, version: 1) == original)
            #expect(try await stores.pricing.rateCards.current(for: Self.id(1)) == original)
        }
    }

    @Test func editingMakesANewVersionAndOldVersionsStayReadable() async throws {
        try await withStores { stores in
            let cards = stores.pricing.rateCards
            try await cards.create(card(10))
            #expect(try await cards.addVersion(card(10, version: 2, price: "0.13")))
            // A second editor of version 1 loses and stores nothing.
            #expect(try await cards.addVersion(card(10, version: 2, price: "0.99")) == false)
            #expect(try await cards.find(id: Self.id(10), version: nil)?.prices[0].price == Self.dec("0.13"))
            #expect(try await cards.find(id: Self.id(10), version: 1)?.prices[0].price == Self.dec("0.12"))
            #expect(try await cards.versions(of: Self.id(10)).map(\.version) == [2, 1])
            #expect(try await cards.list().map(\.version) == [2])
        }
    }

    @Test func anAccountWithoutItsOwnCardGetsTheDefault() async throws {
        try await withStores { stores in
            let cards = stores.pricing.rateCards
            #expect(try await cards.current(for: nil) == nil)
            try await stores.accounts.create(account(1))
            try await stores.accounts.create(account(2))
            try await cards.create(card(10))
            try await cards.create(card(11, account: Self.id(1)))
            #expect(try await cards.current(for: Self.id(2))?.id == Self.id(10))
            #expect(try await cards.current(for: Self.id(1))?.id == Self.id(11))
            #expect(try await cards.list().map(\.id) == [Self.id(10), Self.id(11)])
            await #expect(throws: DomainError.self) { try await cards.create(card(12)) }
            await #expect(throws: DomainError.self) { try await cards.create(card(13, account: Self.id(1))) }
        }
    }

    @Test func workflowsStartFromTheDefaultsAndGuardTheirVersion() async throws {
        try await withStores { stores in
            let workflows = stores.pricing.workflows
            #expect(try await workflows.template(for: .translation).steps.map(\.service) == [.translation, .revision])
            let edited = WorkflowTemplate(
                service: .translation,
                steps: [
                    .vendor(.translation, .weightedWords), .vendor(.revision, .wordsExceptContext),
                    .internalStep(.qa, hours: Self.dec("1.5")),
                ])
            let saved = try #require(try await workflows.save(edited, expectedVersion: 1, at: t0))
            #expect(saved.version == 2)
            #expect(try await workflows.save(edited, expectedVersion: 1, at: t0) == nil)
            let stored = try await workflows.template(for: .translation)
            #expect(stored.steps == edited.steps)
            #expect(stored.version == 2)
            #expect(try await workflows.save(edited, expectedVersion: 2, at: t0)?.version == 3)
            #expect(try await workflows.list().map(\.service).contains(.postEditing))
        }
    }

    @Test func settingsAndAccountMarginFloors() async throws {
        try await withStores { stores in
            let settings = stores.pricing.settings
            #expect(try await settings.load() == .standard)
            var changed = PricingSettings.standard
            changed.marginFloorPercent = Self.dec("35")
            changed.effortGrid.percents[.exact] = Self.dec("22.5")
            changed.defaultCostRates.perWord = Self.dec("0.075")
            changed.standardTurnaround = StandardTurnaround(wordsPerDay: 1800, leadTimeDays: 2)
            #expect(try await settings.save(changed, expectedVersion: 1)?.version == 2)
            #expect(try await settings.save(changed, expectedVersion: 1) == nil)
            changed.version = 2
            #expect(try await settings.load() == changed)

            try await stores.accounts.create(account(1))
            try await settings.setMarginFloor(Self.dec("25"), for: Self.id(1), at: t0)
            #expect(
                try await settings.marginFloor(for: Self.id(1)) == MarginFloor(percent: 25, isAccountOverride: true))
            #expect(try await settings.marginFloor(for: nil) == MarginFloor(percent: 35))
            try await settings.setMarginFloor(Self.dec("28"), for: Self.id(1), at: t0)
            #expect(try await settings.accountMarginFloors() == [Self.id(1): 28])
            try await settings.setMarginFloor(nil, for: Self.id(1), at: t0)
            #expect(try await settings.accountMarginFloors().isEmpty)
        }
    }
}
