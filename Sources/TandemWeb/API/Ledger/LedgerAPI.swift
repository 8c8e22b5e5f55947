import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/api/v1/promises`, the ledger's totals, deliveries, complaints, evaluations, change orders
/// and the client's time zone (docs/ledger.md).
enum LedgerAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.promises, use: list)
        api.on(.GET, APIRoute.ledgerTotals, use: totals)
        api.on(.GET, APIRoute.promise(":id"), use: show)
        api.on(.POST, APIRoute.promiseRenegotiate(":id"), use: renegotiate)
        api.on(.GET, APIRoute.promiseVersions(":id"), use: versions)
        api.on(.GET, APIRoute.promiseDeliveries(":id"), use: deliveries)
        api.on(.POST, APIRoute.promiseDeliveries(":id"), use: deliver)
        api.on(.PUT, APIRoute.accountTimeZone(":id"), use: setTimeZone)
        QualityAPI.register(api)
    }

    static func zone(_ req: Request) async throws -> TimeZone {
        let organisation = try await req.stores.organisation.load()
        return TimeZone(identifier: organisation.timeZone) ?? TimeZone(identifier: "UTC")!
    }

    @Sendable static func list(req: Request) async throws -> ListEnvelope<LedgerBodies.PromiseItem> {
        let user = try req.requireUser()
        var problems: [FieldError] = []
        let filter = LedgerQuery.read(req, zone: try await zone(req), problems: &problems)
        let paging = ListRequest<LedgerKey>(req, problems: &problems)
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let page = try await PromiseLedger(req.appEnvironment).page(
            filter, after: paging.after?.cursor, limit: paging.limit, for: user)
        return ListEnvelope(
            items: page.rows.map(LedgerBodies.PromiseItem.init),
            nextCursor: page.next.flatMap { ListRequest<LedgerKey>.encodeCursor(LedgerKey($0)) })
    }

    @Sendable static func totals(req: Request) async throws -> LedgerBodies.Totals {
        let user = try req.requireUser()
        var problems: [FieldError] = []
        let filter = LedgerQuery.read(req, zone: try await zone(req), problems: &problems)
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let page = try await PromiseLedger(req.appEnvironment).page(filter, after: nil, limit: 1, for: user)
        return LedgerBodies.Totals(page.totals)
    }

    @Sendable static func show(req: Request) async throws -> LedgerBodies.PromiseItem {
        LedgerBodies.PromiseItem(
            try await PromiseLedger(req.appEnvironment).entry(try req.apiID(), for: req.requireUser()))
    }

    struct RenegotiateBody: Decodable {
        var deliveryDate: String?
        var price: MoneyBody?
        var reason: String?
        var cause: String?
        var version: Int?
    }

    @Sendable static func renegotiate(req: Request) async throws -> LedgerBodies.PromiseItem {
        let id: Promise.ID = try req.apiID()
        let body = try req.decodeJSON(RenegotiateBody.self)
        let entry = try await PromiseLedger(req.appEnvironment).renegotiate(
            id,
            .init(
                deliveryDate: body.deliveryDate, price: try body.price?.money(), reason: body.reason, cause: body.cause,
                version: body.version), by: try req.requireUser())
        return LedgerBodies.PromiseItem(entry)
    }

    struct Items<Item: Content>: Content { var items: [Item] }

    @Sendable static func versions(req: Request) async throws -> Items<LedgerBodies.Version> {
        let ledger = PromiseLedger(req.appEnvironment)
        let entry = try await ledger.entry(try req.apiID(), for: req.requireUser())
        return Items(items: try await ledger.versions(of: entry).map(LedgerBodies.Version.init))
    }

    @Sendable static func deliveries(req: Request) async throws -> Items<LedgerBodies.Delivery> {
        let entry = try await PromiseLedger(req.appEnvironment).entry(try req.apiID(), for: req.requireUser())
        return Items(items: try await req.stores.ledger.deliveries(of: entry.id).map(LedgerBodies.Delivery.init))
    }

    struct DeliverBody: Decodable {
        var deliveredAt: String?
        var what: String?
        var recipient: String?
        var cost: MoneyBody?
        var fullScope: Bool?
        var lateCause: String?
        var note: String?
    }

    @Sendable static func deliver(req: Request) async throws -> Response {
        let id: Promise.ID = try req.apiID()
        let body = try req.decodeJSON(DeliverBody.self)
        let outcome = try await PromiseLedger(req.appEnvironment).deliver(
            id,
            .init(
                deliveredAt: body.deliveredAt, what: body.what, recipient: body.recipient, cost: try body.cost?.money(),
                fullScope: body.fullScope ?? true, lateCause: body.lateCause, note: body.note),
            by: try req.requireUser())
        let answer = LedgerBodies.DeliveryOutcome(
            delivery: LedgerBodies.Delivery(outcome.delivery), promise: LedgerBodies.PromiseItem(outcome.entry))
        return try await answer.encodeResponse(status: .created, for: req)
    }

    struct TimeZoneBody: Content {
        @NullWhenAbsent var timeZone: String?
    }

    @Sendable static func setTimeZone(req: Request) async throws -> TimeZoneBody {
        let body = try req.decodeJSON(TimeZoneBody.self)
        let zone = try await PromiseLedger(req.appEnvironment).setTimeZone(
            body.timeZone, of: try req.apiID(), by: try req.requireUser())
        return TimeZoneBody(timeZone: zone)
    }
}
