import Foundation
import TandemDomain

/// Sends thread notifications with each recipient's preferences: a kind turned off in the app
/// but kept for the digest is stored already read (no badge, listed in the digest); a kind
/// turned off in both is not stored. Nobody who cannot see the record is notified.
struct ThreadNotices {
    let env: AppEnvironment

    /// `kinds` in order of precedence: each recipient gets the first kind listed for them.
    func send(
        _ kinds: [(User.ID, InAppNotification.Kind)], about record: RecordInfo, actor: User.ID, note: String,
        visibleTo audience: Set<User.ID>, in tx: Stores
    ) async throws -> [InAppNotification] {
        var chosen: [User.ID: InAppNotification.Kind] = [:]
        var order: [User.ID] = []
        for (user, kind) in kinds where user != actor && audience.contains(user) && chosen[user] == nil {
            chosen[user] = kind
            order.append(user)
        }
        var made: [InAppNotification] = []
        for kind in InAppNotification.Kind.threadKinds {
            let users = order.filter { chosen[$0] == kind }
            guard !users.isEmpty else { continue }
            let preferences = try await tx.threads.preferences.preferences(of: users, kind: kind)
            for user in users {
                let preference = preferences[user] ?? NotificationPreference(kind: kind)
                guard preference.inApp || preference.digest else { continue }
                made.append(
                    InAppNotification(
                        id: env.ids(), recipientId: user, kind: kind, subject: record.subject, actorId: actor,
                        subjectLabel: String(record.label.prefix(200)), note: note, createdAt: env.now,
                        readAt: preference.inApp ? nil : env.now))
            }
        }
        if !made.isEmpty { try await tx.notifications.create(made) }
        await Notifications.publishAfterCommit(made, env: env)
        return made.filter { $0.readAt == nil }
    }
}
