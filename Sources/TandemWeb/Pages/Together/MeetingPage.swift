import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// One review meeting: attendees, minutes and decisions saved against the version read (an older
/// version is refused with a message, nothing lost), its action items and those carried over.
enum MeetingPage {
    struct Item: Encodable {
        var title: String
        var owner: String
        var due: String
        var done: Bool
        var overdue: Bool
        var action: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var tabs: [TogetherPages.Tab]
        var title: String
        var heldOn: String
        var attendees: [SelectOption]
        var minutes: String
        var decisions: String
        var version: Int
        var saveAction: String
        var items: [Item]
        var carried: [Item]
        var owners: [SelectOption]
        var itemAction: String
        var errors: FormErrors
        var backHref: String
    }
    struct MinutesForm: Content {
        var minutes: String?
        var decisions: String?
        var attendees: [String]?
        var version: Int?
    }
    struct ItemForm: Content {
        var title: String?
        var ownerId: String?
        var dueOn: String?
    }
    struct DoneForm: Content {
        var done: String?
        var meeting: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.together(.meeting(":id")), use: show)
        routes.post(.together(.meeting(":id")), use: save)
        routes.post(.together(.meetingItems(":id")), use: addItem)
        routes.post(.together(.itemDone(":id")), use: done)
    }

    static func render(
        _ req: Request, form: MinutesForm? = nil, errors: FormErrors = FormErrors(), status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = try req.requireUser()
        let l = req.localizer
        let id: ReviewMeeting.ID = try TogetherPages.id(req)
        let detail = try await ReviewMeetings(req.appEnvironment).detail(id, timeZone: l.timeZone, by: user)
        let names = try await TogetherPages.names(req)
        let today = LocalDate(req.now, in: l.timeZone)
        func item(_ i: ActionItem) -> Item {
            Item(
                title: i.title, owner: names[i.ownerID] ?? "", due: TogetherPages.format(i.dueOn, l), done: !i.isOpen,
                overdue: i.isOpen && i.dueOn < today, action: SiteRoute.together(.itemDone(PathParameter(i.id))).path)
        }
        let m = detail.meeting
        let chosen = Set((form?.attendees).map { $0.compactMap { User.ID(uuidString: $0) } } ?? m.attendeeIDs)
        let context = Context(
            shell: try await req.shell(title: m.title, area: .collaboration),
            tabs: try TogetherPages.tabs(req, current: "review"), title: m.title,
            heldOn: TogetherPages.format(m.heldOn, l),
            attendees: try await TogetherPages.people(req, selected: chosen, roles: [.sales, .pm, .manager]),
            minutes: form?.minutes ?? m.minutes, decisions: form?.decisions ?? m.decisions.joined(separator: "\n"),
            version: m.version, saveAction: SiteRoute.together(.meeting(PathParameter(id))).path,
            items: detail.items.map(item), carried: detail.carried.map(item),
            owners: try await TogetherPages.people(req, selected: [user.id]),
            itemAction: SiteRoute.together(.meetingItems(PathParameter(id))).path, errors: errors,
            backHref: SiteRoute.together(.review).path)
        return try await req.renderPage("together/meeting", context, status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await render(req) }

    static func path(_ req: Request) throws -> String {
        let id: ReviewMeeting.ID = try TogetherPages.id(req)
        return SiteRoute.together(.meeting(PathParameter(id))).path
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(MinutesForm.self)
        let id: ReviewMeeting.ID = try TogetherPages.id(req)
        return try await TogetherPages.perform(
            req, done: "together.meeting.saved",
            failed: { errors in
                var errors = errors
                if let stale = errors.messages["version"] { errors.summary = stale }
                return try await render(req, form: form, errors: errors, status: .conflict)
            }
        ) {
            _ = try await ReviewMeetings(req.appEnvironment).saveMinutes(
                id, minutes: form.minutes ?? "",
                decisions: (form.decisions ?? "").components(separatedBy: .newlines),
                attendees: (form.attendees ?? []).compactMap { User.ID(uuidString: $0) }, version: form.version ?? 0,
                by: user)
            return try path(req)
        }
    }

    @Sendable static func addItem(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(ItemForm.self)
        let id: ReviewMeeting.ID = try TogetherPages.id(req)
        var errors = FormErrors()
        let due = TogetherPages.day(form.dueOn, "dueOn", req, &errors)
        guard let due, let owner = User.ID(uuidString: form.ownerId ?? "") else {
            if errors.isEmpty { errors.add("ownerId", req.localizer.t("together.error.user_unknown")) }
            return try await render(req, errors: errors, status: .unprocessableEntity)
        }
        return try await TogetherPages.perform(
            req, done: "together.item.added",
            failed: { errors in try await render(req, errors: errors, status: .unprocessableEntity) }
        ) {
            _ = try await ReviewMeetings(req.appEnvironment).addItem(
                to: id, title: form.title ?? "", owner: owner, dueOn: due, by: user)
            return try path(req)
        }
    }

    @Sendable static func done(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(DoneForm.self)
        let id: ActionItem.ID = try TogetherPages.id(req)
        let item = try await ReviewMeetings(req.appEnvironment).setDone(id, done: form.done == "1", by: user)
        let back = form.meeting.flatMap { ReviewMeeting.ID(uuidString: $0) } ?? item.meetingID
        let response = req.redirect(to: SiteRoute.together(.meeting(PathParameter(back))).path)
        req.setFlash(response, form.done == "1" ? "together.item.done" : "together.item.reopened")
        return response
    }
}
