import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// Ideas to management: the list (most votes first) with a vote button and the form to send
/// one; an idea's page, where a manager moves it on or declines it with a reason everyone sees.
enum IdeaPages {
    struct Item: Encodable {
        var title: String
        var href: String
        var author: String
        var votes: Int
        var status: ProposalPages.Badge
        var voted: Bool
        var canVote: Bool
        var voteAction: String
        var declineReason: String
    }
    struct ListContext: Encodable {
        var shell: PageShell
        var tabs: [TogetherPages.Tab]
        var items: [Item]
        var action: String
        var title: String
        var body: String
        var errors: FormErrors
    }
    struct ShowContext: Encodable {
        var shell: PageShell
        var tabs: [TogetherPages.Tab]
        var idea: Item
        var body: String
        var decidedBy: String?
        var canMove: Bool
        var moves: [SelectOption]
        var moveAction: String
        var reason: String
        var errors: FormErrors
        var backHref: String
        /// The record's thread (issue #15).
        var thread: ThreadPanel? = nil
    }
    struct NewForm: Content {
        var title: String?
        var body: String?
    }
    struct MoveForm: Content {
        var status: String?
        var reason: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.together(.ideas), use: list)
        routes.post(.together(.ideas), use: create)
        routes.get(.together(.idea(":id")), use: show)
        routes.post(.together(.ideaVote(":id")), use: vote)
        routes.post(.together(.ideaStatus(":id")), use: move)
    }

    static func badge(_ status: IdeaStatus, _ l: Localizer) -> ProposalPages.Badge {
        let style: (String, String) =
            switch status {
            case .new: ("badge-info", "✦")
            case .underReview: ("badge-warn", "◔")
            case .accepted, .inProgress: ("badge-ok", "▶")
            case .done: ("badge-ok", "✓")
            case .declined: ("badge-danger", "✕")
            }
        return ProposalPages.Badge(label: l.t("ideas.status.\(status.rawValue)"), css: style.0, symbol: style.1)
    }

    static func item(_ idea: Idea, voted: Bool, names: [User.ID: String], _ l: Localizer) -> Item {
        Item(
            title: idea.title, href: SiteRoute.together(.idea(PathParameter(idea.id))).path,
            author: names[idea.authorID] ?? "", votes: idea.votes, status: badge(idea.status, l), voted: voted,
            canVote: !voted && !idea.status.isClosed,
            voteAction: SiteRoute.together(.ideaVote(PathParameter(idea.id))).path,
            declineReason: idea.declineReason)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await renderList(req, NewForm(), errors: FormErrors())
    }

    static func renderList(_ req: Request, _ form: NewForm, errors: FormErrors, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let user = try req.requireUser()
        let l = req.localizer
        let ideas = Ideas(req.appEnvironment)
        let names = try await TogetherPages.names(req)
        var items: [Item] = []
        for idea in try await ideas.list(by: user) {
            items.append(item(idea, voted: try await ideas.hasVoted(idea.id, user: user), names: names, l))
        }
        let context = ListContext(
            shell: try await req.shell(title: l.t("ideas.title"), area: .collaboration),
            tabs: try TogetherPages.tabs(req, current: "ideas"), items: items,
            action: SiteRoute.together(.ideas).path, title: form.title ?? "", body: form.body ?? "", errors: errors)
        return try await req.renderPage("together/ideas", context, status: status)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(NewForm.self)
        return try await TogetherPages.perform(
            req, done: "ideas.created",
            failed: { errors in try await renderList(req, form, errors: errors, status: .unprocessableEntity) }
        ) {
            let idea = try await Ideas(req.appEnvironment).propose(
                title: form.title ?? "", body: form.body ?? "", by: user)
            return SiteRoute.together(.idea(PathParameter(idea.id))).path
        }
    }

    static func renderShow(
        _ req: Request, reason: String = "", errors: FormErrors = FormErrors(), status: HTTPResponseStatus = .ok
    )
        async throws -> Response
    {
        let user = try req.requireUser()
        let l = req.localizer
        let ideas = Ideas(req.appEnvironment)
        let idea = try await ideas.find(try TogetherPages.id(req), by: user)
        let names = try await TogetherPages.names(req)
        var context = ShowContext(
            shell: try await req.shell(title: idea.title, area: .collaboration),
            tabs: try TogetherPages.tabs(req, current: "ideas"),
            idea: item(idea, voted: try await ideas.hasVoted(idea.id, user: user), names: names, l), body: idea.body,
            decidedBy: idea.decidedBy.map { names[$0] ?? "" },
            canMove: Policy.permits(user, .moveIdea) && !idea.status.isClosed,
            moves: IdeaStatus.allCases.filter { idea.status.next.contains($0) }.map {
                SelectOption(value: $0.rawValue, label: l.t("ideas.status.\($0.rawValue)"), selected: false)
            },
            moveAction: SiteRoute.together(.ideaStatus(PathParameter(idea.id))).path, reason: reason, errors: errors,
            backHref: SiteRoute.together(.ideas).path)
        context.thread = await ThreadPanel.forPage(RecordSubject(kind: .idea, id: idea.id.rawValue), req: req)
        return try await req.renderPage("together/idea", context, status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await renderShow(req) }

    @Sendable static func vote(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id: Idea.ID = try TogetherPages.id(req)
        let back =
            req.headers.first(name: .referer).flatMap { URL(string: $0)?.path } == SiteRoute.together(.ideas).path
        return try await TogetherPages.perform(
            req, done: "ideas.voted_flash",
            failed: { errors in try await renderShow(req, errors: errors, status: .conflict) }
        ) {
            _ = try await Ideas(req.appEnvironment).vote(id, by: user)
            return back ? SiteRoute.together(.ideas).path : SiteRoute.together(.idea(PathParameter(id))).path
        }
    }

    @Sendable static func move(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id: Idea.ID = try TogetherPages.id(req)
        let form = try req.content.decode(MoveForm.self)
        return try await TogetherPages.perform(
            req, done: "ideas.moved",
            failed: { errors in
                try await renderShow(req, reason: form.reason ?? "", errors: errors, status: .unprocessableEntity)
            }
        ) {
            let status = try Ideas.status(form.status ?? "")
            _ = try await Ideas(req.appEnvironment).move(id, to: status, reason: form.reason ?? "", by: user)
            return SiteRoute.together(.idea(PathParameter(id))).path
        }
    }
}
