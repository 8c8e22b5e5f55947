import Foundation

/// Which promises the ledger shows; nil fields do not filter. `from`/`to` bound the promised
/// delivery instant (`to` excluded).
public struct LedgerFilter: Sendable, Equatable {
    public var statuses: Set<PromiseStatus>?
    public var projectID: Project.ID?
    public var accountID: Account.ID?
    public var salesOwnerID: User.ID?
    public var pmID: User.ID?
    public var from: Date?
    public var to: Date?

    public init(
        statuses: Set<PromiseStatus>? = nil, projectID: Project.ID? = nil, accountID: Account.ID? = nil,
        salesOwnerID: User.ID? = nil, pmID: User.ID? = nil, from: Date? = nil, to: Date? = nil
    ) {
        self.statuses = statuses
        self.projectID = projectID
        self.accountID = accountID
        self.salesOwnerID = salesOwnerID
        self.pmID = pmID
        self.from = from
        self.to = to
    }
}

/// The ledger's counts over a filter (its status filter aside), with statuses judged at `now`.
public struct LedgerTotals: Hashable, Codable, Sendable {
    public var made: Int
    public var onTrack: Int
    public var atRisk: Int
    public var kept: Int
    public var broken: Int
    public var renegotiated: Int
    public var marginAtRisk: Int
    public init(
        made: Int = 0, onTrack: Int = 0, atRisk: Int = 0, kept: Int = 0, broken: Int = 0, renegotiated: Int = 0,
        marginAtRisk: Int = 0
    ) {
        self.made = made
        self.onTrack = onTrack
        self.atRisk = atRisk
        self.kept = kept
        self.broken = broken
        self.renegotiated = renegotiated
        self.marginAtRisk = marginAtRisk
    }
}

/// Where a ledger page starts: after this promise (delivery instant newest first, then id).
public struct LedgerCursor: Hashable, Codable, Sendable {
    public var deliveryDate: Date
    public var id: UUID
    public init(deliveryDate: Date, id: UUID) {
        self.deliveryDate = deliveryDate
        self.id = id
    }
}

/// A vendor's quality score in one language pair.
public struct PairQuality: Hashable, Codable, Sendable {
    public var vendorID: VendorProfile.ID
    public var pair: LanguagePair
    public var score: Int
    public var evaluations: Int
    public var updatedAt: Date
    public init(vendorID: VendorProfile.ID, pair: LanguagePair, score: Int, evaluations: Int, updatedAt: Date) {
        self.vendorID = vendorID
        self.pair = pair
        self.score = score
        self.evaluations = evaluations
        self.updatedAt = updatedAt
    }
}

/// The promise ledger's storage: promise states and versions, deliveries, evaluations,
/// complaints, change orders and the clients' time zones (docs/ledger.md).
public protocol LedgerStore: Sendable {
    func entry(_ id: Promise.ID, now: Date) async throws -> LedgerPromise?
    func entries(of projectID: Project.ID, now: Date) async throws -> [LedgerPromise]
    /// One page, statuses judged again at `now` in SQL (an open promise past its instant and
    /// undelivered reads broken); delivery instant newest first.
    func page(_ filter: LedgerFilter, now: Date, after: LedgerCursor?, limit: Int) async throws -> [LedgerPromise]
    /// Counts in one SQL query, judged like `page`; the filter's statuses are ignored.
    func totals(_ filter: LedgerFilter, now: Date) async throws -> LedgerTotals

    /// Writes the stored status and ledger state of promises (inserting the state where missing).
    func saveStates(_ states: [(Promise.ID, PromiseStatus, PromiseState)]) async throws
    /// Moves the promise's terms to a new version and stores it (after `original`, version 1,
    /// when it was never stored); false when the promise's version is no longer
    /// `version.number - 1` (someone else changed it first).
    func applyVersion(_ version: PromiseVersion, original: PromiseVersion?, status: PromiseStatus, state: PromiseState)
        async throws -> Bool
    func addVersions(_ versions: [PromiseVersion]) async throws
    /// Oldest first.
    func versions(of promiseID: Promise.ID) async throws -> [PromiseVersion]
    func addPromises(_ promises: [Promise]) async throws

    func addDeliveries(_ deliveries: [ClientDelivery]) async throws
    func deliveries(of promiseID: Promise.ID) async throws -> [ClientDelivery]
    func delivery(_ id: ClientDelivery.ID) async throws -> ClientDelivery?

    func addEvaluations(_ evaluations: [QualityEvaluation]) async throws
    func evaluations(vendorID: VendorProfile.ID, pair: LanguagePair) async throws -> [QualityEvaluation]
    func evaluations(projectID: Project.ID) async throws -> [QualityEvaluation]
    func savePairQuality(_ quality: PairQuality) async throws
    func pairQuality(of vendorID: VendorProfile.ID) async throws -> [PairQuality]

    func addComplaints(_ complaints: [Complaint]) async throws
    func complaints(of promiseID: Promise.ID) async throws -> [Complaint]

    func nextChangeOrderNumber(_ projectID: Project.ID) async throws -> Int
    func saveChangeOrder(_ order: ChangeOrder) async throws
    func changeOrder(_ id: ChangeOrder.ID) async throws -> ChangeOrder?
    func changeOrders(of projectID: Project.ID) async throws -> [ChangeOrder]

    /// The client's IANA zone; nil follows the organisation's.
    func timeZone(of accountID: Account.ID) async throws -> String?
    func setTimeZone(_ zone: String?, of accountID: Account.ID) async throws
}
