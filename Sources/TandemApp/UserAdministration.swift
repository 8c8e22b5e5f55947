import Foundation
import TandemDomain

/// What admins do to other users: edit their account, deactivate and reactivate them, set a
/// password, send a one-time link. Rules that keep the workspace usable live here: at least
/// one active admin remains, admins cannot remove their own admin role or deactivate themselves.
public struct UserAdministration: Sendable {
    public static let invitationLifetime: TimeInterval = 7 * 24 * 3600
    /// Orders role and activation changes in this process (see `AsyncLock`).
    static let administrationLock = AsyncLock()

    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct AccountChange: Sendable {
        public var displayName: String
        public var email: EmailAddress
        public var roles: Set<Role>
        public init(displayName: String, email: EmailAddress, roles: Set<Role>) {
            self.displayName = displayName
            self.email = email
            self.roles = roles
        }
    }

    /// Writes name, address and roles only (never the activation or preferences the user may be
    /// changing at the same moment).
    public func updateAccount(_ id: User.ID, by admin: User, to change: AccountChange) async throws -> User {
        if id == admin.id, !change.roles.contains(.admin) {
            throw ValidationErrors([Self.keepOwnAdmin])
        }
        return try await guardedChange(of: id) { stores, user in
            try await stores.users.updateAccount(
                id, displayName: change.displayName, email: change.email, roles: change.roles, at: env.now)
        }
    }

    /// Deactivation ends every session, token and pending link of the user at once.
    public func deactivate(_ id: User.ID, by admin: User) async throws -> User {
        guard id != admin.id else {
            throw DomainError.invalidInput(
                field: nil, key: "error.users.deactivate_self", arguments: [:],
                fallback: "You cannot deactivate yourself.")
        }
        let now = env.now
        return try await guardedChange(of: id) { stores, user in
            try await stores.users.setActive(id, false, at: now)
            try await stores.sessions.deleteAll(for: id)
            try await stores.apiTokens.revokeAll(for: id, at: now)
            try await stores.invitations.revokeAll(for: id, at: now)
        }
    }

    public func reactivate(_ id: User.ID) async throws -> User {
        try await guardedChange(of: id) { stores, _ in try await stores.users.setActive(id, true, at: env.now) }
    }

    /// An admin sets someone's password: whoever knew the old one is signed out everywhere,
    /// their API tokens are revoked and pending one-time links stop working.
    public func setPassword(of id: User.ID, to password: String) async throws {
        try PasswordRules.validate(password)
        let hash = try await env.passwords.hash(password)
        let now = env.now
        try await env.stores.transaction { stores in
            guard try await stores.users.find(id: id) != nil else { throw DomainError.userNotFound }
            try await stores.users.setPasswordHash(hash, for: id)
            try await stores.sessions.deleteAll(for: id)
            try await stores.apiTokens.revokeAll(for: id, at: now)
            try await stores.invitations.revokeAll(for: id, at: now)
        }
    }

    /// A one-time link's secret with which the user sets their own password; older unused links
    /// stop working.
    public func invite(_ id: User.ID) async throws -> String {
        let secret = Secrets.random()
        let now = env.now
        try await env.stores.transaction { stores in
            try await stores.invitations.revokeAll(for: id, at: now)
            try await stores.invitations.create(
                for: id, secretHash: Secrets.hash(secret), expiresAt: now.addingTimeInterval(Self.invitationLifetime))
        }
        return secret
    }

    /// What an admin types to create or edit a user; the password is optional (nil: the user gets
    /// a one-time link to choose their own; an empty string is a password too short).
    public struct UserInput: Sendable {
        public var displayName: String
        public var email: String
        public var roles: [String]
        public var password: String?
        public init(displayName: String, email: String, roles: [String], password: String?) {
            self.displayName = displayName
            self.email = email
            self.roles = roles
            self.password = password
        }
    }

    /// Checks every field at once; throws `ValidationErrors` listing all that are wrong.
    public static func validate(_ input: UserInput) throws -> NewUser {
        var errors: [DomainError] = []
        var email: EmailAddress?
        do { email = try EmailAddress(input.email) } catch { errors += error.domainErrors }
        let name = input.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            errors.append(.invalid("displayName", "error.name.required", fallback: "A name is required."))
        } else if name.count > 120 {
            errors.append(
                .invalid(
                    "displayName", "error.name.too_long", ["max": "120"],
                    fallback: "The name is longer than 120 characters."))
        }
        var roles = Set<Role>()
        for raw in input.roles {
            do { roles.formUnion(try Role.parseList(raw)) } catch { errors += error.domainErrors }
        }
        if roles.isEmpty && !errors.contains(where: { $0.field == "roles" }) {
            errors.append(.invalid("roles", "error.roles.required", fallback: "Choose at least one role."))
        }
        if let password = input.password {
            do { try PasswordRules.validate(password) } catch { errors += error.domainErrors }
        }
        // One problem per field, the first: a form shows one message next to each field.
        var seen = Set<String?>()
        try ValidationErrors.check(errors.filter { seen.insert($0.field).inserted })
        return try NewUser(email: email!, displayName: name, roles: roles, passwordHash: nil)
    }

    /// A new user, and the secret of their one-time link when no password was given.
    public struct Created: Sendable {
        public var user: User
        public var invitationSecret: String?
    }

    /// Creates a user; without a password, also their one-time link (in the same transaction).
    public func create(_ input: UserInput) async throws -> Created {
        var newUser = try Self.validate(input)
        let password = input.password
        if let password { newUser.passwordHash = try await env.passwords.hash(password) }
        let id: User.ID = env.ids()
        let now = env.now
        let secret = password == nil ? Secrets.random() : nil
        let user = try await env.stores.transaction { [newUser] stores in
            let user = try await stores.users.create(newUser, id: id, at: now)
            if let secret {
                try await stores.invitations.create(
                    for: id, secretHash: Secrets.hash(secret),
                    expiresAt: now.addingTimeInterval(Self.invitationLifetime))
            }
            return user
        }
        return Created(user: user, invitationSecret: secret)
    }

    static let keepOwnAdmin = DomainError.invalidInput(
        field: "roles", key: "error.roles.keep_own_admin", arguments: [:],
        fallback: "You cannot remove your own admin role.")
    static let lastAdmin = DomainError.invalidInput(
        field: "roles", key: "error.users.last_admin", arguments: [:],
        fallback: "At least one active admin must remain.")

    /// Runs `change` in a transaction, in turn with every other role or activation change, and
    /// refuses it when no active admin would remain. Returns the user as stored afterwards.
    private func guardedChange(
        of id: User.ID, _ change: @escaping @Sendable (Stores, User) async throws -> Void
    ) async throws -> User {
        try await Self.administrationLock.withLock {
            try await env.stores.transaction { stores in
                try await stores.users.lockAdministration()
                guard let user = try await stores.users.find(id: id) else {
                    throw DomainError.userNotFound
                }
                try await change(stores, user)
                guard try await stores.users.activeAdminCount() > 0 else { throw ValidationErrors([Self.lastAdmin]) }
                guard let updated = try await stores.users.find(id: id) else {
                    throw DomainError.userNotFound
                }
                return updated
            }
        }
    }
}
