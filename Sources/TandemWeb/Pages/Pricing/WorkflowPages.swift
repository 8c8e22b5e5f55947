import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// Settings → Workflows: the steps each quoted service goes through. Everyone reads them (quotes
/// and projects follow them); admins edit them.
enum WorkflowPages {
    struct StepRow: Encodable {
        var prefix: String
        var service: String
        var performers: [SelectOption]
        var units: [SelectOption]
        var efforts: [SelectOption]
        var hours: String
        var errors: [String]
    }
    struct Workflow: Encodable {
        var service: String
        var label: String
        var chain: [String]
        var version: Int
        var action: String?
        var rows: [StepRow]
        var summary: String?
        var anchor: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var workflows: [Workflow]
        var newAction: String?
        var newService: String
        var newError: String?
        var services: [String]
        var backHref = SiteRoute.area(.settings).path
    }

    static let extraRows = 2

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.workflows, use: page)
        routes.post(.workflow(":service"), use: save)
        routes.post(.workflows, use: save)
    }

    static func canEdit(_ user: User) -> Bool { Policy.permits(user, .managePricingSettings) }

    @Sendable static func page(req: Request) async throws -> Response {
        _ = try req.requireUser()
        return try await render(req)
    }

    /// Saves one service's steps; a new service comes from the form's `service` field.
    @Sendable static func save(req: Request) async throws -> Response {
        try req.require(canEdit)
        let form = try req.content.decode([String: String].self)
        let service = req.parameters.get("service") ?? (form["service"] ?? "")
        var steps: [PricingAdministration.StepInput] = []
        var rows: [Int] = []
        for row in 0..<30 where form["step_\(row)_service"] != nil {
            let name = (form["step_\(row)_service"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            let hours = (form["step_\(row)_hours"] ?? "").trimmingCharacters(in: .whitespaces)
            steps.append(
                .init(
                    service: name, performer: form["step_\(row)_performer"] ?? "", unit: form["step_\(row)_unit"] ?? "",
                    effort: form["step_\(row)_effort"] ?? "",
                    fixedHours: hours.isEmpty
                        ? nil : ((try? req.localizer.parseDecimal(hours))?.canonicalString ?? hours)))
            rows.append(row)
        }
        let admin = PricingAdministration(req.appEnvironment)
        do {
            if req.parameters.get("service") == nil {
                // A new workflow starts as one vendor step of its own service, edited afterwards.
                let name = service.trimmingCharacters(in: .whitespaces).lowercased()
                if try await admin.workflows().contains(where: { $0.service.rawValue == name }) {
                    throw ValidationErrors([
                        .invalid(
                            "service", "error.workflow.exists", ["service": name],
                            fallback: "“\(name)” already has a workflow; edit it above.")
                    ])
                }
                steps = [.init(service: service, performer: "vendor", unit: "word", effort: "weighted-words")]
            }
            let saved = try await admin.saveWorkflow(
                service: service, steps: steps, expectedVersion: Int(form["version"] ?? "") ?? 1)
            let response = req.redirect(to: SiteRoute.workflows.path + "#workflow-\(saved.service.rawValue)")
            req.setFlash(
                response, "workflows.saved", ["service": RateCardPages.serviceLabel(saved.service, req.localizer)])
            return response
        } catch  where !error.domainErrors.isEmpty {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await render(
                req, failed: (service, steps, rows, errors),
                status: errors.messages["version"] == nil ? .unprocessableEntity : .conflict)
        }
    }

    typealias Failed = (service: String, steps: [PricingAdministration.StepInput], rows: [Int], errors: FormErrors)

    static func render(_ req: Request, failed: Failed? = nil, status: HTTPResponseStatus = .ok) async throws -> Response
    {
        let l = req.localizer
        let editable = canEdit(try req.requireUser())
        var templates = try await PricingAdministration(req.appEnvironment).workflows()
        let newError = failed?.errors.messages["service"]
        let failedService =
            newError == nil ? failed.flatMap { try? LinguisticService(parsing: $0.service, field: "service") } : nil
        if let failedService, !templates.contains(where: { $0.service == failedService }) {
            templates.append(WorkflowTemplate(service: failedService, steps: []))
        }
        // Translation first, as the known services are listed; others by name.
        let order = LinguisticService.known + [.review, .qa]
        templates.sort {
            (order.firstIndex(of: $0.service) ?? order.count, $0.service.rawValue)
                < (order.firstIndex(of: $1.service) ?? order.count, $1.service.rawValue)
        }
        let workflows = templates.map { template -> Workflow in
            let isFailed = failedService == template.service
            let inputs =
                isFailed
                ? failed!.steps
                : template.steps.map {
                    PricingAdministration.StepInput(
                        service: $0.service.rawValue, performer: $0.performer.rawValue, unit: $0.unit.rawValue,
                        effort: $0.effort.rawValue,
                        fixedHours: $0.fixedHours.map { l.format($0, maximumFractionDigits: 2) })
                }
            let blank = PricingAdministration.StepInput(
                service: "", performer: "vendor", unit: "word", effort: "weighted-words")
            let rows = (inputs + Array(repeating: blank, count: extraRows)).enumerated().map { index, step in
                stepRow(index, step, errors: isFailed ? messages(failed!, index: index) : [], l)
            }
            return Workflow(
                service: template.service.rawValue, label: RateCardPages.serviceLabel(template.service, l),
                chain: template.steps.map { chainLabel($0, l) }, version: template.version,
                action: editable ? SiteRoute.workflow(template.service).path : nil, rows: rows,
                summary: isFailed
                    ? (failed!.errors.messages["steps"] ?? failed!.errors.messages["version"]
                        ?? l.t("workflows.not_saved")) : nil,
                anchor: "workflow-\(template.service.rawValue)")
        }
        let context = Context(
            shell: try await req.shell(title: l.t("settings.workflows"), area: .settings), workflows: workflows,
            newAction: editable ? SiteRoute.workflows.path : nil,
            newService: newError == nil ? "" : (failed?.service ?? ""), newError: newError,
            services: (LinguisticService.known + [.review, .qa]).map(\.rawValue))
        return try await req.renderPage("pricing/workflows", context, status: status)
    }

    /// The messages of the form row `index` (errors name `steps[k]`, the k-th non-blank row).
    static func messages(_ failed: Failed, index: Int) -> [String] {
        guard let k = failed.rows.firstIndex(of: index) else { return [] }
        return failed.errors.messages.filter { $0.key.hasPrefix("steps[\(k)]") }.sorted { $0.key < $1.key }.map(\.value)
    }

    static func stepRow(_ index: Int, _ step: PricingAdministration.StepInput, errors: [String], _ l: Localizer)
        -> StepRow
    {
        func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ chosen: String, _ prefix: String)
            -> [SelectOption] where T.RawValue == String
        {
            T.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: l.t("\(prefix).\($0.rawValue)"), selected: $0.rawValue == chosen)
            }
        }
        return StepRow(
            prefix: "step_\(index)", service: step.service,
            performers: options(StepPerformer.self, step.performer, "workflow.performer"),
            units: options(PriceUnit.self, step.unit, "price_unit"),
            efforts: options(EffortBasis.self, step.effort, "workflow.effort"), hours: step.fixedHours ?? "",
            errors: errors)
    }

    static func chainLabel(_ step: WorkflowStep, _ l: Localizer) -> String {
        let name = RateCardPages.serviceLabel(step.service, l)
        if step.isInternal {
            return l.t(
                "workflows.internal_step",
                ["step": .text(name), "hours": .text(l.format(step.fixedHours ?? 0, maximumFractionDigits: 2))])
        }
        return l.t(
            "workflows.vendor_step",
            ["step": .text(name), "effort": .text(l.t("workflow.effort.\(step.effort.rawValue)"))])
    }
}
