import Foundation

/// A person at a client account.
public struct Contact: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Contact>

    /// Their part in buying.
    public enum BuyingRole: String, CaseIterable, Codable, Sendable {
        case decisionMaker = "decision-maker"
        case buyer
        case influencer
        case endUser = "end-user"
    }

    public var id: ID
    public var accountId: Account.ID
    public var name: String
    public var jobTitle: String
    /// Empty when unknown (and after erasure).
    public var email: String
    public var phone: String
    public var preferredLanguage: LanguageTag?
    public var buyingRole: BuyingRole?
    public var createdAt: Date
    public var updatedAt: Date
    /// Set when the person's data was erased on request (GDPR): the row stays, anonymised, so
    /// that activities still point at it.
    public var erasedAt: Date?
    public var erasedBy: User.ID?

    public init(
        id: ID, accountId: Account.ID, name: String, jobTitle: String = "", email: String = "", phone: String = "",
        preferredLanguage: LanguageTag? = nil, buyingRole: BuyingRole? = nil, createdAt: Date
    ) {
        self.id = id
        self.accountId = accountId
        self.name = name
        self.jobTitle = jobTitle
        self.email = email
        self.phone = phone
        self.preferredLanguage = preferredLanguage
        self.buyingRole = buyingRole
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    public var isErased: Bool { erasedAt != nil }
}

/// One column of a contact that a change writes.
public enum ContactField: Sendable, Equatable {
    case name(String)
    case jobTitle(String)
    case email(String)
    case phone(String)
    case preferredLanguage(LanguageTag?)
    case buyingRole(Contact.BuyingRole?)

    public func apply(to contact: inout Contact) {
        switch self {
        case .name(let v): contact.name = v
        case .jobTitle(let v): contact.jobTitle = v
        case .email(let v): contact.email = v
        case .phone(let v): contact.phone = v
        case .preferredLanguage(let v): contact.preferredLanguage = v
        case .buyingRole(let v): contact.buyingRole = v
        }
    }
}

public protocol ContactStore: Sendable {
    func create(_ contact: Contact) async throws
    func find(id: Contact.ID) async throws -> Contact?
    /// The contacts of an account, by name.
    func list(accountId: Account.ID) async throws -> [Contact]
    func update(_ id: Contact.ID, _ changes: [ContactField], at: Date) async throws
    /// Replaces every personal field with its anonymous form and records who erased it, when.
    func erase(_ id: Contact.ID, by: User.ID, at: Date) async throws
}

extension DomainError {
    public static let contactNotFound = DomainError.notFound(
        entityKey: "entity.contact", fallback: "The contact was not found.")
}

extension Contact {
    /// The name an erased contact keeps (the edge shows it in the user's language).
    public static let erasedName = "—"
}
