import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

/// Vendors' own rates (per word, page or hour, minimum fee, rush price, weighting grid) in any
/// currency compared in the base currency, page- and hour-based steps, and quality scores.
@Suite("Costs, units and quality")
struct CostAndQualityTests {
    static let usd = try! CurrencyCode("USD")

    static func vendor(
        _ id: String, service: Service = .translation, unit: WorkUnit = .word, perHour: Int = 300,
        price: String = "0.10", per priceUnit: WorkUnit = .word, currency: CurrencyCode = .eur,
        minimumFee: String? = nil, rush: String? = nil, quality: Int? = nil, grid: CostGrid? = nil
    ) -> PlanningVendor {
        func money(_ text: String) -> Money { Money(Decimal(canonical: text)!, currency) }
        let rate = VendorRate(
            price: money(price), unit: priceUnit, minimumFee: minimumFee.map(money), rushPrice: rush.map(money))
        var vendor = Fixtures.vendor(
            id,
            Capability(
                pair: LanguagePair(source: Fixtures.tag("en"), target: Fixtures.tag("fr")), service: service,
                unit: unit,
                unitsPerHour: perHour, rate: rate))
        vendor.quality = quality
        vendor.grid = grid
        return vendor
    }

    static func request(
        _ step: StepRequest = StepRequest(service: .translation, words: 2400), rates: ExchangeRates? = nil,
        rush: Bool = false, minimumQuality: Int? = nil, grid: CostGrid? = nil
    ) -> FeasibilityRequest {
        var request = Fixtures.request(
            deadline: "2027-03-05T17:00:00Z",
            TargetRequest(source: Fixtures.tag("en"), target: Fixtures.tag("fr"), steps: [step]))
        request.exchangeRates = rates
        request.rush = rush
        request.minimumQuality = minimumQuality
        request.grid = grid
        return request
    }

    static func euroBase(_ usd: String) -> ExchangeRates {
        ExchangeRates(currency: .eur, rates: ["USD": Decimal(canonical: usd)!], complete: true)
    }

    static func chosen(_ result: FeasibilityResult) -> [VendorID] {
        result.targets[0].steps[0].assignments.map(\.vendor)
    }

    @Test func aUSDVendorIsComparedThroughTheRate() throws {
        let vendors = [Self.vendor("ana"), Self.vendor("bob", currency: Self.usd)]

        let cheapDollar = try Fixtures.check(vendors, Self.request(rates: Self.euroBase("0.92")))
        let dearDollar = try Fixtures.check(vendors, Self.request(rates: Self.euroBase("1.10")))

        // $0.10 a word is €0.092 at 0.92, €0.11 at 1.10; both finish Monday 17:00.
        #expect(Self.chosen(cheapDollar) == ["bob"])
        #expect(cheapDollar.cost == [Money(240, Self.usd)])
        #expect(cheapDollar.baseCost == Money(Decimal(canonical: "220.80")!, .eur))
        #expect(Self.chosen(dearDollar) == ["ana"])
        #expect(dearDollar.baseCost == Money(240, .eur))
    }

