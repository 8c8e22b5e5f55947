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
