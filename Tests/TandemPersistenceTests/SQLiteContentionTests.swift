import FluentKit
import Foundation
import Logging
import TandemDomain
import Testing

@testable import TandemPersistence

/// A file database shared by several connections, as `tandem serve` runs on SQLite.
@Suite("SQLite under concurrent writers")
struct SQLiteContentionTests {
    @Test func concurrentReadThenWriteTransactionsAllCommit() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tandem-scratch-contention-\(UUID().uuidString).sqlite").path
        let db = try await StandaloneDatabase.open(.sqliteFile(path))
        try await SQLiteContention.useWriteAheadLog(on: db.database)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let stores = Stores.fluent(db.database, clock: { t0 }, ids: .random)
        do {
            // Each transaction reads, then writes: the pattern SQLite refuses at once as busy when
            // another connection holds the write lock, and that used to fail "database is locked".
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        try await stores.transactions.transaction { tx in
                            _ = try await tx.users.count()
                            let user = try NewUser(
                                email: try EmailAddress("writer\(index)@lumen.example"), displayName: "Writer \(index)",
                                roles: [.sales], passwordHash: "hash")
                            _ = try await tx.users.create(user, id: User.ID(UUID()), at: t0)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await stores.users.count() == 24)
        } catch {
            await db.shutdown()
            await StandaloneDatabase.dropScratch(.sqliteFile(path))
            throw error
        }
        await db.shutdown()
        await StandaloneDatabase.dropScratch(.sqliteFile(path))
    }

    @Test func onlyBusyAndLockedAreRetried() {
        struct Other: Error {}
        #expect(!SQLiteContention.isBusy(Other()))
    }
}
