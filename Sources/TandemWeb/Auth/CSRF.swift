import Foundation
import Vapor

/// Every state-changing form carries `_csrf`. Signed in, it must equal the session's token;
/// before sign-in (login and setup forms) it must equal the `tandem_csrf` cookie set with the form.
struct CSRFProtection: AsyncMiddleware {
    static let field = "_csrf"
    static let cookie = "tandem_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var newCookieToken: String?
        if request.principal?.session == nil, request.cookies[Self.cookie] == nil {
            newCookieToken = Secrets.random(length: 32)
        }
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            let submitted =
                (try? request.content.get(String.self, at: Self.field)) ?? request.headers.first(name: "X-CSRF-Token")
                ?? ""
            let expected = request.principal?.session?.csrfToken ?? request.cookies[Self.cookie]?.string ?? ""
            guard !expected.isEmpty, Secrets.equal(submitted, expected) else { throw CSRFRejected() }
        }
        request.storage[CSRFTokenKey.self] =
            request.principal?.session?.csrfToken ?? request.cookies[Self.cookie]?.string ?? newCookieToken
        let response = try await next.respond(to: request)
        if let newCookieToken {
            response.cookies[Self.cookie] = HTTPCookies.Value(
                string: newCookieToken, path: "/", isSecure: request.tandem.config.secureCookies,
                isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}

struct CSRFRejected: Error {}
struct CSRFTokenKey: StorageKey { typealias Value = String }

extension Request {
    /// The token forms must post back as `_csrf`.
    var csrfToken: String { storage[CSRFTokenKey.self] ?? "" }
}
