import TandemDomain
import Vapor

/// A parameter segment of a path: a value in a link (`SiteRoute.user(user.id)`), or a `:name`
/// placeholder when the route is registered (`SiteRoute.user(":id")`).
struct PathParameter: ExpressibleByStringLiteral, Sendable, Equatable {
    let text: String
    init(stringLiteral value: String) { text = value }
    init<Owner>(_ id: Identifier<Owner>) { text = id.description }
    init(value: String) { text = value }

    /// The segment as it appears in a URL (a placeholder stays as it is).
    var segment: String {
        text.hasPrefix(":") ? text : text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? text
    }
}

/// Every page's path in one place: routes are registered from it (`routes.get(.users, use: …)`)
/// and every link and form action is built from it. Templates never write a path.
enum SiteRoute: Sendable, Equatable {
    case dashboard
    case login, logout
    case setup(secret: PathParameter)
    case invitation(secret: PathParameter)
    case area(Area)
    /// Working together (docs/together.md): paths in Pages/Together/TogetherPath.swift.
    case together(TogetherPath)
    /// Scorecards and incentive plans (docs/metrics.md): paths in Pages/Goals/GoalsPath.swift.
    case goals(GoalsPath)
    case users, newUser
    case user(PathParameter)
    case userDeactivate(PathParameter)
    case userReactivate(PathParameter)
    case userInvite(PathParameter)
    case organisation
    case profile, profileTokens
    case revokeToken(PathParameter)
    case language
    /// The capacity check: a plan file in, the engine's verdict and plan out.
    case capacityCheck
    // Clients (issue #11): accounts, their contacts, activities, assets and brief.
    case newAccount
    case account(PathParameter)
    case editAccount(PathParameter)
    case accountBrief(PathParameter)
    case accountBriefHistory(PathParameter)
    case accountContacts(PathParameter)
    case accountActivities(PathParameter)
    case accountAssets(PathParameter)
    case contact(PathParameter)
    case contactExport(PathParameter)
    case contactErase(PathParameter)
    case activityDone(PathParameter)
    case asset(PathParameter)
    /// The vendor database (`area(.vendors)` is the list).
    case newVendor, vendorImport, vendorImportMapping, vendorImportConfirm, vendorExport
    case vendor(PathParameter)
    case vendorEdit(PathParameter)
    case vendorDeactivate(PathParameter)
    case vendorAbsences(PathParameter)
    case vendorAbsenceRemove(PathParameter, PathParameter)
    /// The pipeline (docs/pipeline.md): the board is `.area(.opportunities)`.
    case opportunityList, newOpportunity
    case opportunity(PathParameter)
    case opportunityEdit(PathParameter)
    case opportunityMove(PathParameter)
    case opportunitySolutionNotes(PathParameter)
    case opportunityBrief(PathParameter)
    case opportunityActivities(PathParameter)
    case pipelineSettings, pipelineStages, pipelineLostReasons, pipelineExchangeRates, pipelineThreshold
    case pipelineStage(PathParameter)
    case pipelineLostReason(PathParameter)
    case search
    /// The inbox of in-app notifications (docs/notifications.md).
    case notifications, notificationsReadAll
    case notificationRead(PathParameter)
    // Threads (docs/collaboration.md): a record's thread and timeline, comments, live notifications.
    case thread(PathParameter, PathParameter)
    case threadComments(PathParameter, PathParameter)
    case threadFollow(PathParameter, PathParameter)
    case threadMentions(PathParameter, PathParameter)
    case timeline(PathParameter, PathParameter)
    case commentEdit(PathParameter)
    case attachment(PathParameter)
    case notificationStream, notificationPreferences, digest
    /// Quotes and projects (issue #13): the lists are `.area(.quotes)` and `.area(.projects)`.
    case quote(PathParameter)
    case project(PathParameter)
    /// The client's document: print page and PDF download (`?lang=en|fr`).
    case quotePrint(PathParameter)
    case quotePDF(PathParameter)
    case newQuote, quoteReviews
    case quoteFiles(PathParameter)
    case quoteLines(PathParameter)
    case quoteLineRemove(PathParameter, PathParameter)
    case quoteOptions(PathParameter)
    case quoteDeliveries(PathParameter)
    case quoteSubmit(PathParameter)
    case quoteSend(PathParameter)
    case quoteAccept(PathParameter)
    case quoteLose(PathParameter)
    case quoteReview(PathParameter)
    case quoteDiff(PathParameter)
    /// An analysis's progress as JSON for the quote page's progress bar (session-authenticated).
    case analysisProgress(PathParameter)
    case projectBrief(PathParameter)
    /// Production (docs/production.md): the PM's day, job moves and assignments, holds, purchase orders.
    case today
    case projectAssignProposals(PathParameter)
    case projectHold(PathParameter)
    case jobAssign(PathParameter)
    case jobMove(PathParameter)
    case purchaseOrder(PathParameter)
    case purchaseOrderPDF(PathParameter)
    case productionScript
    /// The promise ledger (docs/ledger.md).
    case ledger
    /// A job's own page: details, assignments, status history and its thread (issue #15).
    case job(PathParameter)
    /// Guidance (docs/guidance.md): where to sell, and the parity dashboard for managers.
    case whereToSell, parity
    case promise(PathParameter)
    case promiseRenegotiate(PathParameter)
    case promiseDeliver(PathParameter)
    /// Pricing (docs/pricing.md): rate cards with their versions, workflows, pricing settings.
    case rateCards, newRateCard
    case rateCard(PathParameter)
    case rateCardEdit(PathParameter)
    case workflows
    case workflow(PathParameter)
    case pricingSettings, pricingMarginFloors
    /// The deadline check against the stored vendors (for sales: the verdict only).
    case deadlineCheck
    case health, ready
    case openAPIDocument
    /// Static files served from Resources/Public.
    case stylesheet, script, favicon
    /// The quote document's own stylesheet (print page; the PDF inlines it).
    case quoteStylesheet

