import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/api/v1/me`, `/api/v1/users`, `/api/v1/tokens`: the shapes are in Resources/OpenAPI/openapi.yaml.
enum UsersAPI {
    struct UserBody: Content {
        var id: String
        var email: String
        var displayName: String
        var roles: [String]
        var isActive: Bool
        var locale: String?
        var timeZone: String?
        var createdAt: Date

        init(_ user: User) {
            id = user.id.description
            email = user.email.value
            displayName = user.displayName
            roles = user.roles.sorted().map(\.rawValue)
            isActive = user.isActive
            locale = user.locale
            timeZone = user.timeZone
            createdAt = user.createdAt
        }
    }
    struct CreateUser: Content {
        var email: String
        var displayName: String
        var roles: [String]
        var password: String
    }
    struct TokenBody: Content {
        var id: String
        var name: String
        var prefix: String
        var createdAt: Date
        var lastUsedAt: Date?
        var revokedAt: Date?
        init(_ token: APIToken) {
            id = token.id.description
            name = token.name
            prefix = token.prefix
            createdAt = token.createdAt
            lastUsedAt = token.lastUsedAt
            revokedAt = token.revokedAt
        }
    }

    /// Users are listed by display name, then e-mail address (unique, so the order is total).
    struct UserKey: Codable, Comparable {
        var name: String
        var email: String
        init(_ user: User) {
            name = user.displayName
            email = user.email.value
        }
        static func < (a: Self, b: Self) -> Bool { (a.name, a.email) < (b.name, b.email) }
    }

    /// Tokens are listed newest first; the identifier breaks ties.
    struct TokenKey: Codable, Comparable {
        var createdAt: Date
        var id: String
        init(_ token: APIToken) {
            createdAt = token.createdAt
            id = token.id.description
        }
        static func < (a: Self, b: Self) -> Bool { (a.createdAt, a.id) < (b.createdAt, b.id) }
    }

    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.me, use: me)
        api.on(.GET, APIRoute.users, use: list)
        api.on(.POST, APIRoute.users, use: create)
        api.on(.GET, APIRoute.user(":id"), use: show)
        api.on(.GET, APIRoute.tokens, use: tokens)
        api.on(.DELETE, APIRoute.token(":id"), use: revoke)
    }

    @Sendable static func me(req: Request) async throws -> UserBody { UserBody(try req.requireUser()) }

    /// `?role=` and `?active=` filter; `?limit=` and `?cursor=` page (docs/api.md).
    @Sendable static func list(req: Request) async throws -> ListEnvelope<UserBody> {
        try req.authorize(.viewUsers)
        var problems: [FieldError] = []
        let paging = ListRequest<UserKey>(req, problems: &problems)
        var role: Role?
        if let raw = req.query[String.self, at: "role"] {
            role = Role(rawValue: raw)
            if role == nil {
                problems.append(
                    FieldError(field: "role", code: "unknown", key: "error.roles.unknown", arguments: ["value": raw]))
            }
        }
        var active: Bool?
        if let raw = req.query[String.self, at: "active"] {
            active = ["true": true, "false": false][raw]
            if active == nil {
                problems.append(FieldError(field: "active", code: "invalid", key: "error.api.boolean"))
            }
        }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let users = try await req.stores.users.list().filter { user in
            (role.map(user.has) ?? true) && (active.map { user.isActive == $0 } ?? true)
        }
        let page = paging.page(users, by: UserKey.init)
        return ListEnvelope(items: page.elements.map(UserBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func show(req: Request) async throws -> UserBody {
        guard let raw = req.parameters.get("id"), let id = User.ID(uuidString: raw) else {
            throw APIError.badRequest(code: "invalid", messageKey: "error.api.bad_id", field: "id")
        }
        try req.authorize(.viewUser(id))
        guard let user = try await req.stores.users.find(id: id) else {
            throw APIError.notFound(what: req.localizer.t("entity.user"))
        }
        return UserBody(user)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let body = try req.decodeJSON(CreateUser.self)
        let user = try await UserAdministration(req.appEnvironment).create(
            .init(displayName: body.displayName, email: body.email, roles: body.roles, password: body.password)
        ).user
        let response = try await UserBody(user).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIRoute.user(user.id).path)
        return response
    }

    @Sendable static func tokens(req: Request) async throws -> ListEnvelope<TokenBody> {
        let user = try req.requireUser()
        try req.authorize(.manageTokens(owner: user.id))
        let paging = try ListRequest<TokenKey>(req)
        let page = paging.page(try await req.stores.apiTokens.list(for: user.id), by: TokenKey.init, descending: true)
        return ListEnvelope(items: page.elements.map(TokenBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func revoke(req: Request) async throws -> HTTPStatus {
        let user = try req.requireUser()
        try req.authorize(.manageTokens(owner: user.id))
        guard let raw = req.parameters.get("id"), let id = APIToken.ID(uuidString: raw) else {
            throw APIError.badRequest(code: "invalid", messageKey: "error.api.bad_id", field: "id")
        }
        guard try await req.stores.apiTokens.revoke(id, owner: user.id, at: req.now) else {
            throw APIError.notFound(what: req.localizer.t("entity.token"))
        }
        return .noContent
    }
}
