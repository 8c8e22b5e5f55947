import FluentKit

/// Schema version 2: one-time links with which invited users set their own password.
enum V002 {
    struct CreateInvitations: AsyncMigration {
        var name: String { "V002.CreateInvitations" }
        func prepare(on database: any Database) async throws {
            try await database.schema("invitations")
                .id()
                .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("secret_hash", .string, .required)
                .field("expires_at", .datetime, .required)
                .field("used_at", .datetime)
                .field("claim", .string)
                .unique(on: "secret_hash")
                .create()
        }
        func revert(on database: any Database) async throws { try await database.schema("invitations").delete() }
    }

    static let all: [any Migration] = [CreateInvitations()]
}
