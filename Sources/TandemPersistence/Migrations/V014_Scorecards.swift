import FluentKit
import SQLKit

/// Schema version 14: scorecards and incentive plans (issue #16, docs/metrics.md). The metrics
/// are `GROUP BY` queries over the existing records; these indexes let each period's query read
/// only its period's rows. Incentive plans keep their components as JSON text.
enum V014 {
    static var all: [any Migration] { [ScorecardIndexes(), CreateIncentivePlans()] }

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("promises_created", "promises", ["created_at"]),
        ("promise_states_delivered", "promise_states", ["delivered_at"]),
        ("quotes_status_changed", "quotes", ["status_changed_at"]),
        ("projects_accepted", "projects", ["accepted_at"]),
        ("quote_lines_version_target", "quote_lines", ["version_id", "target_language"]),
    ]

    struct ScorecardIndexes: AsyncMigration {
        var name: String { "V014.ScorecardIndexes" }
        func prepare(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            for index in V014.indexes {
                var builder = sql.create(index: index.name).on(index.table)
                for column in index.columns { builder = builder.column(column) }
                try await builder.run()
            }
        }
        func revert(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            for index in V014.indexes { try await sql.drop(index: index.name).run() }
        }
    }

    struct CreateIncentivePlans: AsyncMigration {
        var name: String { "V014.CreateIncentivePlans" }
        func prepare(on database: any Database) async throws {
            try await database.schema("incentive_plans")
                .id()
                .field("name", .string, .required)
                // Comma-separated roles the plan applies to ("sales", "pm" or "pm,sales").
                .field("roles", .string, .required)
                .field("target_bonus", .string, .required)
                .field("currency", .string, .required)
                // The components as JSON text: kind, weight, threshold, target, cap (decimal strings).
                .field("components", .string, .required)
                .field("created_by", .uuid, .required)
                .field("created_at", .datetime, .required)
                .unique(on: "name")
                .create()
        }
        func revert(on database: any Database) async throws { try await database.schema("incentive_plans").delete() }
    }
}
