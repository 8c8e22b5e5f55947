import FluentKit
import SQLKit

/// Schema version 4: the clients side of issue #11 (accounts first; lists are JSON text, so both
/// databases store them alike).
enum V004 {
    struct CreateAccounts: AsyncMigration {
        var name: String { "V004.CreateAccounts" }
        func prepare(on database: any Database) async throws {
            try await database.schema("accounts")
                .id()
                .field("name", .string, .required)
                .field("name_key", .string, .required)
                .field("search_text", .string, .required)
                .field("legal_name", .string, .required)
                .field("vat_number", .string, .required)
                .field("billing_address", .string, .required)
                .field("country", .string, .required)
                .field("website", .string, .required)
                .field("currency", .string, .required)
                .field("industry", .string, .required)
                .field("subject_domains", .string, .required)
                .field("language_pairs", .string, .required)
                .field("tier", .string)
                .field("status", .string, .required)
                .field("owner_id", .uuid, .references("users", "id", onDelete: .setNull))
                .field("partner_pm_id", .uuid, .references("users", "id", onDelete: .setNull))
                .field("tags", .string, .required)
                .field("notes", .string, .required)
                .field("parent_id", .uuid, .references("accounts", "id", onDelete: .setNull))
                .field("payment_terms_days", .int)
                .field("po_required", .bool, .required)
                .field("framework", .string)
                .field("nda_date", .string)
                .field("review_required", .bool, .required)
                .field("review_days", .int, .required)
                .field("created_at", .datetime, .required)
                .field("updated_at", .datetime, .required)
                .field("version", .int, .required)
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "accounts_name_key").on("accounts").column("name_key").column("id").run()
            try await sql.create(index: "accounts_owner").on("accounts").column("owner_id").run()
            try await sql.create(index: "accounts_parent").on("accounts").column("parent_id").run()
        }
        func revert(on database: any Database) async throws { try await database.schema("accounts").delete() }
    }

    static let all: [any Migration] = [CreateAccounts()]
}
