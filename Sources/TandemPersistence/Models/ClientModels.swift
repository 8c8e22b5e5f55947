import FluentKit
import Foundation
import TandemDomain

final class ContactModel: Model, @unchecked Sendable {
    static let schema = "contacts"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountId: UUID
    @Field(key: "name") var name: String
    /// The folded name, for sorting alike on both databases.
    @Field(key: "name_key") var nameKey: String
    @Field(key: "job_title") var jobTitle: String
    @Field(key: "email") var email: String
    @Field(key: "phone") var phone: String
    @OptionalField(key: "preferred_language") var preferredLanguage: String?
    @OptionalField(key: "buying_role") var buyingRole: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "erased_at") var erasedAt: Date?
    @OptionalField(key: "erased_by") var erasedBy: UUID?
    init() {}

    convenience init(_ contact: Contact) {
        self.init()
        id = contact.id.rawValue
        accountId = contact.accountId.rawValue
        name = contact.name
        nameKey = TextFolding.sortKey(contact.name)
        jobTitle = contact.jobTitle
        email = contact.email
        phone = contact.phone
        preferredLanguage = contact.preferredLanguage?.description
        buyingRole = contact.buyingRole?.rawValue
        createdAt = contact.createdAt
        updatedAt = contact.updatedAt
        erasedAt = contact.erasedAt
        erasedBy = contact.erasedBy?.rawValue
    }

    func toDomain() throws -> Contact {
        var contact = Contact(
            id: Contact.ID(try requireID()), accountId: Account.ID(accountId), name: name, jobTitle: jobTitle,
            email: email, phone: phone, preferredLanguage: preferredLanguage.flatMap { try? LanguageTag($0) },
            buyingRole: buyingRole.flatMap(Contact.BuyingRole.init(rawValue:)), createdAt: createdAt)
        contact.updatedAt = updatedAt
        contact.erasedAt = erasedAt
        contact.erasedBy = erasedBy.map(User.ID.init)
        return contact
    }
}

final class ActivityModel: Model, @unchecked Sendable {
    static let schema = "activities"
    @ID(key: .id) var id: UUID?
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectId: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "text") var text: String
    @Field(key: "next_step") var nextStep: String
    /// ISO day; compares as text in both databases.
    @OptionalField(key: "next_step_due") var nextStepDue: String?
    @Field(key: "owner_id") var ownerId: UUID
    @Field(key: "is_done") var isDone: Bool
    @Field(key: "author_id") var authorId: UUID
    @OptionalField(key: "contact_id") var contactId: UUID?
    @Field(key: "created_at") var createdAt: Date
    init() {}

    convenience init(_ activity: Activity) {
        self.init()
        id = activity.id.rawValue
        subjectKind = activity.subject.kind.rawValue
        subjectId = activity.subject.id
        kind = activity.kind.rawValue
        occurredAt = activity.occurredAt
        text = activity.text
        nextStep = activity.nextStep
        nextStepDue = activity.nextStepDue?.description
        ownerId = activity.ownerId.rawValue
        isDone = activity.isDone
        authorId = activity.authorId.rawValue
        contactId = activity.contactId?.rawValue
        createdAt = activity.createdAt
    }

    func toDomain() throws -> Activity {
        Activity(
            id: Activity.ID(try requireID()), subject: RecordSubject(kind: .init(rawValue: subjectKind), id: subjectId),
            kind: Activity.Kind(rawValue: kind) ?? .note, occurredAt: occurredAt, text: text, nextStep: nextStep,
            nextStepDue: nextStepDue.flatMap { try? LocalDate(iso: $0) }, ownerId: User.ID(ownerId), isDone: isDone,
            authorId: User.ID(authorId), contactId: contactId.map(Contact.ID.init), createdAt: createdAt)
    }
}

final class BriefVersionModel: Model, @unchecked Sendable {
    static let schema = "brief_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectId: UUID
    @Field(key: "number") var number: Int
    /// JSON of the whole `ClientBrief`.
    @Field(key: "content") var content: String
    @Field(key: "author_id") var authorId: UUID
    @Field(key: "created_at") var createdAt: Date
    init() {}

    func toDomain() -> BriefVersion {
        BriefVersion(
            subject: RecordSubject(kind: .init(rawValue: subjectKind), id: subjectId), number: number,
            content: JSONText.decode(content) ?? ClientBrief(), authorId: User.ID(authorId), createdAt: createdAt)
    }
}

final class ClientAssetModel: Model, @unchecked Sendable {
    static let schema = "client_assets"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountId: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "size") var size: Int
    @Field(key: "languages") var languages: String
    @Field(key: "note") var note: String
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Field(key: "uploaded_at") var uploadedAt: Date
    init() {}

    convenience init(_ asset: ClientAsset) {
        self.init()
        id = asset.id.rawValue
        accountId = asset.accountId.rawValue
        kind = asset.kind.rawValue
        title = asset.title
        fileName = asset.fileName
        size = asset.size
        languages = JSONText.encode(asset.languages)
        note = asset.note
        uploadedBy = asset.uploadedBy.rawValue
        uploadedAt = asset.uploadedAt
    }

    func toDomain() throws -> ClientAsset {
        ClientAsset(
            id: ClientAsset.ID(try requireID()), accountId: Account.ID(accountId),
            kind: ClientAsset.Kind(rawValue: kind) ?? .other, title: title, fileName: fileName, size: size,
            languages: JSONText.decode(languages) ?? [], note: note, uploadedBy: User.ID(uploadedBy),
            uploadedAt: uploadedAt)
    }
}
