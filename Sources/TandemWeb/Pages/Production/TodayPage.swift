import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The PM's day (`/today`): their open jobs due within a week or overdue, offers waiting for a
/// vendor's answer, and promises at risk (the promise's stored status, or a forecast finish
/// after the promised instant). `?all=1` shows every PM's.
enum TodayPage {
    struct JobRow: Encodable {
        var project: String
        var projectHref: String
        var target: String
        var step: String
        var status: QuoteViews.Badge
        var due: String
        var overdue: Bool
    }
    struct RiskRow: Encodable {
        var project: String
        var projectHref: String
        var target: String
        var promised: String
        var expected: String?
        var reason: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var showingAll: Bool
        var toggleHref: String
        var toggleLabel: String
        var due: [JobRow]
        var offers: [JobRow]
        var risks: [RiskRow]
        var projectsHref = SiteRoute.area(.projects).path
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewProjects)
        let l = req.localizer
        let now = req.appEnvironment.now
        let isPM = user.roles.contains(.pm)
        let all = req.query[String.self, at: "all"] == "1" || !isPM
        var projects: [Project.ID: Project] = [:]
        for project in try await req.stores.quoteStores.projects.list() where all || project.pmID == user.id {
            projects[project.id] = project
        }
        let open = try await req.stores.production.openJobs().filter { projects[$0.projectID] != nil }
        func row(_ job: Job) -> JobRow {
            let project = projects[job.projectID]!
            return JobRow(
                project: project.name, projectHref: SiteRoute.project(PathParameter(project.id)).path + "#production",
                target: QuoteDocument.languageName(job.targetLanguage, in: l),
                step: ProjectProductionSection.stepName(job, l), status: ProjectProductionSection.badge(job.status, l),
                due: l.formatDateTime(job.due), overdue: job.due < now)
        }
        let soon = now.addingTimeInterval(7 * 86400)
        let due = open.filter { $0.due <= soon && $0.status != .offered }.map(row)
        let offers = open.filter { $0.status == .offered }.map(row)
        var risks: [RiskRow] = []
        for project in projects.values.sorted(by: { $0.name < $1.name }) {
            let promises = try await req.stores.quoteStores.projects.promises(of: project.id)
            guard promises.contains(where: { $0.status == .onTrack || $0.status == .atRisk }) else { continue }
            let forecast = try await ProductionChanges.forecast(project.id, stores: req.stores, now: now)
            for promise in promises where promise.status == .onTrack || promise.status == .atRisk {
                let expected = forecast[promise.targetLanguage]?.expectedFinish
                let late = expected.map { $0 > promise.deliveryDate } ?? false
                guard promise.status == .atRisk || late else { continue }
                risks.append(
                    RiskRow(
                        project: project.name, projectHref: SiteRoute.project(PathParameter(project.id)).path,
                        target: QuoteDocument.languageName(promise.targetLanguage, in: l),
                        promised: l.formatDateTime(promise.deliveryDate),
                        expected: expected.map { l.formatDateTime($0) },
                        reason: l.t(late ? "today.risk.plan_late" : "today.risk.status")))
            }
        }
        let context = Context(
            shell: try await req.shell(title: l.t("today.title"), area: .today), showingAll: all,
            toggleHref: SiteRoute.today.path + (all ? "" : "?all=1"),
            toggleLabel: l.t(all ? "today.show_mine" : "today.show_all"), due: due, offers: offers, risks: risks)
        return try await req.renderPage("production/today", context)
    }
}
