import Foundation

/// A signed-in browser session. The cookie holds a random secret; only its hash is stored.
public struct UserSession: Hashable, Sendable {
    public typealias ID = Identifier<UserSession>
    public var id: ID
    public var userID: User.ID
    /// Per-session token that every form posts back (CSRF protection).
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(id: ID, userID: User.ID, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    public func isValid(at now: Date) -> Bool { now < expiresAt }
}

/// A personal API token's metadata; the secret itself is shown once and stored only as a hash.
public struct APIToken: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<APIToken>
    public var id: ID
    public var userID: User.ID
    public var name: String
    /// The first characters of the secret, so the owner can tell tokens apart.
    public var prefix: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public init(
        id: ID, userID: User.ID, name: String, prefix: String, createdAt: Date, lastUsedAt: Date? = nil,
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.name = name
        self.prefix = prefix
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }

    public static func validateName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 80 else {
            throw DomainError.invalid(
                "name", "error.token.name",
                fallback: "Give the token a name of 1 to 80 characters, e.g. “CAT tool sync”.")
        }
        return trimmed
    }
}

/// Limits repeated failed sign-ins within `window`: per account, and (wider, since colleagues
/// may share one office address) per client address.
public struct LoginThrottle: Sendable, Equatable {
    public var maximumFailuresPerAccount: Int
    public var maximumFailuresPerAddress: Int
    public var window: TimeInterval

    public init(maximumFailuresPerAccount: Int = 5, maximumFailuresPerAddress: Int = 20, window: TimeInterval = 15 * 60)
    {
        self.maximumFailuresPerAccount = maximumFailuresPerAccount
        self.maximumFailuresPerAddress = maximumFailuresPerAddress
        self.window = window
    }

    /// Whether another attempt is allowed given the failures recorded since `now - window`.
    public func allowsAttempt(accountFailures: Int, addressFailures: Int) -> Bool {
        accountFailures < maximumFailuresPerAccount && addressFailures < maximumFailuresPerAddress
    }
}
