import Foundation
import TandemApp
import TandemDomain
import Vapor

/// Admin pages: the user list, inviting a user, editing roles, deactivating.
enum UserPages {
    struct Row: Encodable {
        var id: String
        var name: String
        var email: String
        var roles: String
        var active: Bool
        var invited: Bool
        var created: String
        var href: String
    }
    struct InvitedContext: Encodable {
        var shell: PageShell
        var name: String
        var email: String
        var link: String
        var days: Int
        var backHref = SiteRoute.users.path
    }
    struct ListContext: Encodable {
        var shell: PageShell
        var rows: [Row]
        var canManage: Bool
        var newHref: String
    }
    struct RoleOption: Encodable {
        var value: String
        var labelKey: String
        var checked: Bool
    }
    struct FormContext: Encodable {
        var shell: PageShell
        var isNew: Bool
        var action: String
        var displayName: String
        var email: String
        var roles: [RoleOption]
        var errors: FormErrors
        var active: Bool
        var toggleAction: String?
        var inviteAction: String?
        var isSelf: Bool
        var backHref = SiteRoute.users.path
        var passwordMinimum = PasswordRules.minimumLength
    }
    struct UserForm: Content {
        var displayName: String?
        var email: String?
        var roles: [String]?
        var password: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.users, use: list)
        routes.get(.newUser, use: newForm)
        routes.post(.newUser, use: create)
        routes.get(.user(":id"), use: editForm)
        routes.post(.user(":id"), use: update)
        routes.post(.userDeactivate(":id"), use: deactivate)
        routes.post(.userReactivate(":id"), use: reactivate)
        routes.post(.userInvite(":id"), use: invite)
    }

    static func roleOptions(_ selected: Set<Role>) -> [RoleOption] {
        Role.allCases.map {
            RoleOption(value: $0.rawValue, labelKey: "role.\($0.rawValue)", checked: selected.contains($0))
        }
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try req.authorize(.viewUsers)
        let l = req.localizer
        let rows = try await req.stores.users.list().map {
            Row(
                id: $0.id.description, name: $0.displayName, email: $0.email.value,
                roles: $0.roles.sorted().map { l.t("role.\($0.rawValue)") }.joined(separator: ", "),
                active: $0.isActive, invited: !$0.hasPassword, created: l.format(date: $0.createdAt),
                href: SiteRoute.user($0.id).path)
        }
        let context = ListContext(
            shell: try await req.shell(title: l.t("users.title"), area: .settings), rows: rows,
            canManage: Policy.permits(try req.requireUser(), .manageUsers), newHref: SiteRoute.newUser.path)
        return try await req.renderPage("settings/users", context)
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let context = FormContext(
            shell: try await req.shell(title: req.localizer.t("users.new.title"), area: .settings), isNew: true,
            action: SiteRoute.newUser.path, displayName: "", email: "", roles: roleOptions([]), errors: FormErrors(),
            active: true, toggleAction: nil, inviteAction: nil, isSelf: false)
        return try await req.renderPage("settings/user-form", context)
    }

    static func input(_ form: UserForm) -> UserAdministration.UserInput {
        let password = form.password ?? ""
        return .init(
            displayName: form.displayName ?? "", email: form.email ?? "", roles: form.roles ?? [],
            password: password.isEmpty ? nil : password)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let form = try req.content.decode(UserForm.self)
        var errors = FormErrors()
        do {
            // Without a password the user gets a one-time link to set their own.
            let created = try await UserAdministration(req.appEnvironment).create(input(form))
            let user = created.user
            let creator = try req.requireUser()
            req.logger.info("user created", metadata: ["user": "\(user.id)", "by": "\(creator.id)"])
            if let secret = created.invitationSecret {
                return try await invitedPage(
                    req, user: user, link: req.tandem.link(to: .invitation(secret: secret)), status: .created)
            }
            let response = req.redirect(to: SiteRoute.users.path)
            req.setFlash(response, "users.created", ["name": user.displayName])
            return response
        } catch  where !error.domainErrors.isEmpty {
            errors.add(error, in: req)
        }
        let selected = Set((form.roles ?? []).compactMap(Role.init(rawValue:)))
        let context = FormContext(
            shell: try await req.shell(title: req.localizer.t("users.new.title"), area: .settings), isNew: true,
            action: SiteRoute.newUser.path, displayName: form.displayName ?? "", email: form.email ?? "",
            roles: roleOptions(selected), errors: errors, active: true, toggleAction: nil, inviteAction: nil,
            isSelf: false)
        return try await req.renderPage("settings/user-form", context, status: .unprocessableEntity)
    }

    static func loadUser(_ req: Request) async throws -> User {
        guard let raw = req.parameters.get("id"), let id = User.ID(uuidString: raw),
            let user = try await req.stores.users.find(id: id)
        else {
            throw Abort(.notFound)
        }
        return user
    }

    static func formContext(
        _ req: Request, user: User, displayName: String, email: String, roles: Set<Role>, errors: FormErrors
    ) async throws -> FormContext {
        FormContext(
            shell: try await req.shell(title: user.displayName, area: .settings), isNew: false,
            action: SiteRoute.user(user.id).path,
            displayName: displayName, email: email, roles: roleOptions(roles), errors: errors, active: user.isActive,
            toggleAction: user.isActive
                ? SiteRoute.userDeactivate(user.id).path : SiteRoute.userReactivate(user.id).path,
            inviteAction: user.isActive && user.id != req.currentUser?.id ? SiteRoute.userInvite(user.id).path : nil,
            isSelf: user.id == req.currentUser?.id)
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let user = try await loadUser(req)
        return try await req.renderPage(
            "settings/user-form",
            try await formContext(
                req, user: user, displayName: user.displayName,
                email: user.email.value, roles: user.roles, errors: FormErrors()))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let admin = try req.requireUser()
        let user = try await loadUser(req)
        let form = try req.content.decode(UserForm.self)
        var errors = FormErrors()
        let administration = UserAdministration(req.appEnvironment)
        do {
            let input = input(form)
            let parsed = try UserAdministration.validate(input)
            let updated = try await administration.updateAccount(
                user.id, by: admin, to: .init(displayName: parsed.displayName, email: parsed.email, roles: parsed.roles)
            )
            // A new password set by an admin signs the user out everywhere (see docs/security.md).
            if let password = input.password { try await administration.setPassword(of: user.id, to: password) }
            let response = req.redirect(to: SiteRoute.users.path)
            req.setFlash(response, "users.updated", ["name": updated.displayName])
            return response
        } catch  where !error.domainErrors.isEmpty {
            errors.add(error, in: req)
        }
        let roles = Set((form.roles ?? []).compactMap(Role.init(rawValue:)))
        return try await req.renderPage(
            "settings/user-form",
            try await formContext(
                req, user: user, displayName: form.displayName ?? "",
                email: form.email ?? "", roles: roles, errors: errors),
            status: .unprocessableEntity)
    }

    @Sendable static func deactivate(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let user = try await loadUser(req)
        do {
            _ = try await UserAdministration(req.appEnvironment).deactivate(user.id, by: try req.requireUser())
        } catch let refused as ValidationErrors {
            throw refused.errors[0]
        }
        let response = req.redirect(to: SiteRoute.users.path)
        req.setFlash(response, "users.deactivated", ["name": user.displayName])
        return response
    }

    /// Shows the one-time link once; it is not stored anywhere it could be shown again.
    static func invitedPage(_ req: Request, user: User, link: String, status: HTTPResponseStatus) async throws
        -> Response
    {
        let context = InvitedContext(
            shell: try await req.shell(title: req.localizer.t("users.invited.title"), area: .settings),
            name: user.displayName, email: user.email.value, link: link,
            days: Int(UserAdministration.invitationLifetime / 86400))
        return try await req.renderPage("settings/user-invited", context, status: status)
    }

    @Sendable static func invite(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let user = try await loadUser(req)
        guard user.isActive, user.id != req.currentUser?.id else { throw Abort(.notFound) }
        let secret = try await UserAdministration(req.appEnvironment).invite(user.id)
        return try await invitedPage(
            req, user: user, link: req.tandem.link(to: .invitation(secret: secret)), status: .ok)
    }

    @Sendable static func reactivate(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let user = try await UserAdministration(req.appEnvironment).reactivate(try await loadUser(req).id)
        let response = req.redirect(to: SiteRoute.users.path)
        req.setFlash(response, "users.reactivated", ["name": user.displayName])
        return response
    }
}
