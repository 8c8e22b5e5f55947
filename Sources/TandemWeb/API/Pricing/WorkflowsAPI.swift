import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/api/v1/workflows` (everyone signed in reads them; admins edit) and
/// `/api/v1/pricing-settings` (admins, managers and PMs read; admins edit), docs/pricing.md.
enum WorkflowsAPI {
    struct ServiceKey: Codable, Comparable {
        var service: String
        static func < (a: Self, b: Self) -> Bool { a.service < b.service }
    }

    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.workflows, use: list)
        api.on(.GET, APIRoute.workflow(":service"), use: show)
        api.on(.PUT, APIRoute.workflow(":service"), use: save)
        api.on(.PATCH, APIRoute.workflow(":service"), use: save)
        api.on(.GET, APIRoute.pricingSettings, use: showSettings)
        api.on(.PATCH, APIRoute.pricingSettings, use: updateSettings)
        api.on(.PUT, APIRoute.accountMarginFloor(":id"), use: setMarginFloor)
    }

    static func canEdit(_ user: User) -> Bool { Policy.permits(user, .managePricingSettings) }

    static func service(_ req: Request) throws -> LinguisticService {
        do {
            return try LinguisticService(parsing: req.parameters.get("service") ?? "", field: "service")
        } catch {
            throw APIError.badRequest(code: "invalid", messageKey: "error.vendor.service", field: "service")
        }
    }

    @Sendable static func list(req: Request) async throws -> ListEnvelope<WorkflowBody> {
        _ = try req.requireUser()
        let paging = try ListRequest<ServiceKey>(req)
        let page = paging.page(try await PricingAdministration(req.appEnvironment).workflows()) {
            ServiceKey(service: $0.service.rawValue)
        }
        return ListEnvelope(items: page.elements.map(WorkflowBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func show(req: Request) async throws -> WorkflowBody {
        _ = try req.requireUser()
        return WorkflowBody(try await PricingAdministration(req.appEnvironment).workflow(for: try service(req)))
    }

    /// PUT replaces the steps; PATCH may leave them out (only to check a version). Both take the
    /// `version` read: an edit made meanwhile is a 409 naming `version`.
    @Sendable static func save(req: Request) async throws -> WorkflowBody {
        try req.require(canEdit)
        let service = try service(req)
        let body = try req.decodePricingJSON(WorkflowRequestBody.self)
        let admin = PricingAdministration(req.appEnvironment)
        let current = try await admin.workflow(for: service)
        if req.method == .PUT, body.steps == nil {
            throw APIError.invalidFields([FieldError(field: "steps", code: "required", key: "error.api.field.required")]
            )
        }
        let steps =
            body.steps?.map {
                PricingAdministration.StepInput(
                    service: $0.service, performer: $0.performer, unit: $0.unit, effort: $0.effort,
                    fixedHours: $0.fixedHours)
            }
            ?? current.steps.map {
                PricingAdministration.StepInput(
                    service: $0.service.rawValue, performer: $0.performer.rawValue, unit: $0.unit.rawValue,
                    effort: $0.effort.rawValue, fixedHours: $0.fixedHours?.canonicalString)
            }
        return WorkflowBody(
            try await admin.saveWorkflow(
                service: service.rawValue, steps: steps, expectedVersion: body.version ?? current.version))
    }

    @Sendable static func showSettings(req: Request) async throws -> PricingSettingsBody {
        try req.require { Policy.permits($0, .viewPricingSettings) }
        let admin = PricingAdministration(req.appEnvironment)
        return PricingSettingsBody(
            try await admin.settings(), base: try await req.organisation().baseCurrency,
            accountFloors: try await admin.accountMarginFloors())
    }

    @Sendable static func updateSettings(req: Request) async throws -> PricingSettingsBody {
        try req.require(canEdit)
        let body = try req.decodePricingJSON(PricingSettingsRequestBody.self)
        let admin = PricingAdministration(req.appEnvironment)
        let current = try await admin.settings()
        var input = PricingAdministration.SettingsInput(current)
        if let grid = body.effortGrid { input.effortGrid = grid }
        if let value = body.costPerWord { input.costPerWord = value }
        if let value = body.costPerPage { input.costPerPage = value }
        if let value = body.costPerHour { input.costPerHour = value }
        if let value = body.marginFloor { input.marginFloor = value }
        if let turnaround = body.standardTurnaround {
            input.wordsPerDay = String(turnaround.wordsPerDay)
            input.leadTimeDays = String(turnaround.leadTimeDays)
        }
        let saved = try await admin.saveSettings(input, expectedVersion: body.version ?? current.version)
        return PricingSettingsBody(
            saved, base: try await req.organisation().baseCurrency, accountFloors: try await admin.accountMarginFloors()
        )
    }

    struct MarginFloorBody: Content {
        @NullWhenAbsent var marginFloor: String?
    }

    /// `PUT /api/v1/accounts/{id}/margin-floor` `{"marginFloor": "40"}`; null removes the account's own.
    @Sendable static func setMarginFloor(req: Request) async throws -> MarginFloorBody {
        try req.require { Policy.permits($0, .setAccountMarginFloor) }
        let account: Account.ID = try req.apiID()
        let body = try req.decodePricingJSON(MarginFloorBody.self)
        let admin = PricingAdministration(req.appEnvironment)
        do {
            try await admin.setAccountMarginFloor(account, body.marginFloor ?? "")
        } catch let error as ValidationErrors where error.errors.first?.field == "accountId" {
            throw APIError.notFound(what: req.localizer.t("entity.account"))
        }
        let floor = try await admin.accountMarginFloors()[account]
        return MarginFloorBody(marginFloor: floor.map(PercentText.format))
    }
}
