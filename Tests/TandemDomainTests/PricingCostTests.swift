import Foundation
import Testing

@testable import TandemDomain

/// Effort per workflow step, the cost estimate and the margin floor, on hand-computed cases.
@Suite("Pricing effort, cost and margin")
struct PricingCostTests {
    static func dec(_ text: String) -> Decimal { Decimal(string: text)! }
    static func id<T>(_ n: Int) -> Identifier<T> {
        Identifier(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", n))!)
    }
    static let pair = LanguagePair(source: try! LanguageTag("en"), target: try! LanguageTag("fr"))
    static let day = try! LocalDate(iso: "2026-12-03")
    static let usd = CurrencyCode.usd
    static let rates = ExchangeRateTable(
        base: .eur,
        rates: [
            ExchangeRate(id: id(1), currency: .usd, date: try! LocalDate(iso: "2026-10-01"), rate: dec("0.95")),
            ExchangeRate(id: id(2), currency: .usd, date: try! LocalDate(iso: "2026-11-01"), rate: dec("0.92")),
        ])
    static let tallies = BandTallies(words: [.new: 1000, .exact: 500, .repetition: 200, .fuzzyHigh: 333, .context: 50])
    static let translation = WorkflowTemplate.template(for: .translation, in: WorkflowTemplate.defaults)

    static func vendor(_ n: Int, price: String, minimum: String? = nil) -> CostVendor {
        var rates = [
            VendorRate(
                id: id(100 + n), vendorID: id(n), pair: pair, service: .translation, unit: .word,
                price: Money(dec(price), usd), validFrom: try! LocalDate(iso: "2026-01-01"))
        ]
        if let minimum {
            rates.append(
                VendorRate(
                    id: id(200 + n), vendorID: id(n), pair: pair, service: .translation, unit: .minimumFee,
                    price: Money(dec(minimum), usd), validFrom: try! LocalDate(iso: "2026-01-01")))
        }
        return CostVendor(vendorID: id(n), currency: usd, grid: nil, rates: rates)
    }

    @Test func effortFollowsTheOrganisationGridAndRevisionSkipsContext() {
        let grid = EffortGrid.standard
        let steps = Self.translation.steps
        #expect(steps.map(\.service) == [.translation, .revision])
        // 1000×100% + 500×20% + 200×10% + 333×40% + 50×0% = 1253.2
        #expect(grid.effort(of: steps[0], tallies: Self.tallies) == Self.dec("1253.2"))
        // 1000 + 500 + 200 + 333 + 50 = 2083 words, less 50 context = 2033
        #expect(grid.effort(of: steps[1], tallies: Self.tallies) == 2033)
        let qa = WorkflowStep.internalStep(.qa, hours: Self.dec("1.5"))
        #expect(grid.effort(of: qa, tallies: Self.tallies) == Self.dec("1.5"))
        let dtp = WorkflowTemplate.template(for: .dtp, in: WorkflowTemplate.defaults).steps[0]
        #expect(dtp.unit == .page)
        #expect(grid.effort(of: dtp, tallies: nil, quantity: 12) == 12)
    }

    @Test func aWorkflowNeedsStepsAndInternalStepsNeedHours() {
        let empty = WorkflowTemplate(service: .translation, steps: [])
        #expect(throws: ValidationErrors.self) { try WorkflowTemplate.validate(empty) }
        let noHours = WorkflowTemplate(
            service: .translation, steps: [WorkflowStep(service: .qa, performer: .projectManager, effort: .fixed)])
        do {
            try WorkflowTemplate.validate(noHours)
            Issue.record("expected an error")
        } catch {
            #expect(error.domainErrors.map(\.field) == ["steps[0].fixedHours"])
        }
    }

    @Test func vendorCostUsesTheirGridRateAndTheDatedExchangeRate() {
        let cost = CostEstimate.estimate(
            pair: Self.pair, template: Self.translation, tallies: BandTallies(words: [.new: 1000, .exact: 500]),
            quantity: nil, vendors: [.translation: [Self.vendor(1, price: "0.08")]], exchangeRates: Self.rates,
            on: Self.day, defaults: .standard)
        // Translation, golden-rule grid: 1000 + 500 × 30 % = 1150 words × 0.08 USD = 92.00 USD;
        // × 0.92 (the rate of 2026-11-01, the latest on or before the day) = 84.64 EUR
        #expect(cost.steps[0].original == Money(92, .usd))
        #expect(cost.steps[0].cost == Money(Self.dec("84.64"), .eur))
        #expect(cost.steps[0].exchangeRate?.rate == Self.dec("0.92"))
        #expect(cost.steps[0].isDefaultRate == false)
        // Revision: no vendor proposed → default 0.08 EUR × 1500 words = 120.00, marked
        #expect(cost.steps[1].cost == Money(120, .eur))
        #expect(cost.steps[1].isDefaultRate)
        #expect(cost.isDefaultRate)
        // 84.64 + 120.00
        #expect(cost.total == Money(Self.dec("204.64"), .eur))
    }

    @Test func theVendorMinimumFeeRaisesASmallJob() {
        let cost = CostEstimate.estimate(
            pair: Self.pair,
            template: WorkflowTemplate(service: .translation, steps: [.vendor(.translation, .weightedWords)]),
            tallies: BandTallies(words: [.new: 100]), quantity: nil,
            vendors: [.translation: [Self.vendor(1, price: "0.08", minimum: "40")]], exchangeRates: Self.rates,
            on: Self.day, defaults: .standard)
        // 100 × 0.08 = 8.00 USD, raised to the 40.00 USD minimum; × 0.92 = 36.80 EUR
        #expect(cost.steps[0].original == Money(40, .usd))
        #expect(cost.total == Money(Self.dec("36.80"), .eur))
    }

    @Test func aVendorWithoutAnExchangeRateIsSkipped() {
        let gbpVendor = CostVendor(
            vendorID: Self.id(9), currency: .gbp, grid: nil,
            rates: [
                VendorRate(
                    id: Self.id(900), vendorID: Self.id(9), pair: Self.pair, service: .translation, unit: .word,
                    price: Money(Self.dec("0.07"), .gbp), validFrom: try! LocalDate(iso: "2026-01-01"))
            ])
        let cost = CostEstimate.estimate(
            pair: Self.pair,
            template: WorkflowTemplate(service: .translation, steps: [.vendor(.translation, .weightedWords)]),
            tallies: BandTallies(words: [.new: 100]), quantity: nil,
            vendors: [.translation: [gbpVendor, Self.vendor(2, price: "0.10")]], exchangeRates: Self.rates,
            on: Self.day, defaults: .standard)
        // No GBP rate: the second vendor, 100 × 0.10 = 10.00 USD × 0.92 = 9.20 EUR
        #expect(cost.steps[0].vendorID == Self.id(2))
        #expect(cost.total == Money(Self.dec("9.20"), .eur))
    }

    @Test func marginAgainstTheFloorWithAnAccountOverride() throws {
        // 200.00 − 130.00 = 70.00; 70 ÷ 200 = 35.0 %
        let margin = try Margin.of(price: Money(200, .eur), cost: Money(130, .eur))
        #expect(margin.amount == Money(70, .eur))
        #expect(margin.percent == 35)
        let organisation = MarginFloor.resolve(organisation: 35, account: nil)
        #expect(!organisation.isBreached(by: margin))
        let account = MarginFloor.resolve(organisation: 35, account: 40)
        #expect(account.isAccountOverride)
        #expect(account.isBreached(by: margin))
        // 100.00 − 66.67 = 33.33 → 33.33 % rounds to 33.3 %
        #expect(
            try Margin.of(price: Money(100, .eur), cost: Money(Self.dec("66.67"), .eur)).percent == Self.dec("33.3"))
        #expect(throws: ValidationErrors.self) {
            _ = try PriceGrid.parse(["repetition": "10", "101": "5", "new": "x"])
        }
    }

    @Test func standardTurnaroundFollowsTheAgreementOrTheOrganisation() throws {
        let fr = try LanguageTag("fr")
        // 1 lead day + ⌈5000 ÷ 2000⌉ = 1 + 3 = 4
        #expect(StandardTurnaround.standard.days(words: 5000, target: fr, agreement: nil) == 4)
        let agreement = FrameworkAgreement(
            throughput: [.init(targetLanguage: fr, wordsPerDay: 2500)], leadTimeDays: 2)
        // 2 lead days + ⌈5000 ÷ 2500⌉ = 2 + 2 = 4; German follows the organisation's pace: 2 + 3 = 5
        #expect(StandardTurnaround.standard.days(words: 5000, target: fr, agreement: agreement) == 4)
        #expect(StandardTurnaround.standard.days(words: 5000, target: try LanguageTag("de"), agreement: agreement) == 5)
    }
}
