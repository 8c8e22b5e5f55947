import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// Working groups: the list with the form to start one, and a group's page with its members
/// (cross-functional when sales and production both take part) and initiatives.
enum GroupPages {
    struct Initiative: Encodable {
        var title: String
        var owner: String
        var due: String
        var status: ProposalPages.Badge
        var statuses: [SelectOption]
        var action: String
    }
    struct Group: Encodable {
        var name: String
        var goal: String
        var href: String
        var members: String
        var crossFunctional: Bool
        var initiatives: [Initiative]
    }
    struct ListContext: Encodable {
        var shell: PageShell
        var tabs: [TogetherPages.Tab]
        var groups: [Group]
        var people: [SelectOption]
        var action: String
        var name: String
        var goal: String
        var errors: FormErrors
    }
    struct ShowContext: Encodable {
        var shell: PageShell
        var tabs: [TogetherPages.Tab]
        var group: Group
        var canEdit: Bool
        var people: [SelectOption]
        var membersAction: String
        var initiativeAction: String
        var errors: FormErrors
        var backHref: String
        /// The record's thread (issue #15).
        var thread: ThreadPanel? = nil
    }
    struct GroupForm: Content {
        var name: String?
        var goal: String?
        var members: [String]?
    }
    struct InitiativeForm: Content {
        var title: String?
        var ownerId: String?
        var dueOn: String?
    }
    struct StatusForm: Content { var status: String? }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.together(.groups), use: list)
        routes.post(.together(.groups), use: create)
        routes.get(.together(.group(":id")), use: show)
        routes.post(.together(.groupMembers(":id")), use: members)
        routes.post(.together(.groupInitiatives(":id")), use: addInitiative)
        routes.post(.together(.initiativeStatus(":id")), use: setStatus)
    }

    static func group(_ d: WorkingGroups.Detail, names: [User.ID: String], _ l: Localizer) -> Group {
        Group(
            name: d.group.name, goal: d.group.goal, href: SiteRoute.together(.group(PathParameter(d.group.id))).path,
            members: d.members.map(\.displayName).joined(separator: ", "), crossFunctional: d.crossFunctional,
            initiatives: d.initiatives.map { i in
                Initiative(
                    title: i.title, owner: names[i.ownerID] ?? "",
                    due: i.dueOn.map { TogetherPages.format($0, l) } ?? "—",
                    status: badge(i.status, l),
                    statuses: InitiativeStatus.allCases.map {
                        SelectOption(
                            value: $0.rawValue, label: l.t("together.initiative.\($0.rawValue)"),
                            selected: $0 == i.status)
                    },
                    action: SiteRoute.together(.initiativeStatus(PathParameter(i.id))).path)
            })
    }

    static func badge(_ status: InitiativeStatus, _ l: Localizer) -> ProposalPages.Badge {
        let style: (String, String) =
            switch status {
            case .planned: ("badge-muted", "○")
            case .active: ("badge-info", "▶")
            case .done: ("badge-ok", "✓")
            case .dropped: ("badge-danger", "✕")
            }
        return ProposalPages.Badge(label: l.t("together.initiative.\(status.rawValue)"), css: style.0, symbol: style.1)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await renderList(req, GroupForm(), errors: FormErrors())
    }

    static func renderList(_ req: Request, _ form: GroupForm, errors: FormErrors, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let user = try req.requireUser()
        let l = req.localizer
        let names = try await TogetherPages.names(req)
        let chosen = Set((form.members ?? []).compactMap { User.ID(uuidString: $0) })
        let context = ListContext(
            shell: try await req.shell(title: l.t("together.groups"), area: .collaboration),
            tabs: try TogetherPages.tabs(req, current: "groups"),
            groups: try await WorkingGroups(req.appEnvironment).list(by: user).map { group($0, names: names, l) },
            people: try await TogetherPages.people(req, selected: chosen), action: SiteRoute.together(.groups).path,
            name: form.name ?? "", goal: form.goal ?? "", errors: errors)
        return try await req.renderPage("together/groups", context, status: status)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(GroupForm.self)
        return try await TogetherPages.perform(
            req, done: "together.group.created",
            failed: { errors in try await renderList(req, form, errors: errors, status: .unprocessableEntity) }
        ) {
            let made = try await WorkingGroups(req.appEnvironment).create(
                name: form.name ?? "", goal: form.goal ?? "",
                members: (form.members ?? []).compactMap { User.ID(uuidString: $0) }, by: user)
            return SiteRoute.together(.group(PathParameter(made.id))).path
        }
    }

    static func renderShow(_ req: Request, errors: FormErrors = FormErrors(), status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let user = try req.requireUser()
        let l = req.localizer
        let id: WorkingGroup.ID = try TogetherPages.id(req)
        let detail = try await WorkingGroups(req.appEnvironment).detail(id, by: user)
        var context = ShowContext(
            shell: try await req.shell(title: detail.group.name, area: .collaboration),
            tabs: try TogetherPages.tabs(req, current: "groups"),
            group: group(detail, names: try await TogetherPages.names(req), l),
            canEdit: Policy.permits(user, .editWorkingGroup(members: detail.group.memberIDs)),
            people: try await TogetherPages.people(req, selected: Set(detail.group.memberIDs)),
            membersAction: SiteRoute.together(.groupMembers(PathParameter(id))).path,
            initiativeAction: SiteRoute.together(.groupInitiatives(PathParameter(id))).path, errors: errors,
            backHref: SiteRoute.together(.groups).path)
        context.thread = await ThreadPanel.forPage(RecordSubject(kind: .group, id: id.rawValue), req: req)
        return try await req.renderPage("together/group", context, status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await renderShow(req) }

    static func path(_ req: Request) throws -> String {
        let id: WorkingGroup.ID = try TogetherPages.id(req)
        return SiteRoute.together(.group(PathParameter(id))).path
    }

    @Sendable static func members(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(GroupForm.self)
        let id: WorkingGroup.ID = try TogetherPages.id(req)
        return try await TogetherPages.perform(
            req, done: "together.group.saved",
            failed: { errors in try await renderShow(req, errors: errors, status: .unprocessableEntity) }
        ) {
            _ = try await WorkingGroups(req.appEnvironment).setMembers(
                id, (form.members ?? []).compactMap { User.ID(uuidString: $0) }, by: user)
            return try path(req)
        }
    }

    @Sendable static func addInitiative(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(InitiativeForm.self)
        let id: WorkingGroup.ID = try TogetherPages.id(req)
        var errors = FormErrors()
        var due: LocalDate?
        if !(form.dueOn ?? "").isEmpty { due = TogetherPages.day(form.dueOn, "dueOn", req, &errors) }
        guard errors.isEmpty, let owner = User.ID(uuidString: form.ownerId ?? "") else {
            if errors.isEmpty { errors.add("ownerId", req.localizer.t("together.error.user_unknown")) }
            return try await renderShow(req, errors: errors, status: .unprocessableEntity)
        }
        return try await TogetherPages.perform(
            req, done: "together.initiative.added",
            failed: { errors in try await renderShow(req, errors: errors, status: .unprocessableEntity) }
        ) {
            _ = try await WorkingGroups(req.appEnvironment).addInitiative(
                to: id, title: form.title ?? "", owner: owner, dueOn: due, by: user)
            return try path(req)
        }
    }

    @Sendable static func setStatus(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(StatusForm.self)
        let id: TandemDomain.Initiative.ID = try TogetherPages.id(req)
        guard let status = InitiativeStatus(rawValue: form.status ?? "") else { throw Abort(.unprocessableEntity) }
        let initiative = try await WorkingGroups(req.appEnvironment).setStatus(id, status, by: user)
        let response = req.redirect(to: SiteRoute.together(.group(PathParameter(initiative.groupID))).path)
        req.setFlash(response, "together.initiative.saved")
        return response
    }
}
