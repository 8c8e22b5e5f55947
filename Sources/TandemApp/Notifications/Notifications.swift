import Foundation
import TandemDomain

/// In-app notifications: features call `notify` inside their own transaction (so a quote that
/// is not stored notifies nobody), and each user reads and marks their own inbox.
public struct Notifications: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// The most an inbox page shows.
    public static let pageLimit = 200

    /// One notification per recipient, written with `stores` (pass the caller's transaction).
    /// The actor is not notified of their own act, and each recipient once.
    @discardableResult
    public func notify(
        in stores: Stores, _ recipients: [User.ID], kind: InAppNotification.Kind, subject: RecordSubject,
        actor: User.ID?, label: String = "", note: String = ""
    ) async throws -> [InAppNotification] {
        var seen: Set<User.ID> = []
        let targets = recipients.filter { $0 != actor && seen.insert($0).inserted }
        let made = targets.map {
            InAppNotification(
                id: env.ids(), recipientId: $0, kind: kind, subject: subject, actorId: actor,
                subjectLabel: String(label.prefix(200)), note: String(note.prefix(2000)), createdAt: env.now)
        }
        if !made.isEmpty { try await stores.notifications.create(made) }
        await Self.publishAfterCommit(made, env: env)
        return made
    }

    /// `notify(in:)` with the environment's stores, for callers outside a transaction.
    @discardableResult
    public func notify(
        _ recipients: [User.ID], kind: InAppNotification.Kind, subject: RecordSubject, actor: User.ID?,
        label: String = "", note: String = ""
    ) async throws -> [InAppNotification] {
        try await notify(
            in: env.stores, recipients, kind: kind, subject: subject, actor: actor, label: label, note: note)
    }

    /// The active users holding `role`, e.g. the PMs to ask for a review when no PM partner is named.
    public func users(withRole role: Role, in stores: Stores? = nil) async throws -> [User.ID] {
        try await (stores ?? env.stores).users.list().filter { $0.isActive && $0.roles.contains(role) }.map(\.id)
    }

    /// The user's notifications, newest first, after `cursor`.
    public func list(
        for user: User, unreadOnly: Bool = false, after cursor: NotificationCursor? = nil, limit: Int = 50
    ) async throws -> [InAppNotification] {
        guard Policy.permits(user, .readNotifications(recipient: user.id)) else { throw Self.forbidden }
        return try await env.stores.notifications.list(
            recipient: user.id, unreadOnly: unreadOnly, after: cursor, limit: max(1, min(limit, Self.pageLimit)))
    }

    public func unreadCount(for user: User) async throws -> Int {
        guard Policy.permits(user, .readNotifications(recipient: user.id)) else { return 0 }
        return try await env.stores.notifications.unreadCount(recipient: user.id)
    }

    /// Marks one of the user's notifications read (again is fine); another user's is "not found".
    public func markRead(_ id: InAppNotification.ID, by user: User) async throws -> InAppNotification {
        guard var notification = try await env.stores.notifications.find(id: id),
            Policy.permits(user, .readNotifications(recipient: notification.recipientId))
        else { throw DomainError.notificationNotFound }
        if notification.readAt == nil {
            let now = env.now
            if try await env.stores.notifications.markRead(id, recipient: user.id, at: now) {
                notification.readAt = now
            } else {
                notification = try await env.stores.notifications.find(id: id) ?? notification
            }
        }
        return notification
    }

    /// Marks all of the user's notifications read; returns how many were unread.
    @discardableResult
    public func markAllRead(by user: User) async throws -> Int {
        guard Policy.permits(user, .readNotifications(recipient: user.id)) else { throw Self.forbidden }
        return try await env.stores.notifications.markAllRead(recipient: user.id, at: env.now)
    }

    /// Hands unread notifications to the open pages once the caller's transaction has committed
    /// (at once outside a transaction): a notification rolled back is never shown.
    static func publishAfterCommit(_ notifications: [InAppNotification], env: AppEnvironment) async {
        let unread = notifications.filter { $0.readAt == nil }
        guard let publish = env.publishNotifications, !unread.isEmpty else { return }
        await AfterCommit.run { await publish(unread) }
    }

    static let forbidden = DomainError.forbidden(
        key: "error.forbidden", fallback: "You may not do this.")
}
