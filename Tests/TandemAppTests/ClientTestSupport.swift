import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Testing

/// A use-case environment on a scratch database (SQLite in memory, or PostgreSQL when
/// TANDEM_TEST_DATABASE_URL is set), with a clock the test can move and sequential IDs.
final class ClientFixture: @unchecked Sendable {
    let env: AppEnvironment
    let database: StandaloneDatabase

    private init(database: StandaloneDatabase, clockSource: ClockBox) {
        self.database = database
        let ids = IdentifierGenerator.sequential(startingAt: 0x9_0000)
        let clock: @Sendable () -> Date = { clockSource.now }
        env = AppEnvironment(
            stores: .fluent(database.database, clock: clock, ids: ids), clock: clock, ids: ids,
            passwords: UserAdministrationTests.PlainHashing())
        self.clockBox = clockSource
    }
    private let clockBox: ClockBox

    func advance(days: Double) { clockBox.now += days * 86_400 }

    static func run(_ body: (ClientFixture) async throws -> Void) async throws {
        let database = try await StandaloneDatabase.scratch()
        let fixture = ClientFixture(database: database, clockSource: ClockBox())
        do { try await body(fixture) } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    func user(_ email: String, _ roles: Set<Role>, active: Bool = true) async throws -> User {
        var user = try await env.stores.users.create(
            try NewUser(email: try EmailAddress(email), displayName: email, roles: roles, passwordHash: "plain:pw"),
            id: env.ids(), at: env.now)
        if !active {
            try await env.stores.users.setActive(user.id, false, at: env.now)
            user.isActive = false
        }
        return user
    }

    func account(_ name: String, by user: User, website: String? = nil) async throws -> Account {
        var input = AccountInput(name: name, currency: "EUR")
        input.website = website
        return try await AccountManagement(env).create(input, by: user, confirmDuplicate: true)
    }
}

final class ClockBox: @unchecked Sendable {
    // Moved by the test only, between calls.
    var now = Date(timeIntervalSince1970: 1_795_000_000)
}
