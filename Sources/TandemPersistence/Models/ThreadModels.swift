import FluentKit
import Foundation
import TandemDomain

final class CommentModel: Model, @unchecked Sendable {
    static let schema = "thread_comments"
    @ID(key: .id) var id: UUID?
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectId: UUID
    @Field(key: "author_id") var authorId: UUID
    @Field(key: "body") var body: String
    @Field(key: "html") var html: String
    @Field(key: "mentions") var mentions: String
    @OptionalField(key: "reply_to") var replyTo: UUID?
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "edited_at") var editedAt: Date?
    init() {}

    convenience init(_ comment: Comment) {
        self.init()
        id = comment.id.rawValue
        subjectKind = comment.subject.kind.rawValue
        subjectId = comment.subject.id
        authorId = comment.authorId.rawValue
        body = comment.body
        html = comment.html
        mentions = JSONText.encode(comment.mentions)
        replyTo = comment.replyTo?.rawValue
        version = comment.version
        createdAt = comment.createdAt
        editedAt = comment.editedAt
    }

    func toDomain() throws -> Comment {
        Comment(
            id: .init(try requireID()), subject: RecordSubject(kind: .init(rawValue: subjectKind), id: subjectId),
            authorId: User.ID(authorId), body: body, html: html, mentions: JSONText.decode(mentions) ?? [],
            replyTo: replyTo.map(Comment.ID.init), version: version, createdAt: createdAt, editedAt: editedAt)
    }
}

final class CommentRevisionModel: Model, @unchecked Sendable {
    static let schema = "thread_comment_revisions"
    @ID(key: .id) var id: UUID?
    @Field(key: "comment_id") var commentId: UUID
    @Field(key: "version") var version: Int
    @Field(key: "body") var body: String
    @Field(key: "written_at") var writtenAt: Date
    @Field(key: "replaced_at") var replacedAt: Date
    @Field(key: "replaced_by") var replacedBy: UUID
    init() {}

    func toDomain() -> CommentRevision {
        CommentRevision(
            commentId: Comment.ID(commentId), version: version, body: body, writtenAt: writtenAt,
            replacedAt: replacedAt, replacedBy: User.ID(replacedBy))
    }
}

final class CommentAttachmentModel: Model, @unchecked Sendable {
    static let schema = "thread_attachments"
    @ID(key: .id) var id: UUID?
    @Field(key: "comment_id") var commentId: UUID
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectId: UUID
    @Field(key: "name") var name: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Field(key: "uploaded_at") var uploadedAt: Date
    init() {}

    convenience init(_ a: CommentAttachment) {
        self.init()
        id = a.id.rawValue
        commentId = a.commentId.rawValue
        subjectKind = a.subject.kind.rawValue
        subjectId = a.subject.id
        name = a.name
        contentType = a.contentType
        size = a.size
        uploadedBy = a.uploadedBy.rawValue
        uploadedAt = a.uploadedAt
    }

    func toDomain() throws -> CommentAttachment {
        CommentAttachment(
            id: .init(try requireID()), commentId: Comment.ID(commentId),
            subject: RecordSubject(kind: .init(rawValue: subjectKind), id: subjectId), name: name,
            contentType: contentType, size: size, uploadedBy: User.ID(uploadedBy), uploadedAt: uploadedAt)
    }
}

final class FollowModel: Model, @unchecked Sendable {
    static let schema = "thread_follows"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userId: UUID
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectId: UUID
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

final class ActivityEventModel: Model, @unchecked Sendable {
    static let schema = "activity_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectId: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "actor_id") var actorId: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "payload") var payload: String
    init() {}

    convenience init(_ event: ActivityEvent) {
        self.init()
        id = event.id.rawValue
        subjectKind = event.subject.kind.rawValue
        subjectId = event.subject.id
        kind = event.kind.rawValue
        actorId = event.actorId?.rawValue
        at = event.at
        payload = JSONText.encode(event.payload)
    }

    func toDomain() throws -> ActivityEvent {
        ActivityEvent(
            id: .init(try requireID()), subject: RecordSubject(kind: .init(rawValue: subjectKind), id: subjectId),
            kind: .init(rawValue: kind), actorId: actorId.map(User.ID.init), at: at,
            payload: JSONText.decode(payload) ?? [:])
    }
}

final class NotificationPreferenceModel: Model, @unchecked Sendable {
    static let schema = "notification_preferences"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userId: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "in_app") var inApp: Bool
    @Field(key: "digest") var digest: Bool
    init() {}

    func toDomain() -> NotificationPreference {
        NotificationPreference(kind: .init(rawValue: kind), inApp: inApp, digest: digest)
    }
}
