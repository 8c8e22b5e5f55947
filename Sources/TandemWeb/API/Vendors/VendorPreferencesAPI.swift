import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `GET/PUT /api/v1/accounts/{id}/vendor-preferences`: the account's preferred and excluded
/// vendors, with their names (so never for sales).
enum VendorPreferencesAPI {
    struct EntryBody: Content {
        var vendorId: String
        var name: String?
        var note: String?
    }
    struct Body: Content {
        var accountId: String
        var preferred: [EntryBody]
        var excluded: [EntryBody]
    }
    struct PutBody: Decodable {
        struct Entry: Decodable {
            var vendorId: String
            var note: String?
        }
        var preferred: [Entry]?
        var excluded: [Entry]?
    }

    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.accountVendorPreferences(":id"), use: show)
        api.on(.PUT, APIRoute.accountVendorPreferences(":id"), use: replace)
    }

    static func accountID(_ req: Request) throws -> Account.ID {
        guard let raw = req.parameters.get("id"), let id = Account.ID(uuidString: raw) else {
            throw APIError.badRequest(code: "invalid", messageKey: "error.api.bad_id", field: "id")
        }
        return id
    }

    @Sendable static func show(req: Request) async throws -> Body {
        try req.authorize(.viewVendors)
        let id = try accountID(req)
        return try await body(req, id, try await VendorPreferences(req.appEnvironment).list(id))
    }

    @Sendable static func replace(req: Request) async throws -> Body {
        try req.authorize(.editVendorPreferences)
        let id = try accountID(req)
        let put = try req.decodeJSON(PutBody.self)
        let stored = try await VendorPreferences(req.appEnvironment).set(
            id, preferred: (put.preferred ?? []).map { .init(vendorID: $0.vendorId, note: $0.note) },
            excluded: (put.excluded ?? []).map { .init(vendorID: $0.vendorId, note: $0.note) })
        return try await body(req, id, stored)
    }

    static func body(_ req: Request, _ id: Account.ID, _ preferences: [VendorPreference]) async throws -> Body {
        var names: [VendorProfile.ID: String] = [:]
        for preference in preferences {
            names[preference.vendorID] = try await req.stores.vendors.find(id: preference.vendorID)?.name
        }
        func entries(_ kind: VendorPreference.Kind) -> [EntryBody] {
            preferences.filter { $0.kind == kind }.map {
                EntryBody(vendorId: $0.vendorID.description, name: names[$0.vendorID], note: $0.note)
            }
        }
        return Body(accountId: id.description, preferred: entries(.preferred), excluded: entries(.excluded))
    }
}
