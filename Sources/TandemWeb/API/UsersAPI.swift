import Foundation
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
    struct UserList: Content { var users: [UserBody] }
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
    struct TokenList: Content { var tokens: [TokenBody] }

    static func register(_ api: any RoutesBuilder) {
        api.get("me", use: me)
        api.get("users", use: list)
        api.post("users", use: create)
        api.get("users", ":id", use: show)
        api.get("tokens", use: tokens)
        api.delete("tokens", ":id", use: revoke)
    }

    @Sendable static func me(req: Request) async throws -> UserBody { UserBody(try req.requireUser()) }

    @Sendable static func list(req: Request) async throws -> UserList {
        try req.authorize(.viewUsers)
        return UserList(users: try await req.stores.users.list().map(UserBody.init))
    }

    @Sendable static func show(req: Request) async throws -> UserBody {
        let caller = try req.requireUser()
        guard let raw = req.parameters.get("id"), let id = User.ID(uuidString: raw) else {
            throw APIError.badRequest(code: "invalid", messageKey: "error.api.bad_id", field: "id")
        }
        guard caller.id == id || Policy.permits(caller, .viewUsers) else { throw NotPermitted() }
        guard let user = try await req.stores.users.find(id: id) else {
            throw APIError.notFound(what: req.localizer.t("entity.user"))
        }
        return UserBody(user)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let body = try req.content.decode(CreateUser.self)
        let roles = try Role.parseList(body.roles.joined(separator: ","))
        try PasswordRules.validate(body.password)
        var newUser = try NewUser(
            email: try EmailAddress(body.email), displayName: body.displayName, roles: roles, passwordHash: nil)
        newUser.passwordHash = try await AuthService(request: req).hashPassword(body.password)
        let user = try await req.stores.users.create(newUser, id: req.tandem.ids(), at: req.now)
        let response = try await UserBody(user).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "\(APIRoute.prefix)/users/\(user.id)")
        return response
    }

    @Sendable static func tokens(req: Request) async throws -> TokenList {
        let user = try req.requireUser()
        try req.authorize(.manageTokens(owner: user.id))
        return TokenList(tokens: try await req.stores.apiTokens.list(for: user.id).map(TokenBody.init))
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
