import Foundation
import TandemApp
import TandemDomain
import Vapor

/// Contacts, activities and briefs of accounts under `/api/v1`.
enum ClientsAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.accountContacts(":id"), use: contacts)
        api.on(.POST, APIRoute.accountContacts(":id"), use: createContact)
        api.on(.GET, APIRoute.contact(":id"), use: contact)
        api.on(.PATCH, APIRoute.contact(":id"), use: updateContact)
        api.on(.GET, APIRoute.contactExport(":id"), use: exportContact)
        api.on(.POST, APIRoute.contactErase(":id"), use: eraseContact)
        api.on(.GET, APIRoute.accountActivities(":id"), use: activities)
        api.on(.POST, APIRoute.accountActivities(":id"), use: logActivity)
        api.on(.GET, APIRoute.accountBrief(":id"), use: brief)
        api.on(.PUT, APIRoute.accountBrief(":id"), use: saveBrief)
        api.on(.GET, APIRoute.accountBriefVersions(":id"), use: briefVersions)
    }

    /// Contacts sort by name, then id.
    struct ContactKey: Codable, Comparable {
        var name: String
        var id: String
        init(_ contact: Contact) {
            name = TextFolding.sortKey(contact.name)
            id = contact.id.description
        }
        static func < (a: Self, b: Self) -> Bool { (a.name, a.id) < (b.name, b.id) }
    }

    /// Activities: newest first (the id breaks ties).
    struct ActivityKey: Codable, Comparable {
        var at: Date
        var id: String
        init(_ activity: Activity) {
            at = activity.occurredAt
            id = activity.id.description
        }
        static func < (a: Self, b: Self) -> Bool { (a.at, a.id) < (b.at, b.id) }
    }

    @Sendable static func contacts(req: Request) async throws -> ListEnvelope<ContactBody> {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        let paging = try ListRequest<ContactKey>(req)
        let all = try await ContactManagement(req.appEnvironment).contacts(
            of: try AccountsAPI.accountID(req), for: user)
        let page = paging.page(all, by: ContactKey.init)
        return ListEnvelope(items: page.elements.map(ContactBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func createContact(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        let id = try AccountsAPI.accountID(req)
        let body = try req.decodeJSON(ContactRequest.self)
        let contact = try await ContactManagement(req.appEnvironment).create(on: id, body.input, by: user)
        let response = try await ContactBody(contact).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIRoute.contact(contact.id).path)
        return response
    }

    @Sendable static func contact(req: Request) async throws -> ContactBody {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        return ContactBody(try await ContactManagement(req.appEnvironment).contact(try contactID(req), for: user).0)
    }

    @Sendable static func updateContact(req: Request) async throws -> ContactBody {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        let id = try contactID(req)
        let body = try req.decodeJSON(ContactRequest.self)
        return ContactBody(try await ContactManagement(req.appEnvironment).update(id, body.input, by: user))
    }

    /// The person's data as a JSON download (GDPR access request).
    @Sendable static func exportContact(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        let export = try await ContactManagement(req.appEnvironment).export(try contactID(req), by: user)
        return try personalDataResponse(export)
    }

    static func personalDataResponse(_ export: ContactManagement.PersonalDataExport) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(export)))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"contact-\(export.contact.id).json\"")
        return response
    }

    @Sendable static func eraseContact(req: Request) async throws -> ContactBody {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        let contact = try await ContactManagement(req.appEnvironment).erase(try contactID(req), by: user)
        req.logger.notice("contact erased", metadata: ["contact": "\(contact.id)", "by": "\(user.id)"])
        return ContactBody(contact)
    }

    @Sendable static func activities(req: Request) async throws -> ListEnvelope<ActivityBody> {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        let paging = try ListRequest<ActivityKey>(req)
        let id = try AccountsAPI.accountID(req)
        _ = try await AccountManagement(req.appEnvironment).account(id, for: user)
        let all = try await ClientActivities(req.appEnvironment).activities(of: .account(id), for: user)
        let page = paging.page(all, by: ActivityKey.init, descending: true)
        return ListEnvelope(items: page.elements.map(ActivityBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func logActivity(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.logActivity)
        let id = try AccountsAPI.accountID(req)
        let body = try req.decodeJSON(NewActivityRequest.self)
        let activity = try await ClientActivities(req.appEnvironment).logOnAccount(
            id,
            .init(
                kind: body.kind, occurredAt: body.occurredAt, text: body.text, nextStep: body.nextStep ?? "",
                nextStepDue: body.nextStepDue ?? "", ownerId: body.ownerId, contactId: body.contactId), by: user)
        return try await ActivityBody(activity).encodeResponse(status: .created, for: req)
    }

    @Sendable static func brief(req: Request) async throws -> BriefBody {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        let id = try AccountsAPI.accountID(req)
        _ = try await AccountManagement(req.appEnvironment).account(id, for: user)
        return BriefBody(try await ClientBriefs(req.appEnvironment).latest(of: .account(id), for: user))
    }

    @Sendable static func saveBrief(req: Request) async throws -> BriefBody {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        let id = try AccountsAPI.accountID(req)
        let body = try req.decodeJSON(BriefRequest.self)
        return BriefBody(
            try await ClientBriefs(req.appEnvironment).saveAccountBrief(
                body.content.brief, of: id, expectedVersion: body.version, by: user))
    }

    @Sendable static func briefVersions(req: Request) async throws -> ListEnvelope<BriefBody> {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        let id = try AccountsAPI.accountID(req)
        _ = try await AccountManagement(req.appEnvironment).account(id, for: user)
        let versions = try await ClientBriefs(req.appEnvironment).versions(of: .account(id), for: user)
        return ListEnvelope(items: versions.map(BriefBody.init), nextCursor: nil)
    }

    static func contactID(_ req: Request) throws -> Contact.ID {
        guard let raw = req.parameters.get("id"), let id = Contact.ID(uuidString: raw) else {
            throw APIError.badRequest(code: "invalid", messageKey: "error.api.bad_id", field: "id")
        }
        return id
    }
}
