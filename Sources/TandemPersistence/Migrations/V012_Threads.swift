import FluentKit
import SQLKit

/// Schema version 12: threads on records, their edits and attachments, follows, the activity
/// log and notification preferences (issue #15). Records are named by kind and ID, like
/// notifications, so any feature's record gets a thread.
enum V012 {
    static var all: [any Migration] { [CreateThreads(), CreateActivityAndPreferences()] }

    struct CreateThreads: AsyncMigration {
        var name: String { "V012.CreateThreads" }
        func prepare(on database: any Database) async throws {
            try await database.schema("thread_comments")
                .id()
                .field("subject_kind", .string, .required)
                .field("subject_id", .uuid, .required)
                .field("author_id", .uuid, .required, .references("users", "id"))
                .field("body", .string, .required)
                .field("html", .string, .required)
                .field("mentions", .string, .required)
                .field("reply_to", .uuid)
                .field("version", .int, .required)
                .field("created_at", .datetime, .required)
                .field("edited_at", .datetime)
                .create()
            try await database.schema("thread_comment_revisions")
                .id()
                .field("comment_id", .uuid, .required, .references("thread_comments", "id", onDelete: .cascade))
                .field("version", .int, .required)
                .field("body", .string, .required)
                .field("written_at", .datetime, .required)
                .field("replaced_at", .datetime, .required)
                .field("replaced_by", .uuid, .required, .references("users", "id"))
                .unique(on: "comment_id", "version")
                .create()
            try await database.schema("thread_attachments")
                .id()
                .field("comment_id", .uuid, .required, .references("thread_comments", "id", onDelete: .cascade))
                .field("subject_kind", .string, .required)
                .field("subject_id", .uuid, .required)
                .field("name", .string, .required)
                .field("content_type", .string, .required)
                .field("size", .int, .required)
                .field("uploaded_by", .uuid, .required, .references("users", "id"))
                .field("uploaded_at", .datetime, .required)
                .create()
            try await database.schema("thread_follows")
                .id()
                .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("subject_kind", .string, .required)
                .field("subject_id", .uuid, .required)
                .field("created_at", .datetime, .required)
                .unique(on: "user_id", "subject_kind", "subject_id")
                .create()
            let sql = database as! any SQLDatabase
            // A thread's pages, newest first.
            try await sql.create(index: "thread_comments_subject").on("thread_comments").column("subject_kind")
                .column("subject_id").column("created_at").run()
            try await sql.create(index: "thread_attachments_comment").on("thread_attachments").column("comment_id")
                .run()
            try await sql.create(index: "thread_follows_subject").on("thread_follows").column("subject_kind")
                .column("subject_id").run()
        }
        func revert(on database: any Database) async throws {
            for table in ["thread_follows", "thread_attachments", "thread_comment_revisions", "thread_comments"] {
                try await database.schema(table).delete()
            }
        }
    }

    struct CreateActivityAndPreferences: AsyncMigration {
        var name: String { "V012.CreateActivityAndPreferences" }
        func prepare(on database: any Database) async throws {
            try await database.schema("activity_events")
                .id()
                .field("subject_kind", .string, .required)
                .field("subject_id", .uuid, .required)
                .field("kind", .string, .required)
                .field("actor_id", .uuid, .references("users", "id", onDelete: .setNull))
                .field("at", .datetime, .required)
                .field("payload", .string, .required)
                .create()
            try await database.schema("notification_preferences")
                .id()
                .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("kind", .string, .required)
                .field("in_app", .bool, .required)
                .field("digest", .bool, .required)
                .unique(on: "user_id", "kind")
                .create()
            let sql = database as! any SQLDatabase
            try await sql.create(index: "activity_events_subject").on("activity_events").column("subject_kind")
                .column("subject_id").column("at").run()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("notification_preferences").delete()
            try await database.schema("activity_events").delete()
        }
    }
}
