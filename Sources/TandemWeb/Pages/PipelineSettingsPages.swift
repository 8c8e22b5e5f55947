import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// Settings → Pipeline (admins): the Solution design threshold, stages, lost reasons, exchange rates.
enum PipelineSettingsPages {
    struct StageRow: Encodable {
        var action: String
        var name: String
        var order: Int
        var probability: Int
        var outcomes: [SelectOption]
        var milestones: [SelectOption]
    }
    struct ReasonRow: Encodable {
        var action: String
        var name: String
        var isActive: Bool
    }
    struct RateRow: Encodable {
        var currency: String
        var date: String
        var rate: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var baseCurrency: String
        var threshold: String
        var thresholdAction = SiteRoute.pipelineThreshold.path
        var stages: [StageRow]
        var newStage: StageRow
        var reasons: [ReasonRow]
        var newReasonAction = SiteRoute.pipelineLostReasons.path
        var rates: [RateRow]
        var newRateAction = SiteRoute.pipelineExchangeRates.path
        var errors: [String]
        var errorSection: String?
        var backHref = SiteRoute.area(.settings).path
    }
    struct StageForm: Content {
        var name: String?
        var order: String?
        var probability: String?
        var outcome: String?
        var milestone: String?
    }
    struct ReasonForm: Content {
        var name: String?
        var isActive: String?
    }
    struct RateForm: Content {
        var currency: String?
        var date: String?
        var rate: String?
    }
    struct ThresholdForm: Content { var threshold: String? }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.pipelineSettings, use: page)
        routes.post(.pipelineThreshold, use: threshold)
        routes.post(.pipelineStages, use: createStage)
        routes.post(.pipelineStage(":id"), use: updateStage)
        routes.post(.pipelineLostReasons, use: createReason)
        routes.post(.pipelineLostReason(":id"), use: updateReason)
        routes.post(.pipelineExchangeRates, use: createRate)
    }

    static func outcomeOptions(_ req: Request, _ chosen: StageOutcome) -> [SelectOption] {
        StageOutcome.allCases.map {
            SelectOption(
                value: $0.rawValue, label: req.localizer.t("stage.outcome.\($0.rawValue)"), selected: $0 == chosen)
        }
    }
    static func milestoneOptions(_ req: Request, _ chosen: StageMilestone?) -> [SelectOption] {
        [SelectOption(value: "", label: "—", selected: chosen == nil)]
            + StageMilestone.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: req.localizer.t("stage.milestone.\($0.rawValue)"), selected: $0 == chosen
                )
            }
    }

    static func render(
        _ req: Request, errors: [String] = [], section: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let l = req.localizer
        let settings = try await req.stores.pipeline.settings.load()
        let base = try await req.organisation().baseCurrency
        let stages = try await req.stores.pipeline.stages.list().map {
            StageRow(
                action: SiteRoute.pipelineStage($0.id).path, name: $0.name, order: $0.order,
                probability: $0.probability,
                outcomes: outcomeOptions(req, $0.outcome), milestones: milestoneOptions(req, $0.milestone))
        }
        let context = Context(
            shell: try await req.shell(title: l.t("settings.pipeline"), area: .settings), baseCurrency: base.code,
            threshold: settings.solutionDesignThreshold?.canonicalString ?? "", stages: stages,
            newStage: StageRow(
                action: SiteRoute.pipelineStages.path, name: "", order: (stages.last?.order ?? 0) + 10, probability: 50,
                outcomes: outcomeOptions(req, .open), milestones: milestoneOptions(req, nil)),
            reasons: try await req.stores.pipeline.lostReasons.list().map {
                ReasonRow(action: SiteRoute.pipelineLostReason($0.id).path, name: $0.name, isActive: $0.isActive)
            },
            rates: try await req.stores.pipeline.exchangeRates.list().sorted {
                ($0.currency.code, $1.date) < ($1.currency.code, $0.date)
            }
            .map {
                RateRow(
                    currency: $0.currency.code,
                    date: CalendarDate(year: $0.date.year, month: $0.date.month, day: $0.date.day).map(l.formatDate)
                        ?? $0.date.description, rate: $0.rate.canonicalString)
            }, errors: errors, errorSection: section)
        return try await req.renderPage("settings/pipeline", context, status: status)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        try req.require(PipelineAccess.canAdminister)
        return try await render(req)
    }

    /// Runs an admin change; on success back to the page with a flash, else the page with the errors.
    static func change(_ req: Request, section: String, _ body: () async throws -> Void) async throws -> Response {
        try req.require(PipelineAccess.canAdminister)
        do {
            try await body()
            let response = req.redirect(to: SiteRoute.pipelineSettings.path + "#" + section)
            req.setFlash(response, "settings.pipeline.saved")
            return response
        } catch  where !error.domainErrors.isEmpty {
            return try await render(
                req,
                errors: OpportunityPages.formErrors(error, in: req).messages.sorted { $0.key < $1.key }.map(\.value),
                section: section,
                status: error.domainErrors.first.map { if case .conflict = $0 { return true } else { return false } }
                    == true
                    ? .conflict : .unprocessableEntity)
        }
    }

    static func stageInput(_ form: StageForm) -> PipelineAdministration.StageInput {
        .init(
            name: form.name ?? "", order: Int(form.order ?? "") ?? -1, probability: Int(form.probability ?? "") ?? -1,
            outcome: form.outcome ?? "", milestone: form.milestone)
    }

    @Sendable static func threshold(req: Request) async throws -> Response {
        let form = try req.content.decode(ThresholdForm.self)
        return try await change(req, section: "threshold") {
            _ = try await PipelineAdministration(req.appEnvironment).setThreshold(form.threshold ?? "")
        }
    }

    @Sendable static func createStage(req: Request) async throws -> Response {
        let form = try req.content.decode(StageForm.self)
        return try await change(req, section: "stages") {
            _ = try await PipelineAdministration(req.appEnvironment).createStage(stageInput(form))
        }
    }

    @Sendable static func updateStage(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("id"), let id = Stage.ID(uuidString: raw) else { throw Abort(.notFound) }
        let form = try req.content.decode(StageForm.self)
        return try await change(req, section: "stages") {
            _ = try await PipelineAdministration(req.appEnvironment).updateStage(id) { $0 = stageInput(form) }
        }
    }

    @Sendable static func createReason(req: Request) async throws -> Response {
        let form = try req.content.decode(ReasonForm.self)
        return try await change(req, section: "lost-reasons") {
            _ = try await PipelineAdministration(req.appEnvironment).createLostReason(name: form.name ?? "")
        }
    }

    @Sendable static func updateReason(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("id"), let id = LostReason.ID(uuidString: raw) else {
            throw Abort(.notFound)
        }
        let form = try req.content.decode(ReasonForm.self)
        return try await change(req, section: "lost-reasons") {
            _ = try await PipelineAdministration(req.appEnvironment).updateLostReason(
                id, name: form.name ?? "", isActive: form.isActive == "on")
        }
    }

    @Sendable static func createRate(req: Request) async throws -> Response {
        let form = try req.content.decode(RateForm.self)
        return try await change(req, section: "exchange-rates") {
            _ = try await PipelineAdministration(req.appEnvironment).createExchangeRate(
                currency: form.currency ?? "", date: form.date ?? "", rate: form.rate ?? "")
        }
    }
}
