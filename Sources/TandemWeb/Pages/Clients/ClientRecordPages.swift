import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The forms on an account's page (contact, activity, asset), a contact's own page with the
/// GDPR export and erase, ticking next steps off, and asset downloads.
enum ClientRecordPages {
    struct ContactForm: Content {
        var name: String?
        var jobTitle: String?
        var email: String?
        var phone: String?
        var preferredLanguage: String?
        var buyingRole: String?

        var input: ContactManagement.ContactInput {
            .init(
                name: name ?? "", jobTitle: jobTitle ?? "", email: email ?? "", phone: phone ?? "",
                preferredLanguage: preferredLanguage ?? "", buyingRole: buyingRole ?? "")
        }
    }
    struct ActivityForm: Content {
        var kind: String?
        var text: String?
        var nextStep: String?
        var nextStepDue: String?
    }
    struct AssetForm: Content {
        var kind: String?
        var title: String?
        var languages: String?
        var note: String?
        var file: File?
    }
    struct ContactContext: Encodable {
        var shell: PageShell
        var form: ContactForm
        var accountName: String
        var accountHref: String
        var action: String
        var exportHref: String
        var eraseAction: String
        var canEdit: Bool
        var erased: Bool
        var erasedNote: String?
        var buyingRoles: [SelectOption]
        var errors: FormErrors
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.post(.accountContacts(":id"), use: addContact)
        routes.get(.contact(":id"), use: contactPage)
        routes.post(.contact(":id"), use: updateContact)
        routes.get(.contactExport(":id"), use: exportContact)
        routes.post(.contactErase(":id"), use: eraseContact)
        routes.post(.accountActivities(":id"), use: logActivity)
        routes.post(.activityDone(":id"), use: toggleDone)
        routes.on(.POST, SiteRoute.accountAssets(":id"), use: addAsset)
        routes.get(.asset(":id"), use: downloadAsset)
    }

    /// Back to the account page with what went wrong, or what was done.
    static func back(to account: Account.ID, _ req: Request, error: (any Error)? = nil, done key: String) -> Response {
        let response = req.redirect(to: SiteRoute.account(account).path)
        if let error {
            let messages = error.domainErrors.map { $0.localized { req.localizer.t($0, $1) } }
            req.setFlash(response, kind: "error", "form.errors", ["messages": messages.joined(separator: " ")])
        } else {
            req.setFlash(response, key)
        }
        return response
    }

    @Sendable static func addContact(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try AccountPages.accountID(req)
        let form = try req.content.decode(ContactForm.self)
        do {
            _ = try await ContactManagement(req.appEnvironment).create(on: id, form.input, by: user)
            return back(to: id, req, done: "contact.added")
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            return back(to: id, req, error: error, done: "")
        }
    }

