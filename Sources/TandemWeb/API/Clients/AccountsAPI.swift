import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/api/v1/accounts`: list, create, read, change (docs/api.md, the OpenAPI document).
enum AccountsAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.accounts, use: list)
        api.on(.POST, APIRoute.accounts, use: create)
        api.on(.GET, APIRoute.account(":id"), use: show)
        api.on(.PATCH, APIRoute.account(":id"), use: update)
    }

    /// `?q=`, `?ownerId=`, `?partnerPmId=`, `?status=`, `?tier=`, `?parentId=`; ordered by name.
    @Sendable static func list(req: Request) async throws -> ListEnvelope<AccountBody> {
        try req.authorize(.viewAccounts)
        var problems: [FieldError] = []
        let paging = ListRequest<AccountSortKey>(req, problems: &problems)
        var filter = AccountFilter(text: req.query[String.self, at: "q"])
        filter.ownerId = userParameter("ownerId", req, &problems)
        filter.partnerPmId = userParameter("partnerPmId", req, &problems)
        if let raw = req.query[String.self, at: "parentId"] {
            filter.parentId = Account.ID(uuidString: raw)
            if filter.parentId == nil { problems.append(badID("parentId")) }
        }
        if let raw = req.query[String.self, at: "status"] {
            filter.status = Account.Status(rawValue: raw)
            if filter.status == nil { problems.append(unknown("status", raw)) }
        }
        if let raw = req.query[String.self, at: "tier"] {
            filter.tier = Account.Tier(rawValue: raw.uppercased())
            if filter.tier == nil { problems.append(unknown("tier", raw)) }
        }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let accounts = try await req.stores.accounts.list(filter, after: paging.after, limit: paging.limit + 1)
        let page = Array(accounts.prefix(paging.limit))
        let next =
            accounts.count > paging.limit ? page.last.flatMap { ListRequest.encodeCursor(AccountSortKey($0)) } : nil
        return ListEnvelope(items: page.map(AccountBody.init), nextCursor: next)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.createAccount)
        let body = try req.decodeJSON(AccountRequest.self)
        do {
            let account = try await AccountManagement(req.appEnvironment).create(
                body.input, by: user, confirmDuplicate: body.confirmDuplicate)
            let response = try await AccountBody(account).encodeResponse(status: .created, for: req)
            response.headers.replaceOrAdd(name: .location, value: APIRoute.account(account.id).path)
            return response
        } catch let duplicates as PossibleDuplicates {
            let message = duplicates.error.localized { req.localizer.t($0, $1) }
            return try await DuplicateErrorBody(duplicates, message: message).encodeResponse(
                status: .conflict, for: req)
        }
    }

    @Sendable static func show(req: Request) async throws -> AccountBody {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        var body = AccountBody(try await AccountManagement(req.appEnvironment).account(try accountID(req), for: user))
        body.timeZone = try await req.stores.ledger.timeZone(of: try accountID(req))
        return body
    }

    @Sendable static func update(req: Request) async throws -> AccountBody {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        let id = try accountID(req)
        let body = try req.decodeJSON(AccountRequest.self)
        return AccountBody(
            try await AccountManagement(req.appEnvironment).update(
                id, body.input, expectedVersion: body.version, by: user))
    }

    static func accountID(_ req: Request, name: String = "id") throws -> Account.ID {
        guard let raw = req.parameters.get(name), let id = Account.ID(uuidString: raw) else {
            throw APIError.badRequest(code: "invalid", messageKey: "error.api.bad_id", field: name)
        }
        return id
    }

    static func userParameter(_ name: String, _ req: Request, _ problems: inout [FieldError]) -> User.ID? {
        guard let raw = req.query[String.self, at: name] else { return nil }
        guard let id = User.ID(uuidString: raw) else {
            problems.append(badID(name))
            return nil
        }
        return id
    }

    static func badID(_ field: String) -> FieldError {
        FieldError(field: field, code: "invalid", key: "error.api.bad_id")
    }

    static func unknown(_ field: String, _ value: String) -> FieldError {
        FieldError(field: field, code: "unknown", key: "error.api.unknown_value", arguments: ["value": value])
    }
}
