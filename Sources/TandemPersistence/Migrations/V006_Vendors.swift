import FluentKit
import SQLKit

/// Schema version 6: the vendor database (vendors, capabilities, rates), their calendars
/// (absences, bookings, tentative holds) and the change counter the capacity service watches.
enum V006 {
    struct CreateVendors: AsyncMigration {
        var name: String { "V006.CreateVendors" }
        func prepare(on database: any Database) async throws {
            try await database.schema("vendors")
                .id()
                .field("name", .string, .required)
                .field("name_key", .string, .required)
                .field("kind", .string, .required)
                .field("email", .string)
                .field("phone", .string)
                .field("country", .string)
                .field("time_zone", .string, .required)
                .field("status", .string, .required)
                // JSON text: {"mon": ["09:00-17:00"]}, [{"name": "legal", "level": "expert"}], ["memoQ"].
                .field("working_hours", .string, .required)
                .field("domains", .string, .required)
                .field("tools", .string, .required)
                .field("nda_signed_on", .string)
                // Decimals as canonical text ("0.8"), exact on both databases.
                .field("max_booked_share", .string)
                .field("quality_score", .int)
                .field("parallel_workers", .int, .required)
                .field("hourly_cost_amount", .string)
                .field("hourly_cost_currency", .string)
                .field("currency", .string, .required)
                .field("weighting_grid", .string)
                .field("version", .int, .required)
                .field("change_seq", .int64, .required)
                .field("created_at", .datetime, .required)
                .field("updated_at", .datetime, .required)
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "vendors_name_key").on("vendors").column("name_key").run()
            try await sql.create(index: "vendors_change_seq").on("vendors").column("change_seq").run()
        }
        func revert(on database: any Database) async throws { try await database.schema("vendors").delete() }
    }

    struct CreateCapabilitiesAndRates: AsyncMigration {
        var name: String { "V006.CreateCapabilitiesAndRates" }
        func prepare(on database: any Database) async throws {
            try await database.schema("vendor_capabilities")
                .id()
                .field("vendor_id", .uuid, .required, .references("vendors", "id", onDelete: .cascade))
                .field("source", .string, .required)
                .field("target", .string, .required)
                .field("service", .string, .required)
                .field("throughput", .string, .required)
                .field("throughput_unit", .string, .required)
                .field("approved", .bool, .required)
                .field("degree", .string)
                .field("years_of_experience", .int)
                .field("test_passed", .bool, .required)
                .field("approved_on", .string)
                .field("domains", .string, .required)
                .unique(on: "vendor_id", "source", "target", "service")
                .create()
            try await database.schema("vendor_rates")
                .id()
                .field("vendor_id", .uuid, .required, .references("vendors", "id", onDelete: .cascade))
                .field("source", .string, .required)
                .field("target", .string, .required)
                .field("service", .string, .required)
                .field("unit", .string, .required)
                .field("amount", .string, .required)
                .field("currency", .string, .required)
                .field("rush_amount", .string)
                .field("valid_from", .string, .required)
                .field("valid_to", .string)
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "vendor_capabilities_pair").on("vendor_capabilities")
                .column("source").column("target").run()
            try await sql.create(index: "vendor_rates_vendor").on("vendor_rates").column("vendor_id").run()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("vendor_rates").delete()
            try await database.schema("vendor_capabilities").delete()
        }
    }

    struct CreateCalendars: AsyncMigration {
        var name: String { "V006.CreateCalendars" }
        func prepare(on database: any Database) async throws {
            try await database.schema("vendor_absences")
                .id()
                .field("vendor_id", .uuid, .required, .references("vendors", "id", onDelete: .cascade))
                .field("starts_at", .datetime, .required)
                .field("ends_at", .datetime, .required)
                .field("reason", .string)
                .create()
            try await database.schema("vendor_bookings")
                .id()
                .field("vendor_id", .uuid, .required, .references("vendors", "id", onDelete: .cascade))
                .field("starts_at", .datetime, .required)
                .field("ends_at", .datetime, .required)
                .field("minutes", .int, .required)
                .field("job_reference", .string)
                .create()
            try await database.schema("vendor_holds")
                .id()
                .field("vendor_id", .uuid, .required, .references("vendors", "id", onDelete: .cascade))
                .field("starts_at", .datetime, .required)
                .field("ends_at", .datetime, .required)
                .field("minutes", .int, .required)
                .field("probability", .string, .required)
                .field("quote_reference", .string)
                .create()
            let sql = database as! any SQLDatabase
            for table in ["vendor_absences", "vendor_bookings", "vendor_holds"] {
                try await sql.create(index: "\(table)_vendor_end").on(table).column("vendor_id").column("ends_at")
                    .run()
                try await sql.create(index: "\(table)_end").on(table).column("ends_at").run()
            }
        }
        func revert(on database: any Database) async throws {
            for table in ["vendor_holds", "vendor_bookings", "vendor_absences"] {
                try await database.schema(table).delete()
            }
        }
    }

    /// One row whose `version` every vendor write raises (see `VendorStore`).
    struct CreateChangeCounter: AsyncMigration {
        var name: String { "V006.CreateChangeCounter" }
        func prepare(on database: any Database) async throws {
            try await database.schema("vendor_change_counter")
                .field("name", .string, .required)
                .field("version", .int64, .required)
                .unique(on: "name")
                .create()
            try await (database as! any SQLDatabase).insert(into: "vendor_change_counter")
                .columns("name", "version").values(SQLBind("vendors"), SQLBind(Int64(0))).run()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("vendor_change_counter").delete()
        }
    }

    /// Preferred and excluded vendors per account (accounts come with V004).
    struct CreateAccountVendorPreferences: AsyncMigration {
        var name: String { "V006.CreateAccountVendorPreferences" }
        func prepare(on database: any Database) async throws {
            try await database.schema("account_vendor_preferences")
                .id()
                .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
                .field("vendor_id", .uuid, .required, .references("vendors", "id", onDelete: .cascade))
                .field("kind", .string, .required)
                .field("note", .string)
                .unique(on: "account_id", "vendor_id")
                .create()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("account_vendor_preferences").delete()
        }
    }

    static let all: [any Migration] = [
        CreateVendors(), CreateCapabilitiesAndRates(), CreateCalendars(), CreateChangeCounter(),
        CreateAccountVendorPreferences(),
    ]
}
