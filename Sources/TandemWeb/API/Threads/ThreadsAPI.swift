import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/api/v1/threads/{recordType}/{recordId}/…` and `/api/v1/comments/…` (docs/collaboration.md).
enum ThreadsAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.POST, APIRoute.threadComments(":recordType", ":recordId"), use: post)
        api.on(.GET, APIRoute.threadComments(":recordType", ":recordId"), use: list)
        api.on(.GET, APIRoute.threadTimeline(":recordType", ":recordId"), use: timeline)
        api.on(.PUT, APIRoute.threadFollow(":recordType", ":recordId"), use: follow)
        api.on(.DELETE, APIRoute.threadFollow(":recordType", ":recordId"), use: unfollow)
        api.on(.GET, APIRoute.threadFollow(":recordType", ":recordId"), use: following)
        api.on(.GET, APIRoute.comment(":id"), use: show)
        api.on(.PATCH, APIRoute.comment(":id"), use: edit)
        api.on(.GET, APIRoute.commentHistory(":id"), use: history)
        ThreadAttachmentsAPI.register(api)
        NotificationPreferencesAPI.register(api)
    }

    struct PostBody: Decodable {
        var body: String
        var replyTo: String?
    }

    struct EditBody: Decodable {
        var body: String
        var version: Int
    }

    @Sendable static func post(req: Request) async throws -> Response {
        let subject = try ThreadRuntime.subject(req)
        let input = try req.decodeJSON(PostBody.self)
        var replyTo: Comment.ID?
        if let raw = input.replyTo {
            guard let id = Comment.ID(uuidString: raw) else {
                throw APIError.invalidFields([
                    FieldError(field: "replyTo", code: "invalid", key: "error.api.bad_id", arguments: [:])
                ])
            }
            replyTo = id
        }
        let posted = try await req.threads.post(
            on: subject, body: input.body, replyTo: replyTo, by: try req.requireUser())
        let body = try await CommentBody.make([posted.comment], req)[0]
        let response = try await body.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIRoute.comment(PathParameter(posted.comment.id)).path)
        return response
    }

    @Sendable static func list(req: Request) async throws -> ListEnvelope<CommentBody> {
        let subject = try ThreadRuntime.subject(req)
        var problems: [FieldError] = []
        let paging = ListRequest<ThreadCursor>(req, problems: &problems)
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let found = try await req.threads.comments(
            on: subject, by: try req.requireUser(), after: paging.after, limit: paging.limit + 1)
        let page = Array(found.prefix(paging.limit))
        let next =
            found.count > paging.limit
            ? page.last.flatMap { ListRequest.encodeCursor(ThreadCursor(at: $0.createdAt, id: $0.id.rawValue)) } : nil
        return ListEnvelope(items: try await CommentBody.make(page, req), nextCursor: next)
    }

    @Sendable static func show(req: Request) async throws -> CommentBody {
        let comment = try await req.threads.comment(try req.apiID(), by: try req.requireUser())
        return try await CommentBody.make([comment], req)[0]
    }

    @Sendable static func edit(req: Request) async throws -> CommentBody {
        let id: Comment.ID = try req.apiID()
        let input = try req.decodeJSON(EditBody.self)
        let posted = try await req.threads.edit(id, body: input.body, version: input.version, by: try req.requireUser())
        return try await CommentBody.make([posted.comment], req)[0]
    }

    struct RevisionBody: Content {
        var version: Int
        var body: String
        var writtenAt: Date
        var replacedAt: Date
        var replacedBy: String
    }

    struct HistoryBody: Content {
        var comment: CommentBody
        var revisions: [RevisionBody]
    }

    @Sendable static func history(req: Request) async throws -> HistoryBody {
        let (comment, revisions) = try await req.threads.history(of: try req.apiID(), by: try req.requireUser())
        return HistoryBody(
            comment: try await CommentBody.make([comment], req)[0],
            revisions: revisions.map {
                RevisionBody(
                    version: $0.version, body: $0.body, writtenAt: $0.writtenAt, replacedAt: $0.replacedAt,
                    replacedBy: $0.replacedBy.description)
            })
    }

    struct TimelineItemBody: Content {
        var type: String
        var at: Date
        @NullWhenAbsent var comment: CommentBody?
        @NullWhenAbsent var event: EventBody?
    }

    struct EventBody: Content {
        var id: String
        var kind: String
        @NullWhenAbsent var actorId: String?
        var payload: [String: String]
    }

    @Sendable static func timeline(req: Request) async throws -> ListEnvelope<TimelineItemBody> {
        let subject = try ThreadRuntime.subject(req)
        var problems: [FieldError] = []
        let paging = ListRequest<ThreadCursor>(req, problems: &problems)
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let found = try await req.threads.timeline(
            of: subject, by: try req.requireUser(), after: paging.after, limit: paging.limit + 1)
        let page = Array(found.prefix(paging.limit))
        let next = found.count > paging.limit ? page.last.flatMap { ListRequest.encodeCursor($0.cursor) } : nil
        let comments = try await CommentBody.make(
            page.compactMap { if case .comment(let c) = $0 { return c } else { return nil } }, req)
        var byID = Dictionary(comments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = page.map { item -> TimelineItemBody in
            switch item {
            case .comment(let c):
                return TimelineItemBody(
                    type: "comment", at: c.createdAt, comment: byID.removeValue(forKey: c.id.description))
            case .event(let e):
                return TimelineItemBody(
                    type: "event", at: e.at,
                    event: EventBody(
                        id: e.id.description, kind: e.kind.rawValue, actorId: e.actorId?.description, payload: e.payload
                    ))
            }
        }
        return ListEnvelope(items: items, nextCursor: next)
    }

    struct FollowBody: Content { var following: Bool }

    @Sendable static func follow(req: Request) async throws -> FollowBody {
        try await req.threads.follow(try ThreadRuntime.subject(req), by: try req.requireUser())
        return FollowBody(following: true)
    }

    @Sendable static func unfollow(req: Request) async throws -> FollowBody {
        try await req.threads.unfollow(try ThreadRuntime.subject(req), by: try req.requireUser())
        return FollowBody(following: false)
    }

    @Sendable static func following(req: Request) async throws -> FollowBody {
        let subject = try ThreadRuntime.subject(req)
        let user = try req.requireUser()
        _ = try await ThreadRuntime.directory.visible(subject, to: user, in: req.stores)
        return FollowBody(following: try await req.threads.isFollowing(subject, by: user))
    }
}

/// A comment as the API shows it: the contract's `id`, `html` and `mentions`, and the rest.
struct CommentBody: Content {
    var id: String
    var recordType: String
    var recordId: String
    var authorId: String
    var authorName: String
    var body: String
    var html: String
    var mentions: [String]
    @NullWhenAbsent var replyTo: String?
    var version: Int
    var createdAt: Date
    @NullWhenAbsent var editedAt: Date?
    var attachments: [AttachmentBody]

    static func make(_ comments: [Comment], _ req: Request) async throws -> [CommentBody] {
        let attachments = try await req.threads.attachments(of: comments)
        var names: [User.ID: String] = [:]
        for id in Set(comments.map(\.authorId)) { names[id] = try await req.stores.users.find(id: id)?.displayName }
        return comments.map { c in
            CommentBody(
                id: c.id.description, recordType: c.subject.kind.rawValue,
                recordId: c.subject.id.uuidString.lowercased(), authorId: c.authorId.description,
                authorName: names[c.authorId] ?? "", body: c.body, html: c.html,
                mentions: c.mentions.map(\.description),
                replyTo: c.replyTo?.description, version: c.version, createdAt: c.createdAt, editedAt: c.editedAt,
                attachments: (attachments[c.id] ?? []).map(AttachmentBody.init))
        }
    }
}

struct AttachmentBody: Content {
    var id: String
    var name: String
    var contentType: String
    var size: Int
    var uploadedAt: Date
    var href: String

    init(_ a: CommentAttachment) {
        id = a.id.description
        name = a.name
        contentType = a.contentType
        size = a.size
        uploadedAt = a.uploadedAt
        href = APIRoute.attachment(PathParameter(a.id)).path
    }
}
