import FluentKit
import SQLKit

/// Schema version 13: working together (issue #15, docs/together.md) — ideas and their votes (one
/// per user, a unique index), investment proposals with co-signatures, review meetings and action
/// items, working groups and initiatives, shadowing sessions. Amounts are canonical decimal text.
enum V013 {
    static var all: [any Migration] {
        [CreateIdeas(), CreateProposals(), CreateReviews(), CreateGroups(), CreateShadowing()]
    }

    struct CreateIdeas: AsyncMigration {
        var name: String { "V013.CreateIdeas" }
        func prepare(on database: any Database) async throws {
            try await database.schema("ideas").id()
                .field("title", .string, .required).field("body", .string, .required)
                .field("author_id", .uuid, .required, .references("users", "id"))
                .field("status", .string, .required).field("decline_reason", .string, .required)
                .field("decided_by", .uuid, .references("users", "id")).field("decided_at", .datetime)
                .field("created_at", .datetime, .required).create()
            try await database.schema("idea_votes").id()
                .field("idea_id", .uuid, .required, .references("ideas", "id", onDelete: .cascade))
                .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("created_at", .datetime, .required)
                .unique(on: "idea_id", "user_id").create()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("idea_votes").delete()
            try await database.schema("ideas").delete()
        }
    }

    struct CreateProposals: AsyncMigration {
        var name: String { "V013.CreateProposals" }
        func prepare(on database: any Database) async throws {
            try await database.schema("investment_proposals").id()
                .field("title", .string, .required).field("summary", .string, .required)
                .field("proposer_id", .uuid, .required, .references("users", "id"))
                .field("currency", .string, .required).field("one_off_cost", .string, .required)
                .field("recurring_cost", .string, .required).field("benefits", .string, .required)
                .field("status", .string, .required).field("decision", .string)
                .field("benefit_review_on", .string).field("benefit_review", .string)
                .field("created_at", .datetime, .required).create()
            try await database.schema("proposal_signatures").id()
                .field("proposal_id", .uuid, .required, .references("investment_proposals", "id", onDelete: .cascade))
                .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("side", .string, .required).field("signed_at", .datetime, .required)
                .unique(on: "proposal_id", "user_id").create()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("proposal_signatures").delete()
            try await database.schema("investment_proposals").delete()
        }
    }

    struct CreateReviews: AsyncMigration {
        var name: String { "V013.CreateReviews" }
        func prepare(on database: any Database) async throws {
            try await database.schema("review_meetings").id()
                .field("title", .string, .required).field("held_on", .string, .required)
                .field("attendees", .string, .required).field("minutes", .string, .required)
                .field("decisions", .string, .required).field("version", .int, .required)
                .field("created_by", .uuid, .required, .references("users", "id"))
                .field("created_at", .datetime, .required).field("updated_at", .datetime, .required).create()
            try await database.schema("action_items").id()
                .field("meeting_id", .uuid, .required, .references("review_meetings", "id", onDelete: .cascade))
                .field("title", .string, .required)
                .field("owner_id", .uuid, .required, .references("users", "id"))
                .field("due_on", .string, .required).field("done_at", .datetime)
                .field("created_at", .datetime, .required).create()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("action_items").delete()
            try await database.schema("review_meetings").delete()
        }
    }

    struct CreateGroups: AsyncMigration {
        var name: String { "V013.CreateGroups" }
        func prepare(on database: any Database) async throws {
            try await database.schema("working_groups").id()
                .field("name", .string, .required).field("goal", .string, .required)
                .field("members", .string, .required)
                .field("created_by", .uuid, .required, .references("users", "id"))
                .field("created_at", .datetime, .required).create()
            try await database.schema("initiatives").id()
                .field("group_id", .uuid, .required, .references("working_groups", "id", onDelete: .cascade))
                .field("title", .string, .required)
                .field("owner_id", .uuid, .required, .references("users", "id"))
                .field("status", .string, .required).field("due_on", .string)
                .field("created_at", .datetime, .required).create()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("initiatives").delete()
            try await database.schema("working_groups").delete()
        }
    }

    struct CreateShadowing: AsyncMigration {
        var name: String { "V013.CreateShadowing" }
        func prepare(on database: any Database) async throws {
            try await database.schema("shadowing_sessions").id()
                .field("kind", .string, .required)
                .field("participant_id", .uuid, .required, .references("users", "id"))
                .field("host_id", .uuid, .required, .references("users", "id"))
                .field("topic", .string, .required).field("planned_on", .string, .required)
                .field("status", .string, .required).field("takeaways", .string, .required)
                .field("logged_at", .datetime).field("created_at", .datetime, .required).create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "shadowing_participant").on("shadowing_sessions").column("participant_id").run()
            try await sql.create(index: "shadowing_host").on("shadowing_sessions").column("host_id").run()
        }
        func revert(on database: any Database) async throws { try await database.schema("shadowing_sessions").delete() }
    }
}
