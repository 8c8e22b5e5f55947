import Foundation
import TandemDomain
import TandemPlanning

/// Everything the quote page and the API show about one quote: the analysis per file and band,
/// the lines, totals in the client's and the base currency, cost and margin against the floor,
/// the live feasibility per target (without the quote's own holds), the review reasons and the
/// versions. Sales and the PM see the same sheet (the page redacts vendors for sales).
public struct QuoteSheet: Sendable {
    public struct VersionSummary: Sendable, Equatable {
        public var number: Int
        public var createdAt: Date
        public var createdBy: User.ID
        public var sentAt: Date?
        public var note: String
        public var total: Money
    }

    /// The whole quote's feasibility: the worst verdict, the latest earliest delivery, the lowest
    /// confidence, every reason; `checks` holds the engine's answers (plans) per delivery group.
    public struct Feasibility: Sendable {
        public var verdict: String?
        public var earliestDelivery: Date?
        public var confidence: Decimal?
        public var reasons: [FeasibilityReason]
        public var targets: [TargetFeasibility]
        public var checks: [QuoteFeasibility.Check]
    }

    public var quote: Quote
    public var version: QuoteVersion
    public var versions: [VersionSummary]
    public var accountName: String
    public var opportunity: Opportunity?
    public var files: [QuoteFile]
    public var analysis: QuoteAnalysis?
    public var marginFloor: Decimal?
    public var belowMarginFloor: Bool
    public var feasibility: Feasibility
    public var projectID: Project.ID?
    /// Since when a review request has waited.
    public var waitingSince: Date?

    public static func load(_ id: Quote.ID, for user: User, env: AppEnvironment, capacity: CapacityService?)
        async throws -> QuoteSheet
    {
        guard Policy.permits(user, .viewQuotes) else { throw QuoteManagement.forbidden }
        let stores = env.stores
        guard let quote = try await stores.quoteStores.quotes.find(id: id) else { throw DomainError.quoteNotFound }
        let versions = try await stores.quoteStores.quotes.versions(of: id)
        guard let version = versions.first(where: { $0.number == quote.currentVersion }) else {
            throw DomainError.quoteNotFound
        }
        let floor = try await stores.pricing.settings.marginFloor(for: quote.accountID).percent
        var feasibility = Feasibility(
            verdict: QuoteReviewGate.worst(version.feasibility.map(\.verdict)),
            earliestDelivery: version.feasibility.compactMap(\.earliestDelivery).max(),
            confidence: version.feasibility.map(\.confidence).min(), reasons: [], targets: version.feasibility,
            checks: [])
        if let capacity, quote.status.isOpen, !version.lines.isEmpty {
            let own = try await QuoteFeasibility.holds(of: quote, in: stores)
            let plan = try await QuoteWorkflowPlan.load(from: stores)
            let checks = QuoteFeasibility.checkEveryOption(
                version, ownHolds: own, on: try await capacity.snapshot(), plan: plan, now: env.now)
            if !checks.isEmpty { feasibility = Self.feasibility(checks) }
        }
        return QuoteSheet(
            quote: quote, version: version,
            versions: versions.map {
                VersionSummary(
                    number: $0.number, createdAt: $0.createdAt, createdBy: $0.createdBy, sentAt: $0.sentAt,
                    note: $0.note, total: $0.totals.total)
            },
            accountName: try await stores.accounts.find(id: quote.accountID)?.name ?? "",
            opportunity: try await stores.pipeline.opportunities.find(id: quote.opportunityID),
            files: try await stores.quoteStores.files.files(of: id),
            analysis: try await stores.quoteStores.analyses.latestDone(of: id), marginFloor: floor,
            belowMarginFloor: try await QuoteMargins.belowFloor(version.totals, account: quote.accountID, in: stores),
            feasibility: feasibility, projectID: try await stores.quoteStores.projects.find(quoteID: id)?.id,
            waitingSince: quote.status == .inReview ? quote.statusChangedAt : nil)
    }

    static func feasibility(_ checks: [QuoteFeasibility.Check]) -> Feasibility {
        let results = checks.map(\.result)
        let deliveries = results.map(\.earliestDelivery)
        return Feasibility(
            verdict: QuoteReviewGate.worst(results.map(\.verdict.rawValue)),
            earliestDelivery: deliveries.contains { $0 == nil } ? nil : deliveries.compactMap { $0?.date }.max(),
            confidence: results.map { Decimal($0.confidence).rounded(scale: 2) }.min(),
            reasons: results.flatMap(\.reasons), targets: QuoteFeasibility.summary(checks), checks: checks)
    }

    /// The lines of the version (all options).
    public var lines: [QuoteLine] { version.lines }
}

/// What changed between two versions: deliveries, lines added, removed or changed, the total.
public struct QuoteVersionDiff: Sendable, Equatable {
    public struct LineChange: Sendable, Equatable {
        public var before: QuoteLine?
        public var after: QuoteLine?
    }
    public struct DeliveryChange: Sendable, Equatable {
        public var target: LanguageTag
        public var before: Date?
        public var after: Date?
    }

    public var from: Int
    public var to: Int
    public var deliveries: [DeliveryChange]
    public var lines: [LineChange]
    public var totalBefore: Money
    public var totalAfter: Money
    /// Why the newer version was made (the PM's reason for changes).
    public var note: String

    public init(_ a: QuoteVersion, _ b: QuoteVersion) {
        from = a.number
        to = b.number
        let before = Dictionary(a.targets.map { ($0.language, $0.delivery) }, uniquingKeysWith: { x, _ in x })
        let after = Dictionary(b.targets.map { ($0.language, $0.delivery) }, uniquingKeysWith: { x, _ in x })
        deliveries = Set(before.keys).union(after.keys).sorted { $0.description < $1.description }.compactMap {
            before[$0] == after[$0] ? nil : DeliveryChange(target: $0, before: before[$0], after: after[$0])
        }
        let old = Dictionary(a.lines.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let new = Dictionary(b.lines.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        var changes: [LineChange] = []
        for line in a.lines where new[line.id] == nil { changes.append(LineChange(before: line, after: nil)) }
        for line in b.lines {
            if let previous = old[line.id] {
                if previous != line { changes.append(LineChange(before: previous, after: line)) }
            } else {
                changes.append(LineChange(before: nil, after: line))
            }
        }
        lines = changes
        totalBefore = a.totals.total
        totalAfter = b.totals.total
        note = b.note
    }

    public var isEmpty: Bool { deliveries.isEmpty && lines.isEmpty && totalBefore == totalAfter }
}
