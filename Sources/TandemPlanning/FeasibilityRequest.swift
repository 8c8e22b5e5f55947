import Foundation
import TandemDomain

/// One step of a target's workflow: a service over a number of words.
public struct StepRequest: Hashable, Sendable, Codable {
    public var service: Service
    public var words: Int
    public init(service: Service, words: Int) {
        self.service = service
        self.words = words
    }
}

/// One target language and its ordered chain of steps.
public struct TargetRequest: Hashable, Sendable, Codable {
    public var source: LanguageTag
    public var target: LanguageTag
    public var steps: [StepRequest]
    public init(source: LanguageTag, target: LanguageTag, steps: [StepRequest]) {
        self.source = source
        self.target = target
        self.steps = steps
    }
}

/// "Can we deliver this by then?": the work of a quote and its requested deadline.
public struct FeasibilityRequest: Hashable, Sendable, Codable {
    public var start: Instant
    public var deadline: Instant
    public var maxVendorsPerStep: Int
    public var targets: [TargetRequest]
    /// Chosen first when they can finish a step as early as anyone.
    public var preferredVendors: [VendorID]
    /// Never planned.
    public var excludedVendors: [VendorID]
    /// How costs in different currencies compare when the planner prefers the cheaper vendor;
    /// nil: only costs in the same currency are compared (see `CostKey`).
    public var exchangeRates: ExchangeRates?

    public init(
        start: Instant, deadline: Instant, maxVendorsPerStep: Int = 1, targets: [TargetRequest],
        preferredVendors: [VendorID] = [], excludedVendors: [VendorID] = [], exchangeRates: ExchangeRates? = nil
    ) {
        self.exchangeRates = exchangeRates
        self.start = start
        self.deadline = deadline
        self.maxVendorsPerStep = maxVendorsPerStep
        self.targets = targets
        self.preferredVendors = preferredVendors
        self.excludedVendors = excludedVendors
    }
}

/// Rates for comparing per-word costs in one currency: one unit of each listed currency is
/// worth `rates[code]` units of `currency` (with `currency` EUR, `"USD": 0.92`). Costs are never
/// added across currencies; these rates only order vendors and plans by cost.
public struct ExchangeRates: Hashable, Sendable, Codable {
    public var currency: CurrencyCode
    /// By ISO code (`USD`); each rate is positive.
    public var rates: [String: Decimal]

    public init(currency: CurrencyCode, rates: [String: Decimal]) {
        self.currency = currency
        self.rates = rates
    }

    /// The value of one unit of `other` in `currency`, or nil if no rate is given.
    public func rate(for other: CurrencyCode) -> Decimal? { other == currency ? 1 : rates[other.code] }
}
