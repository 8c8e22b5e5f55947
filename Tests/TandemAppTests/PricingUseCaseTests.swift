import Foundation
import TandemApp
import TandemDomain
import Testing

/// `RateCardManagement` and `PricingAdministration` on a scratch database: every field of a card
/// checked and named, versions, and a card that prices a quote.
@Suite("Pricing use cases")
struct PricingUseCaseTests {
    static func input(_ account: String? = nil) -> RateCardInput {
        RateCardInput(
            name: "Lumen standard", accountID: account, currency: "JPY", grid: ["repetition": "10", "100": "20"],
            prices: [.init(source: "en", target: "ja", service: "translation", unit: "word", price: "13")],
            minimumCharge: "5000", pmFeePercent: "10")
    }

    @Test func everyWrongFieldIsNamedAtOnce() async throws {
        try await ClientFixture.run { f in
            var bad = Self.input()
            bad.name = " "
            bad.accountID = "not-an-id"
            bad.grid["ninety"] = "10"
            bad.boundaries = ["high": 80, "middle": 85, "low": 75, "lowest": 50]
            bad.prices.append(.init(source: "e n", target: "ja", service: "translation", unit: "word", price: "1"))
            bad.prices.append(bad.prices[0])
            bad.minimumCharge = "5000.5"
            bad.rushTiers = [
                .init(kind: "compression", maxPercentOfStandard: "120", surchargePercent: "25"),
                .init(kind: "holiday", maxPercentOfStandard: nil, surchargePercent: "50"),
            ]
            bad.wordsPerDay = 10
            bad.leadTimeDays = 1
            do {
                _ = try await RateCardManagement(f.env).create(bad, by: nil)
                Issue.record("expected errors")
            } catch {
                #expect(
                    error.domainErrors.map(\.field) == [
                        "name", "accountId", "grid.boundaries", "grid.ninety", "prices[1].source", "prices[2].target",
                        "minimumCharge", "rushTiers[0].maxPercentOfStandard", "rushTiers[1].kind", "wordsPerDay",
                    ])
            }
        }
    }

    @Test func anEditIsANewVersionAndTheCardPricesAQuote() async throws {
        try await ClientFixture.run { f in
            let admin = try await f.user("alex@lumen.example", [.admin])
            let account = try await f.account("Sakura Robotics", by: admin)
            let management = RateCardManagement(f.env)
            let card = try await management.create(Self.input(account.id.description), by: admin.id)
            #expect(card.version == 1 && card.accountID == account.id && card.createdBy == admin.id)
            f.advance(days: 30)
            let edited = try await management.update(card.id, expectedVersion: 1, by: admin.id) {
                $0.minimumCharge = "6000"
                $0.accountID = nil  // ignored: a card stays with its account
            }
            #expect(edited.version == 2 && edited.accountID == account.id && edited.minimumCharge == 6000)
            await #expect(throws: DomainError.self) {
                _ = try await management.update(card.id, expectedVersion: 1, by: admin.id) { $0.name = "Late" }
            }
            #expect(try await management.find(card.id, version: 1).minimumCharge == 5000)
            let current = try #require(try await management.current(for: account.id))
            // 100 × 100 % + 50 × 10 % = 105 weighted words × 13 = 1365 yen, raised to the 6000 minimum;
            // PM fee 10 % = 600; total 6600
            let quote = try QuotePricing.price(
                PricingInput(
                    source: try LanguageTag("en"),
                    lines: [
                        PricingLine(
                            target: try LanguageTag("ja-JP"), service: .translation,
                            tallies: BandTallies(words: [.new: 100, .repetition: 50]))
                    ]),
                card: current)
            #expect(quote.total == Money(6600, try CurrencyCode("JPY")) && quote.rateCardVersion == 2)
        }
    }

    @Test func settingsAndFloorsAreCheckedAndStored() async throws {
        try await ClientFixture.run { f in
            let admin = try await f.user("alex@lumen.example", [.admin])
            let account = try await f.account("Sakura Robotics", by: admin)
            let pricing = PricingAdministration(f.env)
            var input = PricingAdministration.SettingsInput(try await pricing.settings())
            input.marginFloor = "35"
            input.wordsPerDay = "50"
            await #expect(throws: ValidationErrors.self) {
                _ = try await pricing.saveSettings(input, expectedVersion: 1)
            }
            input.wordsPerDay = "1800"
            #expect(try await pricing.saveSettings(input, expectedVersion: 1).version == 2)
            try await pricing.setAccountMarginFloor(account.id, "42.5")
            #expect(
                try await pricing.marginFloor(for: account.id) == MarginFloor(percent: 42.5, isAccountOverride: true))
            await #expect(throws: ValidationErrors.self) { try await pricing.setAccountMarginFloor(account.id, "x") }
            try await pricing.setAccountMarginFloor(account.id, "")
            #expect(try await pricing.marginFloor(for: account.id).percent == 35)
        }
    }
}
