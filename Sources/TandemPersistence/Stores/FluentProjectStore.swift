import FluentKit
import Foundation
import TandemDomain

final class ProjectModel: Model, @unchecked Sendable {
    static let schema = "projects"
    @ID(key: .id) var id: UUID?
    @Field(key: "quote_id") var quoteID: UUID
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "opportunity_id") var opportunityID: UUID
    @Field(key: "name") var name: String
    @Field(key: "brief") var brief: String
    @Field(key: "brief_status") var briefStatus: String
    @Field(key: "brief_comment") var briefComment: String
    @OptionalField(key: "brief_by") var briefBy: UUID?
    @OptionalField(key: "brief_at") var briefAt: Date?
    @Field(key: "client_reference") var clientReference: String
    @Field(key: "accepted_at") var acceptedAt: Date
    @OptionalField(key: "option_id") var optionID: UUID?
    @Field(key: "sales_owner_id") var salesOwnerID: UUID
    @OptionalField(key: "pm_id") var pmID: UUID?
    @Field(key: "created_at") var createdAt: Date
    init() {}

    init(_ p: Project) {
        id = p.id.rawValue
        quoteID = p.quoteID.rawValue
        accountID = p.accountID.rawValue
        opportunityID = p.opportunityID.rawValue
        name = p.name
        brief = JSONText.encode(p.brief)
        briefStatus = p.briefStatus.rawValue
        briefComment = p.briefComment
        briefBy = p.briefBy?.rawValue
        briefAt = p.briefAt
        clientReference = p.clientReference
        acceptedAt = p.acceptedAt
        optionID = p.optionID?.rawValue
        salesOwnerID = p.salesOwnerID.rawValue
        pmID = p.pmID?.rawValue
        createdAt = p.createdAt
    }

    func toDomain() throws -> Project {
        Project(
            id: .init(try requireID()), quoteID: .init(quoteID), accountID: .init(accountID),
            opportunityID: .init(opportunityID), name: name, brief: JSONText.decode(brief),
            briefStatus: BriefStatus(rawValue: briefStatus) ?? .pending, briefComment: briefComment,
            briefBy: briefBy.map { .init($0) }, briefAt: briefAt, clientReference: clientReference,
            acceptedAt: acceptedAt, optionID: optionID.map { .init($0) }, salesOwnerID: .init(salesOwnerID),
            pmID: pmID.map { .init($0) }, createdAt: createdAt)
    }
}

final class PromiseModel: Model, @unchecked Sendable {
    static let schema = "promises"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "target_language") var targetLanguage: String
    @Field(key: "delivery_date") var deliveryDate: Date
    @Field(key: "price") var price: String
    @Field(key: "currency") var currency: String
    @Field(key: "weighted_words") var weightedWords: String
    @Field(key: "services") var services: String
    @Field(key: "quality_level") var qualityLevel: String
    @Field(key: "sales_owner_id") var salesOwnerID: UUID
    @OptionalField(key: "pm_id") var pmID: UUID?
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}

    init(_ p: Promise) {
        id = p.id.rawValue
        projectID = p.projectID.rawValue
        targetLanguage = p.targetLanguage.description
        deliveryDate = p.deliveryDate
        price = p.price.amount.canonicalString
        currency = p.price.currency.code
        weightedWords = p.weightedWords.canonicalString
        services = JSONText.encode(p.services)
        qualityLevel = p.qualityLevel
        salesOwnerID = p.salesOwnerID.rawValue
        pmID = p.pmID?.rawValue
        status = p.status.rawValue
        version = p.version
        createdAt = p.createdAt
    }

    func toDomain() throws -> Promise {
        Promise(
            id: .init(try requireID()), projectID: .init(projectID), targetLanguage: try LanguageTag(targetLanguage),
            deliveryDate: deliveryDate, price: Money(Decimal(canonical: price) ?? 0, try CurrencyCode(currency)),
            weightedWords: Decimal(canonical: weightedWords) ?? 0,
            services: try JSONText.decode([String].self, services), qualityLevel: qualityLevel,
            salesOwnerID: .init(salesOwnerID), pmID: pmID.map { .init($0) },
            status: PromiseStatus(rawValue: status) ?? .onTrack, version: version, createdAt: createdAt)
    }
}

final class ReservationModel: Model, @unchecked Sendable {
    static let schema = "reservations"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "booking_id") var bookingID: UUID
    @Field(key: "vendor_id") var vendorID: UUID
    @OptionalField(key: "target_language") var targetLanguage: String?
    init() {}
}

public struct FluentProjectStore: ProjectStore {
    let database: any Database

    public func create(_ project: Project, promises: [Promise], reservations: [Reservation]) async throws {
        do {
            try await ProjectModel(project).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError.conflict(
                field: "quoteId", key: "error.project.exists", arguments: [:],
                fallback: "The quote already has a project.")
        }
        if !promises.isEmpty { try await promises.map(PromiseModel.init).create(on: database) }
        let models = reservations.map { r in
            let model = ReservationModel()
            model.id = r.id.rawValue
            model.projectID = r.projectID.rawValue
            model.bookingID = r.bookingID.rawValue
            model.vendorID = r.vendorID.rawValue
            model.targetLanguage = r.targetLanguage?.description
            return model
        }
        if !models.isEmpty { try await models.create(on: database) }
    }

    public func find(id: Project.ID) async throws -> Project? {
        try await ProjectModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func find(quoteID: Quote.ID) async throws -> Project? {
        try await ProjectModel.query(on: database).filter(\.$quoteID == quoteID.rawValue).first()?.toDomain()
    }

    public func find(opportunityID: Opportunity.ID) async throws -> Project? {
        try await ProjectModel.query(on: database).filter(\.$opportunityID == opportunityID.rawValue)
            .sort(\.$createdAt, .descending).first()?.toDomain()
    }

    public func list() async throws -> [Project] {
        try await ProjectModel.query(on: database).sort(\.$createdAt, .descending).sort(\.$name).all().map {
            try $0.toDomain()
        }
    }

    public func promises(of projectID: Project.ID) async throws -> [Promise] {
        try await PromiseModel.query(on: database).filter(\.$projectID == projectID.rawValue)
            .sort(\.$targetLanguage).all().map { try $0.toDomain() }
    }

    public func reservations(of projectID: Project.ID) async throws -> [Reservation] {
        try await ReservationModel.query(on: database).filter(\.$projectID == projectID.rawValue).all().map {
            Reservation(
                id: .init(try $0.requireID()), projectID: .init($0.projectID), bookingID: .init($0.bookingID),
                vendorID: .init($0.vendorID), targetLanguage: try $0.targetLanguage.map { try LanguageTag($0) })
        }
    }

    public func setBrief(_ id: Project.ID, status: BriefStatus, comment: String, by: User.ID, at: Date) async throws {
        try await ProjectModel.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$briefStatus, to: status.rawValue).set(\.$briefComment, to: comment)
            .set(\.$briefBy, to: by.rawValue).set(\.$briefAt, to: at).update()
    }
}
