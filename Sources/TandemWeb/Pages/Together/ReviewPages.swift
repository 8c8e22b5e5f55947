import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// The joint review sales and PMs open together (quotes waiting, promises at risk, deals won and
/// lost since the last review, capacity hot spots by pair), its meetings with minutes saved
/// against the version read, and action items that carry over until done.
enum ReviewPages {
    struct Row: Encodable {
        var c0 = "", c1 = "", c2 = "", c3 = ""
        var href: String?
        var badge: ProposalPages.Badge?
        init(cells: [String], href: String?, badge: ProposalPages.Badge?) {
            let padded = cells + ["", "", "", ""]
            (c0, c1, c2, c3) = (padded[0], padded[1], padded[2], padded[3])
            self.href = href
            self.badge = badge
        }
    }
    struct MeetingLink: Encodable {
        var title: String
        var heldOn: String
        var href: String
    }
    struct BoardContext: Encodable {
        var shell: PageShell
        var tabs: [TogetherPages.Tab]
        var since: String
        var waiting: [Row]
        var atRisk: [Row]
        var deals: [Row]
        var hotSpots: [Row]
        var meetings: [MeetingLink]
        var people: [SelectOption]
        var action: String
        var title: String
        var heldOn: String
        var errors: FormErrors
    }
    struct MeetingForm: Content {
        var title: String?
        var heldOn: String?
        var attendees: [String]?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.together(.review), use: board)
        routes.post(.together(.meetings), use: create)
        MeetingPage.register(routes)
    }

    @Sendable static func board(req: Request) async throws -> Response {
        try await render(req, MeetingForm(), errors: FormErrors())
    }

    static func render(_ req: Request, _ form: MeetingForm, errors: FormErrors, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let user = try req.requireUser()
        let l = req.localizer
        let board = try await ReviewsAPI.jointBoard(req)
        let waiting = board.waitingQuotes.map {
            Row(
                cells: [
                    $0.quote.number, $0.accountName,
                    QuoteViews.waited(since: $0.quote.statusChangedAt, now: req.now, l) ?? "",
                ],
                href: SiteRoute.quote(PathParameter($0.quote.id)).path,
                badge: $0.waitingHours > 24
                    ? ProposalPages.Badge(label: l.t("together.review.overdue"), css: "badge-warn", symbol: "◔") : nil)
        }
        let atRisk = board.promisesAtRisk.map {
            Row(
                cells: [
                    $0.projectName, $0.promise.targetLanguage.description, l.formatDateTime($0.promise.deliveryDate),
                ],
                href: SiteRoute.project(PathParameter($0.promise.projectID)).path, badge: nil)
        }
        let deals = board.closedDeals.map {
            Row(
                cells: [$0.opportunity.name, $0.accountName, l.format($0.opportunity.expectedValue), $0.reason],
                href: SiteRoute.opportunity(PathParameter($0.opportunity.id)).path,
                badge: $0.won
                    ? ProposalPages.Badge(label: l.t("together.review.won"), css: "badge-ok", symbol: "✓")
                    : ProposalPages.Badge(label: l.t("together.review.lost"), css: "badge-danger", symbol: "✕"))
        }
        let spots = board.hotSpots.map {
            Row(
                cells: ["\($0.source) → \($0.target)", l.formatDate($0.weekStart), "\($0.bookedPercent) %"], href: nil,
                badge: ProposalPages.Badge(
                    label: l.t($0.bookedPercent >= 95 ? "together.review.full" : "together.review.tight"),
                    css: $0.bookedPercent >= 95 ? "badge-danger" : "badge-warn", symbol: "▲"))
        }
        let meetings = try await ReviewMeetings(req.appEnvironment).list(by: user).map {
            MeetingLink(
                title: $0.title, heldOn: TogetherPages.format($0.heldOn, l),
                href: SiteRoute.together(.meeting(PathParameter($0.id))).path)
        }
        let attendees = Set((form.attendees ?? [user.id.description]).compactMap { User.ID(uuidString: $0) })
        let context = BoardContext(
            shell: try await req.shell(title: l.t("together.review"), area: .collaboration),
            tabs: try TogetherPages.tabs(req, current: "review"), since: l.formatDate(board.since), waiting: waiting,
            atRisk: atRisk, deals: deals, hotSpots: spots, meetings: meetings,
            people: try await TogetherPages.people(req, selected: attendees, roles: [.sales, .pm, .manager]),
            action: SiteRoute.together(.meetings).path, title: form.title ?? "",
            heldOn: form.heldOn ?? l.isoDate(req.now), errors: errors)
        return try await req.renderPage("together/review", context, status: status)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(MeetingForm.self)
        var errors = FormErrors()
        let day = TogetherPages.day(form.heldOn, "heldOn", req, &errors)
        guard let day else { return try await render(req, form, errors: errors, status: .unprocessableEntity) }
        return try await TogetherPages.perform(
            req, done: "together.meeting.created",
            failed: { errors in try await render(req, form, errors: errors, status: .unprocessableEntity) }
        ) {
            let meeting = try await ReviewMeetings(req.appEnvironment).create(
                title: form.title ?? "", heldOn: day,
                attendees: (form.attendees ?? []).compactMap { User.ID(uuidString: $0) }, by: user)
            return SiteRoute.together(.meeting(PathParameter(meeting.id))).path
        }
    }
}
