import Foundation

/// A standing group of people from both sides working towards a goal through initiatives.
public struct WorkingGroup: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<WorkingGroup>

    public var id: ID
    public var name: String
    public var goal: String
    public var memberIDs: [User.ID]
    public var createdBy: User.ID
    public var createdAt: Date

    public init(id: ID, name: String, goal: String, memberIDs: [User.ID], createdBy: User.ID, createdAt: Date) {
        self.id = id
        self.name = name
        self.goal = goal
        self.memberIDs = memberIDs
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// True when sales and production (PMs or vendor managers) both take part.
    public static func isCrossFunctional(_ members: [User]) -> Bool {
        members.contains { $0.roles.contains(.sales) }
            && members.contains { !$0.roles.isDisjoint(with: [.pm, .vendorManager]) }
    }
}

public enum InitiativeStatus: String, CaseIterable, Codable, Sendable {
    case planned
    case active
    case done
    case dropped
}

/// A piece of work a working group takes on, with an owner and a due day.
public struct Initiative: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Initiative>

    public var id: ID
    public var groupID: WorkingGroup.ID
    public var title: String
    public var ownerID: User.ID
    public var status: InitiativeStatus
    public var dueOn: LocalDate?
    public var createdAt: Date

    public init(
        id: ID, groupID: WorkingGroup.ID, title: String, ownerID: User.ID, status: InitiativeStatus = .planned,
        dueOn: LocalDate?, createdAt: Date
    ) {
        self.id = id
        self.groupID = groupID
        self.title = title
        self.ownerID = ownerID
        self.status = status
        self.dueOn = dueOn
        self.createdAt = createdAt
    }
}
