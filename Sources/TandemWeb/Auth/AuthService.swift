import Foundation
import TandemDomain
import Vapor

/// Sign-in, sessions, API tokens and the first-admin setup link.
struct AuthService {
    let request: Request
    var stores: Stores { request.stores }
    static let sessionCookie = "tandem_session"
    static let throttle = LoginThrottle()

    enum CredentialCheck {
        case valid(User)
        case wrongCredentials
        case throttled(minutes: Int)
    }

    /// Checks an e-mail address and password, counting failures against the throttle.
    func checkCredentials(email rawEmail: String, password: String) async throws -> CredentialCheck {
        let now = request.now
        let emailKey = "email:" + rawEmail.trimmingCharacters(in: .whitespaces).lowercased()
        let addressKey = "ip:" + (request.remoteAddress?.ipAddress ?? "unknown")
        let since = now.addingTimeInterval(-Self.throttle.window)
        guard
            Self.throttle.allowsAttempt(
                accountFailures: try await stores.loginAttempts.failures(key: emailKey, since: since),
                addressFailures: try await stores.loginAttempts.failures(key: addressKey, since: since))
        else { return .throttled(minutes: Int(Self.throttle.window / 60)) }
        guard let email = try? EmailAddress(rawEmail),
            let user = try await stores.users.find(email: email), user.isActive,
            let hash = try await stores.users.passwordHash(of: user.id),
            try await request.password.async.verify(password, created: hash)
        else {
            try await stores.loginAttempts.recordFailure(key: emailKey, at: now)
            try await stores.loginAttempts.recordFailure(key: addressKey, at: now)
            return .wrongCredentials
        }
        try await stores.loginAttempts.clear(key: emailKey)
        return .valid(user)
    }

    /// Starts a session for `user` and puts its cookie on `response`.
    func signIn(_ user: User, on response: Response) async throws {
        let now = request.now
        let secret = Secrets.random()
        let session = UserSession(
            id: request.tandem.ids(), userID: user.id, csrfToken: Secrets.random(length: 32), createdAt: now,
            expiresAt: now.addingTimeInterval(TimeInterval(request.tandem.config.sessionHours * 3600)))
        try await stores.sessions.create(session, secretHash: Secrets.hash(secret))
        try await stores.sessions.deleteExpired(before: now)
        response.cookies[Self.sessionCookie] = HTTPCookies.Value(
            string: secret, expires: session.expiresAt, maxAge: nil, domain: nil, path: "/",
            isSecure: request.tandem.config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    /// Sets a new password. Every session of the user ends (they were opened with the old one)
    /// and this browser gets a fresh one on `response`.
    func replacePassword(of user: User, with password: String, signingInOn response: Response) async throws {
        try await stores.users.setPasswordHash(try await hashPassword(password), for: user.id)
        try await stores.sessions.deleteAll(for: user.id)
        try await signIn(user, on: response)
    }

    func hashPassword(_ password: String) async throws -> String {
        try await request.password.async.hash(password)
    }

    /// Creates a personal API token; the secret is returned once and stored only as a hash.
    func createToken(for user: User, name: String) async throws -> (APIToken, String) {
        let secret = "tdm_" + Secrets.random()
        let token = APIToken(
            id: request.tandem.ids(), userID: user.id, name: try APIToken.validateName(name),
            prefix: String(secret.prefix(10)), createdAt: request.now)
        try await stores.apiTokens.create(token, secretHash: Secrets.hash(secret))
        return (token, secret)
    }

    static let invitationLifetime: TimeInterval = 7 * 24 * 3600

    /// A one-time link with which `user` sets their own password; older unused links stop working.
    func invite(_ user: User) async throws -> String {
        let secret = Secrets.random()
        try await stores.invitations.revokeAll(for: user.id, at: request.now)
        try await stores.invitations.create(
            for: user.id, secretHash: Secrets.hash(secret),
            expiresAt: request.now.addingTimeInterval(Self.invitationLifetime))
        return "\(request.tandem.config.baseURL)\(SiteRoute.invitation(secret: secret).path)"
    }

    /// Deactivation ends every session and token at once.
    func deactivate(_ user: User) async throws -> User {
        var updated = user
        updated.isActive = false
        try await stores.users.update(updated)
        try await stores.sessions.deleteAll(for: user.id)
        try await stores.apiTokens.revokeAll(for: user.id, at: request.now)
        try await stores.invitations.revokeAll(for: user.id, at: request.now)
        return updated
    }
}

extension Application {
    /// Prints a one-time link that creates the first admin, when there are no users yet.
    func issueSetupLinkIfNeeded() async throws -> String? {
        let stores = Stores.fluent(db)
        guard try await stores.users.count() == 0 else { return nil }
        let secret = Secrets.random()
        try await stores.setupTokens.create(
            secretHash: Secrets.hash(secret), expiresAt: tandem.clock().addingTimeInterval(24 * 3600))
        return tandem.config.baseURL + SiteRoute.setup(secret: secret).path
    }
}
