import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// The "Together" area: a hub linking the joint review, ideas, investment proposals, working
/// groups and cross-training, and the helpers their pages share (docs/together.md).
enum TogetherPages {
    struct Tab: Encodable {
        var key: String
        var href: String
        var current: Bool
    }
    struct Card: Encodable {
        var titleKey: String
        var bodyKey: String
        var href: String
        var stat: String
    }
    struct HubContext: Encodable {
        var shell: PageShell
        var tabs: [Tab]
        var cards: [Card]
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.area(.collaboration), use: hub)
        ProposalPages.register(routes)
        IdeaPages.register(routes)
        ReviewPages.register(routes)
        GroupPages.register(routes)
        ShadowingPages.register(routes)
    }

    /// The area's tabs, `current` marked; the joint review only for those who may open it.
    static func tabs(_ req: Request, current: String) throws -> [Tab] {
        let user = try req.requireUser()
        var tabs = [Tab(key: "together.hub", href: SiteRoute.area(.collaboration).path, current: current == "hub")]
        if Policy.permits(user, .viewJointReview) {
            tabs.append(
                Tab(key: "together.review", href: SiteRoute.together(.review).path, current: current == "review"))
        }
        tabs += [
            Tab(key: "ideas.title", href: SiteRoute.together(.ideas).path, current: current == "ideas"),
            Tab(key: "proposals.title", href: SiteRoute.together(.proposals).path, current: current == "proposals"),
            Tab(key: "together.groups", href: SiteRoute.together(.groups).path, current: current == "groups"),
            Tab(key: "shadowing.title", href: SiteRoute.together(.shadowing).path, current: current == "shadowing"),
        ]
        return tabs
    }

    @Sendable static func hub(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewTogether)
        let l = req.localizer
        let env = req.appEnvironment
        let ideas = try await Ideas(env).list(by: user)
        let proposals = try await Proposals(env).list(by: user)
        let groups = try await WorkingGroups(env).list(by: user)
        var cards: [Card] = []
        if Policy.permits(user, .viewJointReview) {
            let meetings = try await ReviewMeetings(env).list(by: user)
            cards.append(
                Card(
                    titleKey: "together.review", bodyKey: "together.review.intro",
                    href: SiteRoute.together(.review).path,
                    stat: l.t("together.meetings_count", count: meetings.count)))
        }
        cards += [
            Card(
                titleKey: "ideas.title", bodyKey: "ideas.intro", href: SiteRoute.together(.ideas).path,
                stat: l.t("ideas.open_count", count: ideas.filter { !$0.status.isClosed }.count)),
            Card(
                titleKey: "proposals.title", bodyKey: "proposals.intro", href: SiteRoute.together(.proposals).path,
                stat: l.t("proposals.open_count", count: proposals.filter { $0.status == .open }.count)),
            Card(
                titleKey: "together.groups", bodyKey: "together.groups.intro", href: SiteRoute.together(.groups).path,
                stat: l.t("together.groups_count", count: groups.count)),
            Card(
                titleKey: "shadowing.title", bodyKey: "shadowing.intro", href: SiteRoute.together(.shadowing).path,
                stat: l.t(
                    "shadowing.logged_count",
                    count: try await Shadowing(env).record(of: user.id, by: user).filter { $0.status == .logged }.count)
            ),
        ]
        let context = HubContext(
            shell: try await req.shell(title: l.t("nav.collaboration"), area: .collaboration),
            tabs: try tabs(req, current: "hub"), cards: cards)
        return try await req.renderPage("together/hub", context)
    }

    /// Every user's display name by ID (the area names people everywhere).
    static func names(_ req: Request) async throws -> [User.ID: String] {
        Dictionary(uniqueKeysWithValues: try await req.stores.users.list().map { ($0.id, $0.displayName) })
    }

    /// Active users as options, `selected` marked, by name.
    static func people(_ req: Request, selected: Set<User.ID> = [], roles: Set<Role>? = nil) async throws
        -> [SelectOption]
    {
        try await req.stores.users.list().filter { $0.isActive && (roles == nil || !$0.roles.isDisjoint(with: roles!)) }
            .sorted { $0.displayName < $1.displayName }
            .map { SelectOption(value: $0.id.description, label: $0.displayName, selected: selected.contains($0.id)) }
    }

    /// Runs a form's action, which answers the path to go to: on success a redirect there with
    /// the flash `done`; on a user's mistake `failed` renders the page again with the messages by
    /// their fields (422).
    static func perform(
        _ req: Request, done: String, failed: (FormErrors) async throws -> Response,
        _ action: () async throws -> String
    ) async throws -> Response {
        let path: String
        do {
            path = try await action()
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await failed(errors)
        }
        let response = req.redirect(to: path)
        req.setFlash(response, done)
        return response
    }

    static func id<Owner>(_ req: Request, _ name: String = "id") throws -> Identifier<Owner> {
        guard let raw = req.parameters.get(name), let id = Identifier<Owner>(uuidString: raw) else {
            throw Abort(.notFound)
        }
        return id
    }

    /// A day typed in a form (the user's format or ISO), or nil with the message by `field`.
    static func day(_ text: String?, _ field: String, _ req: Request, _ errors: inout FormErrors) -> LocalDate? {
        let text = (text ?? "").trimmingCharacters(in: .whitespaces)
        if let day = try? LocalDate(iso: text) { return day }
        if let parsed = try? req.localizer.parseDate(text), let day = try? LocalDate(iso: parsed.iso) { return day }
        errors.add(field, req.localizer.t("together.error.day", ["example": .text("2026-12-25")]))
        return nil
    }

    /// A calendar day in the user's language.
    static func format(_ day: LocalDate, _ l: Localizer) -> String {
        CalendarDate(year: day.year, month: day.month, day: day.day).map { l.formatDate($0) } ?? day.description
    }
}
