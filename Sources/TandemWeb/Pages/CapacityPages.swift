import Foundation
import TandemDomain
import TandemPlanning
import TandemPlanningText
import Vapor

/// The capacity check: a plan file (`tandem plan`'s format, docs/planning.md) pasted or uploaded,
/// the engine's verdict, plan and reasons shown in the user's language and time zone. Until the
/// vendor records feed capacity live, the vendors come with the file.
enum CapacityPages {
    /// The plan at fault: the field's path and what is wrong with it.
    struct InputProblem: Encodable {
        var field: String
        var message: String
    }
    struct CheckContext: Encodable {
        var shell: PageShell
        /// What was pasted or uploaded, shown again in the text area.
        var plan: String
        var problem: InputProblem?
        var result: PlanSummary?
        /// The zone the page's times are in, e.g. "Europe/Paris".
        var timeZone: String
        var action = SiteRoute.capacityCheck.path
        var exampleHref = CapacityPages.exampleHref
        var backHref = SiteRoute.area(.capacity).path
    }
    struct AreaContext: Encodable {
        var shell: PageShell
        var heatmap: HeatmapView
        var checkHref = SiteRoute.capacityCheck.path
        var exampleHref = CapacityPages.exampleHref
        var deadlineHref = SiteRoute.deadlineCheck.path
    }
    struct Form: Content {
        var plan: String?
        var file: File?
    }

    /// The worked example of docs/planning.md, shipped with the resources.
    static let examplePath = "Examples/capacity-check.json"
    /// The check with the worked example loaded, linked from the area and the check.
    static let exampleHref = SiteRoute.capacityCheck.path + "?example=worked"

    /// `resourcesDirectory` ends with `/`. The worked example is read from it once, here, not
    /// on every request for it.
    static func register(_ routes: any RoutesBuilder, resourcesDirectory: String) {
        let example = try? String(contentsOfFile: resourcesDirectory + examplePath, encoding: .utf8)
        routes.get(.area(.capacity), use: area)
        routes.get(.capacityCheck) { req in try await show(req: req, example: example) }
        routes.post(.capacityCheck, use: check)
    }

    static func context(_ req: Request, plan: String, problem: InputProblem? = nil, result: PlanSummary? = nil)
        async throws -> CheckContext
    {
        CheckContext(
            shell: try await req.shell(title: req.localizer.t("capacity.check.title"), area: .capacity),
            plan: plan, problem: problem, result: result, timeZone: req.localizer.timeZone.identifier)
    }

    /// The capacity area: the heatmap of the coming weeks (`?from=YYYY-MM-DD` moves it), and
    /// the ways to the deadline check and the plan-file check.
    @Sendable static func area(req: Request) async throws -> Response {
        try req.authorize(.viewArea(.capacity))
        let window = try HeatmapWindow(from: req.query[String.self, at: "from"], weeks: nil, req: req)
        let heatmap = try await req.capacityHeatmap(window)
        let shell = try await req.shell(title: req.localizer.t("nav.capacity"), area: .capacity)
        return try await req.renderPage(
            "capacity/index", AreaContext(shell: shell, heatmap: HeatmapView(heatmap, localizer: req.localizer)))
    }

    /// The empty form, or with `?example=` the worked example (`example`, nil when the
    /// resources lack it: then there is no such page).
    static func show(req: Request, example: String?) async throws -> Response {
        try req.authorize(.viewArea(.capacity))
        var plan = ""
        if req.query[String.self, at: "example"] != nil {
            guard let example else { throw Abort(.notFound) }
            plan = example
        }
        return try await req.renderPage("capacity/check", try await context(req, plan: plan))
    }

    /// Plans the uploaded file if one was chosen, else the pasted text. Bad input shows the form
    /// again with what was sent and the field at fault (422).
    @Sendable static func check(req: Request) async throws -> Response {
        try req.authorize(.viewArea(.capacity))
        let form = try req.content.decode(Form.self)
        let uploaded = form.file.flatMap { $0.data.readableBytes > 0 ? String(buffer: $0.data) : nil }
        let plan = uploaded ?? form.plan ?? ""
        let l = req.localizer
        guard !plan.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            let problem = InputProblem(field: "", message: l.t("capacity.error.empty"))
            return try await req.renderPage(
                "capacity/check", try await context(req, plan: plan, problem: problem), status: .unprocessableEntity)
        }
        do {
            let result = try await req.checkPlan(Data(plan.utf8))
            return try await req.renderPage(
                "capacity/check", try await context(req, plan: plan, result: PlanSummary(result, localizer: l)))
        } catch let error as PlanningInputError {
            let notJSON = error.code == "not_json"
            let message = PlanningText.text(for: error, localizer: l)
            let problem = InputProblem(
                field: error.field,
                message: notJSON
                    ? l.t("capacity.error.not_json")
                    : l.t("capacity.error.field", ["field": error.field, "message": message]))
            return try await req.renderPage(
                "capacity/check", try await context(req, plan: plan, problem: problem), status: .unprocessableEntity)
        }
    }
}
