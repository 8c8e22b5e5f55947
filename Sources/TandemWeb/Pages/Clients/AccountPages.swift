import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The accounts area: the list (filters in the URL, paged), a new account (with the
/// near-duplicate warning), an account's page and its edit form.
enum AccountPages {
    static let pageSize = 25

    struct Row: Encodable {
        var name: String
        var href: String
        var status: String
        var statusClass: String
        var tier: String
        var owner: String
        var partnerPm: String
        var country: String
        var briefComplete: Bool
        var hasBrief: Bool
        var isSubsidiary: Bool
    }
    struct ListContext: Encodable {
        var shell: PageShell
        var rows: [Row]
        var total: String
        var q: String
        var owners: [SelectOption]
        var statuses: [SelectOption]
        var tiers: [SelectOption]
        var action: String
        var nextHref: String?
        var firstHref: String?
        var canCreate: Bool
        var newHref = SiteRoute.newAccount.path
        var isFiltered: Bool
    }
    struct SimilarAccount: Encodable {
        var name: String
        var href: String
        var website: String
    }
    struct FormContext: Encodable {
        var shell: PageShell
        var isNew: Bool
        var action: String
        var backHref: String
        var form: AccountForm
        var choices: AccountChoices
        var errors: FormErrors
        var similar: [SimilarAccount]
        var purchaseOrderRequired: Bool
        var inCountryReviewRequired: Bool
        /// Errors of the framework agreement's two fields (named `framework.…`).
        var frameworkError: String?
        /// The client's zone (blank: the organisation's).
        var timeZones: [SelectOption] = []
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.area(.accounts), use: list)
        routes.get(.newAccount, use: newForm)
        routes.post(.newAccount, use: create)
        routes.get(.account(":id"), use: AccountShowPage.show)
        routes.get(.editAccount(":id"), use: editForm)
        routes.post(.editAccount(":id"), use: update)
    }

    static func statusClass(_ status: Account.Status) -> String {
        switch status {
        case .active: return "badge-ok"
        case .prospect: return "badge-warn"
        case .dormant, .lost: return "badge-muted"
        }
    }

    /// `?q=&ownerId=&status=&tier=&cursor=`: filters stay in the URL; unknown values are ignored.
    @Sendable static func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewAccounts)
        let l = req.localizer
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        var filter = AccountFilter(text: q.isEmpty ? nil : q)
        let ownerText = req.query[String.self, at: "ownerId"] ?? ""
        filter.ownerId = User.ID(uuidString: ownerText)
        filter.status = (req.query[String.self, at: "status"]).flatMap(Account.Status.init(rawValue:))
        filter.tier = (req.query[String.self, at: "tier"]).flatMap(Account.Tier.init(rawValue:))
        let cursor = (req.query[String.self, at: "cursor"]).flatMap(ListRequest<AccountSortKey>.decodeCursor)
        let accounts = try await req.stores.accounts.list(filter, after: cursor, limit: pageSize + 1)
        let page = Array(accounts.prefix(pageSize))
        let users = Dictionary(uniqueKeysWithValues: try await req.stores.users.list().map { ($0.id, $0) })
        let briefs = try await req.stores.briefs.latest(of: page.map { .account($0.id) })
        let rows = page.map { account in
            let brief = briefs[.account(account.id)]
            return Row(
                name: account.name, href: SiteRoute.account(account.id).path,
                status: l.t("accounts.status.\(account.status.rawValue)"), statusClass: statusClass(account.status),
                tier: account.tier?.rawValue ?? "–", owner: account.ownerId.flatMap { users[$0]?.displayName } ?? "–",
                partnerPm: account.partnerPmId.flatMap { users[$0]?.displayName } ?? "–", country: account.country,
                briefComplete: brief?.content.isComplete ?? false, hasBrief: brief != nil,
                isSubsidiary: account.parentId != nil)
        }
        var query: [(String, String)] = []
        if !q.isEmpty { query.append(("q", q)) }
        if let owner = filter.ownerId { query.append(("ownerId", owner.description)) }
        if let status = filter.status { query.append(("status", status.rawValue)) }
        if let tier = filter.tier { query.append(("tier", tier.rawValue)) }
        func href(cursor: String?) -> String {
            var components = URLComponents()
            components.path = SiteRoute.area(.accounts).path
            let items = query + (cursor.map { [("cursor", $0)] } ?? [])
            components.queryItems = items.isEmpty ? nil : items.map { URLQueryItem(name: $0.0, value: $0.1) }
            return components.string ?? components.path
        }
        let next = accounts.count > pageSize ? page.last.flatMap { ListRequest.encodeCursor(AccountSortKey($0)) } : nil
        let any = SelectOption(value: "", label: l.t("accounts.filter.any"), selected: false)
        let context = ListContext(
            shell: try await req.shell(title: l.t("accounts.title"), area: .accounts), rows: rows,
            total: l.plural("accounts.count", count: try await req.stores.accounts.count(filter)), q: q,
            owners: [any]
                + users.values.filter { $0.isActive && !$0.roles.isDisjoint(with: [.sales, .manager, .admin]) }
                .sorted { $0.displayName < $1.displayName }
                .map {
                    SelectOption(value: $0.id.description, label: $0.displayName, selected: $0.id == filter.ownerId)
                },
            statuses: [any]
                + Account.Status.allCases.map {
                    SelectOption(
                        value: $0.rawValue, label: l.t("accounts.status.\($0.rawValue)"), selected: $0 == filter.status)
                },
            tiers: [any]
                + Account.Tier.allCases.map {
                    SelectOption(
                        value: $0.rawValue, label: l.t("accounts.tier.\($0.rawValue)"), selected: $0 == filter.tier)
                },
            action: SiteRoute.area(.accounts).path, nextHref: next.map { href(cursor: $0) },
            firstHref: cursor == nil ? nil : href(cursor: nil), canCreate: Policy.permits(user, .createAccount),
            isFiltered: !query.isEmpty)
        return try await req.renderPage("accounts/list", context)
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.createAccount)
        let form = AccountForm(currency: try await req.organisation().baseCurrency, owner: user)
        return try await renderForm(req, form: form, id: nil, errors: FormErrors(), similar: [])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.createAccount)
        let form = try req.content.decode(AccountForm.self)
        var errors = FormErrors()
        var similar: [SimilarAccount] = []
        do {
            let zone = try PromiseLedger.checkedTimeZone(form.timeZone)
            let account = try await AccountManagement(req.appEnvironment).create(
                form.input, by: user, confirmDuplicate: form.confirmDuplicate == "1")
            if zone != nil {
                _ = try await PromiseLedger(req.appEnvironment).setTimeZone(zone, of: account.id, by: user)
            }
            let response = req.redirect(to: SiteRoute.account(account.id).path)
            req.setFlash(response, "accounts.created", ["name": account.name])
            return response
        } catch let duplicates as PossibleDuplicates {
            errors.summary = duplicates.error.localized { req.localizer.t($0, $1) }
            similar = duplicates.similar.map {
                SimilarAccount(name: $0.name, href: SiteRoute.account($0.id).path, website: $0.website)
            }
        } catch  where !error.domainErrors.isEmpty {
            errors.add(error, in: req)
        }
        return try await renderForm(req, form: form, id: nil, errors: errors, similar: similar)
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let account = try await AccountManagement(req.appEnvironment).account(try accountID(req), for: user)
        try req.authorize(.editAccount(owner: account.ownerId))
        var form = AccountForm(account)
        form.timeZone = try await req.stores.ledger.timeZone(of: account.id) ?? ""
        return try await renderForm(req, form: form, id: account.id, errors: FormErrors(), similar: [])
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try accountID(req)
        let form = try req.content.decode(AccountForm.self)
        var errors = FormErrors()
        do {
            let zone = try PromiseLedger.checkedTimeZone(form.timeZone)
            let account = try await AccountManagement(req.appEnvironment).update(
                id, form.input, expectedVersion: form.version.flatMap { Int($0) }, by: user)
            if form.timeZone != nil, try await req.stores.ledger.timeZone(of: id) != zone {
                _ = try await PromiseLedger(req.appEnvironment).setTimeZone(zone, of: id, by: user)
            }
            let response = req.redirect(to: SiteRoute.account(account.id).path)
            req.setFlash(response, "accounts.saved")
            return response
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            errors.add(error, in: req)
        }
        return try await renderForm(req, form: form, id: id, errors: errors, similar: [])
    }

    static func renderForm(
        _ req: Request, form: AccountForm, id: Account.ID?, errors: FormErrors, similar: [SimilarAccount]
    ) async throws -> Response {
        let l = req.localizer
        let title = id == nil ? l.t("accounts.new.title") : l.t("accounts.edit.title", ["name": form.name ?? ""])
        var context = FormContext(
            shell: try await req.shell(title: title, area: .accounts), isNew: id == nil,
            action: id.map { SiteRoute.editAccount(PathParameter($0)).path } ?? SiteRoute.newAccount.path,
            backHref: id.map { SiteRoute.account($0).path } ?? SiteRoute.area(.accounts).path, form: form,
            choices: try await AccountChoices.make(req, form: form, excluding: id), errors: errors, similar: similar,
            purchaseOrderRequired: form.purchaseOrderRequired != nil,
            inCountryReviewRequired: form.inCountryReviewRequired != nil,
            frameworkError: errors.messages.first { $0.key.hasPrefix("framework") }?.value)
        let zone = form.timeZone ?? ""
        context.timeZones =
            [SelectOption(value: "", label: l.t("accounts.time_zone.organisation"), selected: zone.isEmpty)]
            + SelectOption.timeZones(selected: zone)
        let status: HTTPResponseStatus = !similar.isEmpty ? .conflict : errors.isEmpty ? .ok : .unprocessableEntity
        return try await req.renderPage("accounts/form", context, status: status)
    }

    static func accountID(_ req: Request) throws -> Account.ID {
        guard let raw = req.parameters.get("id"), let id = Account.ID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }
}

extension DomainError {
    /// Forbidden and not-found errors are answered as such (403/404), never shown on a form.
    var isAccessError: Bool {
        switch self {
        case .forbidden, .notFound: return true
        default: return false
        }
    }
}
