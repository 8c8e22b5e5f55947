import Foundation
import Testing

@testable import TandemDomain

/// The pricing rule on hand-computed cases: every expected figure below was worked out by hand,
/// with the arithmetic in the comment next to it.
@Suite("Pricing rule")
struct PricingRuleTests {
    static func tag(_ text: String) -> LanguageTag { try! LanguageTag(text) }
    static func dec(_ text: String) -> Decimal { Decimal(string: text)! }
    static let en = tag("en")
    static let fr = tag("fr")
    static let de = tag("de")

    static func card(
        _ currency: CurrencyCode = .eur, prices: [RatePrice]? = nil, minimum: String = "0", pmFee: String = "0",
        rush: [RushTier] = RushTier.standard
    ) -> RateCard {
        RateCard(
            id: RateCard.ID(UUID(uuidString: "00000000-0000-0000-0000-000000000001")!), name: "Test", version: 3,
            currency: currency, grid: .standard,
            prices: prices ?? [
                RatePrice(source: en, target: fr, service: .translation, unit: .word, price: dec("0.12")),
                RatePrice(source: en, target: de, service: .translation, unit: .word, price: dec("0.15")),
                RatePrice(source: en, target: fr, service: .dtp, unit: .page, price: dec("4.50")),
            ], minimumCharge: dec(minimum), rushTiers: rush, pmFeePercent: dec(pmFee),
            createdAt: Date(timeIntervalSince1970: 0))
    }

    /// new 1000, 100 % 500, repetition 200, 95–99 333, context 50 (2,083 words).
    static let mixed = BandTallies(words: [.new: 1000, .exact: 500, .repetition: 200, .fuzzyHigh: 333, .context: 50])

    @Test func weightedWordsAreExactAndThePriceIsRoundedOnce() throws {
        let quote = try QuotePricing.price(
            PricingInput(
                source: Self.en, lines: [PricingLine(target: Self.fr, service: .translation, tallies: Self.mixed)]),
            card: Self.card())
        let line = try #require(quote.targets.first?.lines.first)
        // 1000×100% + 500×20% + 200×10% + 333×40% + 50×0% = 1000 + 100 + 20 + 133.2 + 0 = 1253.2
        #expect(line.weightedWords == Self.dec("1253.2"))
        // 1253.2 × 0.12 = 150.384 → 150.38
        #expect(line.price == Money(Self.dec("150.38"), .eur))
        #expect(quote.total == Money(Self.dec("150.38"), .eur))
        #expect(quote.rateCardVersion == 3)
    }

    @Test func halfAFractionRoundsUpNotToEven() throws {
        // repetition 5 × 10% + new 100 = 100.5 weighted; × 0.09 = 9.045 → 9.05 (half-even would say 9.04)
        let card = Self.card(prices: [
            RatePrice(source: Self.en, target: Self.fr, service: .translation, unit: .word, price: Self.dec("0.09"))
        ])
        let tallies = BandTallies(words: [.repetition: 5, .new: 100])
        let quote = try QuotePricing.price(
            PricingInput(
                source: Self.en, lines: [PricingLine(target: Self.fr, service: .translation, tallies: tallies)]),
            card: card)
        #expect(quote.targets[0].lines[0].weightedWords == Self.dec("100.5"))
        #expect(quote.total == Money(Self.dec("9.05"), .eur))
    }

    @Test func theMinimumRaisesEachTargetOnItsOwn() throws {
        let input = PricingInput(
            source: Self.en,
            lines: [
                PricingLine(target: Self.fr, service: .translation, tallies: Self.mixed),
                PricingLine(target: Self.de, service: .translation, tallies: BandTallies(words: [.new: 200])),
            ])
        let quote = try QuotePricing.price(input, card: Self.card(minimum: "50"))
        // fr: 150.38 is above 50.00, kept
        #expect(quote.targets[0].minimumApplied == false)
        #expect(quote.targets[0].total == Money(Self.dec("150.38"), .eur))
        // de: 200 × 0.15 = 30.00, raised to 50.00
        #expect(quote.targets[1].linesTotal == Money(Self.dec("30.00"), .eur))
        #expect(quote.targets[1].minimumApplied)
        #expect(quote.targets[1].total == Money(Self.dec("50.00"), .eur))
        // 150.38 + 50.00 = 200.38
        #expect(quote.total == Money(Self.dec("200.38"), .eur))
    }

