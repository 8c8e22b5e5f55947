import Foundation
import TandemDomain
import TandemPlanning

/// The page sales and PMs open together at a review: quotes waiting for a PM's review and for
/// how long, promises at risk, deals won and lost since the last review with their reasons, and
/// capacity hot spots (language pairs at least 75 % booked in a week of the next six). Pairs
/// only: the heatmap names no vendor, so sales may see all of it.
public struct JointReview: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct WaitingQuote: Sendable, Equatable {
        public var quote: Quote
        public var accountName: String
        public var waitingHours: Int
    }
    public struct PromiseAtRisk: Sendable, Equatable {
        public var promise: Promise
        public var projectName: String
    }
    public struct ClosedDeal: Sendable, Equatable {
        public var opportunity: Opportunity
        public var accountName: String
        public var won: Bool
        /// The lost reason's name and the note, or empty for a won deal.
        public var reason: String
        /// Its last stage move (the deal's timeline), or its last update for deals closed before
        /// stage moves were logged.
        public var closedAt: Date
    }
    public struct HotSpot: Sendable, Equatable {
        public var source: String
        public var target: String
        public var weekStart: Date
        /// Booked share of bookable time, in whole percent.
        public var bookedPercent: Int
    }
    public struct Board: Sendable, Equatable {
        /// The day deals are counted from: the last meeting held before today, else 30 days ago.
        public var since: Date
        public var waitingQuotes: [WaitingQuote]
        public var promisesAtRisk: [PromiseAtRisk]
        public var closedDeals: [ClosedDeal]
        public var hotSpots: [HotSpot]
    }

    public static let hotSpotShare = Decimal(string: "0.75")!
    public static let hotSpotWeeks = 6

    /// `heatmap` covers the next `hotSpotWeeks` weeks; `since` overrides the last meeting's day.
    public func board(heatmap: CapacityHeatmap, since: Date?, timeZone: TimeZone, by user: User) async throws -> Board {
        guard Policy.permits(user, .viewJointReview) else { throw Ideas.forbidden }
        let stores = env.stores
        let now = env.now
        var start = since
        if start == nil { start = try await lastMeetingStart(timeZone: timeZone) }
        let from = start ?? now.addingTimeInterval(-30 * 86_400)
        var accountNames: [Account.ID: String] = [:]
        func accountName(_ id: Account.ID) async throws -> String {
            if let name = accountNames[id] { return name }
            let name = try await stores.accounts.find(id: id)?.name ?? ""
            accountNames[id] = name
            return name
        }
        var waiting: [WaitingQuote] = []
        for quote in try await stores.quoteStores.quotes.list(QuoteFilter(statuses: [.inReview])) {
            let hours = max(0, Int(now.timeIntervalSince(quote.statusChangedAt) / 3600))
            waiting.append(
                WaitingQuote(quote: quote, accountName: try await accountName(quote.accountID), waitingHours: hours))
        }
        waiting.sort { $0.waitingHours > $1.waitingHours }
        var atRisk: [PromiseAtRisk] = []
        for project in try await stores.quoteStores.projects.list() {
            for promise in try await stores.quoteStores.projects.promises(of: project.id)
            where promise.status == .atRisk {
                atRisk.append(PromiseAtRisk(promise: promise, projectName: project.name))
            }
        }
        atRisk.sort { $0.promise.deliveryDate < $1.promise.deliveryDate }
        return Board(
            since: from, waitingQuotes: waiting, promisesAtRisk: atRisk,
            closedDeals: try await closedDeals(since: from, accountName: accountName),
            hotSpots: Self.hotSpots(in: heatmap))
    }

    private func lastMeetingStart(timeZone: TimeZone) async throws -> Date? {
        let today = LocalDate(env.now, in: timeZone)
        guard let last = try await env.stores.together.reviews.list().first(where: { $0.heldOn < today }) else {
            return nil
        }
        return last.heldOn.midnight(in: timeZone)
    }

    private func closedDeals(since: Date, accountName: (Account.ID) async throws -> String) async throws
        -> [ClosedDeal]
    {
        let stages = try await env.stores.pipeline.stages.list()
        let reasons = Dictionary(
            uniqueKeysWithValues: try await env.stores.pipeline.lostReasons.list().map { ($0.id, $0.name) })
        let closed = stages.filter { $0.outcome != .open }
        let won = Set(closed.filter { $0.outcome == .won }.map(\.id))
        var deals: [ClosedDeal] = []
        for opportunity in try await env.stores.pipeline.opportunities.list(
            OpportunityFilter(stageIDs: Set(closed.map(\.id))))
        where opportunity.updatedAt >= since {
            // When it was closed: its last stage move on the timeline (an edit since does not count);
            // deals closed before stage moves were logged fall back to their last update.
            let moves = try await env.stores.threads.events.list(
                on: .opportunity(opportunity.id.rawValue), after: nil, limit: 20)
            let closedAt = moves.first { $0.kind == .stageChanged }?.at ?? opportunity.updatedAt
            guard closedAt >= since else { continue }
            let isWon = won.contains(opportunity.stageID)
            let reason =
                isWon
                ? ""
                : [opportunity.lostReasonID.flatMap { reasons[$0] } ?? "", opportunity.lostNote]
                    .filter { !$0.isEmpty }.joined(separator: " — ")
            deals.append(
                ClosedDeal(
                    opportunity: opportunity, accountName: try await accountName(opportunity.accountID), won: isWon,
                    reason: reason, closedAt: closedAt))
        }
        return deals.sorted { $0.closedAt > $1.closedAt }
    }

    /// Pair-weeks whose confirmed bookings take at least 75 % of the bookable time.
    public static func hotSpots(in heatmap: CapacityHeatmap) -> [HotSpot] {
        var spots: [HotSpot] = []
        for row in heatmap.rows {
            for (index, week) in row.weeks.enumerated() where week.bookable > 0 && index < heatmap.bounds.count {
                let share = Decimal(week.booked) / Decimal(week.bookable)
                guard share >= hotSpotShare else { continue }
                spots.append(
                    HotSpot(
                        source: row.source, target: row.target, weekStart: heatmap.bounds[index],
                        bookedPercent: NSDecimalNumber(decimal: (share * 100).rounded(scale: 0)).intValue))
            }
        }
        return spots.sorted {
            ($0.weekStart, -$0.bookedPercent, $0.source, $0.target) < (
                $1.weekStart, -$1.bookedPercent, $1.source, $1.target
            )
        }
    }
}

extension LocalDate {
    /// Local midnight of this day in `timeZone`.
    public func midnight(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }
}
