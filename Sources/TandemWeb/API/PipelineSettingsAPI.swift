import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/api/v1/stages`, `/api/v1/lost-reasons`, `/api/v1/exchange-rates`: everyone in sales and
/// production reads them; admins change them.
enum PipelineSettingsAPI {
    struct StageKey: Codable, Comparable {
        var order: Int
        var name: String
        var id: String
        static func < (a: Self, b: Self) -> Bool { (a.order, a.name, a.id) < (b.order, b.name, b.id) }
    }
    struct NameKey: Codable, Comparable {
        var name: String
        var id: String
        static func < (a: Self, b: Self) -> Bool { (a.name, a.id) < (b.name, b.id) }
    }
    struct RateKey: Codable, Comparable {
        var currency: String
        var date: String
        var id: String
        static func < (a: Self, b: Self) -> Bool { (a.currency, a.date, a.id) < (b.currency, b.date, b.id) }
    }

    struct StageInputBody: Decodable {
        var name: String
        var order: Int
        var probability: Int
        var outcome: String
        var milestone: String?
    }
    struct StagePatchBody: Decodable {
        var name: String?
        var order: Int?
        var probability: Int?
        var outcome: String?
        var milestone: String?
    }
    struct LostReasonInputBody: Decodable { var name: String }
    struct LostReasonPatchBody: Decodable {
        var name: String?
        var isActive: Bool?
    }
    struct RateInputBody: Decodable {
        var currency: String
        var date: String
        var rate: String
    }
    struct RatePatchBody: Decodable {
        var currency: String?
        var date: String?
        var rate: String?
    }

    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.stages, use: listStages)
        api.on(.POST, APIRoute.stages, use: createStage)
        api.on(.GET, APIRoute.stage(":id"), use: showStage)
        api.on(.PATCH, APIRoute.stage(":id"), use: updateStage)
        api.on(.GET, APIRoute.lostReasons, use: listReasons)
        api.on(.POST, APIRoute.lostReasons, use: createReason)
        api.on(.GET, APIRoute.lostReason(":id"), use: showReason)
        api.on(.PATCH, APIRoute.lostReason(":id"), use: updateReason)
        api.on(.GET, APIRoute.exchangeRates, use: listRates)
        api.on(.POST, APIRoute.exchangeRates, use: createRate)
        api.on(.GET, APIRoute.exchangeRate(":id"), use: showRate)
        api.on(.PATCH, APIRoute.exchangeRate(":id"), use: updateRate)
    }

    static func created<Body: Content>(_ body: Body, at location: APIRoute, _ req: Request) async throws -> Response {
        let response = try await body.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: location.path)
        return response
    }

    @Sendable static func listStages(req: Request) async throws -> ListEnvelope<StageBody> {
        try req.require(PipelineAccess.canView)
        let paging = try ListRequest<StageKey>(req)
        let page = paging.page(try await req.stores.pipeline.stages.list()) {
            StageKey(order: $0.order, name: $0.name, id: $0.id.description)
        }
        return ListEnvelope(items: page.elements.map(StageBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func createStage(req: Request) async throws -> Response {
        try req.require(PipelineAccess.canManageStages)
        let body = try req.decodeJSON(StageInputBody.self)
        let stage = try await PipelineAdministration(req.appEnvironment).createStage(
            .init(
                name: body.name, order: body.order, probability: body.probability, outcome: body.outcome,
                milestone: body.milestone))
        return try await created(StageBody(stage), at: .stage(stage.id), req)
    }

    static func loadStage(_ req: Request) async throws -> Stage {
        guard let stage = try await req.stores.pipeline.stages.find(id: try req.apiID()) else {
            throw APIError.notFound(what: req.localizer.t("entity.stage"))
        }
        return stage
    }

    @Sendable static func showStage(req: Request) async throws -> StageBody {
        try req.require(PipelineAccess.canView)
        return StageBody(try await loadStage(req))
    }

    @Sendable static func updateStage(req: Request) async throws -> StageBody {
        try req.require(PipelineAccess.canManageStages)
        let stage = try await loadStage(req)
        let body = try req.decodeJSON(StagePatchBody.self)
        return StageBody(
            try await PipelineAdministration(req.appEnvironment).updateStage(stage.id) { input in
                if let name = body.name { input.name = name }
                if let order = body.order { input.order = order }
                if let probability = body.probability { input.probability = probability }
                if let outcome = body.outcome { input.outcome = outcome }
                if let milestone = body.milestone { input.milestone = milestone }
            })
    }

    @Sendable static func listReasons(req: Request) async throws -> ListEnvelope<LostReasonBody> {
        try req.require(PipelineAccess.canView)
        let paging = try ListRequest<NameKey>(req)
        let page = paging.page(try await req.stores.pipeline.lostReasons.list()) {
            NameKey(name: $0.name, id: $0.id.description)
        }
        return ListEnvelope(items: page.elements.map(LostReasonBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func createReason(req: Request) async throws -> Response {
        try req.require(PipelineAccess.canManageLostReasons)
        let body = try req.decodeJSON(LostReasonInputBody.self)
        let reason = try await PipelineAdministration(req.appEnvironment).createLostReason(name: body.name)
        return try await created(LostReasonBody(reason), at: .lostReason(reason.id), req)
    }

    static func loadReason(_ req: Request) async throws -> LostReason {
        guard let reason = try await req.stores.pipeline.lostReasons.find(id: try req.apiID()) else {
            throw APIError.notFound(what: req.localizer.t("entity.lost_reason"))
        }
        return reason
    }

    @Sendable static func showReason(req: Request) async throws -> LostReasonBody {
        try req.require(PipelineAccess.canView)
        return LostReasonBody(try await loadReason(req))
    }

    @Sendable static func updateReason(req: Request) async throws -> LostReasonBody {
        try req.require(PipelineAccess.canManageLostReasons)
        let reason = try await loadReason(req)
        let body = try req.decodeJSON(LostReasonPatchBody.self)
        return LostReasonBody(
            try await PipelineAdministration(req.appEnvironment).updateLostReason(
                reason.id, name: body.name, isActive: body.isActive))
    }

    @Sendable static func listRates(req: Request) async throws -> ListEnvelope<ExchangeRateBody> {
        try req.require(PipelineAccess.canView)
        var problems: [FieldError] = []
        let paging = ListRequest<RateKey>(req, problems: &problems)
        var currency: CurrencyCode?
        if let raw = req.query[String.self, at: "currency"] {
            currency = try? CurrencyCode(raw)
            if currency == nil {
                problems.append(
                    FieldError(
                        field: "currency", code: "invalid", key: "error.currency.invalid", arguments: ["value": raw]))
            }
        }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let base = try await req.organisation().baseCurrency
        let rates = try await req.stores.pipeline.exchangeRates.list().filter {
            currency == nil || $0.currency == currency
        }
        let page = paging.page(rates) {
            RateKey(currency: $0.currency.code, date: $0.date.description, id: $0.id.description)
        }
        return ListEnvelope(items: page.elements.map { ExchangeRateBody($0, base: base) }, nextCursor: page.nextCursor)
    }

    @Sendable static func createRate(req: Request) async throws -> Response {
        try req.require(PipelineAccess.canManageExchangeRates)
        let body = try req.decodeJSON(RateInputBody.self)
        let rate = try await PipelineAdministration(req.appEnvironment).createExchangeRate(
            currency: body.currency, date: body.date, rate: body.rate)
        let base = try await req.organisation().baseCurrency
        return try await created(ExchangeRateBody(rate, base: base), at: .exchangeRate(rate.id), req)
    }

    static func loadRate(_ req: Request) async throws -> ExchangeRate {
        guard let rate = try await req.stores.pipeline.exchangeRates.find(id: try req.apiID()) else {
            throw APIError.notFound(what: req.localizer.t("entity.exchange_rate"))
        }
        return rate
    }

    @Sendable static func showRate(req: Request) async throws -> ExchangeRateBody {
        try req.require(PipelineAccess.canView)
        return ExchangeRateBody(try await loadRate(req), base: try await req.organisation().baseCurrency)
    }

    @Sendable static func updateRate(req: Request) async throws -> ExchangeRateBody {
        try req.require(PipelineAccess.canManageExchangeRates)
        let rate = try await loadRate(req)
        let body = try req.decodeJSON(RatePatchBody.self)
        let updated = try await PipelineAdministration(req.appEnvironment).updateExchangeRate(
            rate.id, currency: body.currency, date: body.date, rate: body.rate)
        return ExchangeRateBody(updated, base: try await req.organisation().baseCurrency)
    }
}
