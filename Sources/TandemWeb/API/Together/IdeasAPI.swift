import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Vapor

/// `/api/v1/ideas`: anyone proposes, everyone votes once, managers move an idea's status.
enum IdeasAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.together(.ideas), use: list)
        api.on(.POST, APIRoute.together(.ideas), use: create)
        api.on(.GET, APIRoute.together(.idea(":id")), use: show)
        api.on(.POST, APIRoute.together(.ideaVote(":id")), use: vote)
        api.on(.POST, APIRoute.together(.ideaStatus(":id")), use: move)
    }

    struct IdeaBody: Content {
        var id: String
        var title: String
        var body: String
        var authorId: String
        var status: String
        var votes: Int
        /// Whether the caller has voted.
        var voted: Bool
        /// Why it was declined, for everyone; empty otherwise.
        var declineReason: String
        @NullWhenAbsent var decidedBy: String?
        @NullWhenAbsent var decidedAt: String?
        var createdAt: String

        init(_ idea: Idea, voted: Bool) {
            id = idea.id.description
            title = idea.title
            body = idea.body
            authorId = idea.authorID.description
            status = idea.status.rawValue
            votes = idea.votes
            self.voted = voted
            declineReason = idea.declineReason
            decidedBy = idea.decidedBy?.description
            decidedAt = idea.decidedAt.map { Instant($0).iso8601 }
            createdAt = Instant(idea.createdAt).iso8601
        }
    }

    struct Key: Codable, Comparable {
        var votes: Int
        var createdAt: String
        var id: String
        // Most votes first, then newest: the list is paged descending.
        static func < (a: Self, b: Self) -> Bool { (a.votes, a.createdAt, a.id) < (b.votes, b.createdAt, b.id) }
    }

    static func body(_ req: Request, _ idea: Idea) async throws -> IdeaBody {
        IdeaBody(idea, voted: try await Ideas(req.appEnvironment).hasVoted(idea.id, user: try req.requireUser()))
    }

    @Sendable static func list(req: Request) async throws -> ListEnvelope<IdeaBody> {
        let user = try req.requireUser()
        var problems: [FieldError] = []
        let paging = ListRequest<Key>(req, problems: &problems)
        var status: IdeaStatus?
        if let raw = req.query[String.self, at: "status"] {
            status = IdeaStatus(rawValue: raw)
            if status == nil {
                problems.append(
                    FieldError(
                        field: "status", code: "unknown", key: "ideas.error.status_unknown", arguments: ["value": raw]))
            }
        }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let ideas = try await Ideas(req.appEnvironment).list(by: user).filter { status == nil || $0.status == status }
        let page = paging.page(
            ideas, by: { Key(votes: $0.votes, createdAt: Instant($0.createdAt).iso8601, id: $0.id.description) },
            descending: true)
        var items: [IdeaBody] = []
        for idea in page.elements { items.append(try await body(req, idea)) }
        return ListEnvelope(items: items, nextCursor: page.nextCursor)
    }

    struct CreateBody: Decodable {
        var title: String
        var body: String?
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorize(.proposeIdea)
        let input = try req.decodeJSON(CreateBody.self)
        let idea = try await Ideas(req.appEnvironment).propose(
            title: input.title, body: input.body ?? "", by: try req.requireUser())
        return try await IdeaBody(idea, voted: false).encodeResponse(status: .created, for: req)
    }

    @Sendable static func show(req: Request) async throws -> IdeaBody {
        try await body(req, try await Ideas(req.appEnvironment).find(try req.apiID(), by: try req.requireUser()))
    }

    @Sendable static func vote(req: Request) async throws -> IdeaBody {
        let id: Idea.ID = try req.apiID()
        try req.authorize(.voteIdea)
        return IdeaBody(try await Ideas(req.appEnvironment).vote(id, by: try req.requireUser()), voted: true)
    }

    struct StatusBody: Decodable {
        var status: String
        var reason: String?
    }

    @Sendable static func move(req: Request) async throws -> IdeaBody {
        let id: Idea.ID = try req.apiID()
        try req.authorize(.moveIdea)
        let input = try req.decodeJSON(StatusBody.self)
        let status = try Ideas.status(input.status)
        let idea = try await Ideas(req.appEnvironment).move(
            id, to: status, reason: input.reason ?? "", by: try req.requireUser())
        return try await body(req, idea)
    }
}
