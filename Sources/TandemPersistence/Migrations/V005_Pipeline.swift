import FluentKit
import Foundation
import SQLKit

/// Schema version 5: the sales pipeline (docs/pipeline.md): stages with the default set,
/// lost reasons, exchange rates, the pipeline's settings and opportunities.
enum V005 {
    /// The default stages' fixed IDs, so that a fresh installation and the demo agree.
    static func stageID(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0005-0000-%012x", n))! }
    static func lostReasonID(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0005-0001-%012x", n))!
    }

    static let defaultStages: [(name: String, probability: Int, outcome: String, milestone: String?)] = [
        ("Lead", 10, "open", nil), ("Qualified", 25, "open", nil), ("Solution design", 40, "open", "solution_design"),
        ("Proposal", 60, "open", "proposal"), ("Negotiation", 80, "open", nil), ("Won", 100, "won", nil),
        ("Lost", 0, "lost", nil),
    ]
    static let defaultLostReasons = [
        "Price", "Turnaround", "Chose a competitor", "No budget or project cancelled", "No answer from the client",
    ]

    struct CreateStages: AsyncMigration {
        var name: String { "V005.CreateStages" }
        func prepare(on database: any Database) async throws {
            try await database.schema("pipeline_stages")
                .id()
                .field("name", .string, .required)
                .field("sort_order", .int, .required)
                .field("probability", .int, .required)
                .field("outcome", .string, .required)
                .field("milestone", .string)
                .create()
            let sql = database as! any SQLDatabase
            for (index, stage) in V005.defaultStages.enumerated() {
                try await sql.insert(into: "pipeline_stages")
                    .columns("id", "name", "sort_order", "probability", "outcome", "milestone")
                    .values(
                        SQLBind(V005.stageID(index + 1)), SQLBind(stage.name), SQLBind((index + 1) * 10),
                        SQLBind(stage.probability), SQLBind(stage.outcome), SQLBind(stage.milestone)
                    )
                    .run()
            }
        }
        func revert(on database: any Database) async throws { try await database.schema("pipeline_stages").delete() }
    }

    struct CreateLostReasons: AsyncMigration {
        var name: String { "V005.CreateLostReasons" }
        func prepare(on database: any Database) async throws {
            try await database.schema("lost_reasons")
                .id()
                .field("name", .string, .required)
                .field("is_active", .bool, .required)
                .create()
            let sql = database as! any SQLDatabase
            for (index, name) in V005.defaultLostReasons.enumerated() {
                try await sql.insert(into: "lost_reasons").columns("id", "name", "is_active")
                    .values(SQLBind(V005.lostReasonID(index + 1)), SQLBind(name), SQLBind(true)).run()
            }
        }
        func revert(on database: any Database) async throws { try await database.schema("lost_reasons").delete() }
    }

    struct CreateExchangeRates: AsyncMigration {
        var name: String { "V005.CreateExchangeRates" }
        func prepare(on database: any Database) async throws {
            try await database.schema("exchange_rates")
                .id()
                .field("currency", .string, .required)
                .field("day", .string, .required)
                // A decimal written as text ("1.0825"): never a floating-point number.
                .field("rate", .string, .required)
                .unique(on: "currency", "day")
                .create()
            try await database.schema("pipeline_settings")
                .id()
                .field("solution_design_threshold", .string)
                .create()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("pipeline_settings").delete()
            try await database.schema("exchange_rates").delete()
        }
    }

    struct CreateOpportunities: AsyncMigration {
        var name: String { "V005.CreateOpportunities" }
        func prepare(on database: any Database) async throws {
            try await database.schema("opportunities")
                .id()
                .field("account_id", .uuid, .required)
                .field("name", .string, .required)
                .field("name_folded", .string, .required)
                .field("source_language", .string, .required)
                .field("target_languages", .string, .required)
                .field("services", .string, .required)
                .field("estimated_words", .int)
                .field("value_amount", .string, .required)
                .field("value_currency", .string, .required)
                .field("close_date", .string, .required)
                .field("owner_id", .uuid, .required, .references("users", "id"))
                .field("partner_pm_id", .uuid, .references("users", "id"))
                .field("stage_id", .uuid, .required, .references("pipeline_stages", "id"))
                .field("probability_override", .int)
                .field("next_step", .string, .required)
                .field("next_step_due", .string)
                .field("lost_reason_id", .uuid, .references("lost_reasons", "id"))
                .field("lost_note", .string, .required)
                .field("capability_building", .bool, .required)
                .field("capability_reason", .string, .required)
                .field("solution_notes", .string, .required)
                .field("solution_notes_by", .uuid, .references("users", "id"))
                .field("solution_notes_at", .datetime)
                .field("version", .int, .required)
                .field("created_at", .datetime, .required)
                .field("updated_at", .datetime, .required)
                .create()
            let sql = database as! any SQLDatabase
            for column in ["stage_id", "owner_id", "partner_pm_id", "account_id", "close_date"] {
                try await sql.create(index: "opportunities_\(column)").on("opportunities").column(column).run()
            }
        }
        func revert(on database: any Database) async throws { try await database.schema("opportunities").delete() }
    }

    static let all: [any Migration] = [
        CreateStages(), CreateLostReasons(), CreateExchangeRates(), CreateOpportunities(),
    ]
}
