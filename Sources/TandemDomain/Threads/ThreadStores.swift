import Foundation

public protocol CommentStore: Sendable {
    func create(_ comment: Comment) async throws
    func find(id: Comment.ID) async throws -> Comment?
    /// A record's comments, newest first, after `cursor`.
    func list(on subject: RecordSubject, after cursor: ThreadCursor?, limit: Int) async throws -> [Comment]
    func count(on subject: RecordSubject) async throws -> Int
    /// Distinct authors of a record's comments.
    func authors(on subject: RecordSubject) async throws -> [User.ID]
    /// Saves the new body when the stored version is still `expected`; keeps the old body as a
    /// revision. False when someone edited it first.
    func edit(_ comment: Comment, expected version: Int, revision: CommentRevision) async throws -> Bool
    /// Oldest first.
    func revisions(of id: Comment.ID) async throws -> [CommentRevision]
}

public protocol CommentAttachmentStore: Sendable {
    func add(_ attachment: CommentAttachment) async throws
    func find(id: CommentAttachment.ID) async throws -> CommentAttachment?
    /// The attachments of these comments, in upload order.
    func attachments(of comments: [Comment.ID]) async throws -> [CommentAttachment]
}

public protocol FollowStore: Sendable {
    /// Follows (again is fine).
    func follow(_ user: User.ID, _ subject: RecordSubject, at: Date) async throws
    func unfollow(_ user: User.ID, _ subject: RecordSubject) async throws
    func followers(of subject: RecordSubject) async throws -> [User.ID]
    func isFollowing(_ user: User.ID, _ subject: RecordSubject) async throws -> Bool
}

public protocol ActivityEventStore: Sendable {
    func record(_ event: ActivityEvent) async throws
    /// A record's events, newest first, after `cursor`.
    func list(on subject: RecordSubject, after cursor: ThreadCursor?, limit: Int) async throws -> [ActivityEvent]
}

public protocol NotificationPreferenceStore: Sendable {
    /// The stored preferences of a user (kinds without a row use the defaults).
    func preferences(of user: User.ID) async throws -> [NotificationPreference]
    func save(_ preference: NotificationPreference, for user: User.ID) async throws
    /// The users among `users` who turned `kind` off in the app.
    func preferences(of users: [User.ID], kind: Notification.Kind) async throws -> [User.ID: NotificationPreference]
}

/// Threads, follows, the activity log and notification preferences (docs/collaboration.md).
public struct ThreadStores: Sendable {
    public var comments: any CommentStore
    public var attachments: any CommentAttachmentStore
    public var follows: any FollowStore
    public var events: any ActivityEventStore
    public var preferences: any NotificationPreferenceStore

    public init(
        comments: any CommentStore, attachments: any CommentAttachmentStore, follows: any FollowStore,
        events: any ActivityEventStore, preferences: any NotificationPreferenceStore
    ) {
        self.comments = comments
        self.attachments = attachments
        self.follows = follows
        self.events = events
        self.preferences = preferences
    }
}
