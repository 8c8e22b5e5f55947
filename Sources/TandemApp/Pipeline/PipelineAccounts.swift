import Foundation
import TandemDomain

/// What the pipeline needs to know about an account, read through the accounts side's store.
public struct AccountFacts: Sendable, Equatable {
    public var id: Account.ID
    public var name: String
    public var ownerID: User.ID?
    public var partnerPmID: User.ID?
    /// Subject domains, lower-cased.
    public var domains: Set<String>
}

extension Stores {
    /// The pipeline's view of one account; nil when there is none.
    public func accountFacts(_ id: Account.ID) async throws -> AccountFacts? {
        guard let account = try await accounts.find(id: id) else { return nil }
        return AccountFacts(
            id: account.id, name: account.name, ownerID: account.ownerId, partnerPmID: account.partnerPmId,
            domains: Set(account.subjectDomains.map { $0.lowercased() }))
    }

    /// Account names by ID, for cards and lists.
    public func accountNames(_ ids: Set<Account.ID>) async throws -> [Account.ID: String] {
        guard !ids.isEmpty else { return [:] }
        return try await accounts.names(for: ids.sorted())
    }

    /// The accounts a new opportunity may be for, by name.
    public func accountOptions() async throws -> [AccountSummary] {
        try await accounts.summaries().sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }
}

extension Stores {
    /// Accounts whose name, legal name or web domain contains `text`.
    public func searchAccounts(_ text: String, limit: Int) async throws -> [SearchHit] {
        try await accounts.list(AccountFilter(text: text), after: nil, limit: limit).map {
            SearchHit(
                kind: .account, id: $0.id.rawValue, title: $0.name, detail: TextFolding.domain(of: $0.website) ?? "",
                accountID: $0.id)
        }
    }

    /// Contacts whose name or e-mail address contains `text`, with their account's name.
    public func searchContacts(_ text: String, limit: Int) async throws -> [SearchHit] {
        let found = try await pipeline.contactDirectory.contacts(matching: text, limit: limit)
        let names = try await accountNames(Set(found.map(\.accountID)))
        return found.map {
            SearchHit(
                kind: .contact, id: $0.id, title: $0.name,
                detail: [$0.email, names[$0.accountID] ?? ""].filter { !$0.isEmpty }.joined(separator: " · "),
                accountID: $0.accountID)
        }
    }
}
