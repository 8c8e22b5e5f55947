import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The signed-in user's own settings: language, time zone, password, and personal API tokens.
enum ProfilePages {
    struct Context: Encodable {
        var shell: PageShell
        var name: String
        var email: String
        var locales: [SelectOption]
        var timeZones: [SelectOption]
        var errors: FormErrors
        var action = SiteRoute.profile.path
        var tokensHref = SiteRoute.profileTokens.path
        /// Notification preferences per kind (threads, issue #15).
        var notificationPreferences: DigestPages.PreferencesForm? = nil
    }
    struct Form: Content {
        var locale: String?
        var timeZone: String?
        var currentPassword: String?
        var newPassword: String?
        var newPasswordConfirmation: String?
    }
    struct TokenRow: Encodable {
        var name: String
        var prefix: String
        var created: String
        var lastUsed: String?
        var revoked: Bool
        var revokeAction: String
    }
    struct TokensContext: Encodable {
        var shell: PageShell
        var tokens: [TokenRow]
        var newSecret: String?
        var name: String
        var errors: FormErrors
        var action = SiteRoute.profileTokens.path
        var profileHref = SiteRoute.profile.path
    }
    struct TokenForm: Content { var name: String? }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.profile, use: show)
        routes.post(.profile, use: save)
        routes.get(.profileTokens, use: tokens)
        routes.post(.profileTokens, use: createToken)
        routes.post(.revokeToken(":id"), use: revokeToken)
    }

    static func context(_ req: Request, user: User, locale: String, timeZone: String, errors: FormErrors) async throws
        -> Context
    {
        let l = req.localizer
        let locales =
            [SelectOption(value: "", label: l.t("profile.locale.automatic"), selected: locale.isEmpty)]
            + SelectOption.locales(req.application.localization.availableLocales, selected: locale)
        let zones =
            [SelectOption(value: "", label: l.t("profile.time_zone.organisation"), selected: timeZone.isEmpty)]
            + SelectOption.timeZones(selected: timeZone)
        var context = Context(
            shell: try await req.shell(title: l.t("settings.profile"), area: .settings), name: user.displayName,
            email: user.email.value, locales: locales, timeZones: zones, errors: errors)
        context.notificationPreferences = try await DigestPages.form(req, user: user)
        return context
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.renderPage(
            "settings/profile",
            try await context(
                req, user: user, locale: user.locale ?? "",
                timeZone: user.timeZone ?? "", errors: FormErrors()))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        var user = try req.requireUser()
        try req.authorize(.editProfile(user: user.id))
        let form = try req.content.decode(Form.self)
        var errors = FormErrors()
        let locale = form.locale ?? ""
        let zone = form.timeZone ?? ""
        if !locale.isEmpty, !req.application.localization.availableLocales.contains(where: { $0.code == locale }) {
            errors.add("locale", req.localizer.t("error.locale.unknown", ["value": locale]))
        }
        if !zone.isEmpty, TimeZone(identifier: zone) == nil {
            errors.add("timeZone", req.localizer.t("error.time_zone.invalid", ["value": zone]))
        }
        let newPassword = form.newPassword ?? ""
        let settings = ProfileSettings(req.appEnvironment)
        if !newPassword.isEmpty {
            if try await !settings.isCurrentPassword(form.currentPassword ?? "", of: user.id) {
                errors.add("currentPassword", req.localizer.t("error.password.current_wrong"))
            }
            do { try PasswordRules.validate(newPassword, field: "newPassword") } catch { errors.add(error, in: req) }
            if newPassword != (form.newPasswordConfirmation ?? "") {
                errors.add("newPasswordConfirmation", req.localizer.t("error.password.mismatch"))
            }
        }
        guard errors.isEmpty else {
            return try await req.renderPage(
                "settings/profile", try await context(req, user: user, locale: locale, timeZone: zone, errors: errors),
                status: .unprocessableEntity)
        }
        user.locale = locale.isEmpty ? nil : locale
        user.timeZone = zone.isEmpty ? nil : zone
        // Only the preference columns: roles and activation stay as an admin may just have set them.
        try await settings.savePreferences(of: user.id, locale: user.locale, timeZone: user.timeZone)
        req.principal?.user = user
        req.refreshLocalizer()
        let response = req.redirect(to: SiteRoute.profile.path)
        if !newPassword.isEmpty {
            try await AuthService(request: req).replacePassword(of: user, with: newPassword, signingInOn: response)
        }
        req.setFlash(response, "profile.saved")
        return response
    }

    static func tokensContext(_ req: Request, newSecret: String?, name: String, errors: FormErrors) async throws
        -> TokensContext
    {
        let user = try req.requireUser()
        let l = req.localizer
        let rows = try await req.stores.apiTokens.list(for: user.id).map {
            TokenRow(
                name: $0.name, prefix: $0.prefix, created: l.format(dateTime: $0.createdAt),
                lastUsed: $0.lastUsedAt.map { l.format(dateTime: $0) },
                revoked: $0.isRevoked, revokeAction: SiteRoute.revokeToken($0.id).path)
        }
        return TokensContext(
            shell: try await req.shell(title: l.t("settings.tokens"), area: .settings), tokens: rows,
            newSecret: newSecret,
            name: name, errors: errors)
    }

    @Sendable static func tokens(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.manageTokens(owner: user.id))
        return try await req.renderPage(
            "settings/tokens", try await tokensContext(req, newSecret: nil, name: "", errors: FormErrors()))
    }

    @Sendable static func createToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.manageTokens(owner: user.id))
        let form = try req.content.decode(TokenForm.self)
        do {
            let (_, secret) = try await AuthService(request: req).createToken(for: user, name: form.name ?? "")
            // The secret is shown on this response only; it is never stored or shown again.
            return try await req.renderPage(
                "settings/tokens", try await tokensContext(req, newSecret: secret, name: "", errors: FormErrors()),
                status: .created)
        } catch let error as DomainError {
            var errors = FormErrors()
            errors.add("name", error.localized { req.localizer.t($0, $1) })
            return try await req.renderPage(
                "settings/tokens", try await tokensContext(req, newSecret: nil, name: form.name ?? "", errors: errors),
                status: .unprocessableEntity)
        }
    }

    @Sendable static func revokeToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.manageTokens(owner: user.id))
        guard let raw = req.parameters.get("id"), let id = APIToken.ID(uuidString: raw),
            try await req.stores.apiTokens.revoke(id, owner: user.id, at: req.now)
        else { throw Abort(.notFound) }
        let response = req.redirect(to: SiteRoute.profileTokens.path)
        req.setFlash(response, "tokens.revoked")
        return response
    }
}
