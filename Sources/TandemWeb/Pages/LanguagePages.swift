import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The language switcher in the page shell: signed in, it saves the choice on the profile;
/// signed out, in a cookie.
enum LanguagePages {
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
        if let user = req.currentUser {
            // Only the language column: a stale copy of the user must not restore roles.
            try await ProfileSettings(req.appEnvironment).setLanguage(of: user.id, locale)
        }
        let response = req.redirect(to: AuthPages.safeNext(form.back))
        response.cookies[req.cookieName(.language)] = req.makeCookie(
            locale, maxAge: 365 * 24 * 3600, sameSite: .lax)
        return response
    }
}
