import Foundation

/// One period of the parity dashboard (docs/guidance.md gives each definition).
public struct ParityPeriod: Sendable, Equatable, Codable {
    public var start: Date
    public var end: Date
    /// Promises made (first version created) in the period, and of those the ones kept and broken
    /// as they stand now (the shared definitions of docs/metrics.md).
    public var promisesMade = 0
    public var promisesKept = 0
    public var promisesBroken = 0
    /// Review decisions taken in the period, by decision.
    public var reviewApproved = 0
    public var reviewChanged = 0
    public var reviewRejected = 0
    /// Of the quotes decided in the period (any decision), those accepted by the client since, and
    /// those lost or expired since.
    public var reviewedWon = 0
    public var reviewedLost = 0
    /// Promises delivered in the period, and of those the ones whose actual cost broke the margin
    /// floor (margin leakage from quote to delivery).
    public var delivered = 0
    public var deliveredBelowFloor = 0
    /// Margin leakage in money: Σ quoted margin − Σ delivered margin of the promises delivered in
    /// the period, per currency as SQL summed it (price and cost currencies apart) …
    public var leakedSums: CurrencySums = [:]
    /// … and in the base currency at the rate of the period's last day (nil until converted);
    /// currencies without a rate are left out and listed in `unconverted`.
    public var marginLeakage: Money?
    public var unconverted: [CurrencyCode] = []
    /// Threads (any record) where both a sales rep and a PM commented in the period.
    public var crossTeamThreads = 0
    /// Working groups started and shadowing sessions held (logged) in the period.
    public var workingGroups = 0
    public var shadowingSessions = 0

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// kept ÷ (kept + broken), nil when none is judged.
    public var onTimeRate: Decimal? {
        promisesKept + promisesBroken == 0 ? nil : Decimal(promisesKept) / Decimal(promisesKept + promisesBroken)
    }

    public var reviewDecisions: Int { reviewApproved + reviewChanged + reviewRejected }

    /// The share of the period's deliveries that broke the margin floor, nil without deliveries.
    public var leakageRate: Decimal? {
        delivered == 0 ? nil : Decimal(deliveredBelowFloor) / Decimal(delivered)
    }
}

/// The SQL aggregations behind client-fit guidance and the parity dashboard.
public protocol GuidanceStore: Sendable {
    /// Per pair (all pairs with judged or delivered promises when `pairs` is nil): the record of its
    /// last `recent` judged promises (source language from the project's opportunity).
    func pairRecords(_ pairs: [LanguagePair]?, recent: Int, now: Date) async throws -> [PairRecord]
    /// Approved vendors per pair (all pairs when nil) and, when `domain` is given, those approved
    /// for that domain too.
    func bench(_ pairs: [LanguagePair]?, domain: String?) async throws -> [PairBench]
    /// Every domain (lower case) some approved capability of an approved vendor names.
    func vendorDomains() async throws -> Set<String>
    /// The parity figures for each period between consecutive `bounds`.
    func parity(bounds: [Date], now: Date) async throws -> [ParityPeriod]
}

/// Approved vendors in one pair: how many, how many for the asked domain, and the services and
/// domains they cover.
public struct PairBench: Sendable, Equatable {
    public var pair: LanguagePair
    public var vendors: Int
    public var domainVendors: Int?
    public var services: [String]
    public var domains: [String]

    public init(pair: LanguagePair, vendors: Int, domainVendors: Int?, services: [String], domains: [String]) {
        self.pair = pair
        self.vendors = vendors
        self.domainVendors = domainVendors
        self.services = services
        self.domains = domains
    }
}
