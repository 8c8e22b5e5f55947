import FluentKit
import Foundation
import SQLKit
import TandemDomain

extension ThreadStores {
    static func fluent(_ database: any Database, ids: IdentifierGenerator) -> ThreadStores {
        ThreadStores(
            comments: FluentCommentStore(database: database, ids: ids),
            attachments: FluentCommentAttachmentStore(database: database),
            follows: FluentFollowStore(database: database, ids: ids),
            events: FluentActivityEventStore(database: database),
            preferences: FluentNotificationPreferenceStore(database: database, ids: ids))
    }
}

/// Newest first after a cursor, on any model with a date and an ID.
extension QueryBuilder {
    func newestFirst(
        after cursor: ThreadCursor?, date: KeyPath<Model, FieldProperty<Model, Date>>,
        id: KeyPath<Model, IDProperty<Model, UUID>>
    ) -> Self where Model.IDValue == UUID {
        if let cursor {
            group(.or) { or in
                or.filter(date < cursor.at)
                or.group(.and) { and in and.filter(date == cursor.at).filter(id < cursor.id) }
            }
        }
        return sort(date, .descending).sort(id, .descending)
    }
}

struct FluentCommentStore: CommentStore {
    let database: any Database
    let ids: IdentifierGenerator

    func create(_ comment: Comment) async throws { try await CommentModel(comment).create(on: database) }

    func find(id: Comment.ID) async throws -> Comment? {
        try await CommentModel.find(id.rawValue, on: database)?.toDomain()
    }

    func list(on subject: RecordSubject, after cursor: ThreadCursor?, limit: Int) async throws -> [Comment] {
        try await CommentModel.query(on: database).filter(\.$subjectKind == subject.kind.rawValue)
            .filter(\.$subjectId == subject.id).newestFirst(after: cursor, date: \.$createdAt, id: \.$id).limit(limit)
            .all().map { try $0.toDomain() }
    }

    func count(on subject: RecordSubject) async throws -> Int {
        try await CommentModel.query(on: database).filter(\.$subjectKind == subject.kind.rawValue)
            .filter(\.$subjectId == subject.id).count()
    }

    func authors(on subject: RecordSubject) async throws -> [User.ID] {
        let rows = try await CommentModel.query(on: database).filter(\.$subjectKind == subject.kind.rawValue)
            .filter(\.$subjectId == subject.id).unique().field(\.$authorId).all()
        return Array(Set(rows.map { User.ID($0.authorId) }))
    }

    func edit(_ comment: Comment, expected version: Int, revision: CommentRevision) async throws -> Bool {
        let current = CommentModel.query(on: database).filter(\.$id == comment.id.rawValue)
            .filter(\.$version == version)
        guard try await current.count() == 1 else { return false }
        try await CommentModel.query(on: database).filter(\.$id == comment.id.rawValue).filter(\.$version == version)
            .set(\.$body, to: comment.body).set(\.$html, to: comment.html)
            .set(\.$mentions, to: JSONText.encode(comment.mentions)).set(\.$version, to: comment.version)
            .set(\.$editedAt, to: comment.editedAt).update()
        let row = CommentRevisionModel()
        row.id = ids.uuid()
        row.commentId = revision.commentId.rawValue
        row.version = revision.version
        row.body = revision.body
        row.writtenAt = revision.writtenAt
        row.replacedAt = revision.replacedAt
        row.replacedBy = revision.replacedBy.rawValue
        // The revision's (comment, version) is unique: of two edits from one version, one is kept.
        try await row.create(on: database)
        return true
    }

    func revisions(of id: Comment.ID) async throws -> [CommentRevision] {
        try await CommentRevisionModel.query(on: database).filter(\.$commentId == id.rawValue)
            .sort(\.$version).all().map { $0.toDomain() }
    }
}

struct FluentCommentAttachmentStore: CommentAttachmentStore {
    let database: any Database

    func add(_ attachment: CommentAttachment) async throws {
        try await CommentAttachmentModel(attachment).create(on: database)
    }

