import Foundation
import TandemApp
import TandemDomain
import Vapor

/// Evaluations, vendor pair scores, complaints and change orders.
enum QualityAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.evaluations, use: evaluations)
        api.on(.POST, APIRoute.evaluations, use: evaluate)
        api.on(.GET, APIRoute.vendorQuality(":id"), use: vendorQuality)
        api.on(.GET, APIRoute.promiseComplaints(":id"), use: complaints)
        api.on(.POST, APIRoute.promiseComplaints(":id"), use: complain)
        api.on(.GET, APIRoute.projectChangeOrders(":id"), use: changeOrders)
        api.on(.POST, APIRoute.projectChangeOrders(":id"), use: proposeChangeOrder)
        api.on(.POST, APIRoute.changeOrderAgree(":id"), use: agree)
        api.on(.POST, APIRoute.changeOrderWithdraw(":id"), use: withdraw)
    }

    typealias Items = LedgerAPI.Items

    /// `?projectId=` (required): the project's evaluations.
    @Sendable static func evaluations(req: Request) async throws -> Items<LedgerBodies.Evaluation> {
        let user = try req.requireUser()
        try req.authorize(.viewLedger)
        guard let raw = req.query[String.self, at: "projectId"], let id = Project.ID(uuidString: raw) else {
            throw APIError.invalidFields([FieldError(field: "projectId", code: "required", key: "error.field.required")]
            )
        }
        let showVendor = Policy.permits(user, .viewVendors)
        return Items(
            items: try await req.stores.ledger.evaluations(projectID: id).map {
                LedgerBodies.Evaluation($0, showVendor: showVendor)
            })
    }

    struct EvaluationBody: Decodable {
        var vendorId: String?
        var sourceLanguage: String?
        var targetLanguage: String?
        var projectId: String?
        var promiseId: String?
        var jobId: String?
        var sampleWords: Int?
        var errors: [LedgerBodies.ErrorCountBody]?
        var timeliness: Int?
        var communication: Int?
        var comments: String?
    }

    struct EvaluationAnswer: Content {
        var evaluation: LedgerBodies.Evaluation
        var pairScore: LedgerBodies.PairScore
    }

    @Sendable static func evaluate(req: Request) async throws -> Response {
        let b = try req.decodeJSON(EvaluationBody.self)
        let (evaluation, pair) = try await QualityRecords(req.appEnvironment).evaluate(
            .init(
                vendorID: b.vendorId, sourceLanguage: b.sourceLanguage, targetLanguage: b.targetLanguage,
                projectID: b.projectId, promiseID: b.promiseId, jobID: b.jobId, sampleWords: b.sampleWords,
                errors: (b.errors ?? []).map { .init(category: $0.category, severity: $0.severity, count: $0.count) },
                timeliness: b.timeliness, communication: b.communication, comments: b.comments),
            by: try req.requireUser())
        return try await EvaluationAnswer(
            evaluation: LedgerBodies.Evaluation(evaluation, showVendor: true), pairScore: LedgerBodies.PairScore(pair)
        ).encodeResponse(status: .created, for: req)
    }

    @Sendable static func vendorQuality(req: Request) async throws -> Items<LedgerBodies.PairScore> {
        try req.authorize(.viewVendors)
        let id: VendorProfile.ID = try req.apiID()
        return Items(items: try await req.stores.ledger.pairQuality(of: id).map(LedgerBodies.PairScore.init))
    }

    @Sendable static func complaints(req: Request) async throws -> Items<LedgerBodies.Complaint> {
        let entry = try await PromiseLedger(req.appEnvironment).entry(try req.apiID(), for: req.requireUser())
        return Items(items: try await req.stores.ledger.complaints(of: entry.id).map(LedgerBodies.Complaint.init))
    }

    struct ComplaintBody: Decodable {
        var deliveryId: String?
        var receivedAt: String?
        var description: String?
        var severity: String?
        var justified: Bool?
        var rootCause: String?
        var correctiveAction: String?
    }

    @Sendable static func complain(req: Request) async throws -> Response {
        let b = try req.decodeJSON(ComplaintBody.self)
        let complaint = try await QualityRecords(req.appEnvironment).complain(
            try req.apiID(),
            .init(
                deliveryID: b.deliveryId, receivedAt: b.receivedAt, description: b.description, severity: b.severity,
                justified: b.justified ?? true, rootCause: b.rootCause, correctiveAction: b.correctiveAction),
            by: try req.requireUser())
        return try await LedgerBodies.Complaint(complaint).encodeResponse(status: .created, for: req)
    }

    @Sendable static func changeOrders(req: Request) async throws -> Items<LedgerBodies.ChangeOrder> {
        try req.authorize(.viewLedger)
        let id: Project.ID = try req.apiID()
        guard try await req.stores.quoteStores.projects.find(id: id) != nil else { throw DomainError.projectNotFound }
        return Items(items: try await req.stores.ledger.changeOrders(of: id).map(LedgerBodies.ChangeOrder.init))
    }

    struct ChangeOrderBody: Decodable {
        struct Item: Decodable {
            var kind: String?
            var targetLanguage: String?
            var words: String?
            var price: MoneyBody?
            var workDonePercent: String?
            var deliveryDate: String?
        }
        var items: [Item]?
        var reason: String?
    }

    @Sendable static func proposeChangeOrder(req: Request) async throws -> Response {
        let b = try req.decodeJSON(ChangeOrderBody.self)
        let items = try (b.items ?? []).map {
            ChangeOrders.ItemInput(
                kind: $0.kind, targetLanguage: $0.targetLanguage, words: $0.words, price: try $0.price?.money(),
                workDonePercent: $0.workDonePercent, deliveryDate: $0.deliveryDate)
        }
        let order = try await ChangeOrders(req.appEnvironment).propose(
            try req.apiID(), items: items, reason: b.reason, by: try req.requireUser())
        return try await LedgerBodies.ChangeOrder(order).encodeResponse(status: .created, for: req)
    }

    @Sendable static func agree(req: Request) async throws -> LedgerBodies.ChangeOrder {
        LedgerBodies.ChangeOrder(
            try await ChangeOrders(req.appEnvironment).agree(try req.apiID(), by: req.requireUser()))
    }

    @Sendable static func withdraw(req: Request) async throws -> LedgerBodies.ChangeOrder {
        LedgerBodies.ChangeOrder(
            try await ChangeOrders(req.appEnvironment).withdraw(try req.apiID(), by: req.requireUser()))
    }
}
