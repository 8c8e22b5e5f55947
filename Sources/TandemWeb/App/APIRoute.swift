import TandemDomain
import Vapor

/// The JSON API's paths, under `/api/v1` (the OpenAPI document lists the same).
enum APIRoute: Sendable, Equatable {
    case me
    case users
    case user(PathParameter)
    case tokens
    case token(PathParameter)
    case feasibilityChecks
    case vendors
    case vendor(PathParameter)
    case vendorDeactivate(PathParameter)
    case vendorAbsences(PathParameter)
    case vendorAbsence(PathParameter, PathParameter)
    case bookings
    case tentativeHolds
    case capacityCheck, capacityHeatmap
    case accountVendorPreferences(PathParameter)
    case accounts
    case account(PathParameter)
    case accountContacts(PathParameter)
    case accountActivities(PathParameter)
    case accountBrief(PathParameter)
    case accountBriefVersions(PathParameter)
    case contact(PathParameter)
    case contactExport(PathParameter)
    case contactErase(PathParameter)
    case opportunities
    case opportunity(PathParameter)
    case opportunityStage(PathParameter)
    case opportunitySolutionNotes(PathParameter)
    case opportunityBrief(PathParameter)
    case stages
    case stage(PathParameter)
    case lostReasons
    case lostReason(PathParameter)
    case exchangeRates
    case exchangeRate(PathParameter)
    case notifications, notificationsReadAll, notificationsUnreadCount
    case notificationRead(PathParameter)
    // Quotes, analyses and projects (docs/quotes.md).
    case quotes, quoteReviewSettings, projects
    case quote(PathParameter)
    case quoteSubmit(PathParameter)
    case quoteReview(PathParameter)
    case quoteSend(PathParameter)
    case quoteAccept(PathParameter)
    case quoteLose(PathParameter)
    case quoteVersions(PathParameter)
    case quoteDiff(PathParameter)
    case quoteLines(PathParameter)
    case quoteLine(PathParameter, PathParameter)
    case quoteOptions(PathParameter)
    case quoteDeliveries(PathParameter)
    case quoteFiles(PathParameter)
    case quoteFile(PathParameter, PathParameter)
    case quoteAnalyses(PathParameter)
    case analysis(PathParameter)
    case project(PathParameter)
    case projectBriefAcknowledge(PathParameter)
    case projectBriefChallenge(PathParameter)
    case quotePDF(PathParameter)
    // Pricing (docs/pricing.md).
    case rateCards
    case rateCard(PathParameter)
    case rateCardVersions(PathParameter)
    case workflows
    case workflow(PathParameter)
    case pricingSettings
    case accountMarginFloor(PathParameter)
    // Production (docs/production.md).
    case projectProposals(PathParameter)
    case projectHold(PathParameter)
    case projectPurchaseOrders(PathParameter)
    case job(PathParameter)
    case jobAssign(PathParameter)
    case jobTransition(PathParameter)
    case jobAssignment(PathParameter)
    case purchaseOrders
    case purchaseOrder(PathParameter)
    case purchaseOrderPDF(PathParameter)
    // The promise ledger (docs/ledger.md).
    case promises, ledgerTotals, evaluations
    case promise(PathParameter)
    case promiseRenegotiate(PathParameter)
    case promiseVersions(PathParameter)
    case promiseDeliveries(PathParameter)
    case promiseComplaints(PathParameter)
    case projectChangeOrders(PathParameter)
    case changeOrderAgree(PathParameter)
    case changeOrderWithdraw(PathParameter)
    case vendorQuality(PathParameter)
    case accountTimeZone(PathParameter)
    // Threads (docs/collaboration.md): `{type}` is a record kind (account, opportunity, quote, …).
    case threadComments(PathParameter, PathParameter)
    case threadTimeline(PathParameter, PathParameter)
    case threadFollow(PathParameter, PathParameter)
    case comment(PathParameter)
    case commentHistory(PathParameter)
    case commentAttachments(PathParameter)
    case attachment(PathParameter)
    case notificationPreferences, notificationsDigest
    // Working together (docs/together.md): paths in API/Together/TogetherAPIPath.swift.
    case together(TogetherAPIPath)
    // Scorecards and incentive plans (docs/metrics.md): paths in API/Goals/GoalsAPIPath.swift.
    case goals(GoalsAPIPath)
    // Client fit, where to sell, parity (docs/guidance.md): paths in API/Guidance/GuidanceAPIPath.swift.
    case guidance(GuidanceAPIPath)

