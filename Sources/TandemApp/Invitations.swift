import Foundation
import TandemDomain

/// One-time links with which invited users (and users an admin sent a reset link) choose their
/// own password.
public struct Invitations: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    static let linkNotFound = DomainError.notFound(
        entityKey: "entity.invitation", fallback: "The link was not found; it may have been used or have expired.")

    /// The active user a pending link is for.
    public func pendingUser(secret: String) async throws -> User {
        guard let id = try await env.stores.invitations.pendingUser(secretHash: Secrets.hash(secret), at: env.now),
            let user = try await env.stores.users.find(id: id), user.isActive
        else { throw Self.linkNotFound }
        return user
    }

    /// Sets the password chosen through the link, which is then used up; the user's other
    /// sessions end. Throws `ValidationErrors` for a weak or mistyped password.
    public func accept(secret: String, password: String, confirmation: String) async throws -> User {
        let user = try await pendingUser(secret: secret)
        var errors: [DomainError] = []
        do { try PasswordRules.validate(password) } catch { errors += error.domainErrors }
        if password != confirmation {
            errors.append(
                .invalid(
                    "passwordConfirmation", "error.password.mismatch", fallback: "The two passwords do not match."))
        }
        try ValidationErrors.check(errors)
        let hash = try await env.passwords.hash(password)
        let now = env.now
        try await env.stores.transaction { stores in
            // Of two concurrent submits, one sets the password, the other finds the link used.
            guard try await stores.invitations.consume(secretHash: Secrets.hash(secret), at: now) else {
                throw Self.linkNotFound
            }
            try await stores.users.setPasswordHash(hash, for: user.id)
            try await stores.sessions.deleteAll(for: user.id)
        }
        return user
    }
}