    @Test func rushTiersApplyToTheAmountAfterTheMinimum() throws {
        let de = PricingLine(target: Self.de, service: .translation, tallies: BandTallies(words: [.new: 200]))
        let fr = PricingLine(target: Self.fr, service: .translation, tallies: Self.mixed)
        // fr asked in 3 of 5 days = 60 % ≤ 75 % → 25 %: 150.38 × 25 % = 37.595 → 37.60; total 187.98
        // de asked in 2 of 5 days = 40 % ≤ 50 % (and ≤ 75 %) → the higher, 50 %: minimum 50.00 × 50 % = 25.00
        let input = PricingInput(
            source: Self.en, lines: [fr, de],
            turnaroundByTarget: [
                Self.fr: Turnaround(requestedDays: 3, standardDays: 5),
                Self.de: Turnaround(requestedDays: 2, standardDays: 5),
            ])
        let quote = try QuotePricing.price(input, card: Self.card(minimum: "50"))
        #expect(quote.targets[0].rushTier?.surchargePercent == 25)
        #expect(quote.targets[0].rushSurcharge == Money(Self.dec("37.60"), .eur))
        #expect(quote.targets[0].total == Money(Self.dec("187.98"), .eur))
        #expect(quote.targets[1].rushSurcharge == Money(Self.dec("25.00"), .eur))
        #expect(quote.targets[1].total == Money(Self.dec("75.00"), .eur))
        // 187.98 + 75.00 = 262.98
        #expect(quote.total == Money(Self.dec("262.98"), .eur))
    }

    @Test func sameDayAndWeekendTiers() throws {
        let sameDay = Turnaround(requestedDays: 0, standardDays: 5, isSameDay: true)
        // 0 of 5 days = 0 % → 25 %, 50 %, 100 % compression and 100 % same-day: 100 %
        #expect(RushTier.applicable(RushTier.standard, to: sameDay)?.surchargePercent == 100)
        let weekend = Turnaround(requestedDays: 5, standardDays: 5, isWeekend: true)
        #expect(RushTier.applicable(RushTier.standard, to: weekend)?.kind == .weekend)
        #expect(RushTier.applicable(RushTier.standard, to: Turnaround(requestedDays: 5, standardDays: 5)) == nil)

        // Ordered Thursday 2026-12-03, due Saturday 2026-12-05 (Paris): Friday is the one working day.
        let utc = TimeZone(identifier: "Europe/Paris")!
        let order = ISO8601DateFormatter().date(from: "2026-12-03T09:00:00Z")!
        let due = ISO8601DateFormatter().date(from: "2026-12-05T16:00:00Z")!
        let turnaround = Turnaround.between(
            order: order, delivery: due, standardDays: 4, timeZone: utc, workingDays: [.mon, .tue, .wed, .thu, .fri])
        #expect(turnaround.requestedDays == 1)
        #expect(turnaround.isWeekend)
        #expect(!turnaround.isSameDay)
        // 1 of 4 days = 25 % → 100 % compression tier beats the 50 % weekend tier
        #expect(RushTier.applicable(RushTier.standard, to: turnaround)?.surchargePercent == 100)
    }

