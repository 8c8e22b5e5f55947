import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `GET /notifications/stream`: the signed-in page's live stream of notifications (server-sent
/// events, behind the same sign-in cookie). `Resources/Public/live.js` opens it on every page.
enum LivePages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.notificationStream, use: stream)
    }

    @Sendable static func stream(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let broadcaster = req.application.notificationBroadcaster else { throw Abort(.serviceUnavailable) }
        let unread = try await Notifications(req.appEnvironment).unreadCount(for: user)
        let l = req.localizer
        let (id, events) = await broadcaster.subscribe(user.id, unread: unread) { notification, actorName in
            NotificationBroadcaster.NotificationEvent(
                id: notification.id.description, kind: notification.kind.rawValue,
                recordType: notification.subject.kind.rawValue,
                recordId: notification.subject.id.uuidString.lowercased(), createdAt: notification.createdAt,
                read: notification.isRead, text: NotificationViews.text(notification, actorName: actorName, l),
                href: NotificationViews.href(of: notification.subject))
        }
        let response = Response(status: .ok)
        response.headers.replaceOrAdd(name: .contentType, value: "text/event-stream; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "X-Accel-Buffering", value: "no")
        response.body = .init(asyncStream: { writer in
            do {
                for await text in events {
                    try await writer.write(.buffer(ByteBuffer(string: text)))
                }
            } catch {}
            await broadcaster.unsubscribe(id)
            try? await writer.write(.end)
        })
        return response
    }
}
