import Foundation
import TandemDomain

/// Ideas to management: anyone proposes, everyone votes once, managers move them through their
/// states or decline them with a reason everyone sees (docs/together.md).
public struct Ideas: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    static let forbidden = DomainError.forbidden(key: "error.forbidden", fallback: "You may not do this.")

    public func propose(title: String, body: String, by user: User) async throws -> Idea {
        guard Policy.permits(user, .proposeIdea) else { throw Self.forbidden }
        try Idea.validate(title: title, body: body)
        let idea = Idea(
            id: env.ids(), title: title.trimmingCharacters(in: .whitespacesAndNewlines),
            body: body.trimmingCharacters(in: .whitespacesAndNewlines), authorID: user.id, createdAt: env.now)
        try await env.stores.together.ideas.create(idea)
        return idea
    }

    public func find(_ id: Idea.ID, by user: User) async throws -> Idea {
        guard Policy.permits(user, .viewTogether) else { throw Self.forbidden }
        guard let idea = try await env.stores.together.ideas.find(id: id) else { throw DomainError.ideaNotFound }
        return idea
    }

    public func list(by user: User) async throws -> [Idea] {
        guard Policy.permits(user, .viewTogether) else { throw Self.forbidden }
        return try await env.stores.together.ideas.list()
    }

    public func hasVoted(_ id: Idea.ID, user: User) async throws -> Bool {
        try await env.stores.together.ideas.hasVoted(id, user: user.id)
    }

    /// Counts `user`'s vote once; a second vote changes nothing. Closed ideas take no votes.
    public func vote(_ id: Idea.ID, by user: User) async throws -> Idea {
        guard Policy.permits(user, .voteIdea) else { throw Self.forbidden }
        let env = env
        return try await env.stores.transaction { tx in
            guard let idea = try await tx.together.ideas.find(id: id) else { throw DomainError.ideaNotFound }
            guard !idea.status.isClosed else {
                throw DomainError.conflict(
                    field: "status", key: "ideas.error.closed", arguments: ["status": idea.status.rawValue],
                    fallback: "The idea is \(idea.status.rawValue); it takes no more votes.")
            }
            _ = try await tx.together.ideas.vote(id, by: user.id, at: env.now)
            return try await tx.together.ideas.find(id: id)!
        }
    }

    /// A manager's move; a decline needs a reason. A move from a status that changed meanwhile is a 409.
    public func move(_ id: Idea.ID, to status: IdeaStatus, reason: String, by user: User) async throws -> Idea {
        guard Policy.permits(user, .moveIdea) else { throw Self.forbidden }
        let env = env
        return try await env.stores.transaction { tx in
            guard let idea = try await tx.together.ideas.find(id: id) else { throw DomainError.ideaNotFound }
            let moved = try idea.moved(to: status, reason: reason, by: user.id, at: env.now)
            guard try await tx.together.ideas.move(moved, from: idea.status) else {
                throw DomainError.conflict(
                    field: "status", key: "together.error.stale", arguments: [:],
                    fallback: "Someone changed it meanwhile; reload.")
            }
            try await ActivityLog.record(
                .ideaMoved, on: RecordSubject(kind: .idea, id: id.rawValue), by: user.id,
                payload: ["from": idea.status.rawValue, "to": moved.status.rawValue, "reason": moved.declineReason],
                in: tx, env: env)
            return moved
        }
    }

    /// Reads a status name as sent (`under-review`), naming the field when it is unknown.
    public static func status(_ raw: String, field: String = "status") throws -> IdeaStatus {
        guard let status = IdeaStatus(rawValue: raw.trimmingCharacters(in: .whitespaces)) else {
            throw DomainError.invalid(
                field, "ideas.error.status_unknown", ["value": raw],
                fallback: "“\(raw)” is not an idea status: new, under-review, accepted, in-progress, done or declined.")
        }
        return status
    }
}
