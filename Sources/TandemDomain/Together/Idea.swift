import Foundation

/// Where an idea to management stands. Only managers move it, one step at a time, or decline it
/// with a reason everyone sees.
public enum IdeaStatus: String, CaseIterable, Codable, Sendable {
    case new
    case underReview = "under-review"
    case accepted
    case inProgress = "in-progress"
    case done
    case declined

    /// The statuses an idea may move to from this one.
    public var next: Set<IdeaStatus> {
        switch self {
        case .new: return [.underReview, .declined]
        case .underReview: return [.accepted, .declined]
        case .accepted: return [.inProgress, .declined]
        case .inProgress: return [.done, .declined]
        case .done, .declined: return []
        }
    }

    /// Done and declined ideas take no more votes or moves.
    public var isClosed: Bool { next.isEmpty }
}

/// An idea anyone sends to management; others vote for it (one vote each).
public struct Idea: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Idea>

    public var id: ID
    public var title: String
    public var body: String
    public var authorID: User.ID
    public var status: IdeaStatus
    /// Why it was declined, shown to everyone; empty otherwise.
    public var declineReason: String
    /// Who moved it last and when (nil while new).
    public var decidedBy: User.ID?
    public var decidedAt: Date?
    public var votes: Int
    public var createdAt: Date

    public init(
        id: ID, title: String, body: String, authorID: User.ID, status: IdeaStatus = .new, declineReason: String = "",
        decidedBy: User.ID? = nil, decidedAt: Date? = nil, votes: Int = 0, createdAt: Date
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.authorID = authorID
        self.status = status
        self.declineReason = declineReason
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.votes = votes
        self.createdAt = createdAt
    }

    /// The idea after a manager's move to `status`; a decline needs a reason.
    public func moved(to status: IdeaStatus, reason: String, by manager: User.ID, at: Date) throws -> Idea {
        guard self.status.next.contains(status) else {
            throw DomainError.conflict(
                field: "status", key: "ideas.error.transition",
                arguments: ["from": self.status.rawValue, "to": status.rawValue],
                fallback: "An idea that is \(self.status.rawValue) cannot move to \(status.rawValue).")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if status == .declined, reason.isEmpty {
            throw DomainError.invalid(
                "reason", "ideas.error.reason_required", fallback: "Say why the idea is declined; everyone sees it.")
        }
        var moved = self
        moved.status = status
        moved.declineReason = status == .declined ? reason : ""
        moved.decidedBy = manager
        moved.decidedAt = at
        return moved
    }

    /// Checks a new idea's title and body, every problem at once.
    public static func validate(title: String, body: String) throws {
        var errors: [DomainError] = []
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            errors.append(.invalid("title", "together.error.title_required", fallback: "Give it a title."))
        } else if title.count > 200 {
            errors.append(
                .invalid("title", "together.error.too_long", ["max": "200"], fallback: "Use at most 200 characters."))
        }
        if body.count > 10_000 {
            errors.append(
                .invalid("body", "together.error.too_long", ["max": "10000"], fallback: "Use at most 10000 characters.")
            )
        }
        try ValidationErrors.check(errors)
    }
}

extension DomainError {
    public static let ideaNotFound = DomainError.notFound(
        entityKey: "together.entity.idea", fallback: "The idea was not found.")
    public static let proposalNotFound = DomainError.notFound(
        entityKey: "together.entity.proposal", fallback: "The investment proposal was not found.")
}
