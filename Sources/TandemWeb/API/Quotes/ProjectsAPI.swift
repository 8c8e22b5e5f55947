import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Vapor

/// `/api/v1/projects`: projects made from accepted quotes, with their promises; the PM
/// acknowledges or challenges the brief.
enum ProjectsAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.projects, use: list)
        api.on(.GET, APIRoute.project(":id"), use: show)
        api.on(.POST, APIRoute.projectBriefAcknowledge(":id"), use: acknowledge)
        api.on(.POST, APIRoute.projectBriefChallenge(":id"), use: challenge)
    }

    struct PromiseBody: Content {
        var id: String
        var targetLanguage: String
        var deliveryDate: String
        var price: MoneyBody
        var weightedWords: String
        var services: [String]
        var qualityLevel: String
        var salesOwnerId: String
        @NullWhenAbsent var pmId: String?
        var status: String
        init(_ p: Promise) {
            id = p.id.description
            targetLanguage = p.targetLanguage.description
            deliveryDate = Instant(p.deliveryDate).iso8601
            price = MoneyBody(p.price)
            weightedWords = p.weightedWords.canonicalString
            services = p.services
            qualityLevel = p.qualityLevel
            salesOwnerId = p.salesOwnerID.description
            pmId = p.pmID?.description
            status = p.status.rawValue
        }
    }

    struct ProjectBody: Content {
        var id: String
        var quoteId: String
        var accountId: String
        var opportunityId: String
        var name: String
        @NullWhenAbsent var brief: ClientBrief?
        var briefStatus: String
        var briefComment: String
        var clientReference: String
        var acceptedAt: String
        @NullWhenAbsent var optionId: String?
        var salesOwnerId: String
        @NullWhenAbsent var pmId: String?
        var promises: [PromiseBody]
        /// Production (docs/production.md): the jobs with their active assignments, and the hold.
        var jobs: [ProductionBodies.JobBody]
        var onHold: Bool

        init(_ p: Project, promises: [Promise], state: ProductionWork.ProjectState? = nil) {
            jobs = state.map { s in s.jobs.map { ProductionBodies.JobBody($0, assignments: s.assignments) } } ?? []
            onHold = state?.hold.onHold ?? false
            id = p.id.description
            quoteId = p.quoteID.description
            accountId = p.accountID.description
            opportunityId = p.opportunityID.description
            name = p.name
            brief = p.brief
            briefStatus = p.briefStatus.rawValue
            briefComment = p.briefComment
            clientReference = p.clientReference
            acceptedAt = Instant(p.acceptedAt).iso8601
            optionId = p.optionID?.description
            salesOwnerId = p.salesOwnerID.description
            pmId = p.pmID?.description
            self.promises = promises.map(PromiseBody.init)
        }
    }

    struct Key: Codable, Comparable {
        var createdAt: String
        var id: String
        static func < (a: Self, b: Self) -> Bool { (a.createdAt, a.id) < (b.createdAt, b.id) }
    }

    @Sendable static func list(req: Request) async throws -> ListEnvelope<ProjectBody> {
        try req.authorize(.viewProjects)
        let paging = try ListRequest<Key>(req)
        let page = paging.page(
            try await req.stores.quoteStores.projects.list(),
            by: { Key(createdAt: Instant($0.createdAt).iso8601, id: $0.id.description) }, descending: true)
        var items: [ProjectBody] = []
        for project in page.elements {
            items.append(
                ProjectBody(project, promises: try await req.stores.quoteStores.projects.promises(of: project.id)))
        }
        return ListEnvelope(items: items, nextCursor: page.nextCursor)
    }

    static func body(_ req: Request, _ id: Project.ID) async throws -> ProjectBody {
        let state = try await ProductionWork(req.appEnvironment).state(id, by: try req.requireUser())
        return ProjectBody(state.project, promises: state.promises, state: state)
    }

    @Sendable static func show(req: Request) async throws -> ProjectBody {
        try req.authorize(.viewProjects)
        return try await body(req, try req.apiID())
    }

    struct CommentBody: Decodable { var comment: String? }

    @Sendable static func acknowledge(req: Request) async throws -> ProjectBody {
        let id: Project.ID = try req.apiID()
        let comment = (try? req.decodeJSON(CommentBody.self))?.comment ?? ""
        _ = try await BriefAcknowledgement(req.appEnvironment).acknowledge(
            id, comment: comment, by: try req.requireUser())
        return try await body(req, id)
    }

    @Sendable static func challenge(req: Request) async throws -> ProjectBody {
        let id: Project.ID = try req.apiID()
        let body = try req.decodeJSON(CommentBody.self)
        _ = try await BriefAcknowledgement(req.appEnvironment).challenge(
            id, comment: body.comment ?? "", by: try req.requireUser())
        return try await self.body(req, id)
    }
}
