import Foundation
import TandemDomain

/// One per instance: the open live streams of signed-in pages (server-sent events), by user.
/// New notifications go at once to every stream of their recipient; a tick sends a keep-alive
/// comment to all and the unread count where it changed (notifications written by other features
/// and reads made elsewhere reach open pages by the next tick).
actor NotificationBroadcaster {
    struct Stream {
        var user: User.ID
        var continuation: AsyncStream<String>.Continuation
        var render: @Sendable (InAppNotification, String?) -> NotificationEvent
        var lastCount: Int
    }

    /// What a page receives about one notification.
    struct NotificationEvent: Encodable, Sendable {
        var id: String
        var kind: String
        var recordType: String
        var recordId: String
        var createdAt: Date
        var read: Bool
        var text: String
        var href: String?
    }

    private var streams: [UUID: Stream] = [:]
    private var ticker: Task<Void, Never>?
    private let tick: Int

    init(tick: Int) { self.tick = tick }

    var openStreams: Int { streams.count }

    /// Opens a stream for `user`; its first event is the unread count.
    func subscribe(
        _ user: User.ID, unread: Int, render: @escaping @Sendable (InAppNotification, String?) -> NotificationEvent
    ) -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(50))
        streams[id] = Stream(user: user, continuation: continuation, render: render, lastCount: unread)
        continuation.yield("retry: 3000\n\n" + Self.countEvent(unread))
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        streams.removeValue(forKey: id)?.continuation.finish()
    }

    func publish(_ notifications: [InAppNotification], actorNames: [User.ID: String], counts: [User.ID: Int]) {
        for (id, stream) in streams {
            let mine = notifications.filter { $0.recipientId == stream.user }
            guard !mine.isEmpty else { continue }
            let count = counts[stream.user] ?? stream.lastCount + mine.count
            for notification in mine {
                let event = stream.render(notification, notification.actorId.flatMap { actorNames[$0] })
                stream.continuation.yield(Self.event("notification", NotificationPayload(event, unreadCount: count)))
            }
            streams[id]?.lastCount = count
        }
    }

    /// Starts the keep-alive tick; `unreadCount` reads a user's count for the reconciliation.
    func start(unreadCount: @escaping @Sendable (User.ID) async throws -> Int) {
        guard ticker == nil else { return }
        let seconds = tick
        ticker = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
                guard let self else { return }
                await self.tickOnce(unreadCount: unreadCount)
            }
        }
    }

    func stop() {
        ticker?.cancel()
        ticker = nil
        for stream in streams.values { stream.continuation.finish() }
        streams = [:]
    }

    func tickOnce(unreadCount: @Sendable (User.ID) async throws -> Int) async {
        var counts: [User.ID: Int] = [:]
        for user in Set(streams.values.map(\.user)) { counts[user] = try? await unreadCount(user) }
        for (id, stream) in streams {
            if let count = counts[stream.user], count != stream.lastCount {
                stream.continuation.yield(Self.countEvent(count))
                streams[id]?.lastCount = count
            } else {
                stream.continuation.yield(": keep-alive\n\n")
            }
        }
    }

    struct NotificationPayload: Encodable {
        var notification: NotificationEvent
        var unreadCount: Int
        init(_ notification: NotificationEvent, unreadCount: Int) {
            self.notification = notification
            self.unreadCount = unreadCount
        }
    }

    struct CountPayload: Encodable { var unreadCount: Int }

    static func countEvent(_ count: Int) -> String { event("count", CountPayload(unreadCount: count)) }

    static func event<T: Encodable>(_ name: String, _ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: \(name)\ndata: \(data)\n\n"
    }
}
