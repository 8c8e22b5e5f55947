import Foundation
import TandemDomain
import Vapor

/// The language switcher in the page shell: signed in, it saves the choice on the profile;
/// signed out, in a cookie.
enum LanguagePages {
    static let cookie = "tandem_lang"
    struct Form: Content {
        var locale: String?
        var back: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.post(.language, use: switchLanguage)
    }

    @Sendable static func switchLanguage(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let locale = form.locale ?? ""
        guard req.application.localization.availableLocales.contains(where: { $0.code == locale }) else {
            throw DomainError.invalidInput(
                field: "locale", key: "error.locale.unknown", arguments: ["value": locale],
                fallback: "“\(locale)” is not an available language.")
        }
        if var user = req.currentUser {
            user.locale = locale
            try await req.stores.users.update(user)
        }
        let response = req.redirect(to: AuthPages.safeNext(form.back))
        response.cookies[cookie] = HTTPCookies.Value(
            string: locale, maxAge: 365 * 24 * 3600, path: "/",
            isSecure: req.tandem.config.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
