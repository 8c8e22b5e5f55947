import Foundation
import TandemDomain
import TandemPlanning

/// The synthetic LSP with the vendor database's fields (`latency … db`): the same vendors and
/// bookings, plus, from a separate seed so the base set is unchanged, a quality score for every
/// vendor, agencies (one in ten, 2–5 workers), a 0.8 maximum booked share (one in four), an
/// afternoon off (one in seven), prices in USD (one in five) and minimum fees and rush prices
/// (one in ten); requests compare costs in EUR and ask for a minimum quality of 50.
enum DatabaseShaped {
    static let usd = try! CurrencyCode("USD")

    static func vendors(_ vendors: [PlanningVendor], seed: UInt64) -> [PlanningVendor] {
        var rng = Seeded(state: seed)
        return vendors.map { original in
            var vendor = original
            vendor.quality = rng.int(40...100)
            if rng.chance(0.1) { vendor.workers = rng.int(2...5) }
            if rng.chance(0.25) { vendor.maxBookedShare = Decimal(string: "0.8") }
            if rng.chance(1.0 / 7) {
                let day = SyntheticLSP.start.minutes / 1440 + rng.int(0...27)
                let from = Instant(minutes: day * 1440 + 13 * 60)
                vendor.absentPeriods = [TimeRange(start: from, end: from + 240)]
            }
            let dollars = rng.chance(0.2)
            let fees = rng.chance(0.1)
            vendor.capabilities = vendor.capabilities.map { capability in
                var c = capability
                let currency = dollars ? usd : c.rate.price.currency
                c.rate.price = Money(c.rate.price.amount, currency)
                if fees {
                    c.rate.minimumFee = Money(20, currency)
                    c.rate.rushPrice = Money(c.rate.price.amount * Decimal(string: "1.5")!, currency)
                }
                return c
            }
            return vendor
        }
    }

    static func request(_ original: FeasibilityRequest, rng: inout Seeded) -> FeasibilityRequest {
        var request = original
        request.exchangeRates = ExchangeRates(currency: .eur, rates: ["USD": Decimal(string: "0.92")!], complete: true)
        request.minimumQuality = 50
        request.rush = rng.chance(0.2)
        return request
    }
}
