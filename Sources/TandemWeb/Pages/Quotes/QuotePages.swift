import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The quotes area: the list, a new quote (from an opportunity, or from an account for a repeat
/// request) and the quote page (QuoteShowPage). The actions are in QuoteActions.
enum QuotePages {
    struct Row: Encodable {
        var number: String
        var href: String
        var account: String
        var status: QuoteViews.Badge
        var total: String
        var verdict: QuoteViews.Badge
        var validUntil: String
        var updated: String
    }
    struct ListContext: Encodable {
        var shell: PageShell
        var rows: [Row]
        var filters: [SelectOption]
        var status: String
        var listHref = SiteRoute.area(.quotes).path
        var reviewsHref: String?
        var pipelineHref = SiteRoute.area(.opportunities).path
    }
    struct NewForm: Content {
        var opportunityId: String?
        var accountId: String?
        var deadline: String?
        var services: [String]?
        var sourceLanguage: String?
        var targetLanguages: String?
        var name: String?
    }
    struct NewContext: Encodable {
        var shell: PageShell
        var action = SiteRoute.newQuote.path
        var fromAccount: Bool
        var recordName: String
        var recordHref: String
        var opportunityId: String
        var accountId: String
        var deadline: String
        var services: [SelectOption]
        var sourceLanguage: String
        var targetLanguages: String
        var name: String
        var errors: FormErrors
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.area(.quotes), use: list)
        routes.get(.newQuote, use: newForm)
        routes.post(.newQuote, use: create)
        routes.get(.quote(":id"), use: QuoteShowPage.show)
        routes.get(.analysisProgress(":id"), use: QuoteActions.progress)
        QuoteActions.register(routes)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewQuotes)
        let l = req.localizer
        let status = req.query[String.self, at: "status"].flatMap(QuoteStatus.init(rawValue:))
        let quotes = try await req.stores.quoteStores.quotes.list(
            QuoteFilter(statuses: status.map { [$0] }))
        var names: [Account.ID: String] = [:]
        var rows: [Row] = []
        for quote in quotes {
            if names[quote.accountID] == nil {
                names[quote.accountID] = try await req.stores.accounts.find(id: quote.accountID)?.name ?? ""
            }
            let version = try await req.stores.quoteStores.quotes.version(quote.id, number: quote.currentVersion)
            rows.append(
                Row(
                    number: quote.number, href: SiteRoute.quote(PathParameter(quote.id)).path,
                    account: names[quote.accountID] ?? "", status: QuoteViews.status(quote.status, l),
                    total: QuoteViews.money(version?.totals.total, l),
                    verdict: QuoteViews.verdict(QuoteReviewGate.worst(version?.feasibility.map(\.verdict) ?? []), l),
                    validUntil: AccountShowPage.day(quote.validUntil, l), updated: l.formatDate(quote.updatedAt)))
        }
        let filters =
            [SelectOption(value: "", label: l.t("quote.filter.all"), selected: status == nil)]
            + QuoteStatus.allCases.map {
                SelectOption(value: $0.rawValue, label: l.t("quote.status.\($0.rawValue)"), selected: $0 == status)
            }
        let context = ListContext(
            shell: try await req.shell(title: l.t("nav.quotes"), area: .quotes), rows: rows, filters: filters,
            status: status?.rawValue ?? "",
            reviewsHref: Policy.permits(user, .reviewQuote) ? SiteRoute.quoteReviews.path : nil)
        return try await req.renderPage("quotes/list", context)
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        try req.authorize(.viewQuotes)
        let form = NewForm(
            opportunityId: req.query[String.self, at: "opportunityId"],
            accountId: req.query[String.self, at: "accountId"])
        return try await renderNew(req, form, errors: FormErrors())
    }

    static func renderNew(_ req: Request, _ form: NewForm, errors: FormErrors, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let l = req.localizer
        var recordName = ""
        var recordHref = SiteRoute.area(.opportunities).path
        var services = form.services ?? []
        var sourceLanguage = form.sourceLanguage ?? ""
        var targets = form.targetLanguages ?? ""
        let fromAccount = (form.opportunityId ?? "").isEmpty
        if let raw = form.opportunityId, let id = Opportunity.ID(uuidString: raw),
            let opportunity = try await req.stores.pipeline.opportunities.find(id: id)
        {
            recordName = opportunity.name
            recordHref = SiteRoute.opportunity(id).path
            if form.services == nil { services = opportunity.services.map(\.rawValue) }
        } else if let raw = form.accountId, let id = Account.ID(uuidString: raw),
            let account = try await req.stores.accounts.find(id: id)
        {
            recordName = account.name
            recordHref = SiteRoute.account(id).path
            if let pair = account.languagePairs.first, form.sourceLanguage == nil {
                sourceLanguage = pair.source.description
                targets = account.languagePairs.map(\.target.description).joined(separator: ", ")
            }
        } else {
            throw Abort(.notFound)
        }
        if services.isEmpty { services = ["translation"] }
        let context = NewContext(
            shell: try await req.shell(title: l.t("quote.new.title"), area: .quotes), fromAccount: fromAccount,
            recordName: recordName, recordHref: recordHref, opportunityId: form.opportunityId ?? "",
            accountId: form.accountId ?? "", deadline: form.deadline ?? "",
            services: LanguageService.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: l.t("service.\($0.rawValue)"), selected: services.contains($0.rawValue))
            }, sourceLanguage: sourceLanguage, targetLanguages: targets, name: form.name ?? "", errors: errors)
        return try await req.renderPage("quotes/new", context, status: status)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(NewForm.self)
        let l = req.localizer
        let fromAccount = (form.opportunityId ?? "").isEmpty
        let input = QuoteManagement.CreateInput(
            opportunityID: fromAccount ? nil : form.opportunityId, accountID: fromAccount ? form.accountId : nil,
            deadline: QuoteViews.instant(form.deadline, l) ?? "", services: form.services ?? [],
            sourceLanguage: fromAccount ? form.sourceLanguage : nil,
            targetLanguages: fromAccount
                ? (form.targetLanguages ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) : nil,
            name: fromAccount ? form.name : nil)
        do {
            let (quote, _) = try await QuoteManagement(req.appEnvironment, capacity: req.application.capacity).create(
                input, by: user)
            let response = req.redirect(to: SiteRoute.quote(PathParameter(quote.id)).path)
            req.setFlash(response, "quote.created", ["number": quote.number])
            return response
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await renderNew(req, form, errors: errors, status: .unprocessableEntity)
        }
    }
}