    func find(id: CommentAttachment.ID) async throws -> CommentAttachment? {
        try await CommentAttachmentModel.find(id.rawValue, on: database)?.toDomain()
    }

    func attachments(of comments: [Comment.ID]) async throws -> [CommentAttachment] {
        try await CommentAttachmentModel.query(on: database).filter(\.$commentId ~~ comments.map(\.rawValue))
            .sort(\.$uploadedAt).sort(\.$id).all().map { try $0.toDomain() }
    }
}

struct FluentFollowStore: FollowStore {
    let database: any Database
    let ids: IdentifierGenerator

    func follow(_ user: User.ID, _ subject: RecordSubject, at: Date) async throws {
        let sql = database as! any SQLDatabase
        // Following twice is fine: the unique row stays, and no transaction is spoilt by a clash.
        try await sql.insert(into: FollowModel.schema)
            .columns("id", "user_id", "subject_kind", "subject_id", "created_at")
            .values(
                SQLBind(ids.uuid()), SQLBind(user.rawValue), SQLBind(subject.kind.rawValue), SQLBind(subject.id),
                SQLBind(at)
            )
            .ignoringConflicts(with: ["user_id", "subject_kind", "subject_id"]).run()
    }

    func unfollow(_ user: User.ID, _ subject: RecordSubject) async throws {
        try await query(subject).filter(\.$userId == user.rawValue).delete()
    }

    func followers(of subject: RecordSubject) async throws -> [User.ID] {
        try await query(subject).sort(\.$createdAt).all().map { User.ID($0.userId) }
    }

    func isFollowing(_ user: User.ID, _ subject: RecordSubject) async throws -> Bool {
        try await query(subject).filter(\.$userId == user.rawValue).count() > 0
    }

    private func query(_ subject: RecordSubject) -> QueryBuilder<FollowModel> {
        FollowModel.query(on: database).filter(\.$subjectKind == subject.kind.rawValue)
            .filter(\.$subjectId == subject.id)
    }
}

struct FluentActivityEventStore: ActivityEventStore {
    let database: any Database

    func record(_ event: ActivityEvent) async throws { try await ActivityEventModel(event).create(on: database) }

    func list(on subject: RecordSubject, after cursor: ThreadCursor?, limit: Int) async throws -> [ActivityEvent] {
        try await ActivityEventModel.query(on: database).filter(\.$subjectKind == subject.kind.rawValue)
            .filter(\.$subjectId == subject.id).newestFirst(after: cursor, date: \.$at, id: \.$id).limit(limit)
            .all().map { try $0.toDomain() }
    }
}

struct FluentNotificationPreferenceStore: NotificationPreferenceStore {
    let database: any Database
    let ids: IdentifierGenerator

    func preferences(of user: User.ID) async throws -> [NotificationPreference] {
        try await NotificationPreferenceModel.query(on: database).filter(\.$userId == user.rawValue).all()
            .map { $0.toDomain() }
    }

    func save(_ preference: NotificationPreference, for user: User.ID) async throws {
        let existing = try await NotificationPreferenceModel.query(on: database).filter(\.$userId == user.rawValue)
            .filter(\.$kind == preference.kind.rawValue).first()
        let row = existing ?? NotificationPreferenceModel()
        if existing == nil {
            row.id = ids.uuid()
            row.userId = user.rawValue
            row.kind = preference.kind.rawValue
        }
        row.inApp = preference.inApp
        row.digest = preference.digest
        try await row.save(on: database)
    }

    func preferences(of users: [User.ID], kind: InAppNotification.Kind) async throws -> [User.ID:
        NotificationPreference]
    {
        guard !users.isEmpty else { return [:] }
        let rows = try await NotificationPreferenceModel.query(on: database).filter(\.$userId ~~ users.map(\.rawValue))
            .filter(\.$kind == kind.rawValue).all()
        return Dictionary(rows.map { (User.ID($0.userId), $0.toDomain()) }, uniquingKeysWith: { a, _ in a })
    }
}
