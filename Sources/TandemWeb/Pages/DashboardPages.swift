import Foundation
import TandemDomain
import Vapor

/// The dashboard and the pages of areas that later releases fill in.
enum DashboardPages {
    struct Card: Encodable {
        var titleKey: String
        var bodyKey: String
        var href: String
    }
    struct DashboardContext: Encodable {
        var shell: PageShell
        var greeting: String
        var today: String
        var organisation: OrganisationSummary
        var cards: [Card]
        var isAdmin: Bool
        var userCount: String?
        /// The pipeline's "My work" panel (MyWorkPanel); nil for those who see no pipeline.
        var myWork: MyWorkPanel.Context?
        var organisationHref = SiteRoute.organisation.path
        var usersHref = SiteRoute.users.path
        /// A PM's quote reviews waiting, the longest first (QuoteReviewPages).
        var reviews: [QuoteReviewPages.Waiting]? = nil
        var reviewsHref = SiteRoute.quoteReviews.path
        /// The parity dashboard, for managers (docs/guidance.md).
        var parityHref: String? = nil
    }
    struct OrganisationSummary: Encodable {
        var name: String
        var currency: String
        var timeZone: String
        var workingDays: String
        var holidays: String
    }
    struct AreaContext: Encodable {
        var shell: PageShell
        var area: String
        var titleKey: String
        var introKey: String
        var plannedKey: String
    }
    struct SettingsContext: Encodable {
        var shell: PageShell
        var links: [Card]
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.dashboard, use: dashboard)
        // Capacity, accounts, opportunities and vendors have pages of their own (CapacityPages,
        // AccountPages, PipelinePages, VendorPages).
        let ownPages: [Area] = [
            .dashboard, .settings, .capacity, .accounts, .opportunities, .vendors, .quotes, .projects,
            .collaboration, .scorecards, .today, .ledger,
        ]
        for area in Area.allCases where !ownPages.contains(area) {
            routes.get(.area(area)) { req in try await areaPage(req: req, area: area) }
        }
        routes.get(.area(.settings), use: settings)
    }

    @Sendable static func dashboard(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let l = req.localizer
        let organisation = try await req.organisation()
        let cards = Area.menuOrder.filter { $0 != .dashboard && $0 != .settings && Policy.permits(user, .viewArea($0)) }
            .map {
                Card(
                    titleKey: "nav.\($0.rawValue)", bodyKey: "area.\($0.rawValue).intro", href: SiteRoute.area($0).path)
            }
        let userCount =
            Policy.permits(user, .viewUsers)
            ? l.plural("dashboard.users_count", count: try await req.stores.users.count()) : nil
        var context = DashboardContext(
            shell: try await req.shell(title: l.t("nav.dashboard"), area: .dashboard),
            greeting: l.t("dashboard.greeting", ["name": user.displayName]),
            today: l.format(date: req.now),
            organisation: OrganisationSummary(
                name: organisation.name, currency: organisation.baseCurrency.code, timeZone: organisation.timeZone,
                workingDays: organisation.workingDays.sorted().map { l.t("weekday.short.\($0.rawValue)") }.joined(
                    separator: " · "),
                holidays: l.plural("dashboard.holidays_count", count: organisation.holidays.count)),
            cards: cards, isAdmin: user.has(.admin), userCount: userCount, myWork: try await MyWorkPanel.make(req))
        if user.has(.pm) { context.reviews = Array(try await QuoteReviewPages.waitingItems(req).prefix(8)) }
        if Policy.permitsGuidance(user, .parity) { context.parityHref = SiteRoute.parity.path }
        return try await req.renderPage("dashboard/index", context)
    }

    static func areaPage(req: Request, area: Area) async throws -> Response {
        try req.authorize(.viewArea(area))
        let l = req.localizer
        let context = AreaContext(
            shell: try await req.shell(title: l.t("nav.\(area.rawValue)"), area: area), area: area.rawValue,
            titleKey: "nav.\(area.rawValue)", introKey: "area.\(area.rawValue).intro",
            plannedKey: "area.\(area.rawValue).planned")
        return try await req.renderPage("dashboard/area", context)
    }

    @Sendable static func settings(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var links = [
            Card(titleKey: "settings.profile", bodyKey: "settings.profile.intro", href: SiteRoute.profile.path),
            Card(titleKey: "settings.tokens", bodyKey: "settings.tokens.intro", href: SiteRoute.profileTokens.path),
        ]
        if Policy.permits(user, .viewUsers) {
            links.append(Card(titleKey: "settings.users", bodyKey: "settings.users.intro", href: SiteRoute.users.path))
        }
        if PipelineAccess.canAdminister(user) {
            links.append(
                Card(
                    titleKey: "settings.pipeline", bodyKey: "settings.pipeline.intro",
                    href: SiteRoute.pipelineSettings.path))
        }
        links += PricingSettingsLinks.cards(for: user)
        links.append(
            Card(
                titleKey: "settings.organisation", bodyKey: "settings.organisation.intro",
                href: SiteRoute.organisation.path))
        let context = SettingsContext(
            shell: try await req.shell(title: req.localizer.t("nav.settings"), area: .settings), links: links)
        return try await req.renderPage("settings/index", context)
    }
}
