import Foundation
import TandemDomain

/// What a person sends to create or change an account, as typed: nil leaves a field as it is
/// (or empty, for a new account); an empty string clears an optional one. `AccountManagement`
/// checks every field at once.
public struct AccountInput: Sendable, Equatable {
    public var name: String?
    public var legalName: String?
    public var vatNumber: String?
    public var billingAddress: String?
    public var country: String?
    public var website: String?
    public var currency: String?
    public var industry: String?
    public var subjectDomains: [String]?
    /// "en>fr-FR" each.
    public var languagePairs: [String]?
    /// "A", "B", "C"; "" clears.
    public var tier: String?
    public var status: String?
    /// A user ID; "" clears.
    public var ownerId: String?
    public var partnerPmId: String?
    public var tags: [String]?
    public var notes: String?
    /// An account ID; "" clears.
    public var parentId: String?
    /// Whole days; "" clears.
    public var paymentTermsDays: String?
    public var purchaseOrderRequired: Bool?
    /// The framework agreement: "fr-FR=2500" per target language, and the lead time in working
    /// days. Sending both empty removes the agreement.
    public var frameworkThroughput: [String]?
    public var frameworkLeadTimeDays: String?
    /// ISO day; "" clears.
    public var ndaDate: String?
    public var inCountryReviewRequired: Bool?
    public var inCountryReviewDays: String?

    public init() {}

    public init(name: String?, currency: String?, ownerId: String? = nil, partnerPmId: String? = nil) {
        self.name = name
        self.currency = currency
        self.ownerId = ownerId
        self.partnerPmId = partnerPmId
    }
}

/// Accounts that may be the same company as the one being created; the person may confirm and go on.
public struct PossibleDuplicates: Error, Sendable, Equatable {
    public var similar: [AccountSummary]
    public init(similar: [AccountSummary]) { self.similar = similar }

    public var error: DomainError {
        .conflict(
            field: "name", key: "error.account.possible_duplicate",
            arguments: ["names": similar.map(\.name).joined(separator: ", ")],
            fallback: "Similar accounts exist: \(similar.map(\.name).joined(separator: ", ")). Create it anyway?")
    }
}
