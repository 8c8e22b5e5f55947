import FluentKit
import Foundation
import TandemDomain

public struct FluentReviewMeetingStore: ReviewMeetingStore {
    let database: any Database

    public func create(_ meeting: ReviewMeeting) async throws {
        try await ReviewMeetingModel(meeting).create(on: database)
    }

    public func find(id: ReviewMeeting.ID) async throws -> ReviewMeeting? {
        try await ReviewMeetingModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func list() async throws -> [ReviewMeeting] {
        try await ReviewMeetingModel.query(on: database).all().map { try $0.toDomain() }
            .sorted { ($0.heldOn, $0.createdAt) > ($1.heldOn, $1.createdAt) }
    }

    public func saveMinutes(
        _ id: ReviewMeeting.ID, minutes: String, decisions: [String], attendees: [User.ID], from version: Int, at: Date
    ) async throws -> Bool {
        let current = ReviewMeetingModel.query(on: database).filter(\.$id == id.rawValue).filter(\.$version == version)
        guard try await current.count() > 0 else { return false }
        try await ReviewMeetingModel.query(on: database).filter(\.$id == id.rawValue).filter(\.$version == version)
            .set(\.$minutes, to: minutes).set(\.$decisions, to: JSONText.encode(decisions))
            .set(\.$attendees, to: JSONText.encode(attendees)).set(\.$version, to: version + 1)
            .set(\.$updatedAt, to: at).update()
        return true
    }

    public func addItem(_ item: ActionItem) async throws { try await ActionItemModel(item).create(on: database) }

    public func findItem(id: ActionItem.ID) async throws -> ActionItem? {
        try await ActionItemModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func items() async throws -> [ActionItem] {
        try await ActionItemModel.query(on: database).sort(\.$createdAt).all().map { try $0.toDomain() }
    }

    public func setItemDone(_ id: ActionItem.ID, at: Date?) async throws {
        try await ActionItemModel.query(on: database).filter(\.$id == id.rawValue).set(\.$doneAt, to: at).update()
    }
}

public struct FluentWorkingGroupStore: WorkingGroupStore {
    let database: any Database

    public func create(_ group: WorkingGroup) async throws { try await WorkingGroupModel(group).create(on: database) }

    public func find(id: WorkingGroup.ID) async throws -> WorkingGroup? {
        try await WorkingGroupModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func list() async throws -> [WorkingGroup] {
        try await WorkingGroupModel.query(on: database).sort(\.$name).all().map { try $0.toDomain() }
    }

    public func setMembers(_ id: WorkingGroup.ID, _ members: [User.ID]) async throws {
        try await WorkingGroupModel.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$members, to: JSONText.encode(members)).update()
    }

    public func addInitiative(_ initiative: Initiative) async throws {
        try await InitiativeModel(initiative).create(on: database)
    }

    public func findInitiative(id: Initiative.ID) async throws -> Initiative? {
        try await InitiativeModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func initiatives(of id: WorkingGroup.ID) async throws -> [Initiative] {
        try await InitiativeModel.query(on: database).filter(\.$groupID == id.rawValue).all().map { try $0.toDomain() }
            .sorted {
                ($0.dueOn?.description ?? "9999", $0.createdAt) < ($1.dueOn?.description ?? "9999", $1.createdAt)
            }
    }

    public func setInitiativeStatus(_ id: Initiative.ID, _ status: InitiativeStatus) async throws {
        try await InitiativeModel.query(on: database).filter(\.$id == id.rawValue).set(\.$status, to: status.rawValue)
            .update()
    }
}

public struct FluentShadowingStore: ShadowingStore {
    let database: any Database

    public func create(_ session: ShadowingSession) async throws {
        try await ShadowingModel(session).create(on: database)
    }

    public func find(id: ShadowingSession.ID) async throws -> ShadowingSession? {
        try await ShadowingModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func list(person: User.ID?) async throws -> [ShadowingSession] {
        let query = ShadowingModel.query(on: database)
        if let person {
            query.group(.or) { $0.filter(\.$participantID == person.rawValue).filter(\.$hostID == person.rawValue) }
        }
        return try await query.all().map { try $0.toDomain() }
            .sorted { ($0.plannedOn, $0.createdAt) > ($1.plannedOn, $1.createdAt) }
    }

    public func update(_ session: ShadowingSession) async throws {
        try await ShadowingModel.query(on: database).filter(\.$id == session.id.rawValue)
            .set(\.$status, to: session.status.rawValue).set(\.$takeaways, to: session.takeaways)
            .set(\.$loggedAt, to: session.loggedAt).update()
    }
}
