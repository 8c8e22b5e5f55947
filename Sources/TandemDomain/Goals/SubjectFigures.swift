import Foundation

/// Amounts summed per currency: SQL sums each currency apart, the metrics convert them to the
/// base currency with the rate of the period's last day (docs/metrics.md, "Money").
public typealias CurrencySums = [CurrencyCode: Decimal]

extension Dictionary where Key == CurrencyCode, Value == Decimal {
    public mutating func add(_ amount: Decimal, _ currency: CurrencyCode) { self[currency, default: 0] += amount }
}

/// The raw sums the store aggregates in SQL for one subject and one period: the metrics are
/// computed from these alone (`ScorecardMetrics.compute`).
public struct SubjectFigures: Hashable, Sendable {
    /// The user's, account's or pair's id (`en>fr` for a pair, `all` for the team).
    public var subjectID: String
    // Promises made in the period (created; cancelled ones left out).
    public var made = 0
    public var kept = 0
    public var broken = 0
    /// Σ the first version's price of the promises made.
    public var quotedPrice: CurrencySums = [:]
    /// Σ the accepted quote version's line costs for those promises' targets.
    public var quotedCost: CurrencySums = [:]
    // Promises delivered in the period.
    public var delivered = 0
    /// Delivered on or before the first version's instant.
    public var deliveredOnFirstDate = 0
    /// Delivered without a justified complaint.
    public var deliveredWithoutComplaint = 0
    /// Σ the price in force of the promises delivered.
    public var deliveredPrice: CurrencySums = [:]
    /// Σ the actual vendor cost recorded with their deliveries.
    public var deliveredCost: CurrencySums = [:]
    /// Σ the quoted cost of the promises delivered (for the cost accuracy).
    public var deliveredQuotedCost: CurrencySums = [:]
    /// Σ the first version's price of the promises delivered (the parity's margin leakage).
    public var deliveredFirstPrice: CurrencySums = [:]
    /// Delivered with their margin below the floor (the parity dashboard).
    public var deliveredBelowFloor = 0
    /// Σ seconds from the project's acceptance to the delivery, over `delivered`.
    public var wonToDeliveredSeconds: Double = 0
    // Quotes decided in the period (accepted, lost or expired).
    public var quotesDecided = 0
    public var quotesWon = 0
    // Projects accepted in the period: Σ seconds from the opportunity's creation.
    public var projectsWon = 0
    public var leadToWonSeconds: Double = 0
    // Quote reviews decided in the period: Σ seconds from the submission before each.
    public var reviews = 0
    public var reviewSeconds: Double = 0
    // Vendor jobs (in words, actual words recorded) of the promises delivered in the period.
    public var quotedWords = 0
    public var actualWords = 0

    public init(subjectID: String) { self.subjectID = subjectID }
}

/// One figure of a scorecard, named as in the API's `metrics` object.
public enum MetricName: String, CaseIterable, Codable, Sendable {
    case promisesMade, promisesKept, promisesBroken, onTimeRate
    case bookedRevenue, deliveredRevenue, quotedMargin, deliveredMargin, quotedMarginPercent, deliveredMarginPercent
    case costAccuracy, dateAccuracy, winRate, qualityScore, reviewTurnaroundHours, leadToWonDays, wonToDeliveredDays
    // Added later: kept last so the CSV's earlier columns keep their places.
    case wordAccuracy

    /// The records a figure counts, for its drill-down.
    public var records: DrillDown {
        switch self {
        case .promisesMade, .bookedRevenue, .quotedMargin, .quotedMarginPercent: return .promisesMade
        case .promisesKept: return .promisesKept
        case .promisesBroken: return .promisesBroken
        case .onTimeRate: return .promisesJudged
        case .deliveredRevenue, .deliveredMargin, .deliveredMarginPercent, .costAccuracy, .dateAccuracy,
            .qualityScore, .wonToDeliveredDays:
            return .promisesDelivered
        case .winRate: return .quotesDecided
        case .reviewTurnaroundHours: return .quotesReviewed
        case .wordAccuracy: return .jobsMeasured
        case .leadToWonDays: return .projectsWon
        }
    }
}

/// The record lists behind the figures.
public enum DrillDown: String, CaseIterable, Codable, Sendable {
    case promisesMade, promisesKept, promisesBroken, promisesJudged, promisesDelivered, quotesDecided, projectsWon
    /// Quote reviews decided in the period, each with its submission (review turnaround).
    case quotesReviewed
    /// Word jobs with actual words, of the promises delivered in the period (word accuracy).
    case jobsMeasured
}

/// One record of a drill-down list: a promise, a quote or a project, with the amounts the figure
/// adds up (in their own currency).
public struct DrillRow: Hashable, Sendable {
    public enum Kind: String, Sendable { case promise, quote, project, job }
    public var kind: Kind
    public var id: UUID
    /// The project's name (promises, jobs) or the quote's number.
    public var label: String
    public var accountName: String
    public var targetLanguage: String?
    /// When it counts in the period (made, delivered, decided, accepted).
    public var at: Date
    /// Judged promise status, or the quote's status.
    public var status: String
    public var quotedPrice: Money?
    public var quotedCost: Money?
    public var price: Money?
    public var cost: Money?
    /// A review's submission (the turnaround runs from it to `at`).
    public var submittedAt: Date?
    /// A job's words as quoted and as done (word accuracy).
    public var quotedWords: Int?
    public var actualWords: Int?

    public init(
        kind: Kind, id: UUID, label: String, accountName: String, targetLanguage: String? = nil, at: Date,
        status: String, quotedPrice: Money? = nil, quotedCost: Money? = nil, price: Money? = nil, cost: Money? = nil,
        submittedAt: Date? = nil, quotedWords: Int? = nil, actualWords: Int? = nil
    ) {
        self.kind = kind
        self.id = id
        self.label = label
        self.accountName = accountName
        self.targetLanguage = targetLanguage
        self.at = at
        self.status = status
        self.quotedPrice = quotedPrice
        self.quotedCost = quotedCost
        self.price = price
        self.cost = cost
        self.submittedAt = submittedAt
        self.quotedWords = quotedWords
        self.actualWords = actualWords
    }
}

/// What the metrics engine reads: SQL aggregates (`GROUP BY` subject), never rows loaded to sum.
public protocol MetricsStore: Sendable {
    /// Every subject with figures in `[from, to)`; `subjectID` narrows to one. `now` judges open
    /// promises past their instant as broken (as the ledger does).
    func figures(_ subject: ScorecardSubject, from: Date, to: Date, now: Date, subjectID: String?) async throws
        -> [SubjectFigures]
    /// Brings the maintained roll-up the figures are read from up to date with every write since
    /// the last refresh (reads do it too; this keeps them short).
    func refreshRollup() async throws -> MetricsRollupRefresh
    /// The records behind a figure, oldest first, at most `limit`.
    func drillDown(
        _ list: DrillDown, subject: ScorecardSubject, subjectID: String, from: Date, to: Date, now: Date, limit: Int
    ) async throws -> [DrillRow]
}

/// What one refresh of the metrics roll-up computed again.
public struct MetricsRollupRefresh: Sendable, Equatable {
    public var days = 0
    public var months = 0
    public var rows = 0
    public init(days: Int = 0, months: Int = 0, rows: Int = 0) {
        self.days = days
        self.months = months
        self.rows = rows
    }
}
