import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Vapor

/// `/api/v1/shadowing-sessions`: cross-training sessions planned, then logged with takeaways;
/// `?person=` lists one person's record; `/team` is the managers' tally by quarter.
enum ShadowingAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.together(.shadowingSessions), use: list)
        api.on(.POST, APIRoute.together(.shadowingSessions), use: create)
        api.on(.GET, APIRoute.together(.shadowingTeam), use: team)
        api.on(.GET, APIRoute.together(.shadowingSession(":id")), use: show)
        api.on(.POST, APIRoute.together(.shadowingSessionLog(":id")), use: log)
        api.on(.POST, APIRoute.together(.shadowingSessionCancel(":id")), use: cancel)
    }

    struct SessionBody: Content {
        var id: String
        var kind: String
        var participantId: String
        var hostId: String
        var topic: String
        var plannedOn: String
        var status: String
        var takeaways: String
        @NullWhenAbsent var loggedAt: String?
        init(_ s: ShadowingSession) {
            id = s.id.description
            kind = s.kind.rawValue
            participantId = s.participantID.description
            hostId = s.hostID.description
            topic = s.topic
            plannedOn = s.plannedOn.description
            status = s.status.rawValue
            takeaways = s.takeaways
            loggedAt = s.loggedAt.map { Instant($0).iso8601 }
        }
    }

    struct Key: Codable, Comparable {
        var plannedOn: String
        var id: String
        static func < (a: Self, b: Self) -> Bool { (a.plannedOn, a.id) < (b.plannedOn, b.id) }
    }

    @Sendable static func list(req: Request) async throws -> ListEnvelope<SessionBody> {
        let user = try req.requireUser()
        var problems: [FieldError] = []
        let paging = ListRequest<Key>(req, problems: &problems)
        var person = user.id
        if let raw = req.query[String.self, at: "person"] {
            if let id = User.ID(uuidString: raw) {
                person = id
            } else {
                problems.append(FieldError(field: "person", code: "invalid", key: "error.api.bad_id"))
            }
        }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let page = paging.page(
            try await Shadowing(req.appEnvironment).record(of: person, by: user),
            by: { Key(plannedOn: $0.plannedOn.description, id: $0.id.description) }, descending: true)
        return ListEnvelope(items: page.elements.map(SessionBody.init), nextCursor: page.nextCursor)
    }

    struct CreateBody: Decodable {
        var kind: String
        var participantId: String?
        var hostId: String
        var topic: String
        var plannedOn: String
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorize(.planShadowing)
        let user = try req.requireUser()
        let body = try req.decodeJSON(CreateBody.self)
        var problems: [FieldError] = []
        let kind = ShadowingKind(rawValue: body.kind)
        if kind == nil { problems.append(FieldError(field: "kind", code: "unknown", key: "shadowing.error.kind")) }
        let participant = body.participantId.map { User.ID(uuidString: $0) } ?? user.id
        if participant == nil {
            problems.append(FieldError(field: "participantId", code: "invalid", key: "error.api.bad_id"))
        }
        let host = User.ID(uuidString: body.hostId)
        if host == nil { problems.append(FieldError(field: "hostId", code: "invalid", key: "error.api.bad_id")) }
        let day = ReviewsAPI.day(body.plannedOn, "plannedOn", &problems)
        guard problems.isEmpty, let kind, let participant, let host, let day else {
            throw APIError.invalidFields(problems)
        }
        let session = try await Shadowing(req.appEnvironment).plan(
            kind: kind, participant: participant, host: host, topic: body.topic, plannedOn: day, by: user)
        return try await SessionBody(session).encodeResponse(status: .created, for: req)
    }

    @Sendable static func show(req: Request) async throws -> SessionBody {
        SessionBody(try await Shadowing(req.appEnvironment).find(try req.apiID(), by: try req.requireUser()))
    }

    struct LogBody: Decodable { var takeaways: String }

    @Sendable static func log(req: Request) async throws -> SessionBody {
        let id: ShadowingSession.ID = try req.apiID()
        let body = try req.decodeJSON(LogBody.self)
        return SessionBody(
            try await Shadowing(req.appEnvironment).log(id, takeaways: body.takeaways, by: try req.requireUser()))
    }

    @Sendable static func cancel(req: Request) async throws -> SessionBody {
        SessionBody(try await Shadowing(req.appEnvironment).cancel(try req.apiID(), by: try req.requireUser()))
    }

    struct TeamBody: Content {
        struct Row: Content {
            var participantId: String
            var hostId: String
            var total: Int
            /// Sessions per quarter, in the order of `quarters`.
            var perQuarter: [Int]
        }
        var quarters: [String]
        var rows: [Row]
    }

    @Sendable static func team(req: Request) async throws -> TeamBody {
        let tally = try await Shadowing(req.appEnvironment).team(by: try req.requireUser()).tally
        return TeamBody(
            quarters: tally.quarters.map(\.description),
            rows: tally.rows.map { row in
                TeamBody.Row(
                    participantId: row.participantID.description, hostId: row.hostID.description, total: row.total,
                    perQuarter: tally.quarters.map { row.perQuarter[$0] ?? 0 })
            })
    }
}
