import FluentKit
import SQLKit

/// V015 — guidance (docs/guidance.md): indexes for the parity dashboard's aggregations by month
/// (promises made, deliveries, review decisions, comments). Names carry `guidance_` so that they
/// never clash with another feature's index on the same column.
enum V015 {
    static var all: [any Migration] { [CreateGuidanceIndexes()] }

    struct CreateGuidanceIndexes: AsyncMigration {
        var name: String { "V015.CreateGuidanceIndexes" }

        func prepare(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            try await sql.create(index: "guidance_promises_created").on("promises").column("created_at").run()
            try await sql.create(index: "guidance_states_delivered").on("promise_states").column("delivered_at").run()
            try await sql.create(index: "guidance_events_kind_at").on("activity_events").column("kind").column("at")
                .run()
            try await sql.create(index: "guidance_comments_created").on("thread_comments").column("created_at").run()
        }

        func revert(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            for name in [
                "guidance_comments_created", "guidance_events_kind_at", "guidance_states_delivered",
                "guidance_promises_created",
            ] {
                try await sql.drop(index: name).run()
            }
        }
    }
}
