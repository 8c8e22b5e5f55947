import Foundation
import TandemDomain

/// Conversation where the work is: comments on a record's thread, with mentions, edits kept
/// with their history, follows, and the notifications they send (docs/collaboration.md).
/// Everyone who may see a record reads and writes its thread (`RecordDirectory`).
public struct Threads: Sendable {
    let env: AppEnvironment
    let directory: RecordDirectory
    public init(_ env: AppEnvironment, directory: RecordDirectory) {
        self.env = env
        self.directory = directory
    }

    /// The most a page of a thread shows (callers may ask for one more, to know whether another
    /// page follows).
    public static let pageLimit = 200

    /// What posting a comment did: the comment and the notifications it sent (for live delivery).
    public struct Posted: Sendable {
        public var comment: Comment
        public var notifications: [InAppNotification]
    }

    /// Posts a comment; the author then follows the record. Mentioned users (who may see the
    /// record) get `mention`, earlier writers in the thread (or the author of `replyTo`) `reply`,
    /// and followers `followed`: each person one notification, the first that applies.
    public func post(on subject: RecordSubject, body: String, replyTo: Comment.ID? = nil, by user: User)
        async throws -> Posted
    {
        let text = try Self.checkedBody(body)
        let env = env
        let directory = directory
        return try await env.stores.transaction { tx in
            let record = try await directory.visible(subject, to: user, in: tx)
            var answered: Comment?
            if let replyTo {
                guard let parent = try await tx.threads.comments.find(id: replyTo), parent.subject == subject else {
                    throw DomainError.invalid(
                        "replyTo", "thread.error.reply_elsewhere",
                        fallback:
                            "The comment answered is not in this thread; leave replyTo out or pick one of its comments."
                    )
                }
                answered = parent
            }
            let audience = try await Self.audience(of: record, directory: directory, in: tx)
            let mentions = MentionResolution(body: text, handles: audience.handles)
            let comment = Comment(
                id: env.ids(), subject: subject, authorId: user.id, body: text,
                html: CommentMarkdown.html(text, mentions: mentions, names: audience.names),
                mentions: mentions.users, replyTo: replyTo, createdAt: env.now)
            let earlier = try await tx.threads.comments.authors(on: subject)
            try await tx.threads.comments.create(comment)
            try await tx.threads.follows.follow(user.id, subject, at: env.now)
            var kinds: [(User.ID, InAppNotification.Kind)] = mentions.users.map { ($0, .mention) }
            kinds += (answered.map { [$0.authorId] } ?? earlier).map { ($0, .reply) }
            kinds += try await tx.threads.follows.followers(of: subject).map { ($0, .followed) }
            let sent = try await ThreadNotices(env: env).send(
                kinds, about: record, actor: user.id, note: Self.excerpt(text), visibleTo: audience.ids, in: tx)
            return Posted(comment: comment, notifications: sent)
        }
    }

    /// A page of a thread, newest first.
    public func comments(on subject: RecordSubject, by user: User, after cursor: ThreadCursor? = nil, limit: Int = 20)
        async throws -> [Comment]
    {
        _ = try await directory.visible(subject, to: user, in: env.stores)
        return try await env.stores.threads.comments.list(
            on: subject, after: cursor, limit: max(1, min(limit, Self.pageLimit + 1)))
    }

    /// Changes a comment's text (its author only), from the version read: an edit made from an
    /// older version is a conflict on `version`. The old text is kept; new mentions notify.
    public func edit(_ id: Comment.ID, body: String, version: Int, by user: User) async throws -> Posted {
        let text = try Self.checkedBody(body)
        let env = env
        let directory = directory
        return try await env.stores.transaction { tx in
            guard let old = try await tx.threads.comments.find(id: id) else { throw DomainError.commentNotFound }
            let record = try await directory.visible(old.subject, to: user, in: tx)
            guard Policy.permits(user, .editComment(author: old.authorId)) else {
                throw DomainError.forbidden(
                    key: "thread.error.edit_forbidden", fallback: "Only the author of a comment may change it.")
            }
            guard old.version == version else { throw Self.stale(old.version) }
            let audience = try await Self.audience(of: record, directory: directory, in: tx)
            let mentions = MentionResolution(body: text, handles: audience.handles)
            var new = old
            new.body = text
            new.html = CommentMarkdown.html(text, mentions: mentions, names: audience.names)
            new.mentions = mentions.users
            new.version = old.version + 1
            new.editedAt = env.now
            let revision = CommentRevision(
                commentId: id, version: old.version, body: old.body, writtenAt: old.editedAt ?? old.createdAt,
                replacedAt: env.now, replacedBy: user.id)
            guard try await tx.threads.comments.edit(new, expected: old.version, revision: revision) else {
                throw Self.stale(old.version + 1)
            }
            let added = mentions.users.filter { !old.mentions.contains($0) }.map {
                ($0, InAppNotification.Kind.mention)
            }
            let sent = try await ThreadNotices(env: env).send(
                added, about: record, actor: user.id, note: Self.excerpt(text), visibleTo: audience.ids, in: tx)
            return Posted(comment: new, notifications: sent)
        }
    }

