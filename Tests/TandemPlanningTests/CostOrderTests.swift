import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

/// The planner prefers the cheaper vendor without comparing amounts of different currencies as
/// numbers: converted with the request's rates, or else per currency.
@Suite("Cost ordering across currencies")
struct CostOrderTests {
    /// Three vendors, equally fast, two per step: the two cheapest in euros must be chosen.
    /// GBP 0.10 is EUR 0.117 at 1.17: dearer than EUR 0.11 and EUR 0.115, though its amount is
    /// the smallest.
    static let vendors = [
        Fixtures.vendor("eur-low", Fixtures.capability(wph: 300, cost: "0.11", currency: .eur)),
        Fixtures.vendor("eur-high", Fixtures.capability(wph: 300, cost: "0.115", currency: .eur)),
        Fixtures.vendor("gbp", Fixtures.capability(wph: 300, cost: "0.10", currency: try! CurrencyCode("GBP"))),
    ]

    func chosen(rates: ExchangeRates?) throws -> Set<String> {
        var request = Fixtures.request(maxVendors: 2, Fixtures.target(steps: (.translation, 4800)))
        request.exchangeRates = rates
        let result = try Fixtures.check(Self.vendors, request)
        return Set(result.targets[0].steps[0].assignments.map(\.vendor.rawValue))
    }

    @Test func ratesConvertBeforeComparing() throws {
        let rates = ExchangeRates(currency: .eur, rates: ["GBP": Decimal(string: "1.17")!])

        #expect(try chosen(rates: rates) == ["eur-low", "eur-high"])
    }

    @Test func aCheaperRateMakesTheOtherCurrencyWin() throws {
        let rates = ExchangeRates(currency: .eur, rates: ["GBP": Decimal(string: "1.05")!])  // GBP 0.10 = EUR 0.105

        #expect(try chosen(rates: rates) == ["eur-low", "gbp"])
    }

    /// Without rates, a currency is never compared with another as a number: the convertible
    /// group is empty, currencies come in ISO code order (EUR before GBP), amounts within each.
    @Test func withoutRatesCostsCompareOnlyWithinACurrency() throws {
        #expect(try chosen(rates: nil) == ["eur-low", "eur-high"])
        let scale = CostScale(currencies: [.eur, try CurrencyCode("GBP")], exchangeRates: nil)
        #expect(scale.key(millionths: 100_000, currency: 1) > scale.key(millionths: 115_000, currency: 0))
    }

    @Test func aCurrencyWithoutARateComesAfterConvertedOnes() throws {
        let usd = try CurrencyCode("USD")
        let scale = CostScale(
            currencies: [.eur, usd, try CurrencyCode("GBP")],
            exchangeRates: ExchangeRates(currency: .eur, rates: ["GBP": 2]))

        #expect(scale.key(millionths: 1, currency: 1) > scale.key(millionths: 900_000, currency: 2))
        #expect(scale.key(millionths: 100_000, currency: 2) == CostKey(group: 0, amount: 200_000))
        #expect(scale.key(millionths: 150_000, currency: 0) < scale.key(millionths: 100_000, currency: 2))
    }

    @Test func planFileReadsRatesAsStrings() throws {
        let text = """
            {"vendors": [], "request": {"start": "2027-03-01T08:00:00Z", "deadline": "2027-03-04T17:00:00Z",
              "targets": [{"source": "en", "target": "fr", "steps": [{"service": "translation", "words": 10}]}],
              "exchangeRates": {"currency": "EUR", "rates": {"GBP": "1.17"}}}}
            """

        let file = try PlanFile.decode(Data(text.utf8))

        #expect(file.request.exchangeRates == ExchangeRates(currency: .eur, rates: ["GBP": Decimal(string: "1.17")!]))
        #expect(throws: PlanningInputError.self) {
            try PlanFile.decode(Data(text.replacingOccurrences(of: "\"1.17\"", with: "\"-1\"").utf8))
        }
    }
}
