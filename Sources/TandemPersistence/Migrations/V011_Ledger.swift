import FluentKit
import SQLKit

/// Schema version 11: the promise ledger (issue #14): each promise's ledger state and versions,
/// client deliveries, quality evaluations and pair scores, complaints, change orders, and the
/// client's time zone (a promised day is judged in it).
enum V011 {
    static var all: [any Migration] { [CreateLedger(), CreateQuality()] }

    struct CreateLedger: AsyncMigration {
        var name: String { "V011.CreateLedger" }
        func prepare(on database: any Database) async throws {
            // One row per promise (its id is the promise's), written by the ledger.
            try await database.schema("promise_states")
                .field("id", .uuid, .identifier(auto: false), .references("promises", "id", onDelete: .cascade))
                .field("delivery_day", .string)
                .field("margin_at_risk", .bool, .required)
                .field("renegotiated", .bool, .required)
                .field("cause", .string)
                .field("delivered_at", .datetime)
                .field("delivered_full_scope", .bool, .required)
                .field("broken_earlier", .bool, .required)
                .field("expected_finish", .datetime)
                .field("expected_cost", .string)
                .field("expected_cost_currency", .string)
                .field("at_risk_notified_at", .datetime)
                .field("cancelled", .bool, .required)
                .create()
            try await database.schema("promise_versions")
                .id()
                .field("promise_id", .uuid, .required, .references("promises", "id", onDelete: .cascade))
                .field("number", .int, .required)
                .field("delivery_date", .datetime, .required)
                .field("delivery_day", .string)
                .field("price", .string, .required)
                .field("currency", .string, .required)
                .field("previous", .string)
                .field("reason", .string, .required)
                .field("cause", .string)
                .field("change_order_id", .uuid)
                .field("made_by", .uuid)
                .field("made_at", .datetime, .required)
                .field("made_after_deadline", .bool, .required)
                // Two renegotiations from the same version: the second fails here.
                .unique(on: "promise_id", "number")
                .create()
            try await database.schema("client_deliveries")
                .id()
                .field("promise_id", .uuid, .required, .references("promises", "id", onDelete: .cascade))
                .field("project_id", .uuid, .required)
                .field("delivered_at", .datetime, .required)
                .field("what", .string, .required)
                .field("recipient", .string, .required)
                .field("cost", .string)
                .field("cost_currency", .string)
                .field("full_scope", .bool, .required)
                .field("late_cause", .string)
                .field("note", .string, .required)
                .field("recorded_by", .uuid, .required)
                .field("recorded_at", .datetime, .required)
                .create()
            try await database.schema("change_orders")
                .id()
                .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
                .field("number", .int, .required)
                .field("items", .string, .required)
                .field("reason", .string, .required)
                .field("status", .string, .required)
                .field("proposed_by", .uuid, .required)
                .field("proposed_at", .datetime, .required)
                .field("decided_by", .uuid)
                .field("decided_at", .datetime)
                .unique(on: "project_id", "number")
                .create()
            try await database.schema("account_time_zones")
                .field("id", .uuid, .identifier(auto: false), .references("accounts", "id", onDelete: .cascade))
                .field("time_zone", .string, .required)
                .create()
            let sql = database as! any SQLDatabase
            // The ledger filters and sorts by these.
            try await sql.create(index: "promises_delivery").on("promises").column("delivery_date").run()
            try await sql.create(index: "promises_status").on("promises").column("status").run()
            try await sql.create(index: "promises_owner").on("promises").column("sales_owner_id").run()
            try await sql.create(index: "promises_pm").on("promises").column("pm_id").run()
            try await sql.create(index: "projects_account").on("projects").column("account_id").run()
            try await sql.create(index: "promise_versions_promise").on("promise_versions").column("promise_id").run()
            try await sql.create(index: "client_deliveries_promise").on("client_deliveries").column("promise_id").run()
        }
        func revert(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            for index in ["promises_delivery", "promises_status", "promises_owner", "promises_pm", "projects_account"] {
                try await sql.drop(index: index).run()
            }
            for table in [
                "account_time_zones", "change_orders", "client_deliveries", "promise_versions", "promise_states",
            ] {
                try await database.schema(table).delete()
            }
        }
    }

    struct CreateQuality: AsyncMigration {
        var name: String { "V011.CreateQuality" }
        func prepare(on database: any Database) async throws {
            try await database.schema("quality_evaluations")
                .id()
                .field("vendor_id", .uuid, .required)
                .field("source_language", .string, .required)
                .field("target_language", .string, .required)
                .field("project_id", .uuid, .required)
                .field("promise_id", .uuid)
                .field("job_id", .uuid)
                .field("sample_words", .int, .required)
                .field("errors", .string, .required)
                .field("timeliness", .int, .required)
                .field("communication", .int, .required)
                .field("comments", .string, .required)
                .field("evaluated_by", .uuid, .required)
                .field("evaluated_at", .datetime, .required)
                .create()
            try await database.schema("vendor_pair_quality")
                .id()
                .field("vendor_id", .uuid, .required)
                .field("source_language", .string, .required)
                .field("target_language", .string, .required)
                .field("score", .int, .required)
                .field("evaluations", .int, .required)
                .field("updated_at", .datetime, .required)
                .unique(on: "vendor_id", "source_language", "target_language")
                .create()
            try await database.schema("complaints")
                .id()
                .field("promise_id", .uuid, .required, .references("promises", "id", onDelete: .cascade))
                .field("delivery_id", .uuid)
                .field("received_at", .datetime, .required)
                .field("description", .string, .required)
                .field("severity", .string, .required)
                .field("justified", .bool, .required)
                .field("root_cause", .string, .required)
                .field("corrective_action", .string, .required)
                .field("recorded_by", .uuid, .required)
                .field("recorded_at", .datetime, .required)
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "quality_evaluations_vendor").on("quality_evaluations").column("vendor_id")
                .column("source_language").column("target_language").run()
            try await sql.create(index: "quality_evaluations_project").on("quality_evaluations").column("project_id")
                .run()
            try await sql.create(index: "complaints_promise").on("complaints").column("promise_id").run()
        }
        func revert(on database: any Database) async throws {
            for table in ["complaints", "vendor_pair_quality", "quality_evaluations"] {
                try await database.schema(table).delete()
            }
        }
    }
}