    /// A comment with its earlier texts (oldest first), for those who may see its record.
    public func history(of id: Comment.ID, by user: User) async throws -> (Comment, [CommentRevision]) {
        let comment = try await comment(id, by: user)
        return (comment, try await env.stores.threads.comments.revisions(of: id))
    }

    public func comment(_ id: Comment.ID, by user: User) async throws -> Comment {
        guard let comment = try await env.stores.threads.comments.find(id: id) else {
            throw DomainError.commentNotFound
        }
        _ = try await directory.visible(comment.subject, to: user, in: env.stores)
        return comment
    }

    public func follow(_ subject: RecordSubject, by user: User) async throws {
        _ = try await directory.visible(subject, to: user, in: env.stores)
        try await env.stores.threads.follows.follow(user.id, subject, at: env.now)
    }

    public func unfollow(_ subject: RecordSubject, by user: User) async throws {
        _ = try await directory.visible(subject, to: user, in: env.stores)
        try await env.stores.threads.follows.unfollow(user.id, subject)
    }

    public func isFollowing(_ subject: RecordSubject, by user: User) async throws -> Bool {
        try await env.stores.threads.follows.isFollowing(user.id, subject)
    }

    /// Who may be mentioned on a record: active users who may see it, whose name or handle
    /// starts with `prefix` (any word of the name), at most `limit`.
    public func mentionCandidates(on subject: RecordSubject, prefix: String, by user: User, limit: Int = 8)
        async throws -> [(user: User, handle: String)]
    {
        let record = try await directory.visible(subject, to: user, in: env.stores)
        let wanted = prefix.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@ "))
        let people = try await env.stores.users.list().filter { $0.isActive && directory.canSee($0, record) }
        let matches = people.filter { person in
            wanted.isEmpty || Mentions.handle(of: person.email.value).hasPrefix(wanted)
                || person.displayName.lowercased().split(separator: " ").contains { $0.hasPrefix(wanted) }
        }
        return matches.sorted { $0.displayName < $1.displayName }.prefix(limit).map {
            ($0, Mentions.handle(of: $0.email.value))
        }
    }

    // MARK: - Rules

    static func checkedBody(_ body: String) throws -> String {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            throw ValidationErrors([.invalid("body", "thread.error.body_empty", fallback: "Write something first.")])
        }
        if text.count > Comment.maximumLength {
            throw ValidationErrors([
                .invalid(
                    "body", "thread.error.body_too_long", ["limit": "\(Comment.maximumLength)"],
                    fallback: "A comment has at most \(Comment.maximumLength) characters; split it in two.")
            ])
        }
        return text
    }

    static func stale(_ current: Int) -> DomainError {
        .conflict(
            field: "version", key: "thread.error.stale", arguments: ["version": "\(current)"],
            fallback: "The comment was changed meanwhile (now version \(current)); reload it and edit again.")
    }

    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 140 ? String(flat.prefix(139)) + "…" : flat
    }

    /// The active users who may see a record, their handles (ambiguous ones left out) and names.
    struct Audience {
        var ids: Set<User.ID>
        var handles: [String: User.ID]
        var names: [User.ID: String]
    }

    static func audience(of record: RecordInfo, directory: RecordDirectory, in stores: Stores) async throws -> Audience
    {
        let people = try await stores.users.list().filter { directory.canSee($0, record) }
        var handles: [String: User.ID] = [:]
        var ambiguous: Set<String> = []
        for person in people {
            let handle = Mentions.handle(of: person.email.value)
            if handles[handle] != nil { ambiguous.insert(handle) }
            handles[handle] = person.id
        }
        for handle in ambiguous { handles[handle] = nil }
        return Audience(
            ids: Set(people.map(\.id)), handles: handles,
            names: Dictionary(people.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a }))
    }
}
