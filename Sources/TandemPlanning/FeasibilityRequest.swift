import Foundation
import TandemDomain

/// One step of a target's workflow: a service over an amount of work in `unit`s.
public struct StepRequest: Hashable, Sendable, Codable {
    public var service: Service
    /// The amount in `unit`: words, pages, or minutes of work for `.hour` (2.5 h is 150).
    /// Named `words` because most steps count words.
    public var words: Int
    public var unit: WorkUnit
    /// Words per match band (summing to `words`), for vendors' weighting grids; nil: all new.
    public var bands: [MatchBand: Int]?

    public init(service: Service, words: Int, unit: WorkUnit = .word, bands: [MatchBand: Int]? = nil) {
        self.service = service
        self.words = words
        self.unit = unit
        self.bands = bands
    }

    /// A page-based step (DTP-like).
    public static func pages(_ service: Service, _ pages: Int) -> StepRequest {
        StepRequest(service: service, words: pages, unit: .page)
    }

    /// An hour-based step of `minutes` minutes of work.
    public static func hours(_ service: Service, minutes: Int) -> StepRequest {
        StepRequest(service: service, words: minutes, unit: .hour)
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
    /// A rush job: vendors' `rushPrice` applies where they have one.
    public var rush: Bool
    /// Vendors without a quality score of at least this (0–100) are never planned.
    public var minimumQuality: Int?
    /// The organisation's weighting grid, for vendors without their own.
    public var grid: CostGrid?

    public init(
        start: Instant, deadline: Instant, maxVendorsPerStep: Int = 1, targets: [TargetRequest],
        preferredVendors: [VendorID] = [], excludedVendors: [VendorID] = [], exchangeRates: ExchangeRates? = nil,
        rush: Bool = false, minimumQuality: Int? = nil, grid: CostGrid? = nil
    ) {
        self.exchangeRates = exchangeRates
        self.rush = rush
        self.minimumQuality = minimumQuality
        self.grid = grid
        self.start = start
        self.deadline = deadline
        self.maxVendorsPerStep = maxVendorsPerStep
        self.targets = targets
        self.preferredVendors = preferredVendors
        self.excludedVendors = excludedVendors
    }
}

/// Rates for comparing costs in one currency: one unit of each listed currency is worth
/// `rates[code]` units of `currency` (with `currency` EUR, `"USD": 0.92`).
///
/// Two modes. `complete == false` (the original `{"currency", "rates"}` shape): the rates only
/// order vendors and plans, and a currency without a rate is compared only with itself (see
/// `CostKey`). `complete == true` (the base-currency shape, `request.baseCurrency` with
/// `exchangeRates` as `{"USD": "0.92"}`): every candidate vendor's currency must have a rate
/// (a check without one is an input error naming the currency), and the result also gives the
/// plan's total in the base currency (`FeasibilityResult.baseCost`).
public struct ExchangeRates: Hashable, Sendable, Codable {
    public var currency: CurrencyCode
    /// By ISO code (`USD`); each rate is positive.
    public var rates: [String: Decimal]
    /// Every currency must have a rate; totals are also given in `currency`.
    public var complete: Bool

    public init(currency: CurrencyCode, rates: [String: Decimal], complete: Bool = false) {
        self.currency = currency
        self.rates = rates
        self.complete = complete
    }

    /// The value of one unit of `other` in `currency`, or nil if no rate is given.
    public func rate(for other: CurrencyCode) -> Decimal? { other == currency ? 1 : rates[other.code] }
}
