import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// `/jobs/{id}`: one job's details, its assignments, its status history and its thread (issue
/// #15). Moves and assignments stay on the project page, which this page links back to.
enum JobPage {
    struct Fact: Encodable {
        var label: String
        var value: String
    }
    struct AssignmentRow: Encodable {
        var vendor: String
        var vendorHref: String?
        var words: String
        var amount: String
        var due: String
        var state: String
        var active: Bool
        var booked: Bool
        var actualWords: String?
    }
    struct EventRow: Encodable {
        var what: String
        var change: String?
        var by: String
        var at: String
        var atISO: String
        var note: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var title: String
        var projectName: String
        var projectHref: String
        var status: QuoteViews.Badge
        var statusCode: String
        var facts: [Fact]
        var assignments: [AssignmentRow]
        var events: [EventRow]
        var thread: ThreadPanel?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.job(":id"), use: show)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let l = req.localizer
        guard let raw = req.parameters.get("id"), let id = Job.ID(uuidString: raw) else {
            throw DomainError.jobNotFound
        }
        let detail = try await ProductionWork(req.appEnvironment).jobDetail(id, by: user)
        let job = detail.job
        let users = Dictionary(uniqueKeysWithValues: try await req.stores.users.list().map { ($0.id, $0.displayName) })
        let showVendors = Policy.permits(user, .viewVendors)
        var vendors: [VendorProfile.ID: String] = [:]
        for vendor in Set(detail.assignments.map(\.vendorID)) {
            vendors[vendor] = try await req.stores.vendors.find(id: vendor)?.name
        }
        let step = ProjectProductionSection.stepName(job, l)
        let language = QuoteDocument.languageName(job.targetLanguage, in: l)
        let context = Context(
            shell: try await req.shell(title: "\(detail.project.name) · \(language) · \(step)", area: .projects),
            title: "\(language) · \(step)", projectName: detail.project.name,
            projectHref: SiteRoute.project(PathParameter(detail.project.id)).path + "#job-\(job.id)",
            status: ProjectProductionSection.badge(job.status, l), statusCode: job.status.rawValue,
            facts: facts(job, detail.project, users: users, l),
            assignments: detail.assignments.map { a in
                AssignmentRow(
                    vendor: vendors[a.vendorID] ?? "—",
                    vendorHref: showVendors ? SiteRoute.vendor(PathParameter(a.vendorID)).path : nil,
                    words: l.format(a.words), amount: l.format(a.amount), due: l.formatDateTime(a.due),
                    state: l.t("job.assignment.\(a.state.rawValue)"), active: a.state == .active,
                    booked: a.bookingID != nil, actualWords: a.actualWords.map { l.format($0) })
            },
            events: detail.events.reversed().map { event(job, $0, users: users, l) },
            thread: await ThreadPanel.forPage(RecordSubject(kind: .job, id: job.id.rawValue), req: req))
        return try await req.renderPage("production/job", context)
    }

    static func facts(_ job: Job, _ project: Project, users: [User.ID: String], _ l: Localizer) -> [Fact] {
        let unit =
            job.unit == .page
            ? "production.unit.pages" : job.unit == .word ? "production.unit.words" : "production.unit.minutes"
        var facts = [
            Fact(
                label: l.t("job.fact.pair"),
                value: "\(QuoteDocument.languageName(job.sourceLanguage, in: l)) → "
                    + QuoteDocument.languageName(job.targetLanguage, in: l)),
            Fact(label: l.t("job.fact.step"), value: ProjectProductionSection.stepName(job, l)),
            Fact(label: l.t("production.due"), value: l.formatDateTime(job.due)),
            Fact(label: l.t("production.words"), value: l.t(unit, count: job.words)),
            Fact(label: l.t("job.fact.pm"), value: project.pmID.flatMap { users[$0] } ?? "—"),
        ]
        if job.isInternal { facts.append(Fact(label: l.t("job.fact.who"), value: l.t("production.internal"))) }
        if !job.brief.isEmpty { facts.append(Fact(label: l.t("job.fact.brief"), value: job.brief)) }
        if !job.deliverables.isEmpty {
            facts.append(Fact(label: l.t("job.fact.deliverables"), value: job.deliverables.joined(separator: ", ")))
        }
        if !job.files.isEmpty {
            facts.append(Fact(label: l.t("job.fact.files"), value: job.files.map(\.name).joined(separator: ", ")))
        }
        return facts
    }

    /// "Vendor accepted · Offered → Accepted", "Assigned", "Put on hold", …
    static func event(_ job: Job, _ e: JobEvent, users: [User.ID: String], _ l: Localizer) -> EventRow {
        let key = "job.event.\(e.kind)"
        let what =
            l.has(key)
            ? l.t(key) : l.has("production.move.\(e.kind)") ? l.t("production.move.\(e.kind)") : e.kind
        var change: String?
        if let from = e.from, let to = e.to, from != to {
            change = "\(l.t("production.status.\(from.rawValue)")) → \(l.t("production.status.\(to.rawValue)"))"
        }
        return EventRow(
            what: what, change: change, by: e.by.flatMap { users[$0] } ?? l.t("notification.system_actor"),
            at: l.formatDateTime(e.at), atISO: ISO8601DateFormatter().string(from: e.at), note: e.note)
    }
}
