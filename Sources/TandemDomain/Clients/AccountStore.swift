import Foundation

/// Which accounts a list shows; nil means "any".
public struct AccountFilter: Sendable, Equatable {
    /// Words found in the name, legal name or website (case and accents ignored).
    public var text: String?
    public var ownerId: User.ID?
    public var partnerPmId: User.ID?
    public var status: Account.Status?
    public var tier: Account.Tier?
    public var parentId: Account.ID?

    public init(
        text: String? = nil, ownerId: User.ID? = nil, partnerPmId: User.ID? = nil, status: Account.Status? = nil,
        tier: Account.Tier? = nil, parentId: Account.ID? = nil
    ) {
        self.text = text
        self.ownerId = ownerId
        self.partnerPmId = partnerPmId
        self.status = status
        self.tier = tier
        self.parentId = parentId
    }
}

/// The order of account lists: the folded name, then the identifier (so the order is total and
/// a page cursor stays stable when accounts are added).
public struct AccountSortKey: Codable, Comparable, Sendable, Hashable {
    public var name: String
    public var id: String
    public init(name: String, id: String) {
        self.name = name
        self.id = id
    }
    public init(_ account: Account) { self.init(name: TextFolding.sortKey(account.name), id: account.id.description) }
    public static func < (a: Self, b: Self) -> Bool { (a.name, a.id) < (b.name, b.id) }
}

/// One column (or group of columns) of an account that a change writes; an update names only
/// what changed, so two people editing different fields both keep their change.
public enum AccountField: Sendable, Equatable {
    case name(String)
    case legalName(String)
    case vatNumber(String)
    case billingAddress(String)
    case country(String)
    case website(String)
    case currency(CurrencyCode)
    case industry(String)
    case subjectDomains([String])
    case languagePairs([LanguagePair])
    case tier(Account.Tier?)
    case status(Account.Status)
    case ownerId(User.ID?)
    case partnerPmId(User.ID?)
    case tags([String])
    case notes(String)
    case parentId(Account.ID?)
    case paymentTermsDays(Int?)
    case purchaseOrderRequired(Bool)
    case framework(FrameworkAgreement?)
    case ndaDate(LocalDate?)
    case inCountryReview(InCountryReview)

    /// Applies the change to an account in memory (for validation and answers).
    public func apply(to account: inout Account) {
        switch self {
        case .name(let v): account.name = v
        case .legalName(let v): account.legalName = v
        case .vatNumber(let v): account.vatNumber = v
        case .billingAddress(let v): account.billingAddress = v
        case .country(let v): account.country = v
        case .website(let v): account.website = v
        case .currency(let v): account.currency = v
        case .industry(let v): account.industry = v
        case .subjectDomains(let v): account.subjectDomains = v
        case .languagePairs(let v): account.languagePairs = v
        case .tier(let v): account.tier = v
        case .status(let v): account.status = v
        case .ownerId(let v): account.ownerId = v
        case .partnerPmId(let v): account.partnerPmId = v
        case .tags(let v): account.tags = v
        case .notes(let v): account.notes = v
        case .parentId(let v): account.parentId = v
        case .paymentTermsDays(let v): account.terms.paymentTermsDays = v
        case .purchaseOrderRequired(let v): account.terms.purchaseOrderRequired = v
        case .framework(let v): account.terms.framework = v
        case .ndaDate(let v): account.terms.ndaDate = v
        case .inCountryReview(let v): account.terms.inCountryReview = v
        }
    }
}

/// Accounts in storage. Writes name their columns; `update` checks the version a writer read.
public protocol AccountStore: Sendable {
    /// Stores a new account as given (validated by the use case).
    func create(_ account: Account) async throws
    func find(id: Account.ID) async throws -> Account?
    /// One page of accounts in `AccountSortKey` order, after `after`, at most `limit`.
    func list(_ filter: AccountFilter, after: AccountSortKey?, limit: Int) async throws -> [Account]
    func count(_ filter: AccountFilter) async throws -> Int
    /// Writes `changes` only and raises the version. With `expectedVersion`, throws
    /// `DomainError.conflict(field: "version")` when the stored version differs; throws
    /// `.notFound` when there is no such account. Returns the account as stored afterwards.
    func update(_ id: Account.ID, _ changes: [AccountField], expectedVersion: Int?, at: Date) async throws -> Account
    /// Names of the given accounts, for cards and links; unknown IDs are left out.
    func names(for ids: [Account.ID]) async throws -> [Account.ID: String]
    /// The accounts whose parent is `id`, by name.
    func children(of id: Account.ID) async throws -> [Account]
    /// Every account in short, for the near-duplicate check.
    func summaries() async throws -> [AccountSummary]
}

extension DomainError {
    public static let accountNotFound = DomainError.notFound(
        entityKey: "entity.account", fallback: "The account was not found.")

    public static func staleVersion(current: Int) -> DomainError {
        .conflict(
            field: "version", key: "error.version.stale", arguments: ["current": String(current)],
            fallback: "Someone changed this record meanwhile (now version \(current)); reload it and try again.")
    }
}
