import Foundation
import TandemDomain

extension FluentGuidanceStore {
    /// Margin leakage in money of the promises delivered in a period (docs/guidance.md):
    /// Σ quoted margin − Σ delivered margin = Σ (first price − price in force) + Σ (actual cost −
    /// quoted cost), per currency, exact (the scorecards' sums). The use case converts the sums to
    /// the base currency.
    static func leaked(_ f: SubjectFigures) -> CurrencySums {
        var sums: CurrencySums = [:]
        for (currency, amount) in f.deliveredFirstPrice { sums.add(amount, currency) }
        for (currency, amount) in f.deliveredPrice { sums.add(-amount, currency) }
        for (currency, amount) in f.deliveredCost { sums.add(amount, currency) }
        for (currency, amount) in f.deliveredQuotedCost { sums.add(-amount, currency) }
        return sums
    }
}
