import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The inbox: the signed-in user's notifications, newest first, unread ones marked; opening one
/// marks it read and goes to its record.
enum NotificationPages {
    struct Item: Encodable {
        var text: String
        var note: String?
        var when: String
        var isRead: Bool
        /// Marks it read and follows it to the record (a form, so that it works without JavaScript).
        var openAction: String
        var hasRecord: Bool
    }
    struct Context: Encodable {
        var shell: PageShell
        var items: [Item]
        var unread: Int
        var unreadOnly: Bool
        var readAllAction = SiteRoute.notificationsReadAll.path
        var allHref = SiteRoute.notifications.path
        var unreadHref = SiteRoute.notifications.path + "?unread=true"
        var nextHref: String?
    }
    struct OpenForm: Content {
        var cursor: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.notifications, use: inbox)
        routes.post(.notificationRead(":id"), use: open)
        routes.post(.notificationsReadAll, use: readAll)
    }

    @Sendable static func inbox(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let l = req.localizer
        let unreadOnly = req.query[String.self, at: "unread"] == "true"
        let cursor = req.query[String.self, at: "cursor"].flatMap(ListRequest<NotificationCursor>.decodeCursor)
        let limit = 50
        let notifications = Notifications(req.appEnvironment)
        let found = try await notifications.list(for: user, unreadOnly: unreadOnly, after: cursor, limit: limit + 1)
        let page = Array(found.prefix(limit))
        let names = try await NotificationViews.actorNames(page, req)
        let items = page.map { n in
            Item(
                text: NotificationViews.text(n, actorName: n.actorId.flatMap { names[$0] }, l),
                note: n.note.isEmpty ? nil : LedgerViews.note(of: n, l) ?? n.note,
                when: l.formatDateTime(n.createdAt), isRead: n.isRead,
                openAction: SiteRoute.notificationRead(PathParameter(n.id)).path,
                hasRecord: NotificationViews.href(of: n.subject) != nil)
        }
        var next: String?
        if found.count > limit, let last = page.last,
            let token = ListRequest<NotificationCursor>.encodeCursor(NotificationCursor(last))
        {
            next = SiteRoute.notifications.path + "?cursor=\(token)" + (unreadOnly ? "&unread=true" : "")
        }
        let context = Context(
            shell: try await req.shell(title: l.t("notifications.title"), area: nil), items: items,
            unread: try await notifications.unreadCount(for: user), unreadOnly: unreadOnly, nextHref: next)
        return try await req.renderPage("notifications/inbox", context)
    }

    @Sendable static func open(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let raw = req.parameters.get("id"), let id = InAppNotification.ID(uuidString: raw) else {
            throw DomainError.notificationNotFound
        }
        let notification = try await Notifications(req.appEnvironment).markRead(id, by: user)
        return req.redirect(to: NotificationViews.href(of: notification.subject) ?? SiteRoute.notifications.path)
    }

    @Sendable static func readAll(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let marked = try await Notifications(req.appEnvironment).markAllRead(by: user)
        let response = req.redirect(to: SiteRoute.notifications.path)
        req.setFlash(response, "notifications.marked_all", ["count": String(marked)])
        return response
    }
}
