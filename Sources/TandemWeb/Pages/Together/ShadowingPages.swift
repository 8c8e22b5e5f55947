import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// Cross-training: one's own record (planned sessions to log with takeaways, or cancel), the
/// form to plan a session, and for managers the team view: who shadowed whom, how often, by
/// quarter, as a table and a small server-made SVG.
enum ShadowingPages {
    struct Session: Encodable {
        var kind: String
        var participant: String
        var host: String
        var topic: String
        var day: String
        var status: ProposalPages.Badge
        var takeaways: String
        var canLog: Bool
        var logAction: String
        var cancelAction: String
    }
    struct TeamRow: Encodable {
        var participant: String
        var host: String
        var counts: [Int]
        var total: Int
    }
    struct Bar: Encodable {
        var x: Int
        var y: Int
        var height: Int
        var label: String
        var count: Int
        var cx: Int { x + 20 }
        var ty: Int { y - 4 }
        enum CodingKeys: String, CodingKey { case x, y, height, label, count, cx, ty }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(x, forKey: .x)
            try c.encode(y, forKey: .y)
            try c.encode(height, forKey: .height)
            try c.encode(label, forKey: .label)
            try c.encode(count, forKey: .count)
            try c.encode(cx, forKey: .cx)
            try c.encode(ty, forKey: .ty)
        }
    }
    struct Context: Encodable {
        var shell: PageShell
        var tabs: [TogetherPages.Tab]
        var sessions: [Session]
        var kinds: [SelectOption]
        var participants: [SelectOption]
        var hosts: [SelectOption]
        var choosesParticipant: Bool
        var action: String
        var topic: String
        var day: String
        var errors: FormErrors
        var showsTeam: Bool
        var quarters: [String]
        var team: [TeamRow]
        var bars: [Bar]
        var chartWidth: Int
    }
    struct PlanForm: Content {
        var kind: String?
        var participantId: String?
        var hostId: String?
        var topic: String?
        var plannedOn: String?
    }
    struct LogForm: Content { var takeaways: String? }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.together(.shadowing), use: page)
        routes.post(.together(.shadowing), use: plan)
        routes.post(.together(.shadowingLog(":id")), use: log)
        routes.post(.together(.shadowingCancel(":id")), use: cancel)
    }

    static func badge(_ status: ShadowingStatus, _ l: Localizer) -> ProposalPages.Badge {
        let style: (String, String) =
            switch status {
            case .planned: ("badge-info", "○")
            case .logged: ("badge-ok", "✓")
            case .cancelled: ("badge-muted", "✕")
            }
        return ProposalPages.Badge(label: l.t("shadowing.status.\(status.rawValue)"), css: style.0, symbol: style.1)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        try await render(req, PlanForm(), errors: FormErrors())
    }

    static func render(_ req: Request, _ form: PlanForm, errors: FormErrors, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let user = try req.requireUser()
        let l = req.localizer
        let shadowing = Shadowing(req.appEnvironment)
        let names = try await TogetherPages.names(req)
        let sessions = try await shadowing.record(of: user.id, by: user).map { s in
            Session(
                kind: l.t("shadowing.kind.\(s.kind.rawValue)"), participant: names[s.participantID] ?? "",
                host: names[s.hostID] ?? "", topic: s.topic, day: TogetherPages.format(s.plannedOn, l),
                status: badge(s.status, l), takeaways: s.takeaways, canLog: s.status == .planned,
                logAction: SiteRoute.together(.shadowingLog(PathParameter(s.id))).path,
                cancelAction: SiteRoute.together(.shadowingCancel(PathParameter(s.id))).path)
        }
        let kind = ShadowingKind(rawValue: form.kind ?? "") ?? (user.has(.pm) ? .joinClientMeeting : .followProject)
        let supervises = Policy.permits(user, .viewShadowingTeam)
        var context = Context(
            shell: try await req.shell(title: l.t("shadowing.title"), area: .collaboration),
            tabs: try TogetherPages.tabs(req, current: "shadowing"), sessions: sessions,
            kinds: ShadowingKind.allCases.map {
                SelectOption(value: $0.rawValue, label: l.t("shadowing.kind.\($0.rawValue)"), selected: $0 == kind)
            },
            participants: try await TogetherPages.people(
                req, selected: [User.ID(uuidString: form.participantId ?? "") ?? user.id], roles: [.sales, .pm]),
            hosts: try await TogetherPages.people(
                req, selected: Set([User.ID(uuidString: form.hostId ?? "")].compactMap { $0 }), roles: [.sales, .pm]),
            choosesParticipant: supervises, action: SiteRoute.together(.shadowing).path, topic: form.topic ?? "",
            day: form.plannedOn ?? "", errors: errors, showsTeam: supervises, quarters: [], team: [], bars: [],
            chartWidth: 0)
        if supervises { try await addTeam(&context, req, names: names) }
        return try await req.renderPage("together/shadowing", context, status: status)
    }

    /// The team tally and one bar per quarter (logged sessions), 60 px apart, 100 px tall at most
    /// under a 22 px margin for the counts.
    static func addTeam(_ context: inout Context, _ req: Request, names: [User.ID: String]) async throws {
        let tally = try await Shadowing(req.appEnvironment).team(by: try req.requireUser()).tally
        context.quarters = tally.quarters.map(\.description)
        context.team = tally.rows.map { row in
            TeamRow(
                participant: names[row.participantID] ?? "", host: names[row.hostID] ?? "",
                counts: tally.quarters.map { row.perQuarter[$0] ?? 0 }, total: row.total)
        }
        let perQuarter = tally.quarters.map { q in tally.rows.reduce(0) { $0 + ($1.perQuarter[q] ?? 0) } }
        let top = max(1, perQuarter.max() ?? 1)
        context.bars = zip(tally.quarters, perQuarter).enumerated().map { index, entry in
            let height = entry.1 * 100 / top
            return Bar(x: 10 + index * 60, y: 122 - height, height: height, label: entry.0.description, count: entry.1)
        }
        context.chartWidth = 20 + tally.quarters.count * 60
    }

    @Sendable static func plan(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(PlanForm.self)
        var errors = FormErrors()
        let day = TogetherPages.day(form.plannedOn, "plannedOn", req, &errors)
        let kind = ShadowingKind(rawValue: form.kind ?? "")
        if kind == nil { errors.add("kind", req.localizer.t("shadowing.error.kind")) }
        let host = User.ID(uuidString: form.hostId ?? "")
        if host == nil { errors.add("hostId", req.localizer.t("together.error.user_unknown")) }
        guard errors.isEmpty, let day, let kind, let host else {
            return try await render(req, form, errors: errors, status: .unprocessableEntity)
        }
        let participant = User.ID(uuidString: form.participantId ?? "") ?? user.id
        return try await TogetherPages.perform(
            req, done: "shadowing.planned",
            failed: { errors in try await render(req, form, errors: errors, status: .unprocessableEntity) }
        ) {
            _ = try await Shadowing(req.appEnvironment).plan(
                kind: kind, participant: participant, host: host, topic: form.topic ?? "", plannedOn: day, by: user)
            return SiteRoute.together(.shadowing).path
        }
    }

    @Sendable static func log(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(LogForm.self)
        let id: ShadowingSession.ID = try TogetherPages.id(req)
        return try await TogetherPages.perform(
            req, done: "shadowing.logged",
            failed: { errors in try await render(req, PlanForm(), errors: errors, status: .unprocessableEntity) }
        ) {
            _ = try await Shadowing(req.appEnvironment).log(id, takeaways: form.takeaways ?? "", by: user)
            return SiteRoute.together(.shadowing).path
        }
    }

    @Sendable static func cancel(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id: ShadowingSession.ID = try TogetherPages.id(req)
        return try await TogetherPages.perform(
            req, done: "shadowing.cancelled",
            failed: { errors in try await render(req, PlanForm(), errors: errors, status: .conflict) }
        ) {
            _ = try await Shadowing(req.appEnvironment).cancel(id, by: user)
            return SiteRoute.together(.shadowing).path
        }
    }
}
