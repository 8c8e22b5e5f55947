import TandemDomain

public enum Verdict: String, Sendable, Codable, Hashable {
    case green, amber, red
}

/// One vendor's share of a step.
public struct PlannedAssignment: Hashable, Sendable, Codable {
    public var vendor: VendorID
    /// In the step's unit (pages, or minutes of work for hour steps).
    public var words: Int
    public var start: Instant
    public var end: Instant
    /// The vendor's cost: price (rush price on a rush request) × the amount (weighted by the
    /// grid for word prices), at least the minimum fee, in the vendor's currency.
    public var cost: Money
}

public struct PlannedStep: Hashable, Sendable, Codable {
    public var service: Service
    /// The amount in `unit`: words, pages, or minutes of work for hour steps.
    public var words: Int
    /// nil for word steps (so word plans read as before); `page` or `hour` otherwise.
    public var unit: WorkUnit?
    public var start: Instant
    public var end: Instant
    public var assignments: [PlannedAssignment]
}

public struct PlannedTarget: Hashable, Sendable, Codable {
    public var source: LanguageTag
    public var target: LanguageTag
    /// nil when no plan exists (no vendor, or not within the horizon).
    public var delivery: Instant?
    public var steps: [PlannedStep]
}

/// The answer to a `FeasibilityRequest`.
public struct FeasibilityResult: Hashable, Sendable, Codable {
    public var verdict: Verdict
    /// nil when some target cannot be planned at all.
    public var earliestDelivery: Instant?
    public var deadline: Instant
    /// Probability of meeting the deadline given tentative work and throughput variance, 0...1.
    public var confidence: Double
    /// Delivery when tentative work takes its probability-weighted share of the vendors' time.
    public var riskAdjustedDelivery: Instant?
    public var targets: [PlannedTarget]
    /// Why, most important first, as codes with arguments (see `FeasibilityReason`).
    public var reasons: [FeasibilityReason]
    /// Total vendor cost per currency.
    public var cost: [Money]
    /// The total in the base currency, when the request's exchange rates are `complete`.
    public var baseCost: Money?
}
