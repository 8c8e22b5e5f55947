import Foundation
import TandemDomain

/// Demo step "demo.v3.rates": exchange rates for the whole of the demo's history, so that its
/// two years of projects and its Swedish, Polish, Norwegian and Canadian clients count in every
/// total in euros (docs/metrics.md, "Money"). The pipeline step's three recent dates for USD, GBP,
/// CHF and JPY stay; this step adds the first of each month before them, and the first of every
/// month for SEK, PLN, NOK and CAD. Rates drift a little from month to month, deterministically.
enum RatesDemo {
    static let step = DemoSeed.Step(name: "demo.v3.rates", idBase: 0xE0_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    /// "1 unit = rate × EUR", as the pipeline step's.
    static let bases: [(code: String, rate: String, scale: Int, onlyBefore: Bool)] = [
        ("USD", "0.9200", 4, true), ("GBP", "1.1680", 4, true), ("CHF", "1.0450", 4, true),
        ("JPY", "0.006100", 6, true), ("SEK", "0.0872", 4, false), ("PLN", "0.2310", 4, false),
        ("NOK", "0.0858", 4, false), ("CAD", "0.6790", 4, false),
    ]
    /// Month-to-month drift, in thousandths.
    static let drift = [0, 4, -3, 6, -7, 2, 5, -2, -5, 3, 7, -4]
    static let months = 27

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let today = LocalDate(now, in: TimeZone(identifier: "UTC")!)
        // The pipeline step's earliest rate is 180 days back: older months only for its currencies.
        let recent = today.adding(days: -181)
        for (offset, (code, rate, scale, onlyBefore)) in bases.enumerated() {
            let currency = try CurrencyCode(code)
            for back in 0..<months {
                let first = try firstOfMonth(today, monthsBack: back)
                if onlyBefore && first >= recent { continue }
                let factor = 1 + Decimal(drift[(back + offset) % drift.count]) / 1000
                try await stores.pipeline.exchangeRates.create(
                    ExchangeRate(
                        id: ids(), currency: currency, date: first,
                        rate: (Decimal(canonical: rate)! * factor).rounded(scale: scale)))
            }
        }
    }

    static func firstOfMonth(_ day: LocalDate, monthsBack: Int) throws -> LocalDate {
        let index = day.year * 12 + (day.month - 1) - monthsBack
        return try LocalDate(year: index / 12, month: index % 12 + 1, day: 1)
    }
}
