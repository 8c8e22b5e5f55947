import Foundation

/// An in-app message to one user about a record (a quote, a project, …): "Paula approved quote
/// Q-0012 with changes". Its words come from the catalog at the edge (`notification.kind.<kind>`);
/// the record is named by `RecordSubject`, so features add kinds without this code knowing them.
public struct Notification: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Notification>

    /// What happened. Extensible: later features add their own kinds in their own files.
    public struct Kind: RawRepresentable, Hashable, Codable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A quote was submitted and waits for a PM's review.
        public static let reviewRequested = Kind(rawValue: "review-requested")
        /// A PM approved, changed or rejected a quote.
        public static let reviewDecided = Kind(rawValue: "review-decided")
        /// A PM challenged a project's brief.
        public static let briefChallenged = Kind(rawValue: "brief-challenged")
        /// The client accepted a quote; a project exists.
        public static let quoteAccepted = Kind(rawValue: "quote-accepted")

        public static let known: [Kind] = [.reviewRequested, .reviewDecided, .briefChallenged, .quoteAccepted]
    }

    public var id: ID
    public var recipientId: User.ID
    public var kind: Kind
    public var subject: RecordSubject
    /// Who did it; nil for the system (an expiry, a job).
    public var actorId: User.ID?
    /// How the record is named in the inbox (a quote number and client), kept as it was then.
    public var subjectLabel: String
    /// A short text from the actor (a rejection reason, a challenge comment); empty when none.
    public var note: String
    public var createdAt: Date
    public var readAt: Date?

    public var isRead: Bool { readAt != nil }

    public init(
        id: ID, recipientId: User.ID, kind: Kind, subject: RecordSubject, actorId: User.ID?, subjectLabel: String = "",
        note: String = "", createdAt: Date, readAt: Date? = nil
    ) {
        self.id = id
        self.recipientId = recipientId
        self.kind = kind
        self.subject = subject
        self.actorId = actorId
        self.subjectLabel = subjectLabel
        self.note = note
        self.createdAt = createdAt
        self.readAt = readAt
    }
}

/// Where a page of the inbox starts: after this notification (newest first).
public struct NotificationCursor: Hashable, Codable, Sendable, Comparable {
    public var createdAt: Date
    public var id: UUID

    public init(createdAt: Date, id: UUID) {
        self.createdAt = createdAt
        self.id = id
    }

    public init(_ notification: Notification) {
        self.init(createdAt: notification.createdAt, id: notification.id.rawValue)
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.createdAt, a.id.uuidString) < (b.createdAt, b.id.uuidString)
    }
}

public protocol NotificationStore: Sendable {
    func create(_ notifications: [Notification]) async throws
    func find(id: Notification.ID) async throws -> Notification?
    /// A recipient's notifications, newest first, after `cursor`; `unreadOnly` leaves out read ones.
    func list(recipient: User.ID, unreadOnly: Bool, after cursor: NotificationCursor?, limit: Int) async throws
        -> [Notification]
    func unreadCount(recipient: User.ID) async throws -> Int
    /// Marks one unread notification of `recipient` read; false when there was none to mark.
    func markRead(_ id: Notification.ID, recipient: User.ID, at: Date) async throws -> Bool
    /// Marks every unread notification of `recipient` read; returns how many.
    func markAllRead(recipient: User.ID, at: Date) async throws -> Int
}

extension DomainError {
    public static let notificationNotFound = DomainError.notFound(
        entityKey: "entity.notification", fallback: "The notification was not found.")
}

/// `Notification` outside this module: Foundation has a `Notification` too, so code that imports
/// both names the type `InAppNotification` (or `TandemDomain.Notification`).
public typealias InAppNotification = Notification
