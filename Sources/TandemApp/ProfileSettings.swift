import Foundation
import TandemDomain

/// What signed-in users change about themselves. Each save writes only its own columns, so a
/// profile save racing an admin's demotion or deactivation cannot undo it.
public struct ProfileSettings: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public func savePreferences(of id: User.ID, locale: String?, timeZone: String?) async throws {
        try await env.stores.users.updatePreferences(id, locale: locale, timeZone: timeZone, at: env.now)
    }

    public func setLanguage(of id: User.ID, _ locale: String) async throws {
        try await env.stores.users.setLocale(id, locale, at: env.now)
    }

    /// Whether `password` is the user's current one.
    public func isCurrentPassword(_ password: String, of id: User.ID) async throws -> Bool {
        guard let hash = try await env.stores.users.passwordHash(of: id) else { return false }
        return try await env.passwords.verify(password, against: hash)
    }

    /// A new password ends every session of the user (they were opened with the old one) and
    /// voids pending one-time links. API tokens stay: the user chose them and sees them listed;
    /// an admin's reset (`UserAdministration.setPassword`) revokes them.
    public func changePassword(of id: User.ID, to password: String) async throws {
        try PasswordRules.validate(password, field: "newPassword")
        let hash = try await env.passwords.hash(password)
        let now = env.now
        try await env.stores.transaction { stores in
            try await stores.users.setPasswordHash(hash, for: id)
            try await stores.sessions.deleteAll(for: id)
            try await stores.invitations.revokeAll(for: id, at: now)
        }
    }
}
