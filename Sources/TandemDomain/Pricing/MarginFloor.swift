import Foundation

/// Price minus cost, both in the base currency, and the margin as a percent of the price.
public struct Margin: Hashable, Sendable {
    public var amount: Money
    /// Rounded half up to one decimal place; nil when the price is zero.
    public var percent: Decimal?

    public static func of(price: Money, cost: Money) throws -> Margin {
        let amount = try price - cost
        let percent = price.amount == 0 ? nil : (amount.amount * 100 / price.amount).rounded(scale: 1)
        return Margin(amount: amount, percent: percent)
    }
}

/// The least margin a quote should make, in percent: the organisation's setting unless the
/// account has its own. Below it, a quote goes to PM review.
public struct MarginFloor: Hashable, Sendable, Codable {
    public var percent: Decimal
    public var isAccountOverride: Bool

    public init(percent: Decimal, isAccountOverride: Bool = false) {
        self.percent = percent
        self.isAccountOverride = isAccountOverride
    }

    public static func resolve(organisation: Decimal, account: Decimal?) -> MarginFloor {
        account.map { MarginFloor(percent: $0, isAccountOverride: true) } ?? MarginFloor(percent: organisation)
    }

    /// True when `margin` is under the floor (a zero price with a cost is always under).
    public func isBreached(by margin: Margin) -> Bool {
        guard let percent = margin.percent else { return margin.amount.amount < 0 }
        return percent < self.percent
    }

    /// Checks a floor as an admin types it: a percent from 0 to 100.
    public static func parse(_ text: String, field: String) throws -> Decimal {
        guard let value = Decimal(canonical: text), value >= 0, value <= 100 else {
            throw DomainError.invalid(
                field, "error.pricing.percent.invalid", ["value": text],
                fallback: "“\(text)” is not a percent; write a number from 0 to 100 such as 30.")
        }
        return value
    }
}

/// The organisation's pricing settings: one row per installation, edited by admins.
public struct PricingSettings: Hashable, Sendable, Codable {
    public var effortGrid: EffortGrid
    /// In the organisation's base currency.
    public var defaultCostRates: DefaultCostRates
    public var marginFloorPercent: Decimal
    public var standardTurnaround: StandardTurnaround
    /// Raised on every edit; an edit naming an older version is refused.
    public var version: Int

    public init(
        effortGrid: EffortGrid = .standard, defaultCostRates: DefaultCostRates = .standard,
        marginFloorPercent: Decimal = 30, standardTurnaround: StandardTurnaround = .standard, version: Int = 1
    ) {
        self.effortGrid = effortGrid
        self.defaultCostRates = defaultCostRates
        self.marginFloorPercent = marginFloorPercent
        self.standardTurnaround = standardTurnaround
        self.version = version
    }

    public static let standard = PricingSettings()
}
