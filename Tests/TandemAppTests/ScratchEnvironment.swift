import Foundation
import TandemApp
import TandemDomain
import TandemPersistence

/// A use-case environment on a scratch database (SQLite, or PostgreSQL when the tests are given
/// one) with a settable clock and sequential ids; the database is closed however `body` ends.
func withScratchEnvironment(_ body: (AppEnvironment, ClockBox) async throws -> Void) async throws {
    try await withScratchDatabase { env, clock, _ in try await body(env, clock) }
}

/// The same, with the database itself for the stores a test makes directly (e.g. guidance's).
func withScratchDatabase(_ body: (AppEnvironment, ClockBox, StandaloneDatabase) async throws -> Void) async throws {
    let database = try await StandaloneDatabase.scratch()
    let clock = ClockBox()
    let ids = IdentifierGenerator.sequential(startingAt: 0x8_0000)
    let now: @Sendable () -> Date = { clock.now }
    let env = AppEnvironment(
        stores: .fluent(database.database, clock: now, ids: ids), clock: now, ids: ids,
        passwords: UserAdministrationTests.PlainHashing())
    do {
        try await body(env, clock, database)
    } catch {
        await database.shutdown()
        throw error
    }
    await database.shutdown()
}
