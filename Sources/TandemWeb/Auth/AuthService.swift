import Foundation
import TandemApp
import TandemDomain
import Vapor

/// Sessions and API tokens for a request: the web side of signing in. The rules (throttling,
/// password changes, administration) are use cases in TandemApp.
struct AuthService {
    let request: Request
    var stores: Stores { request.stores }

    /// Checks an e-mail address and password, counting the attempt against the throttle.
    func checkCredentials(email: String, password: String) async throws -> SignIn.Outcome {
        try await SignIn(request.appEnvironment, guard: request.application.signInGuard)
            .check(email: email, password: password, clientAddress: request.clientAddress)
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
        response.cookies[request.cookieName(.session)] = request.makeCookie(
            secret, expires: session.expiresAt, sameSite: .lax)
    }

    /// Sets the user's own new password: every session ends (they were opened with the old one)
    /// and this browser gets a fresh one on `response`.
    func replacePassword(of user: User, with password: String, signingInOn response: Response) async throws {
        try await ProfileSettings(request.appEnvironment).changePassword(of: user.id, to: password)
        try await signIn(user, on: response)
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
}

/// bcrypt through Vapor's hasher, off the event loop.
struct VaporPasswordHashing: PasswordHashing {
    let hasher: AsyncPasswordHasher
    func hash(_ password: String) async throws -> String { try await hasher.hash(password) }
    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await hasher.verify(password, created: hash)
    }
}

struct SignInGuardKey: StorageKey { typealias Value = SignInGuard }

extension Application {
    /// One per running app: verifications in flight and the dummy hash.
    var signInGuard: SignInGuard {
        get {
            guard let existing = storage[SignInGuardKey.self] else {
                fatalError("configure(_:context:) was not called")
            }
            return existing
        }
        set { storage[SignInGuardKey.self] = newValue }
    }

    /// A one-time link that creates the first admin, when there are no users yet.
    func issueSetupLinkIfNeeded() async throws -> String? {
        guard let secret = try await FirstAdminSetup(appEnvironment).issueLinkIfNeeded() else { return nil }
        return tandem.link(to: .setup(secret: secret))
    }

    /// The use cases' view of the app outside a request (start-up, commands).
    var appEnvironment: AppEnvironment {
        var env = AppEnvironment(
            stores: stores, clock: tandem.clock, ids: tandem.ids,
            passwords: VaporPasswordHashing(hasher: password.async))
        let app = self
        env.publishNotifications = { await app.deliverLive($0) }
        return env
    }

    /// A one-time link with which an active user sets a new password (older links stop working).
    /// For an operator whose only admin is locked out: `tandem users reset-link EMAIL`.
    public func resetLink(for rawEmail: String) async throws -> String {
        let email = try EmailAddress(rawEmail)
        guard let user = try await stores.users.find(email: email), user.isActive else {
            throw DomainError.userNotFound
        }
        let secret = try await UserAdministration(appEnvironment).invite(user.id)
        return tandem.link(to: .invitation(secret: secret))
    }
}

extension Request {
    /// The use cases' view of this request: its stores, the app's clock, identifiers and hasher.
    var appEnvironment: AppEnvironment {
        var env = AppEnvironment(
            stores: stores, clock: application.tandem.clock, ids: application.tandem.ids,
            passwords: VaporPasswordHashing(hasher: password.async))
        let app = application
        env.publishNotifications = { await app.deliverLive($0) }
        return env
    }
}
