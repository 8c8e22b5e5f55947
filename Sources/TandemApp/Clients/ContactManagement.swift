import Foundation
import TandemDomain

/// Contacts on accounts, and what the GDPR asks for: a person's data exported on request, or
/// erased (anonymised in place, so that activities still point at the row; who and when is kept).
public struct ContactManagement: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// What a person types for a contact; nil leaves a field as it is (empty clears).
    public struct ContactInput: Sendable, Equatable {
        public var name: String?
        public var jobTitle: String?
        public var email: String?
        public var phone: String?
        public var preferredLanguage: String?
        /// "decision-maker", "buyer", "influencer", "end-user"; empty clears.
        public var buyingRole: String?
        public init(
            name: String? = nil, jobTitle: String? = nil, email: String? = nil, phone: String? = nil,
            preferredLanguage: String? = nil, buyingRole: String? = nil
        ) {
            self.name = name
            self.jobTitle = jobTitle
            self.email = email
            self.phone = phone
            self.preferredLanguage = preferredLanguage
            self.buyingRole = buyingRole
        }
    }

    /// The contacts of an account, for someone who may see accounts.
    public func contacts(of accountId: Account.ID, for user: User) async throws -> [Contact] {
        guard Policy.permits(user, .viewAccounts) else { throw AccountManagement.forbidden }
        guard try await env.stores.accounts.find(id: accountId) != nil else { throw DomainError.accountNotFound }
        return try await env.stores.contacts.list(accountId: accountId)
    }

    public func contact(_ id: Contact.ID, for user: User) async throws -> (Contact, Account) {
        guard Policy.permits(user, .viewAccounts) else { throw AccountManagement.forbidden }
        guard let contact = try await env.stores.contacts.find(id: id) else { throw DomainError.contactNotFound }
        guard let account = try await env.stores.accounts.find(id: contact.accountId) else {
            throw DomainError.accountNotFound
        }
        return (contact, account)
    }

    public func create(on accountId: Account.ID, _ input: ContactInput, by user: User) async throws -> Contact {
        let id: Contact.ID = env.ids()
        let now = env.now
        return try await env.stores.transaction { stores in
            let account = try await Self.editableAccount(accountId, by: user, in: stores)
            _ = account
            var errors: [DomainError] = []
            if input.name == nil {
                errors.append(.invalid("name", "error.contact.name_required", fallback: "Give the contact's name."))
            }
            var contact = Contact(id: id, accountId: accountId, name: "", createdAt: now)
            for change in try Self.changes(input, errors: errors) { change.apply(to: &contact) }
            try await stores.contacts.create(contact)
            return contact
        }
    }

    public func update(_ id: Contact.ID, _ input: ContactInput, by user: User) async throws -> Contact {
        let now = env.now
        return try await env.stores.transaction { stores in
            guard let contact = try await stores.contacts.find(id: id) else { throw DomainError.contactNotFound }
            _ = try await Self.editableAccount(contact.accountId, by: user, in: stores)
            guard !contact.isErased else {
                throw DomainError.invalid(
                    nil, "error.contact.erased", fallback: "This contact's data was erased; it cannot be changed.")
            }
            let changes = try Self.changes(input, errors: [])
            if !changes.isEmpty { try await stores.contacts.update(id, changes, at: now) }
            guard let updated = try await stores.contacts.find(id: id) else { throw DomainError.contactNotFound }
            return updated
        }
    }

    /// Everything Tandem holds about the person, for a data-access request: the contact record,
    /// its account's name, and the activities that name them.
    public struct PersonalDataExport: Codable, Sendable, Equatable {
        public var exportedAt: Date
        public var contact: Contact
        public var accountName: String
        public var activities: [Activity]
    }

    public func export(_ id: Contact.ID, by user: User) async throws -> PersonalDataExport {
        guard let contact = try await env.stores.contacts.find(id: id) else { throw DomainError.contactNotFound }
        let account = try await Self.editableAccount(contact.accountId, by: user, in: env.stores)
        let activities = try await env.stores.activities.list(subject: .account(account.id))
            .filter { $0.contactId == id }
        return PersonalDataExport(
            exportedAt: env.now, contact: contact, accountName: account.name, activities: activities)
    }

    /// Anonymises the contact's personal fields; the row stays with who erased it and when.
    public func erase(_ id: Contact.ID, by user: User) async throws -> Contact {
        let now = env.now
        return try await env.stores.transaction { stores in
            guard let contact = try await stores.contacts.find(id: id) else { throw DomainError.contactNotFound }
            _ = try await Self.editableAccount(contact.accountId, by: user, in: stores)
            if !contact.isErased { try await stores.contacts.erase(id, by: user.id, at: now) }
            guard let erased = try await stores.contacts.find(id: id) else { throw DomainError.contactNotFound }
            return erased
        }
    }

    static func editableAccount(_ id: Account.ID, by user: User, in stores: Stores) async throws -> Account {
        guard let account = try await stores.accounts.find(id: id) else { throw DomainError.accountNotFound }
        guard Policy.permits(user, .editAccount(owner: account.ownerId)) else { throw AccountManagement.forbidden }
        return account
    }

    static func changes(_ input: ContactInput, errors initial: [DomainError]) throws -> [ContactField] {
        var errors = initial
        var changes: [ContactField] = []
        func check(_ make: () throws -> ContactField?) {
            do { if let change = try make() { changes.append(change) } } catch { errors += error.domainErrors }
        }
        check {
            try input.name.map {
                let name = try AccountRules.limited($0, field: "name", max: 120)
                guard !name.isEmpty else {
                    throw DomainError.invalid(
                        "name", "error.contact.name_required", fallback: "Give the contact's name.")
                }
                return .name(name)
            }
        }
        check { try input.jobTitle.map { .jobTitle(try AccountRules.limited($0, field: "jobTitle", max: 120)) } }
        check {
            try input.email.map { text in
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                return .email(trimmed.isEmpty ? "" : try EmailAddress(trimmed).value)
            }
        }
        check { try input.phone.map { .phone(try Self.phone($0)) } }
        check {
            try input.preferredLanguage.map { text in
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                do { return .preferredLanguage(trimmed.isEmpty ? nil : try LanguageTag(trimmed)) } catch {
                    throw DomainError.invalid(
                        "preferredLanguage", "error.language_tag.invalid", ["value": text],
                        fallback: "“\(text)” is not a BCP 47 language tag such as en, fr-FR or zh-Hant-TW.")
                }
            }
        }
        check {
            try input.buyingRole.map { text in
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { return .buyingRole(nil) }
                guard let role = Contact.BuyingRole(rawValue: trimmed) else {
                    throw DomainError.invalid(
                        "buyingRole", "error.contact.buying_role", ["value": text],
                        fallback: "Choose decision maker, buyer, influencer or end user.")
                }
                return .buyingRole(role)
            }
        }
        var seen = Set<String?>()
        try ValidationErrors.check(errors.filter { seen.insert($0.field).inserted })
        return changes
    }

    /// Digits, spaces and + ( ) - . / only, at most 40 characters.
    static func phone(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 40, trimmed.allSatisfy({ $0.isNumber || " +()-./".contains($0) }) else {
            throw DomainError.invalid(
                "phone", "error.contact.phone", ["value": text],
                fallback: "“\(text)” is not a phone number such as +33 1 23 45 67 89.")
        }
        return trimmed
    }
}
