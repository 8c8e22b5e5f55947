import Foundation

/// A client or prospect of the LSP: who they are, who looks after them, and the commercial terms
/// that later quotes and delivery dates depend on.
public struct Account: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Account>

    public enum Tier: String, CaseIterable, Codable, Sendable {
        case a = "A"
        case b = "B"
        case c = "C"
    }
    public enum Status: String, CaseIterable, Codable, Sendable { case prospect, active, dormant, lost }

    public var id: ID
    public var name: String
    public var legalName: String
    public var vatNumber: String
    public var billingAddress: String
    /// ISO 3166-1 alpha-2 ("FR"), empty when unknown.
    public var country: String
    /// A web address such as "https://acme.example"; empty when unknown.
    public var website: String
    public var currency: CurrencyCode
    public var industry: String
    public var subjectDomains: [String]
    public var languagePairs: [LanguagePair]
    public var tier: Tier?
    public var status: Status
    /// The sales rep who owns the relationship.
    public var ownerId: User.ID?
    /// The PM who knows this client's production needs.
    public var partnerPmId: User.ID?
    public var tags: [String]
    public var notes: String
    /// The group this account belongs to (a subsidiary's or a department's parent).
    public var parentId: ID?
    public var terms: CommercialTerms
    public var createdAt: Date
    public var updatedAt: Date
    /// Raised by every change; a writer that read an older version gets a conflict.
    public var version: Int

    public init(
        id: ID, name: String, currency: CurrencyCode, status: Status = .prospect, createdAt: Date,
        legalName: String = "", vatNumber: String = "", billingAddress: String = "", country: String = "",
        website: String = "", industry: String = "", subjectDomains: [String] = [], languagePairs: [LanguagePair] = [],
        tier: Tier? = nil, ownerId: User.ID? = nil, partnerPmId: User.ID? = nil, tags: [String] = [],
        notes: String = "", parentId: ID? = nil, terms: CommercialTerms = CommercialTerms(), version: Int = 1
    ) {
        self.id = id
        self.name = name
        self.legalName = legalName
        self.vatNumber = vatNumber
        self.billingAddress = billingAddress
        self.country = country
        self.website = website
        self.currency = currency
        self.industry = industry
        self.subjectDomains = subjectDomains
        self.languagePairs = languagePairs
        self.tier = tier
        self.status = status
        self.ownerId = ownerId
        self.partnerPmId = partnerPmId
        self.tags = tags
        self.notes = notes
        self.parentId = parentId
        self.terms = terms
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.version = version
    }
}

/// What the client agreed to commercially; later issues read it to price and to date deliveries.
public struct CommercialTerms: Hashable, Codable, Sendable {
    /// Days after the invoice date; nil when not agreed.
    public var paymentTermsDays: Int?
    public var purchaseOrderRequired: Bool
    public var framework: FrameworkAgreement?
    public var ndaDate: LocalDate?
    public var inCountryReview: InCountryReview

    public init(
        paymentTermsDays: Int? = nil, purchaseOrderRequired: Bool = false, framework: FrameworkAgreement? = nil,
        ndaDate: LocalDate? = nil, inCountryReview: InCountryReview = InCountryReview()
    ) {
        self.paymentTermsDays = paymentTermsDays
        self.purchaseOrderRequired = purchaseOrderRequired
        self.framework = framework
        self.ndaDate = ndaDate
        self.inCountryReview = inCountryReview
    }
}

/// The standard turnaround of a framework agreement: faster than this is rush.
public struct FrameworkAgreement: Hashable, Codable, Sendable {
    public struct Throughput: Hashable, Codable, Sendable {
        public var targetLanguage: LanguageTag
        public var wordsPerDay: Int
        public init(targetLanguage: LanguageTag, wordsPerDay: Int) {
            self.targetLanguage = targetLanguage
            self.wordsPerDay = wordsPerDay
        }
    }
    public var throughput: [Throughput]
    /// Working days added to every job (hand-off, review), whatever its size.
    public var leadTimeDays: Int

    public init(throughput: [Throughput], leadTimeDays: Int) {
        self.throughput = throughput
        self.leadTimeDays = leadTimeDays
    }
}

/// Whether the client reviews translations in their own country, which moves delivery dates.
public struct InCountryReview: Hashable, Codable, Sendable {
    public var isRequired: Bool
    public var workingDays: Int
    public init(isRequired: Bool = false, workingDays: Int = 0) {
        self.isRequired = isRequired
        self.workingDays = isRequired ? workingDays : 0
    }
}

/// A short form of an account for lists, cards and duplicate checks.
public struct AccountSummary: Hashable, Codable, Sendable {
    public var id: Account.ID
    public var name: String
    public var website: String
    public var status: Account.Status
    public var ownerId: User.ID?
    public init(id: Account.ID, name: String, website: String, status: Account.Status, ownerId: User.ID?) {
        self.id = id
        self.name = name
        self.website = website
        self.status = status
        self.ownerId = ownerId
    }
}
