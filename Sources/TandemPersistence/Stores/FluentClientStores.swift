import FluentKit
import Foundation
import TandemDomain

public struct FluentContactStore: ContactStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func create(_ contact: Contact) async throws { try await ContactModel(contact).create(on: database) }

    public func find(id: Contact.ID) async throws -> Contact? {
        try await ContactModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func list(accountId: Account.ID) async throws -> [Contact] {
        try await ContactModel.query(on: database).filter(\.$accountId == accountId.rawValue).sort(\.$nameKey)
            .sort(\.$id).all().map { try $0.toDomain() }
    }

    public func update(_ id: Contact.ID, _ changes: [ContactField], at now: Date) async throws {
        let query = ContactModel.query(on: database).filter(\.$id == id.rawValue).set(\.$updatedAt, to: now)
        for change in changes {
            switch change {
            case .name(let v): query.set(\.$name, to: v).set(\.$nameKey, to: TextFolding.sortKey(v))
            case .jobTitle(let v): query.set(\.$jobTitle, to: v)
            case .email(let v): query.set(\.$email, to: v)
            case .phone(let v): query.set(\.$phone, to: v)
            case .preferredLanguage(let v): query.set(\.$preferredLanguage, to: v?.description)
            case .buyingRole(let v): query.set(\.$buyingRole, to: v?.rawValue)
            }
        }
        try await query.update()
    }

    public func erase(_ id: Contact.ID, by user: User.ID, at now: Date) async throws {
        // The name keeps a neutral placeholder so lists and activities still read sensibly.
        try await ContactModel.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$name, to: Contact.erasedName).set(\.$nameKey, to: TextFolding.sortKey(Contact.erasedName))
            .set(\.$jobTitle, to: "").set(\.$email, to: "").set(\.$phone, to: "")
            .set(\.$preferredLanguage, to: nil).set(\.$buyingRole, to: nil)
            .set(\.$erasedAt, to: now).set(\.$erasedBy, to: user.rawValue).set(\.$updatedAt, to: now)
            .update()
    }
}

public struct FluentActivityStore: ActivityStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func create(_ activity: Activity) async throws { try await ActivityModel(activity).create(on: database) }

    public func find(id: Activity.ID) async throws -> Activity? {
        try await ActivityModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func list(subject: RecordSubject) async throws -> [Activity] {
        try await ActivityModel.query(on: database).filter(\.$subjectKind == subject.kind.rawValue)
            .filter(\.$subjectId == subject.id).sort(\.$occurredAt, .descending).sort(\.$id).all()
            .map { try $0.toDomain() }
    }

    public func overdueNextSteps(owner: User.ID, today: LocalDate) async throws -> [Activity] {
        try await ActivityModel.query(on: database).filter(\.$ownerId == owner.rawValue).filter(\.$isDone == false)
            .filter(\.$nextStep != "").filter(\.$nextStepDue != nil).filter(\.$nextStepDue < today.description)
            .sort(\.$nextStepDue).sort(\.$id).all().map { try $0.toDomain() }
    }

    public func setDone(_ id: Activity.ID, _ isDone: Bool) async throws {
        try await ActivityModel.query(on: database).filter(\.$id == id.rawValue).set(\.$isDone, to: isDone).update()
    }
}

public struct FluentBriefStore: BriefStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    private func query(_ subject: RecordSubject) -> QueryBuilder<BriefVersionModel> {
        BriefVersionModel.query(on: database).filter(\.$subjectKind == subject.kind.rawValue)
            .filter(\.$subjectId == subject.id)
    }

    public func latest(of subject: RecordSubject) async throws -> BriefVersion? {
        try await query(subject).sort(\.$number, .descending).first()?.toDomain()
    }

    public func versions(of subject: RecordSubject) async throws -> [BriefVersion] {
        try await query(subject).sort(\.$number).all().map { $0.toDomain() }
    }

    public func version(_ number: Int, of subject: RecordSubject) async throws -> BriefVersion? {
        try await query(subject).filter(\.$number == number).first()?.toDomain()
    }

    public func append(_ version: BriefVersion) async throws {
        let model = BriefVersionModel()
        model.subjectKind = version.subject.kind.rawValue
        model.subjectId = version.subject.id
        model.number = version.number
        model.content = JSONText.encode(version.content)
        model.authorId = version.authorId.rawValue
        model.createdAt = version.createdAt
        do {
            try await model.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError.staleVersion(current: version.number)
        }
    }

    public func latest(of subjects: [RecordSubject]) async throws -> [RecordSubject: BriefVersion] {
        guard !subjects.isEmpty else { return [:] }
        let ids = subjects.map(\.id)
        let rows = try await BriefVersionModel.query(on: database).filter(\.$subjectId ~~ ids).all()
        var latest: [RecordSubject: BriefVersion] = [:]
        for row in rows {
            let version = row.toDomain()
            guard subjects.contains(version.subject) else { continue }
            if (latest[version.subject]?.number ?? 0) < version.number { latest[version.subject] = version }
        }
        return latest
    }
}

public struct FluentClientAssetStore: ClientAssetStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func create(_ asset: ClientAsset) async throws { try await ClientAssetModel(asset).create(on: database) }

    public func find(id: ClientAsset.ID) async throws -> ClientAsset? {
        try await ClientAssetModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func list(accountId: Account.ID) async throws -> [ClientAsset] {
        try await ClientAssetModel.query(on: database).filter(\.$accountId == accountId.rawValue)
            .sort(\.$uploadedAt, .descending).sort(\.$id).all().map { try $0.toDomain() }
    }

    public func delete(_ id: ClientAsset.ID) async throws {
        try await ClientAssetModel.query(on: database).filter(\.$id == id.rawValue).delete()
    }
}