    static let prefixSegments = ["api", "v1"]
    static var prefix: String { "/" + prefixSegments.joined(separator: "/") }
    static var prefixComponents: [PathComponent] { prefixSegments.map { PathComponent(stringLiteral: $0) } }

    static func user(_ id: User.ID) -> APIRoute { .user(PathParameter(id)) }
    static func token(_ id: APIToken.ID) -> APIRoute { .token(PathParameter(id)) }
    static func account(_ id: Account.ID) -> APIRoute { .account(PathParameter(id)) }
    static func contact(_ id: Contact.ID) -> APIRoute { .contact(PathParameter(id)) }
    static func opportunity(_ id: Opportunity.ID) -> APIRoute { .opportunity(PathParameter(id)) }
    static func stage(_ id: Stage.ID) -> APIRoute { .stage(PathParameter(id)) }
    static func lostReason(_ id: LostReason.ID) -> APIRoute { .lostReason(PathParameter(id)) }
    static func exchangeRate(_ id: ExchangeRate.ID) -> APIRoute { .exchangeRate(PathParameter(id)) }
    static func quote(_ id: Quote.ID) -> APIRoute { .quote(PathParameter(id)) }
    static func analysis(_ id: QuoteAnalysis.ID) -> APIRoute { .analysis(PathParameter(id)) }
    static func project(_ id: Project.ID) -> APIRoute { .project(PathParameter(id)) }
    static func rateCard(_ id: RateCard.ID) -> APIRoute { .rateCard(PathParameter(id)) }

    /// True for paths answered in JSON: everything under `/api/` (the versioned API and its document).
    static func isAPI(path: String) -> Bool { path.hasPrefix("/\(prefixSegments[0])/") }

