import Foundation
import TandemApp
import TandemDomain
import Vapor

/// Production's pages and forms (docs/production.md): the PM's day (`/today`), the project
/// page's forms (assign, assign every proposal, move a job, hold) and purchase orders. Each form
/// redirects back to the project page with a message; a refusal is shown the same way.
enum ProductionPages {
    static func register(_ routes: any RoutesBuilder) {
        PurchaseOrderDocument.register(pages: routes)
        routes.get(.today, use: TodayPage.show)
        JobPage.register(routes)  // issue #15: the job's own page and thread
        routes.post(.projectAssignProposals(":id"), use: assignProposals)
        routes.post(.projectHold(":id"), use: hold)
        routes.post(.jobAssign(":id"), use: assign)
        routes.post(.jobMove(":id"), use: move)
    }

    static func work(_ req: Request) -> ProductionWork {
        ProductionWork(req.appEnvironment, capacity: req.application.capacity)
    }

    static func id<Owner>(_ req: Request, _ notFound: DomainError) throws -> Identifier<Owner> {
        guard let raw = req.parameters.get("id"), let id = Identifier<Owner>(uuidString: raw) else { throw notFound }
        return id
    }

    static func back(_ req: Request, _ project: Project.ID) -> Response {
        req.redirect(to: SiteRoute.project(PathParameter(project)).path + "#production")
    }

    /// Runs a form's action. A user error shows the project page again (422) with the message next
    /// to the field it concerns in the form that was sent (`form`, of `job`), keeping what was typed.
    static func run(
        _ req: Request, project: Project.ID, success: String, _ args: [String: String] = [:],
        form: (name: String, job: String?, typed: [String: String])? = nil, _ body: () async throws -> Void
    ) async throws -> Response {
        let response = back(req, project)
        do {
            try await body()
            req.setFlash(response, success, args)
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            let l = req.localizer
            let text = error.domainErrors.map { $0.localized { key, arguments in l.t(key, arguments) } }
                .joined(separator: " ")
            guard let form else {
                req.setFlash(response, kind: "error", "production.flash.refused", ["reason": text])
                return response
            }
            let field = error.domainErrors.compactMap(\.field).first
            let shown = ProjectProductionSection.FormError(
                form: form.name, field: field, message: text, value: field.flatMap { form.typed[$0] },
                vendorId: form.typed["vendorId"])
            return try await ProjectPages.render(
                req, comment: "", errors: FormErrors(), status: .unprocessableEntity, project: project,
                productionError: (shown, job: form.job))
        }
        return response
    }

    struct AssignForm: Content {
        var vendorId: String?
        var words: String?
    }

    @Sendable static func assign(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let jobID: Job.ID = try id(req, .jobNotFound)
        guard let job = try await req.stores.production.job(jobID) else { throw DomainError.jobNotFound }
        let form = try req.content.decode(AssignForm.self)
        let words = form.words.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        var late = false
        let typed = ["vendorId": form.vendorId ?? "", "words": form.words ?? ""]
        let response = try await run(
            req, project: job.projectID, success: "production.flash.assigned",
            form: ("assign", jobID.description, typed)
        ) {
            let done = try await work(req).assign(jobID, vendorID: form.vendorId, words: words, by: user)
            late = done.check?.late ?? false
        }
        if late { req.setFlash(response, kind: "info", "production.flash.assigned_late") }
        return response
    }

    @Sendable static func assignProposals(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let projectID: Project.ID = try id(req, .projectNotFound)
        return try await run(req, project: projectID, success: "production.flash.proposals_assigned") {
            _ = try await work(req).assignProposals(projectID, by: user)
        }
    }

    struct MoveForm: Content {
        var to: String?
        var actualWords: String?
        var reassign: String?
        var note: String?
    }

    @Sendable static func move(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let jobID: Job.ID = try id(req, .jobNotFound)
        guard let job = try await req.stores.production.job(jobID) else { throw DomainError.jobNotFound }
        let form = try req.content.decode(MoveForm.self)
        let words = form.actualWords.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let status =
            JobMove(rawValue: form.to ?? "").map { "production.move.\($0.rawValue)" } ?? "production.move.offered"
        return try await run(
            req, project: job.projectID, success: "production.flash.moved", ["move": req.localizer.t(status)],
            form: ("move", jobID.description, ["actualWords": form.actualWords ?? ""])
        ) {
            _ = try await work(req).transition(
                jobID, .init(to: form.to, actualWords: words, reassign: form.reassign == "1", note: form.note), by: user
            )
        }
    }

    struct HoldForm: Content {
        var onHold: String?
        var reason: String?
    }

    @Sendable static func hold(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let projectID: Project.ID = try id(req, .projectNotFound)
        let form = try req.content.decode(HoldForm.self)
        let onHold = form.onHold == "1"
        return try await run(
            req, project: projectID, success: onHold ? "production.flash.held" : "production.flash.released",
            form: ("hold", nil, ["reason": form.reason ?? ""])
        ) {
            _ = try await work(req).setHold(projectID, onHold: onHold, reason: form.reason, by: user)
        }
    }
}
