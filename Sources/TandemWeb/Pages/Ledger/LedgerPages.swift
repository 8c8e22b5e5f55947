import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// `/ledger`: every promise with its standing, filtered by status, client, owner, PM and period,
/// with the totals of the same filter counted in one SQL query, 50 rows a page. Sales and PMs
/// see the same ledger.
enum LedgerPages {
    struct Row: Encodable {
        var project: String
        var projectHref: String
        var promiseHref: String
        var client: String
        var language: String
        var delivery: String
        var price: String
        var status: QuoteViews.Badge
        var marginAtRisk: Bool
        var renegotiated: Bool
        var cause: String?
        var delivered: String?
    }
    struct Total: Encodable {
        var id: String
        var label: String
        var value: Int
        var href: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var action: String
        var statuses: [SelectOption]
        var clients: [SelectOption]
        var owners: [SelectOption]
        var pms: [SelectOption]
        var from: String
        var to: String
        var projectID: String
        var totals: [Total]
        var rows: [Row]
        var nextHref: String?
        var firstHref: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.ledger, use: show)
        PromisePages.register(routes)
    }

    static let pageSize = 50

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewLedger)
        let l = req.localizer
        let zone = l.timeZone
        var problems: [FieldError] = []
        let filter = LedgerQuery.read(req, zone: zone, problems: &problems)
        var after: LedgerCursor?
        if let raw = req.query[String.self, at: "cursor"] { after = ListRequest<LedgerKey>.decodeCursor(raw)?.cursor }
        let page = try await PromiseLedger(req.appEnvironment).page(filter, after: after, limit: pageSize, for: user)
        let query = { (name: String) in req.query[String.self, at: name] ?? "" }
        let users = try await req.stores.users.list().filter(\.isActive)
        let accounts = try await req.stores.accounts.list(AccountFilter(), after: nil, limit: 500)
        func options(_ people: [User], _ name: String) -> [SelectOption] {
            [SelectOption(value: "", label: l.t("ledger.filter.anyone"), selected: query(name).isEmpty)]
                + people.map {
                    SelectOption(
                        value: $0.id.description, label: $0.displayName, selected: query(name) == $0.id.description)
                }
        }
        let base = SiteRoute.ledger.path
        func href(status: String?) -> String {
            var items = [
                "status": status ?? "", "accountId": query("accountId"), "ownerId": query("ownerId"),
                "pmId": query("pmId"), "from": query("from"), "to": query("to"), "projectId": query("projectId"),
            ]
            items = items.filter { !$0.value.isEmpty }
            return base + (items.isEmpty ? "" : "?" + Browserless.encode(items))
        }
        let t = page.totals
        let context = Context(
            shell: try await req.shell(title: l.t("ledger.title"), area: .ledger), action: base,
            statuses: [
                SelectOption(value: "", label: l.t("ledger.filter.any_status"), selected: query("status").isEmpty)
            ]
                + PromiseStatus.allCases.map {
                    SelectOption(
                        value: $0.rawValue, label: l.t("promise.status.\($0.rawValue)"),
                        selected: query("status") == $0.rawValue)
                },
            clients: [
                SelectOption(value: "", label: l.t("ledger.filter.any_client"), selected: query("accountId").isEmpty)
            ]
                + accounts.map {
                    SelectOption(
                        value: $0.id.description, label: $0.name, selected: query("accountId") == $0.id.description)
                },
            owners: options(users.filter { $0.roles.contains(.sales) }, "ownerId"),
            pms: options(users.filter { $0.roles.contains(.pm) }, "pmId"), from: query("from"), to: query("to"),
            projectID: query("projectId"),
            totals: [
                Total(id: "made", label: l.t("ledger.total.made"), value: t.made, href: href(status: nil)),
                Total(id: "kept", label: l.t("ledger.total.kept"), value: t.kept, href: href(status: "kept")),
                Total(id: "broken", label: l.t("ledger.total.broken"), value: t.broken, href: href(status: "broken")),
                Total(
                    id: "at-risk", label: l.t("ledger.total.at_risk"), value: t.atRisk, href: href(status: "at-risk")),
                Total(
                    id: "renegotiated", label: l.t("ledger.total.renegotiated"), value: t.renegotiated,
                    href: href(status: nil)),
            ],
            rows: page.rows.map { row(for: $0, l) },
            nextHref: page.next.flatMap { ListRequest<LedgerKey>.encodeCursor(LedgerKey($0)) }.map {
                let current = href(status: query("status"))
                return current + (current.contains("?") ? "&" : "?") + "cursor=" + $0
            },
            firstHref: after == nil ? nil : href(status: query("status")))
        return try await req.renderPage("ledger/list", context)
    }

    static func row(for e: LedgerPromise, _ l: Localizer) -> Row {
        Row(
            project: e.projectName, projectHref: SiteRoute.project(PathParameter(e.promise.projectID)).path,
            promiseHref: SiteRoute.promise(PathParameter(e.id)).path, client: e.accountName,
            language: QuoteDocument.languageName(e.promise.targetLanguage, in: l),
            delivery: LedgerViews.delivery(e.terms, l), price: l.format(e.promise.price),
            status: LedgerViews.statusBadge(e.promise.status, l), marginAtRisk: e.state.marginAtRisk,
            renegotiated: e.state.renegotiated, cause: LedgerViews.cause(e.state.cause, l),
            delivered: e.state.deliveredAt.map { l.formatDateTime($0) })
    }
}

/// Query strings for links built on the server.
enum Browserless {
    static func encode(_ items: [String: String]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?")
        return items.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}
