import Foundation
import TandemDomain

/// One thing the shell's search box found.
public struct SearchHit: Sendable, Equatable {
    public enum Kind: String, Sendable { case account, contact, opportunity }
    public var kind: Kind
    public var id: UUID
    public var title: String
    /// What else identifies it: an account's domain, a contact's e-mail address and account.
    public var detail: String
    /// The account it belongs to (an account's own ID), where its page is.
    public var accountID: Account.ID?
    public init(kind: Kind, id: UUID, title: String, detail: String, accountID: Account.ID? = nil) {
        self.kind = kind
        self.id = id
        self.title = title
        self.detail = detail
        self.accountID = accountID
    }
}

/// The shell's one search box: accounts, contacts and opportunities by name, e-mail address or
/// web domain, alike on SQLite and PostgreSQL (the stores compare lower-cased text).
public struct Search: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct Results: Sendable {
        public var query: String
        public var accounts: [SearchHit]
        public var contacts: [SearchHit]
        public var opportunities: [SearchHit]
        public var isEmpty: Bool { accounts.isEmpty && contacts.isEmpty && opportunities.isEmpty }
    }

    /// Up to `limit` hits of each kind; text shorter than two characters finds nothing.
    public func run(_ text: String, limit: Int = 20) async throws -> Results {
        let query = Self.normalised(text)
        guard query.count >= 2 else { return Results(query: query, accounts: [], contacts: [], opportunities: []) }
        let stores = env.stores
        let opportunities = try await stores.pipeline.opportunities.search(name: query, limit: limit)
        let names = try await stores.accountNames(Set(opportunities.map(\.accountID)))
        return Results(
            query: query, accounts: try await stores.searchAccounts(query, limit: limit),
            contacts: try await stores.searchContacts(query, limit: limit),
            opportunities: opportunities.map {
                SearchHit(
                    kind: .opportunity, id: $0.id.rawValue, title: $0.name, detail: names[$0.accountID] ?? "",
                    accountID: $0.accountID)
            })
    }

    /// Trimmed and lower-cased; a pasted web address is searched by its domain
    /// ("https://www.acme.example/about" → "acme.example").
    static func normalised(_ text: String) -> String {
        var query = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if query.hasPrefix("http://") || query.hasPrefix("https://"), let host = URL(string: query)?.host {
            query = host
        }
        if query.hasPrefix("www.") { query.removeFirst(4) }
        return String(query.prefix(100))
    }
}