    /// Segments after the prefix; the only place an API path is written.
    var segments: [String] {
        switch self {
        case .me: return ["me"]
        case .users: return ["users"]
        case .user(let id): return ["users", id.segment]
        case .tokens: return ["tokens"]
        case .token(let id): return ["tokens", id.segment]
        case .feasibilityChecks: return ["feasibility-checks"]
        case .vendors: return ["vendors"]
        case .vendor(let id): return ["vendors", id.segment]
        case .vendorDeactivate(let id): return ["vendors", id.segment, "deactivate"]
        case .vendorAbsences(let id): return ["vendors", id.segment, "absences"]
        case .vendorAbsence(let id, let absence): return ["vendors", id.segment, "absences", absence.segment]
        case .bookings: return ["bookings"]
        case .tentativeHolds: return ["tentative-holds"]
        case .capacityCheck: return ["capacity", "check"]
        case .capacityHeatmap: return ["capacity", "heatmap"]
        case .accountVendorPreferences(let id): return ["accounts", id.segment, "vendor-preferences"]
        case .accounts: return ["accounts"]
        case .account(let id): return ["accounts", id.segment]
        case .accountContacts(let id): return ["accounts", id.segment, "contacts"]
        case .accountActivities(let id): return ["accounts", id.segment, "activities"]
        case .accountBrief(let id): return ["accounts", id.segment, "brief"]
        case .accountBriefVersions(let id): return ["accounts", id.segment, "brief", "versions"]
        case .contact(let id): return ["contacts", id.segment]
        case .contactExport(let id): return ["contacts", id.segment, "export"]
        case .contactErase(let id): return ["contacts", id.segment, "erase"]
        case .opportunities: return ["opportunities"]
        case .opportunity(let id): return ["opportunities", id.segment]
        case .opportunityStage(let id): return ["opportunities", id.segment, "stage"]
        case .opportunitySolutionNotes(let id): return ["opportunities", id.segment, "solution-notes"]
        case .opportunityBrief(let id): return ["opportunities", id.segment, "brief"]
        case .stages: return ["stages"]
        case .stage(let id): return ["stages", id.segment]
        case .lostReasons: return ["lost-reasons"]
        case .lostReason(let id): return ["lost-reasons", id.segment]
        case .exchangeRates: return ["exchange-rates"]
        case .exchangeRate(let id): return ["exchange-rates", id.segment]
        case .notifications: return ["notifications"]
        case .notificationsReadAll: return ["notifications", "read-all"]
        case .notificationsUnreadCount: return ["notifications", "unread-count"]
        case .notificationRead(let id): return ["notifications", id.segment, "read"]
        case .quotes: return ["quotes"]
        case .quoteReviewSettings: return ["quote-review-settings"]
        case .quote(let id): return ["quotes", id.segment]
        case .quoteSubmit(let id): return ["quotes", id.segment, "submit"]
        case .quoteReview(let id): return ["quotes", id.segment, "review"]
        case .quoteSend(let id): return ["quotes", id.segment, "send"]
        case .quoteAccept(let id): return ["quotes", id.segment, "accept"]
        case .quoteLose(let id): return ["quotes", id.segment, "lose"]
        case .quoteVersions(let id): return ["quotes", id.segment, "versions"]
        case .quoteDiff(let id): return ["quotes", id.segment, "diff"]
        case .quoteLines(let id): return ["quotes", id.segment, "lines"]
        case .quoteLine(let id, let line): return ["quotes", id.segment, "lines", line.segment]
        case .quoteOptions(let id): return ["quotes", id.segment, "options"]
        case .quoteDeliveries(let id): return ["quotes", id.segment, "deliveries"]
        case .quoteFiles(let id): return ["quotes", id.segment, "files"]
        case .quoteFile(let id, let file): return ["quotes", id.segment, "files", file.segment]
        case .quoteAnalyses(let id): return ["quotes", id.segment, "analyses"]
        case .analysis(let id): return ["analyses", id.segment]
        case .projects: return ["projects"]
        case .project(let id): return ["projects", id.segment]
        case .projectBriefAcknowledge(let id): return ["projects", id.segment, "brief", "acknowledge"]
        case .projectBriefChallenge(let id): return ["projects", id.segment, "brief", "challenge"]
        case .quotePDF(let id): return ["quotes", id.segment, "pdf"]
        case .rateCards: return ["rate-cards"]
        case .rateCard(let id): return ["rate-cards", id.segment]
        case .rateCardVersions(let id): return ["rate-cards", id.segment, "versions"]
        case .workflows: return ["workflows"]
        case .workflow(let service): return ["workflows", service.segment]
        case .pricingSettings: return ["pricing-settings"]
        case .accountMarginFloor(let id): return ["accounts", id.segment, "margin-floor"]
        case .projectProposals(let id): return ["projects", id.segment, "proposals"]
        case .projectHold(let id): return ["projects", id.segment, "hold"]
        case .projectPurchaseOrders(let id): return ["projects", id.segment, "purchase-orders"]
        case .job(let id): return ["jobs", id.segment]
        case .jobAssign(let id): return ["jobs", id.segment, "assign"]
        case .jobTransition(let id): return ["jobs", id.segment, "transition"]
        case .jobAssignment(let id): return ["assignments", id.segment]
        case .purchaseOrders: return ["purchase-orders"]
        case .purchaseOrder(let id): return ["purchase-orders", id.segment]
        case .purchaseOrderPDF(let id): return ["purchase-orders", id.segment, "pdf"]
        case .promises: return ["promises"]
        case .ledgerTotals: return ["ledger", "totals"]
        case .evaluations: return ["evaluations"]
        case .promise(let id): return ["promises", id.segment]
        case .promiseRenegotiate(let id): return ["promises", id.segment, "renegotiate"]
        case .promiseVersions(let id): return ["promises", id.segment, "versions"]
        case .promiseDeliveries(let id): return ["promises", id.segment, "deliveries"]
        case .promiseComplaints(let id): return ["promises", id.segment, "complaints"]
        case .projectChangeOrders(let id): return ["projects", id.segment, "change-orders"]
        case .changeOrderAgree(let id): return ["change-orders", id.segment, "agree"]
        case .changeOrderWithdraw(let id): return ["change-orders", id.segment, "withdraw"]
        case .vendorQuality(let id): return ["vendors", id.segment, "quality"]
        case .accountTimeZone(let id): return ["accounts", id.segment, "time-zone"]
        case .threadComments(let type, let id): return ["threads", type.segment, id.segment, "comments"]
        case .threadTimeline(let type, let id): return ["threads", type.segment, id.segment, "timeline"]
        case .threadFollow(let type, let id): return ["threads", type.segment, id.segment, "follow"]
        case .comment(let id): return ["comments", id.segment]
        case .commentHistory(let id): return ["comments", id.segment, "history"]
        case .commentAttachments(let id): return ["comments", id.segment, "attachments"]
        case .attachment(let id): return ["attachments", id.segment]
        case .notificationPreferences: return ["notification-preferences"]
        case .notificationsDigest: return ["notifications", "digest"]
        case .together(let path): return path.segments
        case .goals(let path): return path.segments
        case .guidance(let path): return path.segments
        }
    }

    /// The full path, e.g. `/api/v1/users/3f1c…`.
    var path: String { "/" + (Self.prefixSegments + segments).joined(separator: "/") }

    /// Components relative to the `/api/v1` group, for registration.
    var pathComponents: [PathComponent] { segments.map { PathComponent(stringLiteral: $0) } }
}
