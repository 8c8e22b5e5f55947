import FluentKit
import SQLKit

/// Schema version 8: quotes with their versions, lines, files and analyses, the review
/// settings, projects with promises and reservations, and the background job queue
/// (docs/quotes.md). Amounts and decimals are canonical text, exact on both databases.
enum V008 {
    static var all: [any Migration] { [CreateQuotes(), CreateQuoteFiles(), CreateProjects(), CreateJobs()] }

    struct CreateQuotes: AsyncMigration {
        var name: String { "V008.CreateQuotes" }
        func prepare(on database: any Database) async throws {
            try await database.schema("quote_numbers")
                .field("year", .int, .identifier(auto: false))
                .field("last_number", .int, .required)
                .create()
            try await database.schema("quotes")
                .id()
                .field("number", .string, .required)
                .field("account_id", .uuid, .required)
                .field("opportunity_id", .uuid, .required)
                .field("status", .string, .required)
                .field("current_version", .int, .required)
                .field("valid_until", .string, .required)
                .field("currency", .string, .required)
                .field("created_by", .uuid, .required)
                .field("created_at", .datetime, .required)
                .field("updated_at", .datetime, .required)
                .field("status_changed_at", .datetime, .required)
                .field("lost_reason", .string, .required)
                // JSON text {"by", "at", "reason"} or null.
                .field("manager_approval", .string)
                .unique(on: "number")
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "quotes_opportunity").on("quotes").column("opportunity_id").run()
            try await database.schema("quote_versions")
                .id()
                .field("quote_id", .uuid, .required, .references("quotes", "id", onDelete: .cascade))
                .field("number", .int, .required)
                // Targets, services, options, totals, reasons, feasibility, rate card: JSON text.
                .field("content", .string, .required)
                .field("created_by", .uuid, .required)
                .field("created_at", .datetime, .required)
                .field("sent_at", .datetime)
                .unique(on: "quote_id", "number")
                .create()
            try await database.schema("quote_lines")
                .id()
                .field("version_id", .uuid, .required, .references("quote_versions", "id", onDelete: .cascade))
                .field("line_id", .uuid, .required)
                .field("position", .int, .required)
                .field("kind", .string, .required)
                .field("option_id", .uuid)
                .field("target_language", .string)
                .field("service", .string, .required)
                .field("description", .string, .required)
                .field("bands", .string, .required)
                .field("weighted_words", .string, .required)
                .field("unit", .string, .required)
                .field("quantity", .string, .required)
                .field("unit_price", .string, .required)
                .field("price", .string, .required)
                .field("currency", .string, .required)
                .field("cost", .string)
                .field("cost_currency", .string)
                .field("cost_is_default_rate", .bool, .required)
                .create()
            try await sql.create(index: "quote_lines_version").on("quote_lines").column("version_id").run()
            try await database.schema("quote_review_settings")
                .id()
                .field("settings", .string, .required)
                .create()
        }
        func revert(on database: any Database) async throws {
            for table in ["quote_review_settings", "quote_lines", "quote_versions", "quotes", "quote_numbers"] {
                try await database.schema(table).delete()
            }
        }
    }

    struct CreateQuoteFiles: AsyncMigration {
        var name: String { "V008.CreateQuoteFiles" }
        func prepare(on database: any Database) async throws {
            try await database.schema("quote_files")
                .id()
                .field("quote_id", .uuid, .required, .references("quotes", "id", onDelete: .cascade))
                .field("kind", .string, .required)
                .field("name", .string, .required)
                .field("size", .int, .required)
                .field("excluded", .bool, .required)
                .field("targets", .string, .required)
                .field("uploaded_by", .uuid, .required)
                .field("uploaded_at", .datetime, .required)
                .create()
            try await database.schema("quote_analyses")
                .id()
                .field("quote_id", .uuid, .required, .references("quotes", "id", onDelete: .cascade))
                .field("status", .string, .required)
                .field("progress", .double, .required)
                .field("error", .string)
                .field("files", .string, .required)
                .field("created_at", .datetime, .required)
                .field("finished_at", .datetime)
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "quote_files_quote").on("quote_files").column("quote_id").run()
            try await sql.create(index: "quote_analyses_quote").on("quote_analyses").column("quote_id").run()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("quote_analyses").delete()
            try await database.schema("quote_files").delete()
        }
    }

    struct CreateProjects: AsyncMigration {
        var name: String { "V008.CreateProjects" }
        func prepare(on database: any Database) async throws {
            try await database.schema("projects")
                .id()
                .field("quote_id", .uuid, .required, .references("quotes", "id"))
                .field("account_id", .uuid, .required)
                .field("opportunity_id", .uuid, .required)
                .field("name", .string, .required)
                .field("brief", .string, .required)
                .field("brief_status", .string, .required)
                .field("brief_comment", .string, .required)
                .field("brief_by", .uuid)
                .field("brief_at", .datetime)
                .field("client_reference", .string, .required)
                .field("accepted_at", .datetime, .required)
                .field("option_id", .uuid)
                .field("sales_owner_id", .uuid, .required)
                .field("pm_id", .uuid)
                .field("created_at", .datetime, .required)
                // One project per quote, however often (or concurrently) acceptance is recorded.
                .unique(on: "quote_id")
                .create()
            try await database.schema("promises")
                .id()
                .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
                .field("target_language", .string, .required)
                .field("delivery_date", .datetime, .required)
                .field("price", .string, .required)
                .field("currency", .string, .required)
                .field("weighted_words", .string, .required)
                .field("services", .string, .required)
                .field("quality_level", .string, .required)
                .field("sales_owner_id", .uuid, .required)
                .field("pm_id", .uuid)
                .field("status", .string, .required)
                .field("version", .int, .required)
                .field("created_at", .datetime, .required)
                .create()
            try await database.schema("reservations")
                .id()
                .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
                .field("booking_id", .uuid, .required)
                .field("vendor_id", .uuid, .required)
                .field("target_language", .string)
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "promises_project").on("promises").column("project_id").run()
            try await sql.create(index: "reservations_project").on("reservations").column("project_id").run()
        }
        func revert(on database: any Database) async throws {
            for table in ["reservations", "promises", "projects"] { try await database.schema(table).delete() }
        }
    }

    struct CreateJobs: AsyncMigration {
        var name: String { "V008.CreateJobs" }
        func prepare(on database: any Database) async throws {
            try await database.schema("background_jobs")
                .id()
                .field("kind", .string, .required)
                .field("payload", .string, .required)
                .field("status", .string, .required)
                .field("attempts", .int, .required)
                .field("max_attempts", .int, .required)
                .field("run_after", .datetime, .required)
                .field("worker", .string)
                .field("lease_until", .datetime)
                .field("last_error", .string)
                .field("created_at", .datetime, .required)
                .field("updated_at", .datetime, .required)
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "background_jobs_due").on("background_jobs").column("status")
                .column("run_after").run()
        }
        func revert(on database: any Database) async throws { try await database.schema("background_jobs").delete() }
    }
}
