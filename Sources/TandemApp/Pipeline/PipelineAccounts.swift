import Foundation
import TandemDomain

/// What the pipeline needs to know about an account, read through the accounts side's stores.
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
        // Placeholder until the accounts side is merged: every account exists, without a partner.
        AccountFacts(id: id, name: "", ownerID: nil, partnerPmID: nil, domains: [])
    }

    /// Account names by ID, for cards and lists.
    public func accountNames(_ ids: Set<Account.ID>) async throws -> [Account.ID: String] {
        [:]
    }

    /// The accounts a new opportunity may be for, by name.
    public func accountOptions() async throws -> [AccountFacts] {
        []
    }
}

extension Stores {
    /// Accounts whose name or web domain contains `text` (lower-cased).
    public func searchAccounts(_ text: String, limit: Int) async throws -> [SearchHit] {
        []
    }

    /// Contacts whose name or e-mail address contains `text` (lower-cased).
    public func searchContacts(_ text: String, limit: Int) async throws -> [SearchHit] {
        []
    }
}
