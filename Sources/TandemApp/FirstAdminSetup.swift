import Foundation
import TandemDomain

/// The one-time link printed on the console of a fresh installation: it creates the first admin
/// and names the organisation, in one transaction.
public struct FirstAdminSetup: Sendable {
    public static let linkLifetime: TimeInterval = 24 * 3600
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct Input: Sendable {
        public var organisationName: String
        public var displayName: String
        public var email: String
        public var password: String
        public var passwordConfirmation: String
        /// The language the admin used on the form becomes the organisation's default.
        public var locale: String
        public init(
            organisationName: String, displayName: String, email: String, password: String,
            passwordConfirmation: String, locale: String
        ) {
            self.organisationName = organisationName
            self.displayName = displayName
            self.email = email
            self.password = password
            self.passwordConfirmation = passwordConfirmation
            self.locale = locale
        }
    }

    /// A new link's secret, when there are no users yet; nil otherwise.
    public func issueLinkIfNeeded() async throws -> String? {
        guard try await env.stores.users.count() == 0 else { return nil }
        let secret = Secrets.random()
        try await env.stores.setupTokens.create(
            secretHash: Secrets.hash(secret), expiresAt: env.now.addingTimeInterval(Self.linkLifetime))
        return secret
    }

    /// Whether the link can still be used: it exists, is unused, unexpired, and no user exists.
    public func isOpen(secret: String) async throws -> Bool {
        guard try await env.stores.users.count() == 0 else { return false }
        return try await env.stores.setupTokens.isUsable(secretHash: Secrets.hash(secret), at: env.now)
    }

    /// Creates the admin and saves the organisation's name; throws `ValidationErrors` listing every
    /// wrong field, or `DomainError.notFound` when the link is used, expired or users exist.
    public func run(secret: String, _ input: Input) async throws -> User {
        let current = try await env.stores.organisation.load()
        var errors: [DomainError] = []
        var organisation: OrganisationSettings?
        do {
            organisation = try OrganisationSettings(
                name: input.organisationName, baseCurrency: current.baseCurrency, timeZone: current.timeZone,
                workingDays: current.workingDays, defaultLocale: input.locale, holidays: current.holidays)
        } catch { errors += error.domainErrors }
        var newUser: NewUser?
        do {
            newUser = try UserAdministration.validate(
                .init(displayName: input.displayName, email: input.email, roles: [Role.admin.rawValue], password: nil))
        } catch { errors += error.domainErrors }
        do { try PasswordRules.validate(input.password) } catch { errors += error.domainErrors }
        if input.password != input.passwordConfirmation {
            errors.append(
                .invalid(
                    "passwordConfirmation", "error.password.mismatch", fallback: "The two passwords do not match."))
        }
        try ValidationErrors.check(errors)
        guard var admin = newUser, let organisation else { throw ValidationErrors(errors) }
        admin.passwordHash = try await env.passwords.hash(input.password)
        let id: User.ID = env.ids()
        let now = env.now
        return try await env.stores.transaction { [admin] stores in
            // The link is used first: of two submits, one creates the admin, the other is refused.
            guard try await stores.users.count() == 0,
                try await stores.setupTokens.consume(secretHash: Secrets.hash(secret), at: now)
            else {
                throw DomainError.notFound(entityKey: "entity.setup_link", fallback: "The setup link was not found.")
            }
            let user = try await stores.users.create(admin, id: id, at: now)
            try await stores.organisation.save(organisation)
            return user
        }
    }
}
