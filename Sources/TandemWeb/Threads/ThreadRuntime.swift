import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The web side of threads: the record directory with its page paths, the live notification
/// broadcaster, and the routes (called once from `routes(_:)`).
enum ThreadRuntime {
    /// Every record kind with a thread. Features add theirs here (`.adding(resolver)`).
    static let directory = RecordDirectory.standard(pagePath: { NotificationViews.href(of: $0) })

    /// The kinds the API names in `{recordType}` (a kind without a resolver answers 404).
    static let apiKinds: Set<String> = [
        "account", "opportunity", "quote", "project", "job", "promise", "group", "idea", "proposal",
    ]

    static func configure(_ app: Application, api: any RoutesBuilder, signedIn: any RoutesBuilder) {
        let broadcaster = NotificationBroadcaster(tick: app.tandem.config.liveTickSeconds)
        app.storage[BroadcasterKey.self] = broadcaster
        app.lifecycle.use(BroadcasterLifecycle(broadcaster: broadcaster))
        ThreadsAPI.register(api)
        ThreadPages.register(signedIn)
        LivePages.register(signedIn)
    }

    /// The record named by a path's `type` and `id`; 404 for an unknown kind or a bad ID.
    static func subject(_ req: Request) throws -> RecordSubject {
        guard let type = req.parameters.get("recordType"), apiKinds.contains(type) else {
            throw DomainError.recordNotFound
        }
        guard let raw = req.parameters.get("recordId"), let id = UUID(uuidString: raw) else {
            throw APIError.badRequest(code: "invalid", messageKey: "error.api.bad_id", field: "recordId")
        }
        return RecordSubject(kind: .init(rawValue: type), id: id)
    }
}

struct BroadcasterKey: StorageKey { typealias Value = NotificationBroadcaster }

struct BroadcasterLifecycle: LifecycleHandler {
    let broadcaster: NotificationBroadcaster
    func didBootAsync(_ application: Application) async throws {
        await broadcaster.start(unreadCount: { user in
            try await application.stores.notifications.unreadCount(recipient: user)
        })
    }
    func shutdownAsync(_ application: Application) async { await broadcaster.stop() }
}

extension Application {
    var notificationBroadcaster: NotificationBroadcaster? { storage[BroadcasterKey.self] }

    /// Sends new notifications to their recipients' open pages. Every use case's environment
    /// calls it (`AppEnvironment.publishNotifications`) once the transaction that wrote them has
    /// committed, whichever feature wrote them.
    func deliverLive(_ notifications: [InAppNotification]) async {
        guard let broadcaster = notificationBroadcaster, !notifications.isEmpty else { return }
        var counts: [User.ID: Int] = [:]
        for user in Set(notifications.map(\.recipientId)) {
            counts[user] = (try? await stores.notifications.unreadCount(recipient: user)) ?? 0
        }
        var names: [User.ID: String] = [:]
        for id in Set(notifications.compactMap(\.actorId)) {
            names[id] = try? await stores.users.find(id: id)?.displayName
        }
        await broadcaster.publish(notifications, actorNames: names, counts: counts)
    }
}

extension Request {
    var threads: Threads { Threads(appEnvironment, directory: ThreadRuntime.directory) }
}
