import Foundation
import TandemDomain

/// An attachment bigger than allowed: the API answers 413 naming the limit.
public struct AttachmentTooLarge: Error, Equatable, Sendable {
    public var name: String
    public var limit: Int
    public init(name: String, limit: Int) {
        self.name = name
        self.limit = limit
    }
    public var limitText: String { String(format: "%.1f MB", Double(limit) / 1_048_576) }
    public var message: String {
        "“\(name)” is larger than the \(limitText) a comment attachment may have; share a link to it instead."
    }
}

extension Threads {
    /// Keeps a file with a comment (its author only), under the data directory.
    public func attach(
        to commentID: Comment.ID, name: String, contentType: String, data: Data, files: any AssetFiles, by user: User
    ) async throws -> CommentAttachment {
        if data.count > CommentAttachment.maximumSize {
            throw AttachmentTooLarge(name: name, limit: CommentAttachment.maximumSize)
        }
        guard !data.isEmpty else {
            throw ValidationErrors([.invalid("file", "thread.error.file_empty", fallback: "Choose a file to attach.")])
        }
        let comment = try await comment(commentID, by: user)
        guard Policy.permits(user, .editComment(author: comment.authorId)) else {
            throw DomainError.forbidden(
                key: "thread.error.attach_forbidden", fallback: "Only the author of a comment may attach files to it.")
        }
        let attachment = CommentAttachment(
            id: env.ids(), commentId: comment.id, subject: comment.subject, name: ClientAsset.safeFileName(name),
            contentType: contentType.isEmpty ? "application/octet-stream" : String(contentType.prefix(100)),
            size: data.count, uploadedBy: user.id, uploadedAt: env.now)
        // The file first: a record never points at a file that is not there.
        try await files.write(data, key: attachment.storageKey)
        try await env.stores.threads.attachments.add(attachment)
        return attachment
    }

    /// An attachment and its bytes, for those who may see its record.
    public func download(_ id: CommentAttachment.ID, files: any AssetFiles, by user: User) async throws
        -> (CommentAttachment, Data)
    {
        guard let attachment = try await env.stores.threads.attachments.find(id: id) else {
            throw DomainError.attachmentNotFound
        }
        _ = try await directory.visible(attachment.subject, to: user, in: env.stores)
        return (attachment, try await files.read(key: attachment.storageKey))
    }

    public func attachments(of comments: [Comment]) async throws -> [Comment.ID: [CommentAttachment]] {
        guard !comments.isEmpty else { return [:] }
        return Dictionary(grouping: try await env.stores.threads.attachments.attachments(of: comments.map(\.id))) {
            $0.commentId
        }
    }

    /// One entry of a record's timeline: a comment or a system event.
    public enum TimelineItem: Sendable {
        case comment(Comment)
        case event(ActivityEvent)
        public var at: Date {
            switch self {
            case .comment(let c): return c.createdAt
            case .event(let e): return e.at
            }
        }
        public var id: UUID {
            switch self {
            case .comment(let c): return c.id.rawValue
            case .event(let e): return e.id.rawValue
            }
        }
        public var cursor: ThreadCursor { ThreadCursor(at: at, id: id) }
    }

    /// A record's comments and system events together, newest first.
    public func timeline(of subject: RecordSubject, by user: User, after cursor: ThreadCursor? = nil, limit: Int = 30)
        async throws -> [TimelineItem]
    {
        _ = try await directory.visible(subject, to: user, in: env.stores)
        let size = max(1, min(limit, Self.pageLimit + 1))
        let comments = try await env.stores.threads.comments.list(on: subject, after: cursor, limit: size)
        let events = try await env.stores.threads.events.list(on: subject, after: cursor, limit: size)
        let items = comments.map(TimelineItem.comment) + events.map(TimelineItem.event)
        return Array(
            items.sorted { ($0.at, $0.id.uuidString) > ($1.at, $1.id.uuidString) }.prefix(size))
    }
}

/// Each user's choice per notification kind: in the app, in the daily digest.
public struct NotificationPreferences: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// The kinds a user may tune, with their current choice (defaults where none is stored).
    public static let tunable: [InAppNotification.Kind] =
        InAppNotification.Kind.threadKinds + InAppNotification.Kind.known

    public func preferences(of user: User) async throws -> [NotificationPreference] {
        let stored = Dictionary(
            try await env.stores.threads.preferences.preferences(of: user.id).map { ($0.kind, $0) },
            uniquingKeysWith: { a, _ in a })
        return Self.tunable.map { stored[$0] ?? NotificationPreference(kind: $0) }
    }

    public func save(_ preferences: [NotificationPreference], for target: User.ID, by user: User) async throws {
        guard Policy.permits(user, .editProfile(user: target)) else { throw Notifications.forbidden }
        let known = Set(Self.tunable)
        let unknown = preferences.filter { !known.contains($0.kind) }
        if let first = unknown.first {
            throw ValidationErrors([
                .invalid(
                    "kind", "thread.error.unknown_kind", ["kind": first.kind.rawValue],
                    fallback: "“\(first.kind.rawValue)” is not a kind of notification.")
            ])
        }
        let env = env
        try await env.stores.transaction { tx in
            for preference in preferences { try await tx.threads.preferences.save(preference, for: target) }
        }
    }

    /// The notifications of the kinds a user gets in the digest, from the last day (or since
    /// `since`), newest first.
    public func digest(for user: User, since: Date? = nil) async throws -> [InAppNotification] {
        let start = since ?? env.now.addingTimeInterval(-86_400)
        let kinds = Set(try await preferences(of: user).filter(\.digest).map(\.kind))
        guard !kinds.isEmpty else { return [] }
        var result: [InAppNotification] = []
        var cursor: NotificationCursor?
        while true {
            let page = try await env.stores.notifications.list(
                recipient: user.id, unreadOnly: false, after: cursor, limit: 200)
            let recent = page.filter { $0.createdAt >= start }
            result += recent.filter { kinds.contains($0.kind) }
            guard page.count == 200, recent.count == page.count, let last = page.last else { break }
            cursor = NotificationCursor(last)
        }
        return result
    }
}
