import Foundation

/// Whether the PM took on the client brief of a won deal.
public enum BriefStatus: String, CaseIterable, Codable, Sendable { case pending, acknowledged, challenged }

/// A project made from an accepted quote: one per quote however often acceptance is recorded.
public struct Project: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Project>

    public var id: ID
    public var quoteID: Quote.ID
    public var accountID: Account.ID
    public var opportunityID: Opportunity.ID
    public var name: String
    /// The client brief as it stood at acceptance (the opportunity's, else the account's).
    public var brief: ClientBrief?
    public var briefStatus: BriefStatus
    public var briefComment: String
    public var briefBy: User.ID?
    public var briefAt: Date?
    /// The client's PO number or reference.
    public var clientReference: String
    public var acceptedAt: Date
    public var optionID: QuoteOption.ID?
    public var salesOwnerID: User.ID
    public var pmID: User.ID?
    public var createdAt: Date

    public init(
        id: ID, quoteID: Quote.ID, accountID: Account.ID, opportunityID: Opportunity.ID, name: String,
        brief: ClientBrief?,
        briefStatus: BriefStatus = .pending, briefComment: String = "", briefBy: User.ID? = nil, briefAt: Date? = nil,
        clientReference: String, acceptedAt: Date, optionID: QuoteOption.ID?, salesOwnerID: User.ID, pmID: User.ID?,
        createdAt: Date
    ) {
        self.id = id
        self.quoteID = quoteID
        self.accountID = accountID
        self.opportunityID = opportunityID
        self.name = name
        self.brief = brief
        self.briefStatus = briefStatus
        self.briefComment = briefComment
        self.briefBy = briefBy
        self.briefAt = briefAt
        self.clientReference = clientReference
        self.acceptedAt = acceptedAt
        self.optionID = optionID
        self.salesOwnerID = salesOwnerID
        self.pmID = pmID
        self.createdAt = createdAt
    }
}

/// A promise's standing; derived from the plan and deliveries later (issue #14), `on-track` at hand-off.
public enum PromiseStatus: String, CaseIterable, Codable, Sendable {
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case kept, broken
}

/// One commitment per target language: delivery instant, price, scope (weighted words and
/// services) and quality level, with its sales owner and PM.
public struct Promise: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Promise>

    public var id: ID
    public var projectID: Project.ID
    public var targetLanguage: LanguageTag
    public var deliveryDate: Date
    public var price: Money
    public var weightedWords: Decimal
    public var services: [String]
    public var qualityLevel: String
    public var salesOwnerID: User.ID
    public var pmID: User.ID?
    public var status: PromiseStatus
    /// Raised by a renegotiation (issue #14).
    public var version: Int
    public var createdAt: Date

    public init(
        id: ID, projectID: Project.ID, targetLanguage: LanguageTag, deliveryDate: Date, price: Money,
        weightedWords: Decimal, services: [String], qualityLevel: String = "standard", salesOwnerID: User.ID,
        pmID: User.ID?, status: PromiseStatus = .onTrack, version: Int = 1, createdAt: Date
    ) {
        self.id = id
        self.projectID = projectID
        self.targetLanguage = targetLanguage
        self.deliveryDate = deliveryDate
        self.price = price
        self.weightedWords = weightedWords
        self.services = services
        self.qualityLevel = qualityLevel
        self.salesOwnerID = salesOwnerID
        self.pmID = pmID
        self.status = status
        self.version = version
        self.createdAt = createdAt
    }
}

/// Vendor time booked firmly for a won quote until its jobs are assigned (issue #14 replaces it).
public struct Reservation: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Reservation>
    public var id: ID
    public var projectID: Project.ID
    public var bookingID: VendorBooking.ID
    public var vendorID: VendorProfile.ID
    public var targetLanguage: LanguageTag?
    public init(
        id: ID, projectID: Project.ID, bookingID: VendorBooking.ID, vendorID: VendorProfile.ID,
        targetLanguage: LanguageTag?
    ) {
        self.id = id
        self.projectID = projectID
        self.bookingID = bookingID
        self.vendorID = vendorID
        self.targetLanguage = targetLanguage
    }
}

extension DomainError {
    public static let projectNotFound = DomainError.notFound(
        entityKey: "entity.project", fallback: "The project was not found.")
}

extension RecordSubject.Kind {
    public static let quote = RecordSubject.Kind(rawValue: "quote")
    public static let project = RecordSubject.Kind(rawValue: "project")
}