    @Sendable static func contactPage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (contact, account) = try await ContactManagement(req.appEnvironment).contact(try contactID(req), for: user)
        let form = ContactForm(
            name: contact.isErased ? req.localizer.t("contact.erased_name") : contact.name, jobTitle: contact.jobTitle,
            email: contact.email, phone: contact.phone, preferredLanguage: contact.preferredLanguage?.description ?? "",
            buyingRole: contact.buyingRole?.rawValue ?? "")
        return try await renderContact(req, contact: contact, account: account, form: form, errors: FormErrors())
    }

    static func renderContact(
        _ req: Request, contact: Contact, account: Account, form: ContactForm, errors: FormErrors
    ) async throws -> Response {
        let user = try req.requireUser()
        let l = req.localizer
        var erasedNote: String?
        if let at = contact.erasedAt {
            let who =
                try await contact.erasedBy.asyncMap { try await req.stores.users.find(id: $0)?.displayName } ?? nil
            erasedNote = l.t("contact.erased_note", ["when": l.format(dateTime: at), "who": who ?? "–"])
        }
        let context = ContactContext(
            shell: try await req.shell(title: form.name ?? "", area: .accounts), form: form, accountName: account.name,
            accountHref: SiteRoute.account(account.id).path, action: SiteRoute.contact(contact.id).path,
            exportHref: SiteRoute.contactExport(PathParameter(contact.id)).path,
            eraseAction: SiteRoute.contactErase(PathParameter(contact.id)).path,
            canEdit: Policy.permits(user, .editAccount(owner: account.ownerId)), erased: contact.isErased,
            erasedNote: erasedNote,
            buyingRoles: [
                SelectOption(value: "", label: l.t("accounts.none"), selected: (form.buyingRole ?? "").isEmpty)
            ]
                + Contact.BuyingRole.allCases.map {
                    SelectOption(
                        value: $0.rawValue, label: l.t("contact.role.\($0.rawValue)"),
                        selected: $0.rawValue == form.buyingRole)
                }, errors: errors)
        return try await req.renderPage(
            "accounts/contact", context, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func updateContact(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let management = ContactManagement(req.appEnvironment)
        let (contact, account) = try await management.contact(try contactID(req), for: user)
        let form = try req.content.decode(ContactForm.self)
        do {
            _ = try await management.update(contact.id, form.input, by: user)
            let response = req.redirect(to: SiteRoute.contact(contact.id).path)
            req.setFlash(response, "contact.saved")
            return response
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await renderContact(req, contact: contact, account: account, form: form, errors: errors)
        }
    }

    @Sendable static func exportContact(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let export = try await ContactManagement(req.appEnvironment).export(try contactID(req), by: user)
        req.logger.notice("contact exported", metadata: ["contact": "\(export.contact.id)", "by": "\(user.id)"])
        return try ClientsAPI.personalDataResponse(export)
    }

    @Sendable static func eraseContact(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let contact = try await ContactManagement(req.appEnvironment).erase(try contactID(req), by: user)
        req.logger.notice("contact erased", metadata: ["contact": "\(contact.id)", "by": "\(user.id)"])
        let response = req.redirect(to: SiteRoute.contact(contact.id).path)
        req.setFlash(response, "contact.erased")
        return response
    }

    @Sendable static func logActivity(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try AccountPages.accountID(req)
        let form = try req.content.decode(ActivityForm.self)
        do {
            _ = try await ClientActivities(req.appEnvironment).logOnAccount(
                id,
                .init(
                    kind: form.kind ?? "", text: form.text ?? "", nextStep: form.nextStep ?? "",
                    nextStepDue: form.nextStepDue ?? ""), by: user)
            return back(to: id, req, done: "activity.logged")
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            return back(to: id, req, error: error, done: "")
        }
    }

    @Sendable static func toggleDone(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let raw = req.parameters.get("id"), let id = Activity.ID(uuidString: raw),
            let activity = try await req.stores.activities.find(id: id)
        else { throw Abort(.notFound) }
        let updated = try await ClientActivities(req.appEnvironment).setDone(id, !activity.isDone, by: user)
        let target =
            updated.subject.kind == .account
            ? SiteRoute.account(Account.ID(updated.subject.id)).path : (req.headers.first(name: .referer) ?? "/")
        let response = req.redirect(to: LocalRedirect.path(target) ?? SiteRoute.dashboard.path)
        req.setFlash(response, updated.isDone ? "activity.done" : "activity.reopened")
        return response
    }

    @Sendable static func addAsset(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try AccountPages.accountID(req)
        let form = try req.content.decode(AssetForm.self)
        let data = form.file.map { Data($0.data.readableBytesView) }
        let input = ClientAssets.AssetInput(
            kind: form.kind ?? "", title: form.title ?? "",
            languages: (form.languages ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init),
            note: form.note ?? "", fileName: form.file?.filename, data: data)
        do {
            _ = try await ClientAssets(req.appEnvironment, files: DataDirectoryFiles(req)).add(to: id, input, by: user)
            return back(to: id, req, done: "asset.added")
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            return back(to: id, req, error: error, done: "")
        }
    }

    @Sendable static func downloadAsset(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let raw = req.parameters.get("id"), let id = ClientAsset.ID(uuidString: raw) else {
            throw Abort(.notFound)
        }
        let (asset, data) = try await ClientAssets(req.appEnvironment, files: DataDirectoryFiles(req)).download(
            id, for: user)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .binary
        // The stored name is already safe (letters, digits, . _ -): no quoting tricks possible.
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(asset.fileName)\"")
        return response
    }

    static func contactID(_ req: Request) throws -> Contact.ID {
        guard let raw = req.parameters.get("id"), let id = Contact.ID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }
}

/// Client files under the data directory (`TANDEM_DATA_DIR`), one folder per account.
struct DataDirectoryFiles: AssetFiles {
    let root: URL
    init(_ req: Request) { self.init(root: req.tandem.config.dataDirectory) }
    init(root: String) { self.root = URL(fileURLWithPath: root, isDirectory: true) }

    func url(_ key: String) -> URL { root.appendingPathComponent(key) }

    func write(_ data: Data, key: String) async throws {
        let target = url(key)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target, options: .atomic)
    }

    func read(key: String) async throws -> Data {
        guard let data = FileManager.default.contents(atPath: url(key).path) else { throw Abort(.notFound) }
        return data
    }

    func delete(key: String) async throws { try FileManager.default.removeItem(at: url(key)) }
}
