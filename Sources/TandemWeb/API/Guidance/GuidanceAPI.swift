import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import TandemPersistence
import TandemPlanning
import Vapor

/// `GET /api/v1/fit/accounts/{id}`, `…/fit/opportunities/{id}`, `/api/v1/where-to-sell` and
/// `/api/v1/parity` (docs/guidance.md).
enum GuidanceAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.guidance(.accountFit(":id")), use: accountFit)
        api.on(.GET, APIRoute.guidance(.opportunityFit(":id")), use: opportunityFit)
        api.on(.GET, APIRoute.guidance(.whereToSell), use: whereToSell)
        api.on(.GET, APIRoute.guidance(.parity), use: parity)
    }

    struct FitBody: Content {
        var score: Int
        var reasons: [ReasonBody]
        var outsideCapability: Bool
        init(_ result: FitScore.Result, _ l: Localizer) {
            score = result.score
            reasons = result.reasons.map { FitText.body($0, l) }
            outsideCapability = result.outsideCapability
        }
    }

    @Sendable static func accountFit(req: Request) async throws -> FitBody {
        let id: Account.ID = try req.apiID()
        let capacity = try await req.guidanceCapacity()
        return FitBody(
            try await req.clientGuidance.account(id, by: try req.requireUser(), capacity: capacity), req.localizer)
    }

    @Sendable static func opportunityFit(req: Request) async throws -> FitBody {
        let id: Opportunity.ID = try req.apiID()
        let capacity = try await req.guidanceCapacity()
        return FitBody(
            try await req.clientGuidance.opportunity(id, by: try req.requireUser(), capacity: capacity), req.localizer)
    }

    struct FreeHoursBody: Content, Equatable {
        var weeks4: Int
        var weeks8: Int
        var weeks12: Int
    }

    struct SellingPointBody: Content {
        var source: String
        var target: String
        var score: Int
        var approvedVendors: Int
        var services: [String]
        var domains: [String]
        var freeHours: FreeHoursBody
        var judged: Int
        var kept: Int
        @NullWhenAbsent var onTimeRate: String?
        var delivered: Int
        var atMargin: Int
        @NullWhenAbsent var atMarginRate: String?
        @NullWhenAbsent var typicalWords: Int?
        @NullWhenAbsent var typicalDays: Int?

        init(_ p: ClientGuidance.SellingPoint) {
            let c = p.capability
            source = p.pair.source.description
            target = p.pair.target.description
            score = p.score
            approvedVendors = c.approvedVendors
            services = p.services
            domains = p.domains
            freeHours = FreeHoursBody(weeks4: c.freeHours4, weeks8: c.freeHours8, weeks12: c.freeHours12)
            judged = c.judged
            kept = c.kept
            onTimeRate = c.judged == 0 ? nil : PercentText.format(Decimal(100 * c.kept) / Decimal(c.judged))
            delivered = c.delivered
            atMargin = c.atMargin
            atMarginRate = c.delivered == 0 ? nil : PercentText.format(Decimal(100 * c.atMargin) / Decimal(c.delivered))
            typicalWords = c.typicalWords
            typicalDays = c.typicalDays
        }
    }

    /// The list's order: best score first, then most free hours in 4 weeks, then the pair.
    struct SellKey: Codable, Comparable {
        var rank: Int
        var pair: String
        static func < (a: Self, b: Self) -> Bool { (a.rank, a.pair) < (b.rank, b.pair) }
    }

    @Sendable static func whereToSell(req: Request) async throws -> ListEnvelope<SellingPointBody> {
        let paging = try ListRequest<SellKey>(req)
        let points = try await req.clientGuidance.whereToSell(
            by: try req.requireUser(), capacity: req.guidanceCapacity())
        let ranked = Array(points.enumerated())
        let page = paging.page(ranked, by: { SellKey(rank: $0.offset, pair: FitText.pair($0.element.pair)) })
        return ListEnvelope(items: page.elements.map { SellingPointBody($0.element) }, nextCursor: page.nextCursor)
    }

    struct PeriodBody: Content {
        var from: String
        var to: String
        var promisesMade: Int
        var promisesKept: Int
        var promisesBroken: Int
        @NullWhenAbsent var onTimeRate: String?
        var reviewDecisions: [String: Int]
        var reviewedWon: Int
        var reviewedLost: Int
        var delivered: Int
        var deliveredBelowFloor: Int
        @NullWhenAbsent var leakageRate: String?
        /// Σ quoted margin − Σ delivered margin of the period's deliveries, in the base currency.
        @NullWhenAbsent var marginLeakage: MoneyBody?
        var unconvertedCurrencies: [String]
        var crossTeamThreads: Int
        var workingGroups: Int
        var shadowingSessions: Int

        init(_ p: ParityPeriod) {
            from = Instant(p.start).iso8601
            to = Instant(p.end).iso8601
            promisesMade = p.promisesMade
            promisesKept = p.promisesKept
            promisesBroken = p.promisesBroken
            onTimeRate = p.onTimeRate.map { PercentText.format($0 * 100) }
            reviewDecisions = ["approve": p.reviewApproved, "change": p.reviewChanged, "reject": p.reviewRejected]
            reviewedWon = p.reviewedWon
            reviewedLost = p.reviewedLost
            delivered = p.delivered
            deliveredBelowFloor = p.deliveredBelowFloor
            leakageRate = p.leakageRate.map { PercentText.format($0 * 100) }
            marginLeakage = p.marginLeakage.map(MoneyBody.init)
            unconvertedCurrencies = p.unconverted.map(\.code)
            crossTeamThreads = p.crossTeamThreads
            workingGroups = p.workingGroups
            shadowingSessions = p.shadowingSessions
        }
    }

    struct ParityBody: Content {
        var months: Int
        var periods: [PeriodBody]
    }

    static let monthChoices = [3, 6, 12, 24]

    @Sendable static func parity(req: Request) async throws -> ParityBody {
        var months = 6
        if let text = req.query[String.self, at: "months"] {
            guard let n = Int(text), (1...24).contains(n) else {
                let l = req.localizer
                throw APIError.invalidFields([
                    FieldError(
                        field: "months", code: "out_of_range", key: "parity.error.months", arguments: ["value": text],
                        text: l.t("parity.error.months", ["value": .text(text)]))
                ])
            }
            months = n
        }
        let periods = try await req.clientGuidance.parity(
            months: months, zone: req.localizer.timeZone, by: try req.requireUser())
        return ParityBody(months: months, periods: periods.map(PeriodBody.init))
    }
}

extension Request {
    var clientGuidance: ClientGuidance {
        ClientGuidance(appEnvironment, store: FluentGuidanceStore(database: db))
    }

    /// The next 12 weeks of capacity from this week, in the user's zone (the heatmap's cache).
    func guidanceCapacity() async throws -> CapacityHeatmap {
        try await capacityHeatmap(HeatmapWindow(from: nil, weeks: nil, req: self))
    }
}
