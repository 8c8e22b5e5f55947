import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/api/v1/notifications`: the caller's own inbox (docs/notifications.md).
enum NotificationsAPI {
    struct SubjectBody: Content {
        var kind: String
        var id: String
    }
    struct NotificationBody: Content {
        var id: String
        var kind: String
        var subject: SubjectBody
        var subjectLabel: String
        var note: String
        @NullWhenAbsent var actorId: String?
        /// The notification in the caller's language.
        var text: String
        var createdAt: Date
        @NullWhenAbsent var readAt: Date?
        /// The record, flat (issue #15's contract): `recordType` is `subject.kind`, `recordId` `subject.id`.
        var recordType: String
        var recordId: String
        var read: Bool

        init(_ notification: InAppNotification, actorName: String?, _ req: Request) {
            id = notification.id.description
            kind = notification.kind.rawValue
            recordType = notification.subject.kind.rawValue
            recordId = notification.subject.id.uuidString.lowercased()
            read = notification.isRead
            subject = SubjectBody(
                kind: notification.subject.kind.rawValue, id: notification.subject.id.uuidString.lowercased())
            subjectLabel = notification.subjectLabel
            note = notification.note
            actorId = notification.actorId?.description
            text = NotificationViews.text(notification, actorName: actorName, req.localizer)
            createdAt = notification.createdAt
            readAt = notification.readAt
        }
    }
    struct CountBody: Content {
        var unread: Int
    }
    struct MarkedBody: Content {
        var marked: Int
    }

    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.notifications, use: list)
        api.on(.GET, APIRoute.notificationsUnreadCount, use: unreadCount)
        api.on(.POST, APIRoute.notificationRead(":id"), use: markRead)
        api.on(.POST, APIRoute.notificationsReadAll, use: markAllRead)
    }

    /// A page of the inbox with the caller's unread count (`unreadCount`, issue #15).
    struct InboxPage: Content {
        var items: [NotificationBody]
        var unreadCount: Int
        @NullWhenAbsent var nextCursor: String?
    }

    @Sendable static func list(req: Request) async throws -> InboxPage {
        let user = try req.requireUser()
        var problems: [FieldError] = []
        let paging = ListRequest<NotificationCursor>(req, problems: &problems)
        var unreadOnly = false
        if let raw = req.query[String.self, at: "unread"] {
            switch raw {
            case "true": unreadOnly = true
            case "false": unreadOnly = false
            default:
                problems.append(
                    FieldError(field: "unread", code: "invalid", key: "error.api.boolean", arguments: ["value": raw]))
            }
        }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let found = try await Notifications(req.appEnvironment).list(
            for: user, unreadOnly: unreadOnly, after: paging.after, limit: paging.limit + 1)
        let page = Array(found.prefix(paging.limit))
        let next =
            found.count > paging.limit ? page.last.flatMap { ListRequest.encodeCursor(NotificationCursor($0)) } : nil
        let names = try await NotificationViews.actorNames(page, req)
        return InboxPage(
            items: page.map { NotificationBody($0, actorName: $0.actorId.flatMap { names[$0] }, req) },
            unreadCount: try await Notifications(req.appEnvironment).unreadCount(for: user), nextCursor: next)
    }

    @Sendable static func unreadCount(req: Request) async throws -> CountBody {
        CountBody(unread: try await Notifications(req.appEnvironment).unreadCount(for: try req.requireUser()))
    }

    @Sendable static func markRead(req: Request) async throws -> NotificationBody {
        let user = try req.requireUser()
        guard let raw = req.parameters.get("id"), let id = InAppNotification.ID(uuidString: raw) else {
            throw DomainError.notificationNotFound
        }
        let notification = try await Notifications(req.appEnvironment).markRead(id, by: user)
        let names = try await NotificationViews.actorNames([notification], req)
        return NotificationBody(notification, actorName: notification.actorId.flatMap { names[$0] }, req)
    }

    @Sendable static func markAllRead(req: Request) async throws -> MarkedBody {
        MarkedBody(marked: try await Notifications(req.appEnvironment).markAllRead(by: try req.requireUser()))
    }
}
