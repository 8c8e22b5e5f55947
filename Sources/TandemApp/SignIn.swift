import Foundation
import TandemDomain

/// Per-process state of the sign-in check: verifications in flight per account, and a dummy
/// hash that unknown accounts are checked against.
public actor SignInGuard {
    /// bcrypt verifications allowed at once for one account; more wait for none and are refused.
    public let maximumConcurrentPerKey: Int
    private var inFlight: [String: Int] = [:]
    private var dummyHash: String?

    public init(maximumConcurrentPerKey: Int = 2) {
        self.maximumConcurrentPerKey = maximumConcurrentPerKey
    }

    func enter(_ key: String) -> Bool {
        let current = inFlight[key, default: 0]
        guard current < maximumConcurrentPerKey else { return false }
        inFlight[key] = current + 1
        return true
    }

    func leave(_ key: String) {
        let remaining = inFlight[key, default: 1] - 1
        inFlight[key] = remaining > 0 ? remaining : nil
    }

    /// A hash of a random password at the configured cost, made once.
    func dummy(using passwords: any PasswordHashing) async throws -> String {
        if let dummyHash { return dummyHash }
        let made = try await passwords.hash(Secrets.random())
        dummyHash = made
        return made
    }
}

/// Checks an e-mail address and password against the throttle and the stored hash.
public struct SignIn: Sendable {
    public enum Outcome: Sendable, Equatable {
        case valid(User)
        case wrongCredentials
        case throttled(minutes: Int)
    }

    public static let throttle = LoginThrottle()
    let env: AppEnvironment
    let signInGuard: SignInGuard
    let throttle: LoginThrottle

    public init(_ env: AppEnvironment, guard signInGuard: SignInGuard, throttle: LoginThrottle = SignIn.throttle) {
        self.env = env
        self.signInGuard = signInGuard
        self.throttle = throttle
    }

    /// The attempt is recorded before the password is checked, so requests sent in parallel
    /// count against each other; a refused attempt is taken back, so that hammering a locked
    /// account does not keep it locked, and a successful one clears the account's failures.
    public func check(email rawEmail: String, password: String, clientAddress: String) async throws -> Outcome {
        let stores = env.stores
        let now = env.now
        let since = now.addingTimeInterval(-throttle.window)
        let accountKey = "email:" + EmailAddress.normalised(rawEmail)
        let addressKey = "ip:" + clientAddress
        let locked = Outcome.throttled(minutes: Int(throttle.window / 60))

        try await stores.loginAttempts.deleteOlder(than: since)
        let accountAttempt = try await stores.loginAttempts.record(key: accountKey, at: now)
        let addressAttempt = try await stores.loginAttempts.record(key: addressKey, at: now)
        func takeBack() async throws {
            try await stores.loginAttempts.remove(accountAttempt)
            try await stores.loginAttempts.remove(addressAttempt)
        }
        let accountAttempts = try await stores.loginAttempts.failures(key: accountKey, since: since)
        let addressAttempts = try await stores.loginAttempts.failures(key: addressKey, since: since)
        // Each count includes this attempt.
        guard throttle.allowsAttempt(accountFailures: accountAttempts - 1, addressFailures: addressAttempts - 1),
            await signInGuard.enter(accountKey)
        else {
            try await takeBack()
            return locked
        }
        let verified: User?
        do {
            verified = try await verify(rawEmail, password)
            await signInGuard.leave(accountKey)
        } catch {
            await signInGuard.leave(accountKey)
            throw error
        }
        guard let user = verified else { return .wrongCredentials }
        try await stores.loginAttempts.clear(key: accountKey)
        try await stores.loginAttempts.remove(addressAttempt)
        return .valid(user)
    }

    /// The user, when the password is theirs. Unknown, inactive and invited accounts are checked
    /// against a dummy hash of the same cost, so the answer takes as long as for a real account.
    private func verify(_ rawEmail: String, _ password: String) async throws -> User? {
        let user: User? =
            if let email = try? EmailAddress(rawEmail) { try await env.stores.users.find(email: email) } else { nil }
        let storedHash: String? =
            if let user, user.isActive { try await env.stores.users.passwordHash(of: user.id) } else { nil }
        guard let storedHash else {
            _ = try await env.passwords.verify(password, against: try await signInGuard.dummy(using: env.passwords))
            return nil
        }
        return try await env.passwords.verify(password, against: storedHash) ? user : nil
    }
}