    @Test func pmFeeIsOnTheSumOfAllTargetsRoundedHalfUp() throws {
        let input = PricingInput(
            source: Self.en,
            lines: [
                PricingLine(target: Self.fr, service: .translation, tallies: Self.mixed),
                PricingLine(target: Self.de, service: .translation, tallies: BandTallies(words: [.new: 200])),
            ])
        let quote = try QuotePricing.price(input, card: Self.card(minimum: "50", pmFee: "5"))
        // (150.38 + 50.00) × 5 % = 200.38 × 0.05 = 10.019 → 10.02
        #expect(quote.targetsTotal == Money(Self.dec("200.38"), .eur))
        #expect(quote.pmFee == Money(Self.dec("10.02"), .eur))
        #expect(quote.total == Money(Self.dec("210.40"), .eur))

        // 200.50 × 3 % = 6.015 → 6.02 (half up)
        let round = try QuotePricing.price(
            PricingInput(
                source: Self.en,
                lines: [PricingLine(target: Self.fr, service: .dtp, unit: .page, quantity: Self.dec("44.5555"))]),
            card: Self.card(pmFee: "3"))
        // 44.5555 pages × 4.50 = 200.49975 → 200.50
        #expect(round.targetsTotal == Money(Self.dec("200.50"), .eur))
        #expect(round.pmFee == Money(Self.dec("6.02"), .eur))
    }

    @Test func manualLinesAndDiscountsFollowTheSameRounding() throws {
        let input = PricingInput(
            source: Self.en, lines: [PricingLine(target: Self.fr, service: .dtp, unit: .page, quantity: 10)],
            manualLines: [
                ManualLine(
                    target: Self.fr, description: "DTP corrections", unit: .page, quantity: 7,
                    unitPrice: Self.dec("3.335")),
                ManualLine(target: nil, description: "Certification", unit: .fixed, quantity: 1, unitPrice: 25),
            ],
            discounts: [.percent(5, "Loyalty"), .amount(Self.dec("1.50"), "Goodwill")])
        let quote = try QuotePricing.price(input, card: Self.card(minimum: "100", pmFee: "10"))
        // fr: 10 pages × 4.50 = 45.00; 7 × 3.335 = 23.345 → 23.35; together 68.35, raised to 100.00
        #expect(quote.targets[0].lines.map(\.price.amount) == [45, Self.dec("23.35")])
        #expect(quote.targets[0].total == Money(100, .eur))
        // PM fee 100.00 × 10 % = 10.00; certification 25.00 stands apart: 135.00 before discounts
        #expect(quote.pmFee == Money(10, .eur))
        #expect(quote.beforeDiscounts == Money(135, .eur))
        // 5 % of 135.00 = 6.75; then 1.50: 135.00 − 6.75 − 1.50 = 126.75
        #expect(quote.discounts.map(\.amount.amount) == [Self.dec("6.75"), Self.dec("1.50")])
        #expect(quote.total == Money(Self.dec("126.75"), .eur))
    }

    @Test func yenHasNoMinorUnit() throws {
        let jpy = try CurrencyCode("JPY")
        let card = Self.card(
            jpy, prices: [RatePrice(source: Self.en, target: Self.fr, service: .translation, unit: .word, price: 13)],
            pmFee: "10")
        let tallies = BandTallies(words: [.repetition: 5, .new: 100])
        let quote = try QuotePricing.price(
            PricingInput(
                source: Self.en, lines: [PricingLine(target: Self.fr, service: .translation, tallies: tallies)]),
            card: card)
        // 100.5 × 13 = 1306.5 → 1307 yen; PM fee 1307 × 10 % = 130.7 → 131; total 1438
        #expect(quote.targets[0].total == Money(1307, jpy))
        #expect(quote.pmFee == Money(131, jpy))
        #expect(quote.total == Money(1438, jpy))
    }

    @Test func kuwaitiDinarHasThreeMinorUnits() throws {
        let kwd = try CurrencyCode("KWD")
        let card = Self.card(
            kwd,
            prices: [
                RatePrice(
                    source: Self.en, target: Self.fr, service: .translation, unit: .word, price: Self.dec("0.037"))
            ],
            minimum: "1.5")
        let tallies = BandTallies(words: [.repetition: 5, .new: 100])
        let quote = try QuotePricing.price(
            PricingInput(
                source: Self.en, lines: [PricingLine(target: Self.fr, service: .translation, tallies: tallies)],
                turnaround: Turnaround(requestedDays: 1, standardDays: 2)),
            card: card)
        // 100.5 × 0.037 = 3.7185 → 3.719 (half-even would say 3.718); above the 1.500 minimum
        #expect(quote.targets[0].linesTotal == Money(Self.dec("3.719"), kwd))
        // 1 of 2 days = 50 % → 50 % tier: 3.719 × 0.5 = 1.8595 → 1.860; total 5.579
        #expect(quote.targets[0].rushSurcharge == Money(Self.dec("1.86"), kwd))
        #expect(quote.total == Money(Self.dec("5.579"), kwd))
    }

