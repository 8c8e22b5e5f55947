import FluentKit
import SQLKit

/// Schema version 10: production (issue #14) — jobs with their assignments and events,
/// project holds, purchase orders numbered per year from a locked counter row. A job's and a
/// purchase order's details are JSON text beside the columns lists filter and sort on.
enum V010 {
    static var all: [any Migration] { [CreateProduction()] }

    struct CreateProduction: AsyncMigration {
        var name: String { "V010.CreateProduction" }
        func prepare(on database: any Database) async throws {
            try await database.schema("production_jobs")
                .id()
                .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
                .field("target_language", .string, .required)
                .field("sequence", .int, .required)
                .field("status", .string, .required)
                .field("due", .datetime, .required)
                .field("version", .int, .required)
                .field("content", .string, .required)
                .field("created_at", .datetime, .required)
                .field("updated_at", .datetime, .required)
                .create()
            try await database.schema("job_assignments")
                .id()
                .field("job_id", .uuid, .required, .references("production_jobs", "id", onDelete: .cascade))
                .field("vendor_id", .uuid, .required)
                .field("state", .string, .required)
                .field("content", .string, .required)
                .field("created_at", .datetime, .required)
                .create()
            try await database.schema("job_events")
                .id()
                .field("job_id", .uuid, .required, .references("production_jobs", "id", onDelete: .cascade))
                .field("kind", .string, .required)
                .field("from_status", .string)
                .field("to_status", .string)
                .field("at", .datetime, .required)
                .field("by_id", .uuid)
                .field("note", .string, .required)
                .create()
            try await database.schema("project_holds")
                .field("project_id", .uuid, .identifier(auto: false), .references("projects", "id", onDelete: .cascade))
                .field("on_hold", .bool, .required)
                .field("reason", .string, .required)
                .field("by_id", .uuid)
                .field("at", .datetime)
                .create()
            try await database.schema("purchase_order_numbers")
                .field("year", .int, .identifier(auto: false))
                .field("last_number", .int, .required)
                .create()
            try await database.schema("purchase_orders")
                .id()
                .field("number", .string, .required)
                .field("version", .int, .required)
                .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
                .field("vendor_id", .uuid, .required)
                .field("content", .string, .required)
                .field("created_at", .datetime, .required)
                .unique(on: "number", "version")
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "production_jobs_project").on("production_jobs").column("project_id").run()
            try await sql.create(index: "production_jobs_status_due").on("production_jobs").column("status")
                .column("due").run()
            try await sql.create(index: "job_assignments_job").on("job_assignments").column("job_id").run()
            try await sql.create(index: "job_events_job").on("job_events").column("job_id").column("at").run()
            try await sql.create(index: "purchase_orders_project").on("purchase_orders").column("project_id").run()
        }
        func revert(on database: any Database) async throws {
            for table in [
                "purchase_orders", "purchase_order_numbers", "project_holds", "job_events", "job_assignments",
                "production_jobs",
            ] {
                try await database.schema(table).delete()
            }
        }
    }
}
