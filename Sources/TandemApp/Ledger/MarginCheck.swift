import Foundation
import TandemDomain

/// Whether a promise's expected cost breaks the account's margin floor: the price converted to
/// the base currency at the day's rate (no rate: not flagged, never guessed).
struct MarginCheck: Sendable {
    var floor: MarginFloor
    var rates: ExchangeRateTable

    static func load(_ accountID: Account.ID, in stores: Stores) async throws -> MarginCheck {
        let base = try await stores.organisation.load().baseCurrency
        return MarginCheck(
            floor: try await stores.pricing.settings.marginFloor(for: accountID),
            rates: ExchangeRateTable(base: base, rates: try await stores.pipeline.exchangeRates.list()))
    }

    func inBase(_ money: Money, _ now: Date) -> Money? {
        rates.convert(money, on: LocalDate(now, in: TimeZone(identifier: "UTC")!))?.value
    }

    func isAtRisk(_ price: Money, _ cost: Money?, _ now: Date) -> Bool {
        guard let cost else { return false }
        return MarginRisk.isAtRisk(price: inBase(price, now), expectedCost: inBase(cost, now), floor: floor)
    }

    /// Price, cost and margin in the base currency, when both convert.
    func margin(_ price: Money, _ cost: Money?, _ now: Date) -> (price: Money, cost: Money, margin: Margin)? {
        guard let cost, let price = inBase(price, now), let cost = inBase(cost, now),
            let margin = try? Margin.of(price: price, cost: cost)
        else { return nil }
        return (price, cost, margin)
    }
}
