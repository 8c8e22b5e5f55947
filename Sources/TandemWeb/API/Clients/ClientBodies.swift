import Foundation
import TandemApp
import TandemDomain
import Vapor

/// JSON shapes of contacts, activities and briefs (Resources/OpenAPI/openapi.yaml).
struct ContactBody: Content {
    var id: String
    var accountId: String
    var name: String
    var jobTitle: String
    var email: String
    var phone: String
    @NullWhenAbsent var preferredLanguage: String?
    @NullWhenAbsent var buyingRole: String?
    var createdAt: Date
    var updatedAt: Date
    @NullWhenAbsent var erasedAt: Date?

    init(_ contact: Contact) {
        id = contact.id.description
        accountId = contact.accountId.description
        name = contact.name
        jobTitle = contact.jobTitle
        email = contact.email
        phone = contact.phone
        preferredLanguage = contact.preferredLanguage?.description
        buyingRole = contact.buyingRole?.rawValue
        createdAt = contact.createdAt
        updatedAt = contact.updatedAt
        erasedAt = contact.erasedAt
    }
}

/// A contact to create or change: absent keys stay, `null` clears.
struct ContactRequest: Decodable {
    var input = ContactManagement.ContactInput()
    enum Key: String, CodingKey { case name, jobTitle, email, phone, preferredLanguage, buyingRole }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func text(_ key: Key) throws -> String? {
            guard c.contains(key) else { return nil }
            return try c.decodeNil(forKey: key) ? "" : c.decode(String.self, forKey: key)
        }
        input.name = try c.decodeIfPresent(String.self, forKey: .name)
        input.jobTitle = try text(.jobTitle)
        input.email = try text(.email)
        input.phone = try text(.phone)
        input.preferredLanguage = try text(.preferredLanguage)
        input.buyingRole = try text(.buyingRole)
    }
}

struct ActivityBody: Content {
    struct SubjectBody: Codable {
        var kind: String
        var id: String
    }
    var id: String
    var subject: SubjectBody
    var kind: String
    var occurredAt: Date
    var text: String
    var nextStep: String
    @NullWhenAbsent var nextStepDue: String?
    var ownerId: String
    var isDone: Bool
    var authorId: String
    @NullWhenAbsent var contactId: String?
    var createdAt: Date

    init(_ activity: Activity) {
        id = activity.id.description
        subject = SubjectBody(kind: activity.subject.kind.rawValue, id: activity.subject.id.uuidString.lowercased())
        kind = activity.kind.rawValue
        occurredAt = activity.occurredAt
        text = activity.text
        nextStep = activity.nextStep
        nextStepDue = activity.nextStepDue?.description
        ownerId = activity.ownerId.description
        isDone = activity.isDone
        authorId = activity.authorId.description
        contactId = activity.contactId?.description
        createdAt = activity.createdAt
    }
}

struct NewActivityRequest: Decodable {
    var kind: String
    var occurredAt: Date?
    var text: String
    var nextStep: String?
    var nextStepDue: String?
    var ownerId: User.ID?
    var contactId: Contact.ID?
}

/// A brief's content: every part present, `null` when not set.
struct BriefContentBody: Codable, Equatable {
    struct Criterion: Codable, Equatable {
        var name: String
        var weight: Int
    }
    @NullWhenAbsent var problems: String?
    @NullWhenAbsent var objectives: String?
    @NullWhenAbsent var buyingCriteria: [Criterion]?
    @NullWhenAbsent var stakeholders: String?
    @NullWhenAbsent var audience: String?
    @NullWhenAbsent var qualityExpectations: String?
    @NullWhenAbsent var styleAndTerminology: String?
    @NullWhenAbsent var fileFormatsAndTools: String?
    @NullWhenAbsent var risks: String?
    @NullWhenAbsent var priceAndTurnaround: String?
    @NullWhenAbsent var productionNotes: String?

    init(_ brief: ClientBrief) {
        problems = brief.problems
        objectives = brief.objectives
        buyingCriteria = brief.buyingCriteria?.map { Criterion(name: $0.name, weight: $0.weight) }
        stakeholders = brief.stakeholders
        audience = brief.audience
        qualityExpectations = brief.qualityExpectations
        styleAndTerminology = brief.styleAndTerminology
        fileFormatsAndTools = brief.fileFormatsAndTools
        risks = brief.risks
        priceAndTurnaround = brief.priceAndTurnaround
        productionNotes = brief.productionNotes
    }

    var brief: ClientBrief {
        var brief = ClientBrief()
        brief.problems = problems
        brief.objectives = objectives
        brief.buyingCriteria = buyingCriteria?.map { .init(name: $0.name, weight: $0.weight) }
        brief.stakeholders = stakeholders
        brief.audience = audience
        brief.qualityExpectations = qualityExpectations
        brief.styleAndTerminology = styleAndTerminology
        brief.fileFormatsAndTools = fileFormatsAndTools
        brief.risks = risks
        brief.priceAndTurnaround = priceAndTurnaround
        brief.productionNotes = productionNotes
        return brief
    }
}

/// A brief as stored: `version` 0 and empty content when none was written yet.
struct BriefBody: Content {
    var version: Int
    var content: BriefContentBody
    var isComplete: Bool
    var missingParts: [String]
    @NullWhenAbsent var authorId: String?
    @NullWhenAbsent var createdAt: Date?

    init(_ version: BriefVersion?) {
        let content = version?.content ?? ClientBrief()
        self.version = version?.number ?? 0
        self.content = BriefContentBody(content)
        isComplete = content.isComplete
        missingParts = content.missingParts.map(\.rawValue)
        authorId = version?.authorId.description
        createdAt = version?.createdAt
    }
}

struct BriefRequest: Decodable {
    var content: BriefContentBody
    var version: Int?
}
