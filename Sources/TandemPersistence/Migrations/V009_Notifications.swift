import FluentKit
import SQLKit

/// Schema version 9: in-app notifications (issue #13). The record is named by kind and ID like
/// activities and briefs, so later features notify about their own records.
enum V009 {
    static var all: [any Migration] { [CreateNotifications()] }

    struct CreateNotifications: AsyncMigration {
        var name: String { "V009.CreateNotifications" }
        func prepare(on database: any Database) async throws {
            try await database.schema("notifications")
                .id()
                .field("recipient_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("kind", .string, .required)
                .field("subject_kind", .string, .required)
                .field("subject_id", .uuid, .required)
                .field("actor_id", .uuid, .references("users", "id", onDelete: .setNull))
                .field("subject_label", .string, .required)
                .field("note", .string, .required)
                .field("created_at", .datetime, .required)
                .field("read_at", .datetime)
                .create()
            let sql = database as! any SQLDatabase
            // The inbox (newest first) and the unread badge read by recipient.
            try await sql.create(index: "notifications_recipient").on("notifications").column("recipient_id")
                .column("created_at").run()
            try await sql.create(index: "notifications_subject").on("notifications").column("subject_kind")
                .column("subject_id").run()
        }
        func revert(on database: any Database) async throws { try await database.schema("notifications").delete() }
    }
}