    @Test func aMissingRateIsAnInputErrorNamingTheCurrency() throws {
        let vendors = [Self.vendor("ana"), Self.vendor("bob", currency: Self.usd)]
        let rates = ExchangeRates(currency: .eur, rates: [:], complete: true)

        #expect(throws: PlanningInputError(field: "request.exchangeRates.USD", .missingRate("USD", base: "EUR"))) {
            _ = try Fixtures.check(vendors, Self.request(rates: rates))
        }
        // The original shape orders without a rate instead (EUR first, by the per-currency rule).
        let lenient = try Fixtures.check(vendors, Self.request(rates: ExchangeRates(currency: .eur, rates: [:])))
        #expect(Self.chosen(lenient) == ["ana"])
        #expect(lenient.baseCost == nil)
    }

    @Test func minimumFeeAndRushPrice() throws {
        let vendors = [Self.vendor("ana", minimumFee: "30.00", rush: "0.15")]
        func cost(_ words: Int, rush: Bool) throws -> Money {
            try Fixtures.check(vendors, Self.request(StepRequest(service: .translation, words: words), rush: rush))
                .cost[0]
        }

        #expect(try cost(100, rush: false) == Money(30, .eur))  // 100 × 0.10 = 10, under the minimum
        #expect(try cost(100, rush: true) == Money(30, .eur))  // 100 × 0.15 = 15
        #expect(try cost(1000, rush: false) == Money(100, .eur))
        #expect(try cost(1000, rush: true) == Money(150, .eur))
    }

    @Test func theVendorsGridElseTheOrganisationsWeighsTheBands() throws {
        let step = StepRequest(service: .translation, words: 2000, bands: [.new: 1000, .exact: 1000])
        let ownGrid = CostGrid(percent: [.exact: 30])
        let organisation = CostGrid(percent: [.exact: 0])

        let own = try Fixtures.check([Self.vendor("ana", grid: ownGrid)], Self.request(step, grid: organisation))
        let theirs = try Fixtures.check([Self.vendor("ana")], Self.request(step, grid: organisation))
        let none = try Fixtures.check([Self.vendor("ana")], Self.request(step))

        #expect(own.cost == [Money(130, .eur)])  // (1,000 + 30% of 1,000) × 0.10
        #expect(theirs.cost == [Money(100, .eur)])
        #expect(none.cost == [Money(200, .eur)])
        // Time is on all the words: 2,000 at 300 an hour.
        #expect(own.earliestDelivery == Fixtures.t("2027-03-01T15:40:00Z"))
    }

    @Test func pagesAndHours() throws {
        let dtp = Self.vendor("dora", service: .dtp, unit: .page, perHour: 4, price: "5.00", per: .page)
        let qa = Self.vendor("quinn", service: .qa, unit: .hour, perHour: 0, price: "40.00", per: .hour)
        let words = Self.vendor("wes", service: .dtp)

        let pages = try Fixtures.check([dtp, words], Self.request(.pages(.dtp, 20)))
        let hours = try Fixtures.check([qa], Self.request(.hours(.qa, minutes: 150)))
        let wordsOnly = try Fixtures.check([words], Self.request(.pages(.dtp, 20)))

        // 20 pages at 4 an hour: 09:00–14:00; 2 h 30 min: 09:00–11:30.
        #expect(pages.earliestDelivery == Fixtures.t("2027-03-01T14:00:00Z"))
        #expect(Self.chosen(pages) == ["dora"])
        #expect(pages.targets[0].steps[0].unit == .page)
        #expect(pages.cost == [Money(100, .eur)])
        #expect(hours.earliestDelivery == Fixtures.t("2027-03-01T11:30:00Z"))
        #expect(hours.cost == [Money(100, .eur)])
        // A word-based capability does not serve a page-based step.
        #expect(wordsOnly.earliestDelivery == nil)
    }

    @Test func anHourlyPriceOnWordsCostsTheTimeTaken() throws {
        let inHouse = Self.vendor("ida", service: .revision, perHour: 1000, price: "40.00", per: .hour)
        let result = try Fixtures.check([inHouse], Self.request(StepRequest(service: .revision, words: 8000)))

        #expect(result.cost == [Money(320, .eur)])  // 8 h × 40
    }

    @Test func aMinimumQualityExcludesACheaperVendorWithAReason() throws {
        let vendors = [Self.vendor("ana", price: "0.10", quality: 90), Self.vendor("ben", price: "0.05", quality: 50)]

        let cheapest = try Fixtures.check(vendors, Self.request())
        let good = try Fixtures.check(vendors, Self.request(minimumQuality: 80))

        #expect(Self.chosen(cheapest) == ["ben"])
        #expect(
            cheapest.reasons.contains(
                .betterQualitySkipped(
                    target: Fixtures.tag("fr"), service: .translation, vendor: "ana", quality: 90, chosen: ["ben"],
                    chosenQuality: 50)))
        #expect(Self.chosen(good) == ["ana"])
        #expect(
            good.reasons.contains(
                .qualityExcluded(target: Fixtures.tag("fr"), service: .translation, minimum: 80, vendors: ["ben"])))
    }

    @Test func nobodyGoodEnoughIsRedWithTheReason() throws {
        let vendors = [Self.vendor("ana", quality: 90), Self.vendor("ben")]
        let result = try Fixtures.check(vendors, Self.request(minimumQuality: 95))

        #expect(result.verdict == .red)
        #expect(
            result.reasons.contains(
                .allBelowQuality(
                    target: Fixtures.tag("fr"), source: Fixtures.tag("en"), service: .translation, minimum: 95, count: 2
                )))
    }

    @Test func qualityBreaksACostTie() throws {
        let vendors = [Self.vendor("ana", quality: 70), Self.vendor("ben", quality: 90)]
        let result = try Fixtures.check(vendors, Self.request())

        #expect(Self.chosen(result) == ["ben"])
        #expect(
            result.reasons.contains(
                .betterQualityChosen(
                    target: Fixtures.tag("fr"), service: .translation, vendor: "ben", quality: 90, other: "ana",
                    otherQuality: 70)))
        // Without scores the lower slot wins the tie, as before.
        let unscored = try Fixtures.check([Self.vendor("ana"), Self.vendor("ben")], Self.request())
        #expect(Self.chosen(unscored) == ["ana"])
    }
}
