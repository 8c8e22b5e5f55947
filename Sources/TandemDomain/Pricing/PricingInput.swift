import Foundation

/// What a quote asks to price: analysed lines per target × service, manual lines, discounts and
/// the turnaround asked for (per target when deliveries are staggered).
public struct PricingInput: Hashable, Sendable, Codable {
    public var source: LanguageTag
    public var lines: [PricingLine]
    public var manualLines: [ManualLine]
    public var discounts: [Discount]
    /// The turnaround of every target, unless `turnaroundByTarget` names the target.
    public var turnaround: Turnaround?
    public var turnaroundByTarget: [LanguageTag: Turnaround]

    public init(
        source: LanguageTag, lines: [PricingLine], manualLines: [ManualLine] = [], discounts: [Discount] = [],
        turnaround: Turnaround? = nil, turnaroundByTarget: [LanguageTag: Turnaround] = [:]
    ) {
        self.source = source
        self.lines = lines
        self.manualLines = manualLines
        self.discounts = discounts
        self.turnaround = turnaround
        self.turnaroundByTarget = turnaroundByTarget
    }

    public func turnaround(for target: LanguageTag) -> Turnaround? { turnaroundByTarget[target] ?? turnaround }
}

/// One target × service. Word and character prices read `tallies`; hour, page and fixed prices
/// read `quantity` (a fixed price counts 1 when no quantity is given).
public struct PricingLine: Hashable, Sendable, Codable {
    public var target: LanguageTag
    public var service: LinguisticService
    public var tallies: BandTallies?
    public var unit: PriceUnit?
    public var quantity: Decimal?

    public init(target: LanguageTag, service: LinguisticService, tallies: BandTallies) {
        self.target = target
        self.service = service
        self.tallies = tallies
    }

    public init(target: LanguageTag, service: LinguisticService, unit: PriceUnit, quantity: Decimal) {
        self.target = target
        self.service = service
        self.unit = unit
        self.quantity = quantity
    }
}

/// A line typed by the rep (DTP pages, hours, file engineering, certification). With a target it
/// counts towards that target's minimum and rush; without one it stands apart, after the PM fee.
public struct ManualLine: Hashable, Sendable, Codable {
    public var target: LanguageTag?
    public var description: String
    public var unit: PriceUnit
    public var quantity: Decimal
    public var unitPrice: Decimal

    public init(target: LanguageTag?, description: String, unit: PriceUnit, quantity: Decimal, unitPrice: Decimal) {
        self.target = target
        self.description = description
        self.unit = unit
        self.quantity = quantity
        self.unitPrice = unitPrice
    }
}

/// A discount on the whole quote: a percent of everything before discounts, or an amount.
public struct Discount: Hashable, Sendable, Codable {
    public enum Kind: String, Codable, Sendable { case percent, amount }
    public var description: String
    public var kind: Kind
    public var value: Decimal

    public init(description: String, kind: Kind, value: Decimal) {
        self.description = description
        self.kind = kind
        self.value = value
    }

    public static func percent(_ value: Decimal, _ description: String = "") -> Discount {
        Discount(description: description, kind: .percent, value: value)
    }
    public static func amount(_ value: Decimal, _ description: String = "") -> Discount {
        Discount(description: description, kind: .amount, value: value)
    }
}

/// A priced line. `weightedWords` is the billable count: weighted words (or characters) for
/// analysed lines, exact and never rounded; the quantity for hours, pages and fixed lines.
public struct PricedLine: Hashable, Sendable, Codable {
    public var target: LanguageTag?
    public var service: LinguisticService?
    public var description: String?
    public var unit: PriceUnit
    public var bands: BandTallies?
    public var weightedWords: Decimal
    public var unitPrice: Money
    public var price: Money
    public var isManual: Bool
}

/// A target language's lines and what follows from them: the minimum and the rush surcharge.
public struct PricedTarget: Hashable, Sendable, Codable {
    public var language: LanguageTag
    public var lines: [PricedLine]
    /// The sum of the lines, each already rounded.
    public var linesTotal: Money
    public var minimumCharge: Money
    public var minimumApplied: Bool
    /// The lines' sum raised to the minimum: the base of the rush surcharge.
    public var afterMinimum: Money
    public var turnaround: Turnaround?
    public var rushTier: RushTier?
    public var rushSurcharge: Money
    public var total: Money
}

public struct PricedDiscount: Hashable, Sendable, Codable {
    public var discount: Discount
    public var amount: Money
}

/// A priced quote version, with the rate card version it was priced with.
public struct PricedQuote: Hashable, Sendable, Codable {
    public var rateCardID: RateCard.ID
    public var rateCardVersion: Int
    public var currency: CurrencyCode
    public var targets: [PricedTarget]
    /// Manual lines with no target.
    public var otherLines: [PricedLine]
    public var targetsTotal: Money
    public var pmFeePercent: Decimal
    public var pmFee: Money
    public var beforeDiscounts: Money
    public var discounts: [PricedDiscount]
    public var total: Money

    /// Every line, target by target then the others.
    public var allLines: [PricedLine] { targets.flatMap(\.lines) + otherLines }
}