    @Test func cjkSourcesArePricedPerCharacterWhenTheCardSaysSo() throws {
        let ja = Self.tag("ja")
        let card = Self.card(prices: [
            RatePrice(
                source: ja, target: Self.tag("en"), service: .translation, unit: .character, price: Self.dec("0.05"))
        ])
        let tallies = BandTallies([
            .new: BandTally(segments: 40, words: 0, characters: 1000),
            .exact: BandTally(segments: 12, words: 0, characters: 400),
        ])
        let quote = try QuotePricing.price(
            PricingInput(
                source: ja, lines: [PricingLine(target: Self.tag("en-US"), service: .translation, tallies: tallies)]),
            card: card)
        // 1000 × 100 % + 400 × 20 % = 1080 characters; × 0.05 = 54.00
        #expect(quote.targets[0].lines[0].unit == .character)
        #expect(quote.targets[0].lines[0].weightedWords == 1080)
        #expect(quote.total == Money(54, .eur))

        let wordsOnly = BandTallies(words: [.new: 300])
        #expect(throws: ValidationErrors.self) {
            try QuotePricing.price(
                PricingInput(
                    source: ja, lines: [PricingLine(target: Self.tag("en"), service: .translation, tallies: wordsOnly)]),
                card: card)
        }
    }

    @Test func aMissingPriceNamesTheLine() throws {
        let input = PricingInput(
            source: Self.en,
            lines: [
                PricingLine(target: Self.fr, service: .translation, tallies: Self.mixed),
                PricingLine(target: Self.tag("it"), service: .translation, tallies: Self.mixed),
            ])
        do {
            _ = try QuotePricing.price(input, card: Self.card())
            Issue.record("expected an error")
        } catch {
            #expect(error.domainErrors.map(\.field) == ["lines[1]"])
            #expect(error.domainErrors.first?.key == "error.pricing.price.missing")
        }
    }

    @Test func regionalTargetsUseTheLanguagePriceUnlessTheyHaveTheirOwn() throws {
        var card = Self.card()
        card.prices.append(
            RatePrice(
                source: Self.en, target: Self.tag("fr-CA"), service: .translation, unit: .word, price: Self.dec("0.14"))
        )
        #expect(
            card.price(source: Self.tag("en-US"), target: Self.tag("fr-FR"), service: .translation)?.price
                == Self.dec("0.12"))
        #expect(
            card.price(source: Self.en, target: Self.tag("fr-CA"), service: .translation)?.price == Self.dec("0.14"))
    }

    /// The worked example of docs/pricing.md, figure by figure.
    @Test func theWorkedExampleOfTheDocumentation() throws {
        let input = PricingInput(
            source: Self.en,
            lines: [
                PricingLine(target: Self.fr, service: .translation, tallies: Self.mixed),
                PricingLine(target: Self.de, service: .translation, tallies: BandTallies(words: [.new: 200])),
            ],
            turnaroundByTarget: [
                Self.fr: Turnaround(requestedDays: 3, standardDays: 5),
                Self.de: Turnaround(requestedDays: 2, standardDays: 5),
            ])
        let quote = try QuotePricing.price(input, card: Self.card(minimum: "50", pmFee: "5"))
        // fr 150.38 + 37.60 = 187.98; de 50.00 + 25.00 = 75.00; 262.98 × 5 % = 13.149 → 13.15; 276.13
        #expect(quote.targets.map(\.total.amount) == [Self.dec("187.98"), 75])
        #expect(quote.pmFee == Money(Self.dec("13.15"), .eur))
        #expect(quote.total == Money(Self.dec("276.13"), .eur))
    }
}
