import Foundation
import TandemDomain

/// A per-word cost as the planner orders it, without ever comparing amounts of different
/// currencies as numbers. Costs the request's `ExchangeRates` can convert are in group 0, as
/// millionths of the comparison currency; every other currency is a group of its own (after
/// group 0, in ISO code order), in millionths of that currency. Lower is cheaper: a cost in
/// group 0 comes before any unconverted cost.
struct CostKey: Hashable, Comparable, Sendable {
    var group: Int
    var amount: Int

    static func < (a: CostKey, b: CostKey) -> Bool { a.group != b.group ? a.group < b.group : a.amount < b.amount }

    static func millionths(_ amount: Decimal) -> Int {
        NSDecimalNumber(decimal: (amount * 1_000_000).rounded(scale: 0)).intValue
    }
}

/// Turns an index's per-word costs into `CostKey`s for one request: one small table by
/// currency number, so each candidate costs an array read and an integer product.
struct CostScale: Sendable {
    private var groups: [Int]
    /// Millionths of the comparison currency per unit, for currencies in group 0.
    private var rates: [Int?]

    init(currencies: [CurrencyCode], exchangeRates: ExchangeRates?) {
        let ranks = Dictionary(
            uniqueKeysWithValues: currencies.map(\.code).sorted().enumerated().map { ($0.element, $0.offset) })
        groups = []
        rates = []
        for currency in currencies {
            if let rate = exchangeRates?.rate(for: currency) {
                groups.append(0)
                rates.append(CostKey.millionths(rate))
            } else {
                groups.append(1 + ranks[currency.code]!)
                rates.append(nil)
            }
        }
    }

    func key(millionths amount: Int, currency: Int) -> CostKey {
        guard let rate = rates[currency] else { return CostKey(group: groups[currency], amount: amount) }
        let (product, overflow) = amount.multipliedReportingOverflow(by: rate)
        return CostKey(group: 0, amount: overflow ? Int.max / 4 : product / 1_000_000)
    }
}
