import Foundation
import TandemDomain

/// Cross-training: shadowing sessions planned with a day and a host, then logged with takeaways;
/// a record per person and a team view by quarter for managers.
public struct Shadowing: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// A sales rep follows a project with a PM host; a PM joins a client meeting with a sales host.
    public func plan(
        kind: ShadowingKind, participant: User.ID, host: User.ID, topic: String, plannedOn: LocalDate, by user: User
    ) async throws -> ShadowingSession {
        guard Policy.permits(user, .planShadowing) else { throw Ideas.forbidden }
        guard participant == user.id || Policy.permits(user, .logShadowing(participant: participant, host: host)) else {
            throw Ideas.forbidden
        }
        var read = TogetherFields()
        let topic = read.text(topic, "topic", max: 300, required: true)
        for (id, field, role) in [
            (participant, "participantId", kind.participantRole), (host, "hostId", kind.hostRole),
        ] {
            guard let person = try await env.stores.users.find(id: id), person.isActive else {
                read.errors.append(.invalid(field, "together.error.user_unknown", fallback: "No such user."))
                continue
            }
            if !person.roles.contains(role) {
                read.errors.append(
                    .invalid(
                        field, "shadowing.error.role", ["role": role.rawValue],
                        fallback: "Choose someone with the \(role.rawValue) role."))
            }
        }
        if participant == host {
            read.errors.append(.invalid("hostId", "shadowing.error.same_person", fallback: "Choose another host."))
        }
        try read.check()
        let session = ShadowingSession(
            id: env.ids(), kind: kind, participantID: participant, hostID: host, topic: topic, plannedOn: plannedOn,
            createdAt: env.now)
        try await env.stores.together.shadowing.create(session)
        return session
    }

    public func log(_ id: ShadowingSession.ID, takeaways: String, by user: User) async throws -> ShadowingSession {
        guard let session = try await env.stores.together.shadowing.find(id: id) else { throw Self.notFound }
        guard Policy.permits(user, .logShadowing(participant: session.participantID, host: session.hostID)) else {
            throw Ideas.forbidden
        }
        let logged = try session.logged(takeaways: takeaways, at: env.now)
        try await env.stores.together.shadowing.update(logged)
        return logged
    }

    public func cancel(_ id: ShadowingSession.ID, by user: User) async throws -> ShadowingSession {
        guard var session = try await env.stores.together.shadowing.find(id: id) else { throw Self.notFound }
        guard Policy.permits(user, .logShadowing(participant: session.participantID, host: session.hostID)) else {
            throw Ideas.forbidden
        }
        guard session.status == .planned else {
            throw DomainError.conflict(
                field: "status", key: "shadowing.error.not_planned", arguments: ["status": session.status.rawValue],
                fallback: "Only a planned session can be cancelled.")
        }
        session.status = .cancelled
        try await env.stores.together.shadowing.update(session)
        return session
    }

    public func find(_ id: ShadowingSession.ID, by user: User) async throws -> ShadowingSession {
        guard let session = try await env.stores.together.shadowing.find(id: id) else { throw Self.notFound }
        guard
            Policy.permits(user, .viewShadowingRecord(person: session.participantID))
                || Policy.permits(user, .viewShadowingRecord(person: session.hostID))
        else { throw Ideas.forbidden }
        return session
    }

    /// One person's sessions, taken part in or hosted (their own, or anyone's for managers).
    public func record(of person: User.ID, by user: User) async throws -> [ShadowingSession] {
        guard Policy.permits(user, .viewShadowingRecord(person: person)) else { throw Ideas.forbidden }
        return try await env.stores.together.shadowing.list(person: person)
    }

    /// Who shadowed whom, how often, by quarter (logged sessions), for managers.
    public func team(by user: User) async throws -> (tally: ShadowingTally, sessions: [ShadowingSession]) {
        guard Policy.permits(user, .viewShadowingTeam) else { throw Ideas.forbidden }
        let sessions = try await env.stores.together.shadowing.list(person: nil)
        return (ShadowingTally(sessions), sessions)
    }

    static let notFound = DomainError.notFound(
        entityKey: "together.entity.shadowing_session", fallback: "The shadowing session was not found.")
}
