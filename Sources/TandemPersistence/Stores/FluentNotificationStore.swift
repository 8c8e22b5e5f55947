import FluentKit
import Foundation
import TandemDomain

public struct FluentNotificationStore: NotificationStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func create(_ notifications: [InAppNotification]) async throws {
        for notification in notifications { try await NotificationModel(notification).create(on: database) }
    }

    public func find(id: InAppNotification.ID) async throws -> InAppNotification? {
        try await NotificationModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func list(recipient: User.ID, unreadOnly: Bool, after cursor: NotificationCursor?, limit: Int)
        async throws -> [InAppNotification]
    {
        let query = NotificationModel.query(on: database).filter(\.$recipientId == recipient.rawValue)
        if unreadOnly { query.filter(\.$readAt == nil) }
        if let cursor {
            query.group(.or) { or in
                or.filter(\.$createdAt < cursor.createdAt)
                or.group(.and) { and in
                    and.filter(\.$createdAt == cursor.createdAt).filter(\.$id < cursor.id)
                }
            }
        }
        return try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(limit).all()
            .map { try $0.toDomain() }
    }

    public func unreadCount(recipient: User.ID) async throws -> Int {
        try await NotificationModel.query(on: database).filter(\.$recipientId == recipient.rawValue)
            .filter(\.$readAt == nil).count()
    }

    public func markRead(_ id: InAppNotification.ID, recipient: User.ID, at: Date) async throws -> Bool {
        // Counted first: Fluent's update does not report the rows it changed on every driver.
        let unread = NotificationModel.query(on: database).filter(\.$id == id.rawValue)
            .filter(\.$recipientId == recipient.rawValue).filter(\.$readAt == nil)
        guard try await unread.count() > 0 else { return false }
        try await NotificationModel.query(on: database).filter(\.$id == id.rawValue)
            .filter(\.$recipientId == recipient.rawValue).filter(\.$readAt == nil).set(\.$readAt, to: at).update()
        return true
    }

    public func markAllRead(recipient: User.ID, at: Date) async throws -> Int {
        let unread = try await unreadCount(recipient: recipient)
        guard unread > 0 else { return 0 }
        try await NotificationModel.query(on: database).filter(\.$recipientId == recipient.rawValue)
            .filter(\.$readAt == nil).set(\.$readAt, to: at).update()
        return unread
    }
}
