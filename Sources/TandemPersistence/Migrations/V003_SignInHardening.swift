import FluentKit
import SQLKit

/// Schema version 3: the throttle counts sign-in attempts by key and time on every sign-in, so
/// that lookup gets an index (old rows are pruned as attempts are recorded).
enum V003 {
    struct IndexLoginFailures: AsyncMigration {
        var name: String { "V003.IndexLoginFailures" }
        func prepare(on database: any Database) async throws {
            try await (database as! any SQLDatabase).create(index: "login_failures_key_time")
                .on("login_failures").column("throttle_key").column("failed_at").run()
        }
        func revert(on database: any Database) async throws {
            try await (database as! any SQLDatabase).drop(index: "login_failures_key_time").run()
        }
    }

    static let all: [any Migration] = [IndexLoginFailures()]
}
