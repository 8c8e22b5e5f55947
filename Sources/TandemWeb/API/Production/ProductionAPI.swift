import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Vapor

/// `/api/v1/projects/{id}/proposals|hold|purchase-orders`, `/api/v1/jobs/{id}[/assign|/transition]`,
/// `/api/v1/assignments/{id}` and `/api/v1/purchase-orders` (docs/production.md).
enum ProductionAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.projectProposals(":id"), use: proposals)
        api.on(.GET, APIRoute.projectHold(":id"), use: hold)
        api.on(.PUT, APIRoute.projectHold(":id"), use: setHold)
        api.on(.GET, APIRoute.projectPurchaseOrders(":id"), use: projectOrders)
        api.on(.GET, APIRoute.job(":id"), use: job)
        api.on(.POST, APIRoute.jobAssign(":id"), use: assign)
        api.on(.POST, APIRoute.jobTransition(":id"), use: transition)
        api.on(.DELETE, APIRoute.jobAssignment(":id"), use: unassign)
        api.on(.GET, APIRoute.purchaseOrders, use: orders)
        api.on(.GET, APIRoute.purchaseOrder(":id"), use: order)
        api.on(.GET, APIRoute.purchaseOrderPDF(":id"), use: PurchaseOrderDocument.apiPDF)
    }

    static func work(_ req: Request) -> ProductionWork {
        ProductionWork(req.appEnvironment, capacity: req.application.capacity)
    }

    struct Items<Item: Content>: Content { var items: [Item] }

    @Sendable static func proposals(req: Request) async throws -> Items<ProductionBodies.ProposalBody> {
        let found = try await work(req).proposals(try req.apiID(), by: try req.requireUser())
        return Items(items: found.map(ProductionBodies.ProposalBody.init))
    }

    @Sendable static func hold(req: Request) async throws -> ProductionBodies.HoldBody {
        let state = try await work(req).state(try req.apiID(), by: try req.requireUser())
        return ProductionBodies.HoldBody(state.hold)
    }

    struct HoldInput: Decodable {
        var onHold: Bool
        var reason: String?
    }

    @Sendable static func setHold(req: Request) async throws -> ProductionBodies.HoldBody {
        let input = try req.decodeJSON(HoldInput.self)
        let hold = try await work(req).setHold(
            try req.apiID(), onHold: input.onHold, reason: input.reason, by: try req.requireUser())
        return ProductionBodies.HoldBody(hold)
    }

    @Sendable static func projectOrders(req: Request) async throws -> ListEnvelope<ProductionBodies.PurchaseOrderBody> {
        let user = try req.requireUser()
        try req.authorize(.manageProduction)
        let state = try await work(req).state(try req.apiID(), by: user)
        return ListEnvelope(items: state.purchaseOrders.map(ProductionBodies.PurchaseOrderBody.init), nextCursor: nil)
    }

    struct JobDetail: Content {
        var job: ProductionBodies.JobBody
        var events: [EventBody]
    }

    struct EventBody: Content {
        var kind: String
        @NullWhenAbsent var from: String?
        @NullWhenAbsent var to: String?
        var at: String
        @NullWhenAbsent var by: String?
        var note: String
    }

    static func detail(_ req: Request, _ id: Job.ID) async throws -> JobDetail {
        try req.authorize(.viewProjects)
        guard let job = try await req.stores.production.job(id) else { throw DomainError.jobNotFound }
        let assignments = try await req.stores.production.assignments(of: [id])
        let events = try await req.stores.production.events(of: id).map {
            EventBody(
                kind: $0.kind, from: $0.from?.rawValue, to: $0.to?.rawValue, at: Instant($0.at).iso8601,
                by: $0.by?.description, note: $0.note)
        }
        return JobDetail(job: ProductionBodies.JobBody(job, assignments: assignments), events: events)
    }

    @Sendable static func job(req: Request) async throws -> JobDetail { try await detail(req, try req.apiID()) }

    struct AssignInput: Decodable {
        var vendorId: String?
        var words: Int?
    }

    struct AssignedBody: Content {
        var assignment: ProductionBodies.AssignmentBody
        @NullWhenAbsent var check: ProductionBodies.CheckBody?
        var job: ProductionBodies.JobBody
    }

    @Sendable static func assign(req: Request) async throws -> Response {
        let input = try req.decodeJSON(AssignInput.self)
        if input.vendorId == nil {
            throw APIError.invalidFields([.init(field: "vendorId", code: "required", key: "error.api.field.required")])
        }
        let id: Job.ID = try req.apiID()
        let done = try await work(req).assign(
            id, vendorID: input.vendorId, words: input.words, by: try req.requireUser())
        let assignments = try await req.stores.production.assignments(of: [id])
        let body = AssignedBody(
            assignment: .init(done.assignment), check: done.check.map(ProductionBodies.CheckBody.init),
            job: .init(done.job, assignments: assignments))
        return try await body.encodeResponse(status: .created, for: req)
    }

    struct TransitionInput: Decodable {
        var to: String?
        var at: String?
        var actualWords: Int?
        var reassign: Bool?
        var note: String?
    }

    /// A move the state machine refuses answers 409 with code `invalid_transition`.
    @Sendable static func transition(req: Request) async throws -> Response {
        let input = try req.decodeJSON(TransitionInput.self)
        let id: Job.ID = try req.apiID()
        let move = ProductionWork.Move(
            to: input.to, at: input.at, actualWords: input.actualWords, reassign: input.reassign ?? false,
            note: input.note)
        do {
            let job = try await work(req).transition(id, move, by: try req.requireUser())
            let assignments = try await req.stores.production.assignments(of: [id])
            return try await ProductionBodies.JobBody(job, assignments: assignments).encodeResponse(for: req)
        } catch let error as DomainError where JobStateMachine.isRefusal(error) {
            var described = ErrorDescription.describe(error, in: req.localizer)
            described.code = "invalid_transition"
            described.fields = described.fields.map {
                .init(field: $0.field, code: "invalid_transition", message: $0.message)
            }
            let body = APIErrorBody(
                error: .init(
                    code: described.code, message: described.message, field: described.field, fields: described.fields))
            return try await body.encodeResponse(status: .conflict, for: req)
        }
    }

    @Sendable static func unassign(req: Request) async throws -> HTTPStatus {
        try await work(req).unassign(try req.apiID(), by: try req.requireUser())
        return .noContent
    }

    @Sendable static func orders(req: Request) async throws -> ListEnvelope<ProductionBodies.PurchaseOrderBody> {
        try req.authorize(.manageProduction)
        let latest = try await req.stores.production.latestPurchaseOrders(limit: 200)
        return ListEnvelope(items: latest.map(ProductionBodies.PurchaseOrderBody.init), nextCursor: nil)
    }

    struct OrderDetail: Content {
        var order: ProductionBodies.PurchaseOrderBody
        var versions: [ProductionBodies.PurchaseOrderBody]
    }

    @Sendable static func order(req: Request) async throws -> OrderDetail {
        let found = try await PurchaseOrders.find(try req.apiID(), in: req.stores, by: try req.requireUser())
        return OrderDetail(
            order: .init(found.order), versions: found.versions.map(ProductionBodies.PurchaseOrderBody.init))
    }
}
