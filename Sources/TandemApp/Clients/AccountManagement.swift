import Foundation
import TandemDomain

/// Creating and changing accounts: every field checked at once, people checked against their
/// roles, near duplicates warned about, concurrent edits refused by version.
public struct AccountManagement: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// Creates an account. Without `ownerId`, a sales rep creating it owns it. Unless
    /// `confirmDuplicate`, throws `PossibleDuplicates` when its name or website is close to an
    /// existing account's.
    public func create(_ input: AccountInput, by user: User, confirmDuplicate: Bool = false) async throws -> Account {
        guard Policy.permits(user, .createAccount) else { throw Self.forbidden }
        var input = input
        if input.ownerId == nil, user.has(.sales) { input.ownerId = user.id.description }
        let id: Account.ID = env.ids()
        let now = env.now
        return try await env.stores.transaction { [input] stores in
            let baseCurrency = try await stores.organisation.load().baseCurrency
            var account = Account(id: id, name: "", currency: baseCurrency, createdAt: now)
            var errors: [DomainError] = []
            if input.name == nil {
                errors.append(.invalid("name", "error.account.name_required", fallback: "Give the account a name."))
            }
            let changes = try await AccountValidation(stores: stores).changes(
                from: input, to: account, errors: errors)
            for change in changes { change.apply(to: &account) }
            if !confirmDuplicate {
                let similar = AccountSimilarity.similar(
                    name: account.name, website: account.website, among: try await stores.accounts.summaries())
                if !similar.isEmpty { throw PossibleDuplicates(similar: similar) }
            }
            try await stores.accounts.create(account)
            return account
        }
    }

    /// Changes the fields present in `input` only. With `expectedVersion`, refuses the change when
    /// someone else changed the account since (`DomainError.conflict` on `version`).
    public func update(_ id: Account.ID, _ input: AccountInput, expectedVersion: Int?, by user: User)
        async throws -> Account
    {
        let now = env.now
        return try await env.stores.transaction { stores in
            guard let account = try await stores.accounts.find(id: id) else { throw DomainError.accountNotFound }
            guard Policy.permits(user, .editAccount(owner: account.ownerId)) else { throw Self.forbidden }
            if let expectedVersion, expectedVersion != account.version {
                throw DomainError.staleVersion(current: account.version)
            }
            let changes = try await AccountValidation(stores: stores).changes(from: input, to: account, errors: [])
            guard !changes.isEmpty else { return account }
            return try await stores.accounts.update(id, changes, expectedVersion: account.version, at: now)
        }
    }

    /// An account for someone who may see accounts.
    public func account(_ id: Account.ID, for user: User) async throws -> Account {
        guard Policy.permits(user, .viewAccounts) else { throw Self.forbidden }
        guard let account = try await env.stores.accounts.find(id: id) else { throw DomainError.accountNotFound }
        return account
    }

    /// Names of accounts for cards and links (the pipeline shows them on opportunities).
    public func names(for ids: [Account.ID]) async throws -> [Account.ID: String] {
        try await env.stores.accounts.names(for: ids)
    }

    /// Accounts whose name or website is close to `name`/`website`, for a warning before saving.
    public func similarAccounts(name: String, website: String) async throws -> [AccountSummary] {
        AccountSimilarity.similar(name: name, website: website, among: try await env.stores.accounts.summaries())
    }

    static let forbidden = DomainError.forbidden(
        key: "error.forbidden", fallback: "You are not allowed to do this.")
}
