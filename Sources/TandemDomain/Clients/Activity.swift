import Foundation

/// The record something is attached to: an account, an opportunity, or a later kind, named by
/// kind and UUID so this code needs to know nothing about the records of other features.
public struct RecordSubject: Hashable, Codable, Sendable, CustomStringConvertible {
    public struct Kind: RawRepresentable, Hashable, Codable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let account = Kind(rawValue: "account")
        public static let opportunity = Kind(rawValue: "opportunity")
    }
    public var kind: Kind
    public var id: UUID

    public init(kind: Kind, id: UUID) {
        self.kind = kind
        self.id = id
    }

    public static func account(_ id: Account.ID) -> RecordSubject { RecordSubject(kind: .account, id: id.rawValue) }
    public static func opportunity(_ id: UUID) -> RecordSubject { RecordSubject(kind: .opportunity, id: id) }

    public var description: String { "\(kind.rawValue):\(id.uuidString.lowercased())" }
}

/// A call, meeting, e-mail or note on an account or opportunity, with an optional next step.
public struct Activity: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Activity>
    public enum Kind: String, CaseIterable, Codable, Sendable { case call, meeting, email, note }

    public var id: ID
    public var subject: RecordSubject
    public var kind: Kind
    /// When it happened.
    public var occurredAt: Date
    public var text: String
    /// What comes next; empty when nothing.
    public var nextStep: String
    public var nextStepDue: LocalDate?
    /// Whose next step it is (the author unless said otherwise).
    public var ownerId: User.ID
    public var isDone: Bool
    public var authorId: User.ID
    /// The contact it was with, if any.
    public var contactId: Contact.ID?
    public var createdAt: Date

    public init(
        id: ID, subject: RecordSubject, kind: Kind, occurredAt: Date, text: String, nextStep: String = "",
        nextStepDue: LocalDate? = nil, ownerId: User.ID, isDone: Bool = false, authorId: User.ID,
        contactId: Contact.ID? = nil, createdAt: Date
    ) {
        self.id = id
        self.subject = subject
        self.kind = kind
        self.occurredAt = occurredAt
        self.text = text
        self.nextStep = nextStep
        self.nextStepDue = nextStepDue
        self.ownerId = ownerId
        self.isDone = isDone
        self.authorId = authorId
        self.contactId = contactId
        self.createdAt = createdAt
    }

    /// An open next step whose due day is before `today`.
    public func isOverdue(today: LocalDate) -> Bool {
        guard !isDone, !nextStep.isEmpty, let due = nextStepDue else { return false }
        return due < today
    }
}

public protocol ActivityStore: Sendable {
    func create(_ activity: Activity) async throws
    func find(id: Activity.ID) async throws -> Activity?
    /// The activities of one record, newest first.
    func list(subject: RecordSubject) async throws -> [Activity]
    /// Open next steps of `owner` due before `today`, oldest due first.
    func overdueNextSteps(owner: User.ID, today: LocalDate) async throws -> [Activity]
    func setDone(_ id: Activity.ID, _ isDone: Bool) async throws
}

extension DomainError {
    public static let activityNotFound = DomainError.notFound(
        entityKey: "entity.activity", fallback: "The activity was not found.")
}
