import FluentKit
import Foundation
import Logging
import TandemDomain
import Testing

@testable import TandemPersistence

/// A file database shared by two connections, as `tandem serve` runs on SQLite.
@Suite("SQLite under concurrent writers")
struct SQLiteContentionTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func user(_ name: String) throws -> NewUser {
        try NewUser(
            email: try EmailAddress("\(name)@lumen.example"), displayName: name, roles: [.sales], passwordHash: "hash")
    }

    /// A transaction reads, another connection writes, then the transaction writes: SQLite refuses
    /// that write at once as busy (its snapshot is stale). The runner runs the whole transaction
    /// again, which then commits; without the retry the request would fail "database is locked".
    @Test func aTransactionRefusedAsBusyRunsAgainAndCommits() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tandem-scratch-contention-\(UUID().uuidString).sqlite").path
        let first = try await StandaloneDatabase.open(.sqliteFile(path))
        let second = try await StandaloneDatabase.open(.sqliteFile(path), migrate: false)
        try await SQLiteContention.useWriteAheadLog(on: first.database)
        let t0 = self.t0
        let stores = Stores.fluent(first.database, clock: { t0 }, ids: .random)
        let other = Stores.fluent(second.database, clock: { t0 }, ids: .random)
        let attempts = Counter()
        let writer = try user("writer")
        let intruder = try user("intruder")
        do {
            try await stores.transactions.transaction { tx in
                let attempt = await attempts.next()
                _ = try await tx.users.count()
                if attempt == 1 { _ = try await other.users.create(intruder, id: User.ID(UUID()), at: t0) }
                _ = try await tx.users.create(writer, id: User.ID(UUID()), at: t0)
            }
            #expect(await attempts.value == 2)
            #expect(try await stores.users.count() == 2)
        } catch {
            await first.shutdown()
            await second.shutdown()
            await StandaloneDatabase.dropScratch(.sqliteFile(path))
            throw error
        }
        await first.shutdown()
        await second.shutdown()
        await StandaloneDatabase.dropScratch(.sqliteFile(path))
    }

    @Test func aFileDatabaseInADirectoryThatDoesNotExistYetIsCreated() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-fresh-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("data/tandem.sqlite").path
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await StandaloneDatabase.open(.sqliteFile(path))
        #expect(try await Stores.fluent(database.database, clock: { t0 }, ids: .random).users.count() == 0)
        await database.shutdown()
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func otherErrorsAreNotRetried() async throws {
        struct Other: Error {}
        let attempts = Counter()
        await #expect(throws: Other.self) {
            try await SQLiteContention.retrying {
                _ = await attempts.next()
                throw Other()
            }
        }
        #expect(await attempts.value == 1)
    }
}

private actor Counter {
    var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}
