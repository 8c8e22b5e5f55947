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
        guard let id = try await req.stores.invitations.pendingUser(secretHash: Secrets.hash(secret), at: req.now),
            let user = try await req.stores.users.find(id: id), user.isActive
        else { throw Abort(.notFound) }
        return (user, secret)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (user, secret) = try await pendingUser(req)
        return try await req.renderPage(
            "auth/invitation",
            Context(
                shell: try await req.shell(title: req.localizer.t("invitation.title"), area: nil),
                action: SiteRoute.invitation(secret: secret).path, name: user.displayName,
                email: user.email.value, errors: FormErrors()))
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let (user, secret) = try await pendingUser(req)
        let form = try req.content.decode(Form.self)
        var errors = FormErrors()
        let password = form.password ?? ""
        do { try PasswordRules.validate(password) } catch { errors.add(error, in: req) }
        if password != (form.passwordConfirmation ?? "") {
            errors.add("passwordConfirmation", req.localizer.t("error.password.mismatch"))
        }
        guard errors.isEmpty else {
            return try await req.renderPage(
                "auth/invitation",
                Context(
                    shell: try await req.shell(title: req.localizer.t("invitation.title"), area: nil),
                    action: SiteRoute.invitation(secret: secret).path, name: user.displayName,
                    email: user.email.value, errors: errors), status: .unprocessableEntity)
        }
        // Use the link first: of two concurrent submits, one sets the password, the other gets 404.
        guard try await req.stores.invitations.consume(secretHash: Secrets.hash(secret), at: req.now) else {
            throw Abort(.notFound)
        }
        let response = req.redirect(to: SiteRoute.dashboard.path)
        try await AuthService(request: req).replacePassword(of: user, with: password, signingInOn: response)
        req.setFlash(response, "invitation.done")
        return response
    }
}
