import Foundation
import TandemApp
import TandemDomain
import Vapor

/// Sign-in, sign-out and the first-admin setup page.
enum AuthPages {
    struct LoginContext: Encodable {
        var shell: PageShell
        var email: String
        var next: String
        var error: String?
        var action = SiteRoute.login.path
    }
    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.login, use: showLogin)
        routes.post(.login, use: submitLogin)
        routes.post(.logout, use: logout)
        routes.get(.setup(secret: ":secret"), use: showSetup)
        routes.post(.setup(secret: ":secret"), use: submitSetup)
    }

    /// Only a local path is allowed as `next`, so the sign-in page cannot send anyone elsewhere.
    static func safeNext(_ raw: String?) -> String {
        LocalRedirect.path(raw) ?? SiteRoute.dashboard.path
    }

    @Sendable static func showLogin(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: safeNext(req.query[String.self, at: "next"])) }
        let shell = try await req.shell(title: req.localizer.t("login.title"), area: nil)
        return try await req.renderPage(
            "auth/login",
            LoginContext(shell: shell, email: "", next: safeNext(req.query[String.self, at: "next"]), error: nil))
    }

    @Sendable static func submitLogin(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = form.email ?? ""
        let next = safeNext(form.next)
        let auth = AuthService(request: req)
        let result = try await auth.checkCredentials(email: email, password: form.password ?? "")
        switch result {
        case .valid(let user):
            req.logger.info("signed in", metadata: ["user": "\(user.id)"])
            let response = req.redirect(to: next, redirectType: .normal)
            try await auth.signIn(user, on: response)
            return response
        case .wrongCredentials, .throttled:
            let message: String
            let status: HTTPResponseStatus
            if case .throttled(let minutes) = result {
                message = req.localizer.t("login.error.throttled", ["minutes": String(minutes)])
                status = .tooManyRequests
            } else {
                message = req.localizer.t("login.error.credentials")
                status = .unauthorized
            }
            let shell = try await req.shell(title: req.localizer.t("login.title"), area: nil)
            return try await req.renderPage(
                "auth/login", LoginContext(shell: shell, email: email, next: next, error: message), status: status)
        }
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        if let secret = req.cookies[req.cookieName(.session)]?.string {
            try await req.stores.sessions.delete(secretHash: Secrets.hash(secret))
        }
        let response = req.redirect(to: SiteRoute.login.path)
        response.cookies[req.cookieName(.session)] = req.expiredCookie()
        req.setFlash(response, kind: "info", "login.signed_out")
        return response
    }

    // MARK: First-admin setup

    struct SetupContext: Encodable {
        var shell: PageShell
        var action: String
        var organisationName: String
        var displayName: String
        var email: String
        var errors: FormErrors
        var passwordMinimum = PasswordRules.minimumLength
    }
    struct SetupForm: Content {
        var organisationName: String?
        var displayName: String?
        var email: String?
        var password: String?
        var passwordConfirmation: String?
    }

    @Sendable static func showSetup(req: Request) async throws -> Response {
        let secret = req.parameters.get("secret") ?? ""
        guard try await FirstAdminSetup(req.appEnvironment).isOpen(secret: secret) else { throw Abort(.notFound) }
        let shell = try await req.shell(title: req.localizer.t("setup.title"), area: nil)
        return try await req.renderPage(
            "auth/setup",
            SetupContext(
                shell: shell, action: SiteRoute.setup(secret: secret).path,
                organisationName: "", displayName: "", email: "", errors: FormErrors()))
    }

    @Sendable static func submitSetup(req: Request) async throws -> Response {
        let secret = req.parameters.get("secret") ?? ""
        let setup = FirstAdminSetup(req.appEnvironment)
        guard try await setup.isOpen(secret: secret) else { throw Abort(.notFound) }
        let form = try req.content.decode(SetupForm.self)
        let admin: User
        do {
            admin = try await setup.run(
                secret: secret,
                .init(
                    organisationName: form.organisationName ?? "", displayName: form.displayName ?? "",
                    email: form.email ?? "", password: form.password ?? "",
                    passwordConfirmation: form.passwordConfirmation ?? "", locale: req.localizer.locale))
        } catch let refused as ValidationErrors {
            var errors = FormErrors()
            errors.add(refused, in: req)
            let shell = try await req.shell(title: req.localizer.t("setup.title"), area: nil)
            return try await req.renderPage(
                "auth/setup",
                SetupContext(
                    shell: shell, action: SiteRoute.setup(secret: secret).path,
                    organisationName: form.organisationName ?? "",
                    displayName: form.displayName ?? "", email: form.email ?? "", errors: errors),
                status: .unprocessableEntity)
        } catch DomainError.notFound {
            throw Abort(.notFound)  // a double submit: the first created the admin
        }
        let response = req.redirect(to: SiteRoute.dashboard.path)
        try await AuthService(request: req).signIn(admin, on: response)
        req.setFlash(response, "setup.done")
        return response
    }
}
