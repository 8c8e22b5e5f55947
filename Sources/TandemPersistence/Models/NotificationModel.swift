import FluentKit
import Foundation
import TandemDomain

final class NotificationModel: Model, @unchecked Sendable {
    static let schema = "notifications"
    @ID(key: .id) var id: UUID?
    @Field(key: "recipient_id") var recipientId: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectId: UUID
    @OptionalField(key: "actor_id") var actorId: UUID?
    @Field(key: "subject_label") var subjectLabel: String
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?
    init() {}

    convenience init(_ notification: InAppNotification) {
        self.init()
        id = notification.id.rawValue
        recipientId = notification.recipientId.rawValue
        kind = notification.kind.rawValue
        subjectKind = notification.subject.kind.rawValue
        subjectId = notification.subject.id
        actorId = notification.actorId?.rawValue
        subjectLabel = notification.subjectLabel
        note = notification.note
        createdAt = notification.createdAt
        readAt = notification.readAt
    }

    func toDomain() throws -> InAppNotification {
        InAppNotification(
            id: .init(try requireID()), recipientId: User.ID(recipientId), kind: .init(rawValue: kind),
            subject: RecordSubject(kind: .init(rawValue: subjectKind), id: subjectId),
            actorId: actorId.map(User.ID.init),
            subjectLabel: subjectLabel, note: note, createdAt: createdAt, readAt: readAt)
    }
}
