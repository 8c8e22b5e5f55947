import Foundation
import TandemApp
import TandemDomain
import Vapor

/// Who is making this request, and through which credential.
struct Principal: Sendable {
    var user: User
    /// Set for browser sessions; nil for API tokens.
    var session: UserSession?
    var token: APIToken?
}

struct PrincipalKey: StorageKey { typealias Value = Principal }

extension Request {
    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }
    var currentUser: User? { principal?.user }

    /// The signed-in user, or a 401 (API) / redirect (pages) via `SignInRequired`.
    func requireUser() throws -> User {
        guard let user = currentUser else { throw SignInRequired() }
        return user
    }

    /// Checks the policy; 403 with a message when the user may not do this.
    func authorize(_ action: Action) throws {
        let user = try requireUser()
        guard Policy.permits(user, action) else { throw NotPermitted() }
    }
}

struct SignInRequired: Error {}
struct NotPermitted: Error {}

/// Finds the user behind the session cookie. Expired sessions and deactivated users are
/// treated as signed out, and their cookie is cleared.
struct SessionAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let clearCookie = try await request.authenticateFromSessionCookie()
        let response = try await next.respond(to: request)
        if clearCookie, response.cookies[request.cookieName(.session)] == nil {
            response.cookies[request.cookieName(.session)] = request.expiredCookie()
        }
        return response
    }
}

extension Request {
    /// Signs the request in from its session cookie; returns true when the cookie is stale
    /// (expired, unknown, or its user deactivated) and should be cleared.
    func authenticateFromSessionCookie() async throws -> Bool {
        guard let secret = cookies[cookieName(.session)]?.string, !secret.isEmpty else { return false }
        let hash = Secrets.hash(secret)
        guard let session = try await stores.sessions.find(secretHash: hash) else { return true }
        if session.isValid(at: now), let user = try await stores.users.find(id: session.userID), user.isActive {
            principal = Principal(user: user, session: session, token: nil)
            return false
        }
        try await stores.sessions.delete(secretHash: hash)
        return true
    }
}

/// `Authorization: Bearer tdm_...` for the JSON API. Revoked tokens and deactivated owners get 401.
struct BearerAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            guard let token = try await request.stores.apiTokens.find(secretHash: Secrets.hash(bearer.token)),
                !token.isRevoked,
                let user = try await request.stores.users.find(id: token.userID), user.isActive
            else { throw APIError.unauthorized(reason: .invalidToken) }
            try await request.stores.apiTokens.markUsed(token.id, at: request.now)
            request.principal = Principal(user: user, session: nil, token: token)
        }
        return try await next.respond(to: request)
    }
}

/// Pages behind sign-in: no user → redirect to the sign-in page, coming back afterwards.
struct RequireSignInPage: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.currentUser != nil else {
            let back = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
            let target =
                SiteRoute.login.path + "?next="
                + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
            return request.redirect(to: target)
        }
        return try await next.respond(to: request)
    }
}

/// API routes: no credentials → 401.
struct RequireAPIUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.currentUser != nil else { throw APIError.unauthorized(reason: .missing) }
        return try await next.respond(to: request)
    }
}
