import Foundation

/// What Tandem knows about one language pair (and, where asked, one subject domain) when it
/// guides sales: the bench, the delivered record and the free capacity. Figures, not verdicts:
/// `FitScore` turns them into a score and reasons.
public struct PairCapability: Sendable, Equatable, Codable {
    /// Approved vendors (an approved vendor with an approved capability in the pair).
    public var approvedVendors: Int
    /// Of those, the ones approved for `domain` (nil when no domain was asked).
    public var domainVendors: Int?
    public var domain: String?
    /// The last judged promises of the pair (at most `FitScore.recentJobs`), newest first: how many
    /// were judged (kept or broken) and how many kept.
    public var judged: Int
    public var kept: Int
    /// Delivered promises of the pair in that window, and how many of them stayed within the
    /// margin floor (no margin-at-risk flag).
    public var delivered: Int
    public var atMargin: Int
    /// Free vendor hours in the pair in the next 4, 8 and 12 weeks (the capacity heatmap).
    public var freeHours4: Int
    public var freeHours8: Int
    public var freeHours12: Int
    /// The typical job kept at margin in that window: mean weighted words, mean days from the
    /// promise to its delivery date (nil without such a job).
    public var typicalWords: Int?
    public var typicalDays: Int?

    public init(
        approvedVendors: Int = 0, domainVendors: Int? = nil, domain: String? = nil, judged: Int = 0, kept: Int = 0,
        delivered: Int = 0, atMargin: Int = 0, freeHours4: Int = 0, freeHours8: Int = 0, freeHours12: Int = 0,
        typicalWords: Int? = nil, typicalDays: Int? = nil
    ) {
        self.typicalWords = typicalWords
        self.typicalDays = typicalDays
        self.approvedVendors = approvedVendors
        self.domainVendors = domainVendors
        self.domain = domain
        self.judged = judged
        self.kept = kept
        self.delivered = delivered
        self.atMargin = atMargin
        self.freeHours4 = freeHours4
        self.freeHours8 = freeHours8
        self.freeHours12 = freeHours12
    }

    /// The vendors that count for the bench: those approved for the domain when one is asked.
    public var bench: Int { domainVendors ?? approvedVendors }
}

/// The ledger's record of one pair, as the store aggregates it.
public struct PairRecord: Sendable, Equatable {
    public var pair: LanguagePair
    public var judged: Int
    public var kept: Int
    public var delivered: Int
    public var atMargin: Int
    public var typicalWords: Int?
    public var typicalDays: Int?

    public init(
        pair: LanguagePair, judged: Int, kept: Int, delivered: Int, atMargin: Int, typicalWords: Int? = nil,
        typicalDays: Int? = nil
    ) {
        self.typicalWords = typicalWords
        self.typicalDays = typicalDays
        self.pair = pair
        self.judged = judged
        self.kept = kept
        self.delivered = delivered
        self.atMargin = atMargin
    }
}
