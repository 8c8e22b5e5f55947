import Foundation

extension RecordSubject.Kind {
    // `job` (Production/Job.swift) and `promise` (Ledger/PromiseVersion.swift) are declared with their records.
    /// A working group's own thread (issue #15, the together feature).
    public static let group = RecordSubject.Kind(rawValue: "group")
}

/// One message in a record's thread. `body` is the Markdown the author wrote; `html` is that
/// text rendered safely when it was written, with the mentions that reached someone.
public struct Comment: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Comment>

    public var id: ID
    public var subject: RecordSubject
    public var authorId: User.ID
    public var body: String
    public var html: String
    /// The users the comment mentions and who may see the record, in the order written.
    public var mentions: [User.ID]
    /// The comment this one answers, if any.
    public var replyTo: ID?
    /// 1 when written, raised by each edit; an edit from an older version is refused.
    public var version: Int
    public var createdAt: Date
    public var editedAt: Date?

    public init(
        id: ID, subject: RecordSubject, authorId: User.ID, body: String, html: String, mentions: [User.ID],
        replyTo: ID? = nil, version: Int = 1, createdAt: Date, editedAt: Date? = nil
    ) {
        self.id = id
        self.subject = subject
        self.authorId = authorId
        self.body = body
        self.html = html
        self.mentions = mentions
        self.replyTo = replyTo
        self.version = version
        self.createdAt = createdAt
        self.editedAt = editedAt
    }

    /// The longest body kept, in characters.
    public static let maximumLength = 10_000
}

/// What a comment said before an edit: version `version` of its body, written at `writtenAt`.
public struct CommentRevision: Hashable, Codable, Sendable {
    public var commentId: Comment.ID
    public var version: Int
    public var body: String
    public var writtenAt: Date
    public var replacedAt: Date
    public var replacedBy: User.ID

    public init(
        commentId: Comment.ID, version: Int, body: String, writtenAt: Date, replacedAt: Date, replacedBy: User.ID
    ) {
        self.commentId = commentId
        self.version = version
        self.body = body
        self.writtenAt = writtenAt
        self.replacedAt = replacedAt
        self.replacedBy = replacedBy
    }
}

/// Where a page of a thread or a timeline starts: after this item (newest first).
public struct ThreadCursor: Hashable, Codable, Sendable, Comparable {
    public var at: Date
    public var id: UUID
    public init(at: Date, id: UUID) {
        self.at = at
        self.id = id
    }
    public static func < (a: Self, b: Self) -> Bool { (a.at, a.id.uuidString) < (b.at, b.id.uuidString) }
}

/// A small file attached to a comment, kept under the data directory like quote files.
public struct CommentAttachment: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<CommentAttachment>
    public var id: ID
    public var commentId: Comment.ID
    public var subject: RecordSubject
    /// The uploaded name, made safe (`ClientAsset.safeFileName`).
    public var name: String
    public var contentType: String
    public var size: Int
    public var uploadedBy: User.ID
    public var uploadedAt: Date

    public init(
        id: ID, commentId: Comment.ID, subject: RecordSubject, name: String, contentType: String, size: Int,
        uploadedBy: User.ID, uploadedAt: Date
    ) {
        self.id = id
        self.commentId = commentId
        self.subject = subject
        self.name = name
        self.contentType = contentType
        self.size = size
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }

    /// The largest attachment kept: 1.5 MB.
    public static let maximumSize = 1_572_864
    public var storageKey: String {
        "threads/\(subject.kind.rawValue)/\(subject.id.uuidString.lowercased())/\(id)-\(name)"
    }
}

/// A system event on a record: a stage change, a review decision, a quote sent or accepted.
/// `payload` holds a few plain values the timeline words (`{"from": "Proposal", "to": "Won"}`).
public struct ActivityEvent: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<ActivityEvent>
    public struct Kind: RawRepresentable, Hashable, Codable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let stageChanged = Kind(rawValue: "stage-changed")
        public static let quoteSubmitted = Kind(rawValue: "quote-submitted")
        public static let quoteReviewed = Kind(rawValue: "quote-reviewed")
        public static let quoteSent = Kind(rawValue: "quote-sent")
        public static let quoteAccepted = Kind(rawValue: "quote-accepted")
        public static let quoteLost = Kind(rawValue: "quote-lost")
    }
    public var id: ID
    public var subject: RecordSubject
    public var kind: Kind
    public var actorId: User.ID?
    public var at: Date
    public var payload: [String: String]

    public init(
        id: ID, subject: RecordSubject, kind: Kind, actorId: User.ID?, at: Date, payload: [String: String] = [:]
    ) {
        self.id = id
        self.subject = subject
        self.kind = kind
        self.actorId = actorId
        self.at = at
        self.payload = payload
    }
}

/// How a user wants to hear of one kind of notification: in the app (the inbox and its badge)
/// and in the daily digest.
public struct NotificationPreference: Hashable, Codable, Sendable {
    public var kind: Notification.Kind
    public var inApp: Bool
    public var digest: Bool
    public init(kind: Notification.Kind, inApp: Bool = true, digest: Bool = false) {
        self.kind = kind
        self.inApp = inApp
        self.digest = digest
    }
}

extension Notification.Kind {
    /// Someone wrote @you in a thread.
    public static let mention = Notification.Kind(rawValue: "mention")
    /// Someone answered in a thread you wrote in.
    public static let reply = Notification.Kind(rawValue: "reply")
    /// Someone wrote in the thread of a record you follow.
    public static let followed = Notification.Kind(rawValue: "followed")
    /// The kinds threads send, in the order the preferences list them.
    public static let threadKinds: [Notification.Kind] = [.mention, .reply, .followed]
}

extension DomainError {
    public static let commentNotFound = DomainError.notFound(
        entityKey: "thread.entity.comment", fallback: "The comment was not found.")
    public static let recordNotFound = DomainError.notFound(
        entityKey: "thread.entity.record", fallback: "The record was not found.")
    public static let attachmentNotFound = DomainError.notFound(
        entityKey: "thread.entity.attachment", fallback: "The attachment was not found.")
}
