import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/invite/:secret`: an invited user (or one whose admin sent a reset link) sets a password.
enum InvitationPages {
    struct Context: Encodable {
        var shell: PageShell
        var action: String
        var name: String
        var email: String
        var errors: FormErrors
        var passwordMinimum = PasswordRules.minimumLength
    }
    struct Form: Content {
        var password: String?
        var passwordConfirmation: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.invitation(secret: ":secret"), use: show)
        routes.post(.invitation(secret: ":secret"), use: submit)
    }

    static func pendingUser(_ req: Request) async throws -> (User, String) {
        let secret = req.parameters.get("secret") ?? ""
        do {
            return (try await Invitations(req.appEnvironment).pendingUser(secret: secret), secret)
        } catch DomainError.notFound {
            throw Abort(.notFound)
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (user, secret) = try await pendingUser(req)
        return try await page(req, user: user, secret: secret, errors: FormErrors(), status: .ok)
    }

    static func page(_ req: Request, user: User, secret: String, errors: FormErrors, status: HTTPResponseStatus)
        async throws -> Response
    {
        try await req.renderPage(
            "auth/invitation",
            Context(
                shell: try await req.shell(title: req.localizer.t("invitation.title"), area: nil),
                action: SiteRoute.invitation(secret: secret).path, name: user.displayName,
                email: user.email.value, errors: errors), status: status)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let (user, secret) = try await pendingUser(req)
        let form = try req.content.decode(Form.self)
        do {
            // Of two concurrent submits, one sets the password, the other finds the link used (404).
            _ = try await Invitations(req.appEnvironment).accept(
                secret: secret, password: form.password ?? "", confirmation: form.passwordConfirmation ?? "")
        } catch let refused as ValidationErrors {
            var errors = FormErrors()
            errors.add(refused, in: req)
            return try await page(req, user: user, secret: secret, errors: errors, status: .unprocessableEntity)
        } catch DomainError.notFound {
            throw Abort(.notFound)
        }
        let response = req.redirect(to: SiteRoute.dashboard.path)
        try await AuthService(request: req).signIn(user, on: response)
        req.setFlash(response, "invitation.done")
        return response
    }
}
