import FluentKit
import Foundation
import SQLKit
import SQLiteNIO

/// SQLite serialises writers. A deferred transaction that reads and then writes while another
/// connection writes gets SQLITE_BUSY at once (the busy handler cannot help: waiting would
/// deadlock), so the whole transaction is run again after a short pause.
public enum SQLiteContention {
    static let attempts = 6

    /// Whether `error` is SQLite's "busy" or "locked", which a fresh attempt may clear.
    static func isBusy(_ error: any Error) -> Bool {
        guard let sqlite = error as? SQLiteError else { return false }
        switch sqlite.reason {
        case .busy, .busyInRecovery, .busyInSnapshot, .busyTimeout, .locked, .lockedBySharedCache:
            return true
        default:
            return false
        }
    }

    /// Runs `body`, again up to `attempts` times in all while SQLite answers busy, with a growing
    /// jittered pause so that two retrying writers do not collide again.
    static func retrying<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch  where isBusy(error) && attempt < attempts {
                let pause = UInt64(attempt * 20 + Int.random(in: 0...20)) * 1_000_000
                try await Task.sleep(nanoseconds: pause)
                attempt += 1
            }
        }
    }

    /// Write-ahead logging lets readers go on while one connection writes (file databases only).
    public static func useWriteAheadLog(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
}
