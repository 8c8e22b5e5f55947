import Foundation
import TandemDomain

/// Hashes and checks passwords (bcrypt in the app; a fast fake in tests).
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
}

/// What every use case works with: storage, the time, identifiers and the password hasher.
/// Pages, the API and commands build one per request; tests pin the clock and the identifiers.
public struct AppEnvironment: Sendable {
    public var stores: Stores
    public var clock: @Sendable () -> Date
    public var ids: IdentifierGenerator
    public var passwords: any PasswordHashing
    /// Tells open pages about new unread notifications (the web app's live streams); nil where
    /// nobody listens (commands, the demo seed, use-case tests). Called after the commit.
    public var publishNotifications: (@Sendable ([InAppNotification]) async -> Void)? = nil

    public init(
        stores: Stores, clock: @escaping @Sendable () -> Date, ids: IdentifierGenerator, passwords: any PasswordHashing
    ) {
        self.stores = stores
        self.clock = clock
        self.ids = ids
        self.passwords = passwords
    }

    public var now: Date { clock() }
}

/// A first-in, first-out lock for async code, for rules that read and then write (e.g. "at least
/// one active admin remains"). It orders the writers of this process; on PostgreSQL the
/// transaction also takes an advisory lock, so that several processes are ordered too.
public actor AsyncLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await body()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
