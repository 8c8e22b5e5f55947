import Foundation
import TandemDomain

/// Working groups: a name, a goal, members (cross-functional when sales and production both take
/// part) and initiatives with an owner, a status and a due day.
public struct WorkingGroups: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct Detail: Sendable, Equatable {
        public var group: WorkingGroup
        public var members: [User]
        public var crossFunctional: Bool
        public var initiatives: [Initiative]
    }

    public func create(name: String, goal: String, members: [User.ID], by user: User) async throws -> WorkingGroup {
        guard Policy.permits(user, .createWorkingGroup) else { throw Ideas.forbidden }
        var read = TogetherFields()
        let name = read.text(name, "name", max: 120, required: true)
        let goal = read.text(goal, "goal", max: 2000, required: true)
        try await read.users(members, "members", in: env.stores)
        try read.check()
        let group = WorkingGroup(
            id: env.ids(), name: name, goal: goal, memberIDs: ReviewMeetings.unique([user.id] + members),
            createdBy: user.id, createdAt: env.now)
        try await env.stores.together.groups.create(group)
        return group
    }

    public func list(by user: User) async throws -> [Detail] {
        guard Policy.permits(user, .viewTogether) else { throw Ideas.forbidden }
        var details: [Detail] = []
        for group in try await env.stores.together.groups.list() { details.append(try await detail(of: group)) }
        return details
    }

    public func detail(_ id: WorkingGroup.ID, by user: User) async throws -> Detail {
        guard Policy.permits(user, .viewTogether) else { throw Ideas.forbidden }
        guard let group = try await env.stores.together.groups.find(id: id) else { throw Self.notFound }
        return try await detail(of: group)
    }

    private func detail(of group: WorkingGroup) async throws -> Detail {
        var members: [User] = []
        for id in group.memberIDs { if let user = try await env.stores.users.find(id: id) { members.append(user) } }
        return Detail(
            group: group, members: members, crossFunctional: WorkingGroup.isCrossFunctional(members),
            initiatives: try await env.stores.together.groups.initiatives(of: group.id))
    }

    public func setMembers(_ id: WorkingGroup.ID, _ members: [User.ID], by user: User) async throws -> Detail {
        guard let group = try await env.stores.together.groups.find(id: id) else { throw Self.notFound }
        guard Policy.permits(user, .editWorkingGroup(members: group.memberIDs)) else { throw Ideas.forbidden }
        var read = TogetherFields()
        try await read.users(members, "members", in: env.stores)
        if members.isEmpty {
            read.errors.append(
                .invalid("members", "together.error.members_required", fallback: "Keep at least one member."))
        }
        try read.check()
        try await env.stores.together.groups.setMembers(id, ReviewMeetings.unique(members))
        return try await detail(id, by: user)
    }

    public func addInitiative(
        to id: WorkingGroup.ID, title: String, owner: User.ID, dueOn: LocalDate?, by user: User
    ) async throws -> Initiative {
        guard let group = try await env.stores.together.groups.find(id: id) else { throw Self.notFound }
        guard Policy.permits(user, .editWorkingGroup(members: group.memberIDs)) else { throw Ideas.forbidden }
        var read = TogetherFields()
        let title = read.text(title, "title", max: 300, required: true)
        try await read.users([owner], "ownerId", in: env.stores, single: true)
        try read.check()
        let initiative = Initiative(
            id: env.ids(), groupID: id, title: title, ownerID: owner, dueOn: dueOn, createdAt: env.now)
        try await env.stores.together.groups.addInitiative(initiative)
        return initiative
    }

    public func setStatus(_ id: Initiative.ID, _ status: InitiativeStatus, by user: User) async throws -> Initiative {
        guard var initiative = try await env.stores.together.groups.findInitiative(id: id) else {
            throw Self.initiativeNotFound
        }
        let group = try await env.stores.together.groups.find(id: initiative.groupID)
        guard Policy.permits(user, .editWorkingGroup(members: group?.memberIDs ?? [])) else { throw Ideas.forbidden }
        try await env.stores.together.groups.setInitiativeStatus(id, status)
        initiative.status = status
        return initiative
    }

    static let notFound = DomainError.notFound(
        entityKey: "together.entity.working_group", fallback: "The working group was not found.")
    static let initiativeNotFound = DomainError.notFound(
        entityKey: "together.entity.initiative", fallback: "The initiative was not found.")
}