    static func setup(secret: String) -> SiteRoute { .setup(secret: PathParameter(value: secret)) }
    static func invitation(secret: String) -> SiteRoute { .invitation(secret: PathParameter(value: secret)) }
    static func user(_ id: User.ID) -> SiteRoute { .user(PathParameter(id)) }
    static func userDeactivate(_ id: User.ID) -> SiteRoute { .userDeactivate(PathParameter(id)) }
    static func userReactivate(_ id: User.ID) -> SiteRoute { .userReactivate(PathParameter(id)) }
    static func userInvite(_ id: User.ID) -> SiteRoute { .userInvite(PathParameter(id)) }
    static func revokeToken(_ id: APIToken.ID) -> SiteRoute { .revokeToken(PathParameter(id)) }
    static func account(_ id: Account.ID) -> SiteRoute { .account(PathParameter(id)) }
    static func contact(_ id: Contact.ID) -> SiteRoute { .contact(PathParameter(id)) }
    static func opportunity(_ id: Opportunity.ID) -> SiteRoute { .opportunity(PathParameter(id)) }
    static func opportunityEdit(_ id: Opportunity.ID) -> SiteRoute { .opportunityEdit(PathParameter(id)) }
    static func opportunityMove(_ id: Opportunity.ID) -> SiteRoute { .opportunityMove(PathParameter(id)) }
    static func opportunitySolutionNotes(_ id: Opportunity.ID) -> SiteRoute {
        .opportunitySolutionNotes(PathParameter(id))
    }
    static func opportunityBrief(_ id: Opportunity.ID) -> SiteRoute { .opportunityBrief(PathParameter(id)) }
    static func opportunityActivities(_ id: Opportunity.ID) -> SiteRoute { .opportunityActivities(PathParameter(id)) }
    static func pipelineStage(_ id: Stage.ID) -> SiteRoute { .pipelineStage(PathParameter(id)) }
    static func pipelineLostReason(_ id: LostReason.ID) -> SiteRoute { .pipelineLostReason(PathParameter(id)) }
    static func rateCard(_ id: RateCard.ID) -> SiteRoute { .rateCard(PathParameter(id)) }
    static func rateCardEdit(_ id: RateCard.ID) -> SiteRoute { .rateCardEdit(PathParameter(id)) }
    static func workflow(_ service: LinguisticService) -> SiteRoute {
        .workflow(PathParameter(value: service.rawValue))
    }

