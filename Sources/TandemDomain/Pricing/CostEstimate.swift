import Foundation

/// A vendor the capacity check proposed for a step, with what the cost estimate needs.
public struct CostVendor: Hashable, Sendable {
    public var vendorID: VendorProfile.ID
    public var currency: CurrencyCode
    /// The vendor's own grid; nil follows the organisation's vendor grid.
    public var grid: WeightingGrid?
    public var rates: [VendorRate]

    public init(vendorID: VendorProfile.ID, currency: CurrencyCode, grid: WeightingGrid?, rates: [VendorRate]) {
        self.vendorID = vendorID
        self.currency = currency
        self.grid = grid
        self.rates = rates
    }
}

/// What work costs when no vendor fits: per word, per page and per hour, in the base currency.
public struct DefaultCostRates: Hashable, Sendable, Codable {
    public var perWord: Decimal
    public var perPage: Decimal
    public var perHour: Decimal

    public init(perWord: Decimal, perPage: Decimal, perHour: Decimal) {
        self.perWord = perWord
        self.perPage = perPage
        self.perHour = perHour
    }

    public static let standard = DefaultCostRates(perWord: Decimal(string: "0.08")!, perPage: 6, perHour: 40)

    func rate(for unit: PriceUnit) -> Decimal {
        switch unit {
        case .word, .character: return perWord
        case .page: return perPage
        case .hour, .fixed: return perHour
        }
    }
}

/// The estimated cost of one workflow step, in the base currency.
public struct StepCost: Hashable, Sendable {
    public var step: WorkflowStep
    /// Nil for internal steps and where the default cost rate was used.
    public var vendorID: VendorProfile.ID?
    /// The count the vendor is paid on (vendor-weighted words, words, pages or hours).
    public var quantity: Decimal
    /// The cost in the vendor's currency, before conversion.
    public var original: Money?
    public var cost: Money
    public var exchangeRate: ExchangeRate?
    public var isDefaultRate: Bool
}

/// The estimated cost of a quote line: one cost per step of its workflow.
public struct LineCost: Hashable, Sendable {
    public var steps: [StepCost]
    public var total: Money
    /// True when any step fell back to the organisation's default cost rate.
    public var isDefaultRate: Bool { steps.contains { $0.isDefaultRate } }
}

/// Estimates a line's cost from the vendors the capacity check proposed, at their own current
/// rates, grids and minimum fees, converted to the base currency at the rate of `day`. Per step,
/// the first proposed vendor with a usable rate (and exchange rate) is taken; where none fits,
/// the organisation's default cost rate, marked. Internal steps cost nothing here (PM time is
/// paid by the PM fee).
public enum CostEstimate {
    public static func estimate(
        pair: LanguagePair, template: WorkflowTemplate, tallies: BandTallies?, quantity: Decimal?,
        vendors: [LinguisticService: [CostVendor]], exchangeRates: ExchangeRateTable, on day: LocalDate,
        defaults: DefaultCostRates, defaultVendorGrid: WeightingGrid = .goldenRule
    ) -> LineCost {
        let base = exchangeRates.base
        let steps = template.steps.map { step -> StepCost in
            if step.isInternal {
                return StepCost(
                    step: step, vendorID: nil, quantity: step.fixedHours ?? 0, original: nil, cost: .zero(base),
                    exchangeRate: nil, isDefaultRate: false)
            }
            for vendor in vendors[step.service] ?? [] {
                if let cost = vendorCost(
                    step, vendor: vendor, pair: pair, tallies: tallies, quantity: quantity, rates: exchangeRates,
                    day: day, defaultGrid: defaultVendorGrid)
                {
                    return cost
                }
            }
            let count = payableCount(step, tallies: tallies, quantity: quantity, grid: defaultVendorGrid)
            return StepCost(
                step: step, vendorID: nil, quantity: count, original: nil,
                cost: Money(count * defaults.rate(for: step.unit), base).rounded, exchangeRate: nil, isDefaultRate: true
            )
        }
        return LineCost(steps: steps, total: Money(steps.reduce(Decimal(0)) { $0 + $1.cost.amount }, base))
    }

    static func vendorCost(
        _ step: WorkflowStep, vendor: CostVendor, pair: LanguagePair, tallies: BandTallies?, quantity: Decimal?,
        rates: ExchangeRateTable, day: LocalDate, defaultGrid: WeightingGrid
    ) -> StepCost? {
        let unit: RateUnit = step.unit == .page ? .page : step.unit == .hour ? .hour : .word
        func current(_ unit: RateUnit) -> VendorRate? {
            vendor.rates.filter {
                $0.unit == unit && $0.service == step.service && $0.isValid(on: day)
                    && $0.pair.source.matchQuality(for: pair.source) != nil
                    && $0.pair.target.matchQuality(for: pair.target) != nil
            }.max {
                ($0.pair.source.matchQuality(for: pair.source)! * 10 + $0.pair.target.matchQuality(for: pair.target)!)
                    < ($1.pair.source.matchQuality(for: pair.source)! * 10 + $1.pair.target.matchQuality(
                        for: pair.target)!)
            }
        }
        guard let rate = current(unit) else { return nil }
        let count = payableCount(step, tallies: tallies, quantity: quantity, grid: vendor.grid ?? defaultGrid)
        var original = (rate.price * count).rounded
        if let minimum = current(.minimumFee), minimum.price.currency == original.currency,
            original.amount < minimum.price.amount
        {
            original = minimum.price.rounded
        }
        guard let conversion = rates.convert(original, on: day) else { return nil }
        return StepCost(
            step: step, vendorID: vendor.vendorID, quantity: count, original: original, cost: conversion.value.rounded,
            exchangeRate: conversion.rate, isDefaultRate: false)
    }

    /// The count a vendor is paid on: words weighted by the vendor's grid for translation-like
    /// steps, all words but context for revision, else the quantity.
    static func payableCount(
        _ step: WorkflowStep, tallies: BandTallies?, quantity: Decimal?, grid: WeightingGrid
    ) -> Decimal {
        guard let tallies else { return quantity ?? 0 }
        switch step.effort {
        case .weightedWords:
            return tallies.byBand.keys.sorted().reduce(Decimal(0)) { sum, band in
                let key = band == .repetition ? "repetitions" : band.rawValue
                return sum + tallies[band].words * Decimal(grid.percents[key] ?? 100) / 100
            }
        case .wordsExceptContext: return tallies.totalWords - tallies[.context].words
        case .quantity: return quantity ?? 0
        case .fixed: return step.fixedHours ?? 0
        }
    }
}
