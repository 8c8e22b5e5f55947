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

    struct CreateContacts: AsyncMigration {
        var name: String { "V004.CreateContacts" }
        func prepare(on database: any Database) async throws {
            try await database.schema("contacts")
                .id()
                .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
                .field("name", .string, .required)
                .field("name_key", .string, .required)
                .field("job_title", .string, .required)
                .field("email", .string, .required)
                .field("phone", .string, .required)
                .field("preferred_language", .string)
                .field("buying_role", .string)
                .field("created_at", .datetime, .required)
                .field("updated_at", .datetime, .required)
                .field("erased_at", .datetime)
                .field("erased_by", .uuid)
                .create()
            try await (database as! any SQLDatabase).create(index: "contacts_account").on("contacts")
                .column("account_id").run()
        }
        func revert(on database: any Database) async throws { try await database.schema("contacts").delete() }
    }

    /// Activities and briefs point at a record by kind and ID, so opportunities (and later
    /// records) use the same tables without a foreign key per kind.
    struct CreateActivities: AsyncMigration {
        var name: String { "V004.CreateActivities" }
        func prepare(on database: any Database) async throws {
            try await database.schema("activities")
                .id()
                .field("subject_kind", .string, .required)
                .field("subject_id", .uuid, .required)
                .field("kind", .string, .required)
                .field("occurred_at", .datetime, .required)
                .field("text", .string, .required)
                .field("next_step", .string, .required)
                .field("next_step_due", .string)
                .field("owner_id", .uuid, .required, .references("users", "id"))
                .field("is_done", .bool, .required)
                .field("author_id", .uuid, .required, .references("users", "id"))
                .field("contact_id", .uuid, .references("contacts", "id", onDelete: .setNull))
                .field("created_at", .datetime, .required)
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "activities_subject").on("activities").column("subject_kind")
                .column("subject_id").run()
            try await sql.create(index: "activities_next_steps").on("activities").column("owner_id")
                .column("is_done").column("next_step_due").run()
        }
        func revert(on database: any Database) async throws { try await database.schema("activities").delete() }
    }

    struct CreateBriefVersions: AsyncMigration {
        var name: String { "V004.CreateBriefVersions" }
        func prepare(on database: any Database) async throws {
            try await database.schema("brief_versions")
                .id()
                .field("subject_kind", .string, .required)
                .field("subject_id", .uuid, .required)
                .field("number", .int, .required)
                .field("content", .string, .required)
                .field("author_id", .uuid, .required, .references("users", "id"))
                .field("created_at", .datetime, .required)
                .unique(on: "subject_kind", "subject_id", "number")
                .create()
        }
        func revert(on database: any Database) async throws { try await database.schema("brief_versions").delete() }
    }

    struct CreateClientAssets: AsyncMigration {
        var name: String { "V004.CreateClientAssets" }
        func prepare(on database: any Database) async throws {
            try await database.schema("client_assets")
                .id()
                .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
                .field("kind", .string, .required)
                .field("title", .string, .required)
                .field("file_name", .string, .required)
                .field("size", .int, .required)
                .field("languages", .string, .required)
                .field("note", .string, .required)
                .field("uploaded_by", .uuid, .required, .references("users", "id"))
                .field("uploaded_at", .datetime, .required)
                .create()
            try await (database as! any SQLDatabase).create(index: "client_assets_account").on("client_assets")
                .column("account_id").run()
        }
        func revert(on database: any Database) async throws { try await database.schema("client_assets").delete() }
    }

    static let all: [any Migration] = [
        CreateAccounts(), CreateContacts(), CreateActivities(), CreateBriefVersions(), CreateClientAssets(),
    ]
}
