import Foundation
import TandemApp
import Vapor

/// Every state-changing form carries `_csrf`. Signed in, it must equal the session's token;
/// before sign-in (login and setup forms) it must equal the `tandem_csrf` cookie set with the form.
struct CSRFProtection: AsyncMiddleware {
    static let field = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let cookieName = request.cookieName(.csrf)
        var newCookieToken: String?
        if request.principal?.session == nil, request.cookies[cookieName] == nil {
            newCookieToken = Secrets.random(length: 32)
        }
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            let submitted = try await Self.submittedToken(request) ?? ""
            let expected = request.principal?.session?.csrfToken ?? request.cookies[cookieName]?.string ?? ""
            guard !expected.isEmpty, Secrets.equal(submitted, expected) else { throw CSRFRejected() }
        }
        request.storage[CSRFTokenKey.self] =
            request.principal?.session?.csrfToken ?? request.cookies[cookieName]?.string ?? newCookieToken
        let response = try await next.respond(to: request)
        if let newCookieToken {
            response.cookies[cookieName] = request.makeCookie(newCookieToken, sameSite: .strict)
        }
        return response
    }

    /// The form's `_csrf` field or the `X-CSRF-Token` header. A body that arrives in several
    /// chunks is gathered first (up to the app's body limit), so the check reads the whole form.
    static func submittedToken(_ request: Request) async throws -> String? {
        if request.body.data == nil, request.headers.contentType != nil {
            let limit = request.application.routes.defaultMaxBodySize.value
            _ = try await request.body.collect(max: limit).get()  // kept on the request for the handler
        }
        if let token = try? request.content.get(String.self, at: field) { return token }
        return request.headers.first(name: "X-CSRF-Token")
    }
}

struct CSRFRejected: Error {}
struct CSRFTokenKey: StorageKey { typealias Value = String }

extension Request {
    /// The token forms must post back as `_csrf`.
    var csrfToken: String { storage[CSRFTokenKey.self] ?? "" }
}
