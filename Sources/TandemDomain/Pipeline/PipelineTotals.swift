import Foundation

/// A column's sums in the base currency: count, total and probability-weighted total, the rates
/// used, and what could not be converted (never guessed).
public struct PipelineTotal: Sendable, Equatable {
    public struct Missing: Sendable, Equatable {
        public var currency: CurrencyCode
        public var count: Int
        public var amount: Money
    }
    public var count: Int
    public var total: Money
    public var weighted: Money
    /// Distinct rates used, by currency then date.
    public var ratesUsed: [ExchangeRate]
    /// Per currency without a rate on or before the day that mattered: how many deals, and their sum.
    public var missing: [Missing]
}

public enum PipelineTotals {
    /// Sums `deals` (each with its probability in percent) in the table's base currency, each
    /// converted with the latest rate on or before its close date. Rounded once, at the end.
    public static func total(_ deals: [(opportunity: Opportunity, probability: Int)], rates: ExchangeRateTable)
        -> PipelineTotal
    {
        var total = Decimal(0)
        var weighted = Decimal(0)
        var used: [ExchangeRate.ID: ExchangeRate] = [:]
        var missing: [CurrencyCode: (count: Int, amount: Decimal)] = [:]
        for deal in deals {
            let value = deal.opportunity.expectedValue
            guard let conversion = rates.convert(value, on: deal.opportunity.closeDate) else {
                let seen = missing[value.currency] ?? (0, 0)
                missing[value.currency] = (seen.count + 1, seen.amount + value.amount)
                continue
            }
            if let rate = conversion.rate { used[rate.id] = rate }
            total += conversion.value.amount
            weighted += conversion.value.amount * Decimal(deal.probability) / 100
        }
        let base = rates.base
        return PipelineTotal(
            count: deals.count, total: Money(total, base).rounded, weighted: Money(weighted, base).rounded,
            ratesUsed: used.values.sorted { ($0.currency.code, $0.date) < ($1.currency.code, $1.date) },
            missing: missing.map {
                PipelineTotal.Missing(currency: $0.key, count: $0.value.count, amount: Money($0.value.amount, $0.key))
            }
            .sorted { $0.currency.code < $1.currency.code })
    }
}
