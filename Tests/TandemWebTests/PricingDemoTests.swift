import Foundation
import TandemDomain
import Testing
import Vapor

@testable import TandemWeb

@Suite("Pricing demo data")
struct PricingDemoTests {
    @Test func theDemoHasADefaultCardAccountCardsWorkflowsAndFloors() async throws {
        try await withDemoTandem { app, clock in
            let pricing = app.stores.pricing
            let cards = try await pricing.rateCards.list()
            #expect(cards.first?.accountID == nil && cards.first?.version == 2)
            #expect(Set(cards.map(\.currency.code)) == ["EUR", "USD", "GBP"])
            #expect(cards.count == 1 + PricingDemo.accountCards.count)
            // Every account card belongs to a demo account, and an account without one gets the default.
            for card in cards.dropFirst() {
                #expect(try await app.stores.accounts.find(id: try #require(card.accountID)) != nil)
            }
            #expect(try await pricing.rateCards.current(for: DemoAccounts.accountID(4))?.accountID == nil)
            let nordlicht = try #require(try await pricing.rateCards.current(for: DemoAccounts.accountID(1)))
            #expect(nordlicht.minimumCharge == 150)
            #expect(try await pricing.rateCards.find(id: cards[0].id, version: 1)?.minimumCharge == 45)
            #expect(try await pricing.workflows.template(for: .translation).steps.last?.isInternal == true)
            #expect(try await pricing.settings.marginFloor(for: nil).percent == 35)
            #expect(try await pricing.settings.marginFloor(for: DemoAccounts.accountID(1)).percent == 40)

            // The default card prices a demo quote end to end: 1,000 new words en→de at 0.145 = 145.00.
            let quote = try QuotePricing.price(
                PricingInput(
                    source: try LanguageTag("en"),
                    lines: [
                        PricingLine(
                            target: try LanguageTag("de-DE"), service: .translation,
                            tallies: BandTallies(words: [.new: 1000]))
                    ]),
                card: try #require(try await pricing.rateCards.current(for: nil)))
            // 145.00 + 5 % PM fee 7.25 = 152.25
            #expect(quote.total == Money(Decimal(string: "152.25")!, .eur))
        }
    }
}
