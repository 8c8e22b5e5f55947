import FluentKit
import SQLKit

/// Schema version 7: pricing (docs/pricing.md). Rate cards with immutable versions, workflow
/// templates, the organisation's pricing settings and the accounts' own margin floors. Decimals
/// are canonical text and small structures JSON text, the same on SQLite and PostgreSQL.
enum V007 {
    static var all: [any Migration] { [CreateRateCards(), CreateWorkflowsAndSettings()] }

    struct CreateRateCards: AsyncMigration {
        var name: String { "V007.CreateRateCards" }
        func prepare(on database: any Database) async throws {
            try await database.schema("rate_cards")
                .id()
                // "default" or the account's ID: one card per account and one default.
                .field("scope", .string, .required)
                .field("account_id", .uuid, .references("accounts", "id"))
                .field("name", .string, .required)
                .field("currency", .string, .required)
                .field("latest_version", .int, .required)
                .field("created_at", .datetime, .required)
                .field("updated_at", .datetime, .required)
                .unique(on: "scope")
                .create()
            try await database.schema("rate_card_versions")
                .id()
                .field("card_id", .uuid, .required, .references("rate_cards", "id", onDelete: .cascade))
                .field("version", .int, .required)
                .field("name", .string, .required)
                .field("currency", .string, .required)
                // {"percents": {"100": "20", ...}, "boundaries": {"high": 95, ...}}
                .field("grid", .string, .required)
                // [{"source": "en", "target": "fr", "service": "translation", "unit": "word", "price": "0.12"}]
                .field("prices", .string, .required)
                .field("minimum_charge", .string, .required)
                // [{"kind": "compression", "maxPercentOfStandard": "50", "surchargePercent": "50"}]
                .field("rush_tiers", .string, .required)
                .field("pm_fee_percent", .string, .required)
                .field("standard_turnaround", .string)
                .field("created_at", .datetime, .required)
                .field("created_by", .uuid)
                .unique(on: "card_id", "version")
                .create()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("rate_card_versions").delete()
            try await database.schema("rate_cards").delete()
        }
    }

    struct CreateWorkflowsAndSettings: AsyncMigration {
        var name: String { "V007.CreateWorkflowsAndSettings" }
        func prepare(on database: any Database) async throws {
            try await database.schema("workflow_templates")
                .id()
                .field("service", .string, .required)
                // [{"service": "translation", "performer": "vendor", "unit": "word", "effort": "weighted-words"}]
                .field("steps", .string, .required)
                .field("version", .int, .required)
                .field("updated_at", .datetime, .required)
                .unique(on: "service")
                .create()
            try await database.schema("pricing_settings")
                .id()
                .field("effort_grid", .string, .required)
                .field("default_cost_rates", .string, .required)
                .field("margin_floor", .string, .required)
                .field("standard_turnaround", .string, .required)
                .field("version", .int, .required)
                .create()
            try await database.schema("account_margin_floors")
                .id()
                .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
                .field("percent", .string, .required)
                .field("updated_at", .datetime, .required)
                .unique(on: "account_id")
                .create()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("account_margin_floors").delete()
            try await database.schema("pricing_settings").delete()
            try await database.schema("workflow_templates").delete()
        }
    }
}