    /// The path's segments; the only place a page's path is written.
    var segments: [String] {
        switch self {
        case .dashboard: return []
        case .login: return ["login"]
        case .logout: return ["logout"]
        case .setup(let secret): return ["setup", secret.segment]
        case .invitation(let secret): return ["invite", secret.segment]
        case .area(let area):
            switch area {
            case .dashboard: return []
            case .settings: return ["settings"]
            case .collaboration: return ["together"]
            default: return [area.rawValue]
            }
        case .together(let path): return ["together"] + path.segments
        case .goals(let path): return ["scorecards"] + path.segments
        case .users: return ["settings", "users"]
        case .newUser: return ["settings", "users", "new"]
        case .user(let id): return ["settings", "users", id.segment]
        case .userDeactivate(let id): return ["settings", "users", id.segment, "deactivate"]
        case .userReactivate(let id): return ["settings", "users", id.segment, "reactivate"]
        case .userInvite(let id): return ["settings", "users", id.segment, "invite"]
        case .organisation: return ["settings", "organisation"]
        case .profile: return ["settings", "profile"]
        case .profileTokens: return ["settings", "profile", "tokens"]
        case .revokeToken(let id): return ["settings", "profile", "tokens", id.segment, "revoke"]
        case .language: return ["language"]
        case .capacityCheck: return ["capacity", "check"]
        case .newAccount: return ["accounts", "new"]
        case .account(let id): return ["accounts", id.segment]
        case .editAccount(let id): return ["accounts", id.segment, "edit"]
        case .accountBrief(let id): return ["accounts", id.segment, "brief"]
        case .accountBriefHistory(let id): return ["accounts", id.segment, "brief", "history"]
        case .accountContacts(let id): return ["accounts", id.segment, "contacts"]
        case .accountActivities(let id): return ["accounts", id.segment, "activities"]
        case .accountAssets(let id): return ["accounts", id.segment, "assets"]
        case .contact(let id): return ["contacts", id.segment]
        case .contactExport(let id): return ["contacts", id.segment, "export"]
        case .contactErase(let id): return ["contacts", id.segment, "erase"]
        case .activityDone(let id): return ["activities", id.segment, "done"]
        case .asset(let id): return ["assets", id.segment]
        case .newVendor: return ["vendors", "new"]
        case .vendorImport: return ["vendors", "import"]
        case .vendorImportMapping: return ["vendors", "import", "mapping"]
        case .vendorImportConfirm: return ["vendors", "import", "confirm"]
        case .vendorExport: return ["vendors", "export.csv"]
        case .vendor(let id): return ["vendors", id.segment]
        case .vendorEdit(let id): return ["vendors", id.segment, "edit"]
        case .vendorDeactivate(let id): return ["vendors", id.segment, "deactivate"]
        case .vendorAbsences(let id): return ["vendors", id.segment, "absences"]
        case .vendorAbsenceRemove(let id, let absence):
            return ["vendors", id.segment, "absences", absence.segment, "remove"]
        case .opportunityList: return ["opportunities", "list"]
        case .newOpportunity: return ["opportunities", "new"]
        case .opportunity(let id): return ["opportunities", id.segment]
        case .opportunityEdit(let id): return ["opportunities", id.segment, "edit"]
        case .opportunityMove(let id): return ["opportunities", id.segment, "stage"]
        case .opportunitySolutionNotes(let id): return ["opportunities", id.segment, "solution-notes"]
        case .opportunityBrief(let id): return ["opportunities", id.segment, "brief"]
        case .opportunityActivities(let id): return ["opportunities", id.segment, "activities"]
        case .pipelineSettings: return ["settings", "pipeline"]
        case .pipelineStages: return ["settings", "pipeline", "stages"]
        case .pipelineStage(let id): return ["settings", "pipeline", "stages", id.segment]
        case .pipelineLostReasons: return ["settings", "pipeline", "lost-reasons"]
        case .pipelineLostReason(let id): return ["settings", "pipeline", "lost-reasons", id.segment]
        case .pipelineExchangeRates: return ["settings", "pipeline", "exchange-rates"]
        case .pipelineThreshold: return ["settings", "pipeline", "threshold"]
        case .search: return ["search"]
        case .notifications: return ["notifications"]
        case .notificationsReadAll: return ["notifications", "read-all"]
        case .notificationRead(let id): return ["notifications", id.segment, "read"]
        case .thread(let type, let id): return ["threads", type.segment, id.segment]
        case .threadComments(let type, let id): return ["threads", type.segment, id.segment, "comments"]
        case .threadFollow(let type, let id): return ["threads", type.segment, id.segment, "follow"]
        case .threadMentions(let type, let id): return ["threads", type.segment, id.segment, "mentions"]
        case .timeline(let type, let id): return ["threads", type.segment, id.segment, "timeline"]
        case .commentEdit(let id): return ["comments", id.segment, "edit"]
        case .attachment(let id): return ["attachments", id.segment]
        case .notificationStream: return ["notifications", "stream"]
        case .notificationPreferences: return ["settings", "profile", "notifications"]
        case .digest: return ["digest"]
        case .quote(let id): return ["quotes", id.segment]
        case .project(let id): return ["projects", id.segment]
        case .quotePrint(let id): return ["quotes", id.segment, "print"]
        case .quotePDF(let id): return ["quotes", id.segment, "quote.pdf"]
        case .newQuote: return ["quotes", "new"]
        case .quoteReviews: return ["quotes", "reviews"]
        case .quoteFiles(let id): return ["quotes", id.segment, "files"]
        case .quoteLines(let id): return ["quotes", id.segment, "lines"]
        case .quoteLineRemove(let id, let line): return ["quotes", id.segment, "lines", line.segment, "remove"]
        case .quoteOptions(let id): return ["quotes", id.segment, "options"]
        case .quoteDeliveries(let id): return ["quotes", id.segment, "deliveries"]
        case .quoteSubmit(let id): return ["quotes", id.segment, "submit"]
        case .quoteSend(let id): return ["quotes", id.segment, "send"]
        case .quoteAccept(let id): return ["quotes", id.segment, "accept"]
        case .quoteLose(let id): return ["quotes", id.segment, "lose"]
        case .quoteReview(let id): return ["quotes", id.segment, "review"]
        case .quoteDiff(let id): return ["quotes", id.segment, "diff"]
        case .analysisProgress(let id): return ["analyses", id.segment, "progress"]
        case .projectBrief(let id): return ["projects", id.segment, "brief"]
        case .today: return ["today"]
        case .projectAssignProposals(let id): return ["projects", id.segment, "assign-proposals"]
        case .projectHold(let id): return ["projects", id.segment, "hold"]
        case .jobAssign(let id): return ["jobs", id.segment, "assign"]
        case .jobMove(let id): return ["jobs", id.segment, "move"]
        case .purchaseOrder(let id): return ["purchase-orders", id.segment]
        case .purchaseOrderPDF(let id): return ["purchase-orders", id.segment, "po.pdf"]
        case .productionScript: return ["production.js"]
        case .ledger: return ["ledger"]
        case .job(let id): return ["jobs", id.segment]
        case .whereToSell: return ["where-to-sell"]
        case .parity: return ["parity"]
        case .promise(let id): return ["promises", id.segment]
        case .promiseRenegotiate(let id): return ["promises", id.segment, "renegotiate"]
        case .promiseDeliver(let id): return ["promises", id.segment, "deliver"]
        case .rateCards: return ["settings", "rate-cards"]
        case .newRateCard: return ["settings", "rate-cards", "new"]
        case .rateCard(let id): return ["settings", "rate-cards", id.segment]
        case .rateCardEdit(let id): return ["settings", "rate-cards", id.segment, "edit"]
        case .workflows: return ["settings", "workflows"]
        case .workflow(let service): return ["settings", "workflows", service.segment]
        case .pricingSettings: return ["settings", "pricing"]
        case .pricingMarginFloors: return ["settings", "pricing", "margin-floors"]
        case .deadlineCheck: return ["capacity", "deadline-check"]
        case .health: return ["health"]
        case .ready: return ["ready"]
        case .openAPIDocument: return ["api", "openapi.yaml"]
        case .stylesheet: return ["styles.css"]
        case .script: return ["app.js"]
        case .favicon: return ["favicon.svg"]
        case .quoteStylesheet: return ["quote-document.css"]
        }
    }

    /// The path for links and redirects, e.g. `/settings/users/3f1c…`.
    var path: String { "/" + segments.joined(separator: "/") }

    /// The components to register the route with (`:name` segments become parameters).
    var pathComponents: [PathComponent] { segments.map { PathComponent(stringLiteral: $0) } }
}

extension RoutesBuilder {
    /// Registers a page route from its `SiteRoute` (with `:name` placeholders for parameters).
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(method, route.pathComponents, use: closure)
    }

    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.GET, route.pathComponents, use: closure)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.POST, route.pathComponents, use: closure)
    }

    /// Registers an API route from its `APIRoute`, relative to the `/api/v1` group.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: APIRoute, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(method, route.pathComponents, use: closure)
    }
}
