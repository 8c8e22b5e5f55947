import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Vapor

/// `/api/v1/working-groups` and their initiatives; `crossFunctional` is true when sales and
/// production both take part.
enum GroupsAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.together(.workingGroups), use: list)
        api.on(.POST, APIRoute.together(.workingGroups), use: create)
        api.on(.GET, APIRoute.together(.workingGroup(":id")), use: show)
        api.on(.PUT, APIRoute.together(.workingGroupMembers(":id")), use: members)
        api.on(.POST, APIRoute.together(.workingGroupInitiatives(":id")), use: addInitiative)
        api.on(.PATCH, APIRoute.together(.initiative(":id")), use: updateInitiative)
    }

    struct InitiativeBody: Content {
        var id: String
        var groupId: String
        var title: String
        var ownerId: String
        var status: String
        @NullWhenAbsent var dueOn: String?
        init(_ i: Initiative) {
            id = i.id.description
            groupId = i.groupID.description
            title = i.title
            ownerId = i.ownerID.description
            status = i.status.rawValue
            dueOn = i.dueOn?.description
        }
    }

    struct GroupBody: Content {
        var id: String
        var name: String
        var goal: String
        var memberIds: [String]
        var crossFunctional: Bool
        var initiatives: [InitiativeBody]
        var createdAt: String
        init(_ d: WorkingGroups.Detail) {
            id = d.group.id.description
            name = d.group.name
            goal = d.group.goal
            memberIds = d.group.memberIDs.map(\.description)
            crossFunctional = d.crossFunctional
            initiatives = d.initiatives.map(InitiativeBody.init)
            createdAt = Instant(d.group.createdAt).iso8601
        }
    }

    struct Key: Codable, Comparable {
        var name: String
        var id: String
        static func < (a: Self, b: Self) -> Bool { (a.name, a.id) < (b.name, b.id) }
    }

    @Sendable static func list(req: Request) async throws -> ListEnvelope<GroupBody> {
        let paging = try ListRequest<Key>(req)
        let page = paging.page(
            try await WorkingGroups(req.appEnvironment).list(by: try req.requireUser()),
            by: { Key(name: $0.group.name, id: $0.group.id.description) })
        return ListEnvelope(items: page.elements.map(GroupBody.init), nextCursor: page.nextCursor)
    }

    struct CreateBody: Decodable {
        var name: String
        var goal: String
        var memberIds: [String]?
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorize(.createWorkingGroup)
        let body = try req.decodeJSON(CreateBody.self)
        var problems: [FieldError] = []
        let members = ReviewsAPI.ids(body.memberIds ?? [], "memberIds", &problems)
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let groups = WorkingGroups(req.appEnvironment)
        let user = try req.requireUser()
        let group = try await groups.create(name: body.name, goal: body.goal, members: members, by: user)
        return try await GroupBody(try await groups.detail(group.id, by: user)).encodeResponse(
            status: .created, for: req)
    }

    @Sendable static func show(req: Request) async throws -> GroupBody {
        GroupBody(try await WorkingGroups(req.appEnvironment).detail(try req.apiID(), by: try req.requireUser()))
    }

    struct MembersBody: Decodable { var memberIds: [String] }

    @Sendable static func members(req: Request) async throws -> GroupBody {
        let id: WorkingGroup.ID = try req.apiID()
        let body = try req.decodeJSON(MembersBody.self)
        var problems: [FieldError] = []
        let members = ReviewsAPI.ids(body.memberIds, "memberIds", &problems)
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        return GroupBody(try await WorkingGroups(req.appEnvironment).setMembers(id, members, by: try req.requireUser()))
    }

    struct InitiativeInput: Decodable {
        var title: String
        var ownerId: String
        var dueOn: String?
    }

    @Sendable static func addInitiative(req: Request) async throws -> Response {
        let id: WorkingGroup.ID = try req.apiID()
        let body = try req.decodeJSON(InitiativeInput.self)
        var problems: [FieldError] = []
        let owner = User.ID(uuidString: body.ownerId)
        if owner == nil { problems.append(FieldError(field: "ownerId", code: "invalid", key: "error.api.bad_id")) }
        let due = ReviewsAPI.day(body.dueOn, "dueOn", &problems)
        guard problems.isEmpty, let owner else { throw APIError.invalidFields(problems) }
        let initiative = try await WorkingGroups(req.appEnvironment).addInitiative(
            to: id, title: body.title, owner: owner, dueOn: due, by: try req.requireUser())
        return try await InitiativeBody(initiative).encodeResponse(status: .created, for: req)
    }

    struct InitiativePatch: Decodable { var status: String }

    @Sendable static func updateInitiative(req: Request) async throws -> InitiativeBody {
        let id: Initiative.ID = try req.apiID()
        let body = try req.decodeJSON(InitiativePatch.self)
        guard let status = InitiativeStatus(rawValue: body.status) else {
            throw APIError.invalidFields([
                FieldError(
                    field: "status", code: "unknown", key: "together.error.initiative_status",
                    arguments: ["value": body.status])
            ])
        }
        return InitiativeBody(
            try await WorkingGroups(req.appEnvironment).setStatus(id, status, by: try req.requireUser()))
    }
}
