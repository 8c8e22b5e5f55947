import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/api/v1/rate-cards`: client price lists (docs/pricing.md). Sales, PMs, managers and admins
/// read them; managers and admins create and edit them, each edit a new version.
enum RateCardsAPI {
    struct NameKey: Codable, Comparable {
        var isAccount: Bool
        var name: String
        var id: String
        static func < (a: Self, b: Self) -> Bool {
            (a.isAccount ? 1 : 0, a.name, a.id) < (b.isAccount ? 1 : 0, b.name, b.id)
        }
    }
    struct VersionKey: Codable, Comparable {
        var version: Int
        static func < (a: Self, b: Self) -> Bool { a.version < b.version }
    }

    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.rateCards, use: list)
        api.on(.POST, APIRoute.rateCards, use: create)
        api.on(.GET, APIRoute.rateCard(":id"), use: show)
        api.on(.PATCH, APIRoute.rateCard(":id"), use: update)
        api.on(.GET, APIRoute.rateCardVersions(":id"), use: versions)
    }

    static func canView(_ user: User) -> Bool { Policy.permits(user, .viewRateCards) }
    static func canManage(_ user: User) -> Bool { Policy.permits(user, .manageRateCards) }

    @Sendable static func list(req: Request) async throws -> ListEnvelope<RateCardSummaryBody> {
        try req.require(canView)
        var problems: [FieldError] = []
        let paging = ListRequest<NameKey>(req, problems: &problems)
        var account: Account.ID?
        if let raw = req.query[String.self, at: "accountId"] {
            account = Account.ID(uuidString: raw)
            if account == nil {
                problems.append(FieldError(field: "accountId", code: "invalid", key: "error.api.bad_id"))
            }
        }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let cards = try await RateCardManagement(req.appEnvironment).list().filter {
            account == nil || $0.accountID == account
        }
        let page = paging.page(cards) { NameKey(isAccount: $0.accountID != nil, name: $0.name, id: $0.id.description) }
        return ListEnvelope(items: page.elements.map(RateCardSummaryBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(canManage)
        let body = try req.decodePricingJSON(RateCardRequestBody.self)
        let card = try await RateCardManagement(req.appEnvironment).create(body.newInput, by: try req.requireUser().id)
        let response = try await RateCardCreatedBody(id: card.id.description, version: card.version)
            .encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIRoute.rateCard(card.id).path)
        return response
    }

    @Sendable static func show(req: Request) async throws -> RateCardBody {
        try req.require(canView)
        let id: RateCard.ID = try req.apiID()
        var version: Int?
        if let raw = req.query[String.self, at: "version"] {
            guard let number = Int(raw), number >= 1 else {
                throw APIError.invalidFields([
                    FieldError(
                        field: "version", code: "invalid", key: "error.field.whole_number",
                        arguments: ["min": "1", "max": "1000000"])
                ])
            }
            version = number
        }
        guard let card = try await req.stores.pricing.rateCards.find(id: id, version: version) else {
            throw APIError.notFound(what: req.localizer.t("entity.rate_card"))
        }
        return RateCardBody(card)
    }

    @Sendable static func update(req: Request) async throws -> RateCardBody {
        try req.require(canManage)
        let id: RateCard.ID = try req.apiID()
        let body = try req.decodePricingJSON(RateCardRequestBody.self)
        if let account = body.accountId, !account.isEmpty,
            try await req.stores.pricing.rateCards.find(id: id, version: nil)?.accountID?.description != account
        {
            throw APIError.invalidFields([
                FieldError(field: "accountId", code: "immutable", key: "error.rate_card.account.immutable")
            ])
        }
        do {
            let card = try await RateCardManagement(req.appEnvironment).update(
                id, expectedVersion: body.version, by: try req.requireUser().id
            ) { body.apply(to: &$0) }
            return RateCardBody(card)
        } catch let error as DomainError where error == RateCard.notFound {
            throw APIError.notFound(what: req.localizer.t("entity.rate_card"))
        }
    }

    @Sendable static func versions(req: Request) async throws -> ListEnvelope<RateCardBody> {
        try req.require(canView)
        let id: RateCard.ID = try req.apiID()
        let paging = try ListRequest<VersionKey>(req)
        let all = try await RateCardManagement(req.appEnvironment).versions(of: id)
        guard !all.isEmpty else { throw APIError.notFound(what: req.localizer.t("entity.rate_card")) }
        let page = paging.page(all, by: { VersionKey(version: $0.version) }, descending: true)
        return ListEnvelope(items: page.elements.map(RateCardBody.init), nextCursor: page.nextCursor)
    }
}
