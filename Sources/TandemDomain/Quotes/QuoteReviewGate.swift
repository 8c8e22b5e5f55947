import Foundation

/// The admin's extra review triggers. A new organisation has them all off; the demo turns on
/// only the value trigger.
public struct QuoteReviewSettings: Hashable, Codable, Sendable {
    public var newClient: Bool
    public var newPair: Bool
    public var highValue: Bool
    /// Above this (in the base currency) `high_value` applies when `highValue` is on.
    public var valueThreshold: Decimal?
    public var incompleteBrief: Bool

    public init(
        newClient: Bool = false, newPair: Bool = false, highValue: Bool = false, valueThreshold: Decimal? = nil,
        incompleteBrief: Bool = false
    ) {
        self.newClient = newClient
        self.newPair = newPair
        self.highValue = highValue
        self.valueThreshold = valueThreshold
        self.incompleteBrief = incompleteBrief
    }

    public static let initial = QuoteReviewSettings()
}

/// What the gate knows about a quote when it is submitted.
public struct QuoteGateFacts: Sendable, Equatable {
    /// The worst verdict over the targets: green, amber or red (nil: not checked, counts as not green).
    public var verdict: String?
    public var belowMarginFloor: Bool
    /// The account has no won deal yet.
    public var newClient: Bool
    /// A language pair (or domain) not delivered before.
    public var newPair: Bool
    /// The quote's total in the base currency.
    public var valueInBase: Decimal?
    public var briefComplete: Bool

    public init(
        verdict: String?, belowMarginFloor: Bool, newClient: Bool = false, newPair: Bool = false,
        valueInBase: Decimal? = nil, briefComplete: Bool = true
    ) {
        self.verdict = verdict
        self.belowMarginFloor = belowMarginFloor
        self.newClient = newClient
        self.newPair = newPair
        self.valueInBase = valueInBase
        self.briefComplete = briefComplete
    }
}

/// The review gate: a submitted quote goes to PM review when it is not green, is below the margin
/// floor, or an extra trigger the admin turned on applies; otherwise it is approved at once.
public enum QuoteReviewGate {
    public static func reasons(_ facts: QuoteGateFacts, settings: QuoteReviewSettings) -> [ReviewReason] {
        var reasons: [ReviewReason] = []
        if facts.verdict != "green" { reasons.append(.notGreen) }
        if facts.belowMarginFloor { reasons.append(.belowMarginFloor) }
        if settings.newClient && facts.newClient { reasons.append(.newClient) }
        if settings.newPair && facts.newPair { reasons.append(.newPair) }
        if settings.highValue, let threshold = settings.valueThreshold, let value = facts.valueInBase, value > threshold
        {
            reasons.append(.highValue)
        }
        if settings.incompleteBrief && !facts.briefComplete { reasons.append(.incompleteBrief) }
        return reasons
    }

    /// The status after submitting: in review with reasons, approved without.
    public static func status(for reasons: [ReviewReason]) -> QuoteStatus { reasons.isEmpty ? .approved : .inReview }

    /// The worst of several verdicts (red over amber over green); nil for none.
    public static func worst(_ verdicts: [String]) -> String? {
        if verdicts.isEmpty { return nil }
        if verdicts.contains("red") { return "red" }
        if verdicts.contains("amber") { return "amber" }
        return verdicts.allSatisfy { $0 == "green" } ? "green" : "red"
    }
}
