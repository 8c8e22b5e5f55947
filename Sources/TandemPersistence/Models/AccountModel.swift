import FluentKit
import Foundation
import TandemDomain

final class AccountModel: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The folded name (`TextFolding.sortKey`): lists sort and page by it, the same on both databases.
    @Field(key: "name_key") var nameKey: String
    /// Folded name, legal name and website domain, for the search box.
    @Field(key: "search_text") var searchText: String
    @Field(key: "legal_name") var legalName: String
    @Field(key: "vat_number") var vatNumber: String
    @Field(key: "billing_address") var billingAddress: String
    @Field(key: "country") var country: String
    @Field(key: "website") var website: String
    @Field(key: "currency") var currency: String
    @Field(key: "industry") var industry: String
    /// JSON arrays, read and written with the account.
    @Field(key: "subject_domains") var subjectDomains: String
    @Field(key: "language_pairs") var languagePairs: String
    @OptionalField(key: "tier") var tier: String?
    @Field(key: "status") var status: String
    @OptionalField(key: "owner_id") var ownerId: UUID?
    @OptionalField(key: "partner_pm_id") var partnerPmId: UUID?
    @Field(key: "tags") var tags: String
    @Field(key: "notes") var notes: String
    @OptionalField(key: "parent_id") var parentId: UUID?
    @OptionalField(key: "payment_terms_days") var paymentTermsDays: Int?
    @Field(key: "po_required") var purchaseOrderRequired: Bool
    /// JSON of `FrameworkAgreement`, nil when there is none.
    @OptionalField(key: "framework") var framework: String?
    /// ISO day "2026-03-01".
    @OptionalField(key: "nda_date") var ndaDate: String?
    @Field(key: "review_required") var reviewRequired: Bool
    @Field(key: "review_days") var reviewDays: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}

    static func searchText(name: String, legalName: String, website: String) -> String {
        [TextFolding.fold(name), TextFolding.fold(legalName), TextFolding.domain(of: website) ?? ""]
            .filter { !$0.isEmpty }.joined(separator: " | ")
    }

    convenience init(_ account: Account) {
        self.init()
        id = account.id.rawValue
        name = account.name
        legalName = account.legalName
        vatNumber = account.vatNumber
        billingAddress = account.billingAddress
        country = account.country
        website = account.website
        currency = account.currency.code
        industry = account.industry
        subjectDomains = JSONText.encode(account.subjectDomains)
        languagePairs = JSONText.encode(account.languagePairs)
        tier = account.tier?.rawValue
        status = account.status.rawValue
        ownerId = account.ownerId?.rawValue
        partnerPmId = account.partnerPmId?.rawValue
        tags = JSONText.encode(account.tags)
        notes = account.notes
        parentId = account.parentId?.rawValue
        paymentTermsDays = account.terms.paymentTermsDays
        purchaseOrderRequired = account.terms.purchaseOrderRequired
        framework = account.terms.framework.map(JSONText.encode)
        ndaDate = account.terms.ndaDate?.description
        reviewRequired = account.terms.inCountryReview.isRequired
        reviewDays = account.terms.inCountryReview.workingDays
        createdAt = account.createdAt
        updatedAt = account.updatedAt
        version = account.version
        nameKey = TextFolding.sortKey(account.name)
        searchText = Self.searchText(name: name, legalName: legalName, website: website)
    }

    func toDomain() throws -> Account {
        var account = Account(
            id: Account.ID(try requireID()), name: name, currency: try CurrencyCode(currency),
            status: Account.Status(rawValue: status) ?? .prospect, createdAt: createdAt, legalName: legalName,
            vatNumber: vatNumber, billingAddress: billingAddress, country: country, website: website,
            industry: industry, subjectDomains: JSONText.decode(subjectDomains) ?? [],
            languagePairs: JSONText.decode(languagePairs) ?? [], tier: tier.flatMap(Account.Tier.init(rawValue:)),
            ownerId: ownerId.map(User.ID.init), partnerPmId: partnerPmId.map(User.ID.init),
            tags: JSONText.decode(tags) ?? [], notes: notes, parentId: parentId.map(Account.ID.init),
            terms: CommercialTerms(
                paymentTermsDays: paymentTermsDays, purchaseOrderRequired: purchaseOrderRequired,
                framework: framework.flatMap { JSONText.decode($0) },
                ndaDate: ndaDate.flatMap { try? LocalDate(iso: $0) },
                inCountryReview: InCountryReview(isRequired: reviewRequired, workingDays: reviewDays)),
            version: version)
        account.updatedAt = updatedAt
        return account
    }
}
