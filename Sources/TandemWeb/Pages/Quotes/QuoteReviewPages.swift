import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The PM's side: the review page (the same analysis, plan, cost and margin as sales sees, and
/// the decision: approve, approve with changes, reject with a reason), the list of reviews
/// waiting with how long, and the page that shows what changed between two versions.
enum QuoteReviewPages {
    struct Waiting: Encodable {
        var number: String
        var href: String
        var account: String
        var total: String
        var verdict: QuoteViews.Badge
        var reasons: [String]
        var waited: String
        var isOld: Bool
    }
    struct ListContext: Encodable {
        var shell: PageShell
        var items: [Waiting]
        var quotesHref = SiteRoute.area(.quotes).path
    }
    struct ReviewContext: Encodable {
        var shell: PageShell
        var quote: QuoteShowPage.Context
        var action: String
        var backHref: String
        var decision: String
        var deadline: String
        var reason: String
        var priceChange: String
        var priceChangeLabel: String
        var errors: FormErrors
    }
    struct ReviewForm: Content {
        var decision: String?
        var deadline: String?
        var reason: String?
        var priceChange: String?
        var priceChangeLabel: String?
    }
    struct Change: Encodable {
        var label: String
        var before: String
        var after: String
    }
    struct DiffContext: Encodable {
        var shell: PageShell
        var number: String
        var from: Int
        var to: Int
        var note: String?
        var deliveries: [Change]
        var lines: [Change]
        var totalBefore: String
        var totalAfter: String
        var isEmpty: Bool
        var backHref: String
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.quoteReviews, use: waiting)
        routes.get(.quoteReview(":id"), use: reviewPage)
        routes.post(.quoteReview(":id"), use: decide)
        routes.get(.quoteDiff(":id"), use: diff)
    }

    /// The reviews waiting, oldest first: for the PMs' list and their dashboard.
    static func waitingItems(_ req: Request) async throws -> [Waiting] {
        let l = req.localizer
        let quotes = try await req.stores.quoteStores.quotes.list(QuoteFilter(statuses: [.inReview]))
            .sorted { $0.statusChangedAt < $1.statusChangedAt }
        var items: [Waiting] = []
        for quote in quotes {
            let version = try await req.stores.quoteStores.quotes.version(quote.id, number: quote.currentVersion)
            items.append(
                Waiting(
                    number: quote.number, href: SiteRoute.quoteReview(PathParameter(quote.id)).path,
                    account: try await req.stores.accounts.find(id: quote.accountID)?.name ?? "",
                    total: QuoteViews.money(version?.totals.total, l),
                    verdict: QuoteViews.verdict(QuoteReviewGate.worst(version?.feasibility.map(\.verdict) ?? []), l),
                    reasons: QuoteViews.reviewReasons(version?.reviewReasons ?? [], l),
                    waited: QuoteViews.waited(since: quote.statusChangedAt, now: req.now, l) ?? "",
                    isOld: req.now.timeIntervalSince(quote.statusChangedAt) > 86_400))
        }
        return items
    }

    @Sendable static func waiting(req: Request) async throws -> Response {
        try req.authorize(.reviewQuote)
        let context = ListContext(
            shell: try await req.shell(title: req.localizer.t("quote.reviews.title"), area: .quotes),
            items: try await waitingItems(req))
        return try await req.renderPage("quotes/reviews", context)
    }

    @Sendable static func reviewPage(req: Request) async throws -> Response {
        try await renderReview(req, ReviewForm(decision: "approve"), errors: FormErrors())
    }

    static func renderReview(
        _ req: Request, _ form: ReviewForm, errors: FormErrors, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.reviewQuote)
        let id = try QuoteViews.quoteID(req)
        let sheet = try await QuoteSheet.load(
            id, for: user, env: req.appEnvironment, capacity: req.application.capacity)
        let l = req.localizer
        let quote = try await QuoteShowPage.context(sheet, user: user, req: req, errors: FormErrors())
        let latest = sheet.version.targets.map(\.delivery).max()
        let context = ReviewContext(
            shell: try await req.shell(
                title: l.t("quote.review.title", ["number": .text(sheet.quote.number)]), area: .quotes),
            quote: quote, action: SiteRoute.quoteReview(PathParameter(id)).path,
            backHref: SiteRoute.quote(PathParameter(id)).path, decision: form.decision ?? "approve",
            deadline: form.deadline ?? latest.map { l.isoDateTimeLocal($0) } ?? "", reason: form.reason ?? "",
            priceChange: form.priceChange ?? "", priceChangeLabel: form.priceChangeLabel ?? "", errors: errors)
        return try await req.renderPage("quotes/review", context, status: status)
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try QuoteViews.quoteID(req)
        let form = try req.content.decode(ReviewForm.self)
        let l = req.localizer
        do {
            _ = try await QuoteReview(req.appEnvironment, capacity: req.application.capacity).decide(
                id,
                .init(
                    decision: form.decision ?? "", deadline: QuoteViews.instant(form.deadline, l),
                    reason: form.reason, priceChange: form.priceChange, priceChangeLabel: form.priceChangeLabel),
                by: user)
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await renderReview(req, form, errors: errors, status: .unprocessableEntity)
        }
        let response = req.redirect(to: SiteRoute.quote(PathParameter(id)).path)
        req.setFlash(response, "quote.review.done.\(form.decision ?? "approve")")
        return response
    }

    @Sendable static func diff(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewQuotes)
        let id = try QuoteViews.quoteID(req)
        let l = req.localizer
        guard let quote = try await req.stores.quoteStores.quotes.find(id: id) else { throw DomainError.quoteNotFound }
        _ = user
        let to = req.query[Int.self, at: "to"] ?? quote.currentVersion
        let from = req.query[Int.self, at: "from"] ?? max(1, to - 1)
        guard let a = try await req.stores.quoteStores.quotes.version(id, number: from),
            let b = try await req.stores.quoteStores.quotes.version(id, number: to)
        else { throw Abort(.notFound) }
        let changes = QuoteVersionDiff(a, b)
        let context = DiffContext(
            shell: try await req.shell(title: l.t("quote.diff.title", ["number": .text(quote.number)]), area: .quotes),
            number: quote.number, from: from, to: to, note: changes.note.isEmpty ? nil : changes.note,
            deliveries: changes.deliveries.map {
                Change(
                    label: QuoteDocument.languageName($0.target, in: l),
                    before: $0.before.map { l.formatDateTime($0) } ?? "—",
                    after: $0.after.map { l.formatDateTime($0) } ?? "—")
            },
            lines: changes.lines.map { change in
                let before = change.before.map { QuoteDocument.line($0, in: l) }
                let after = change.after.map { QuoteDocument.line($0, in: l) }
                return Change(
                    label: (after ?? before)?.description ?? "",
                    before: before.map { "\($0.quantity) · \($0.price)" } ?? "—",
                    after: after.map { "\($0.quantity) · \($0.price)" } ?? "—")
            }, totalBefore: l.format(changes.totalBefore), totalAfter: l.format(changes.totalAfter),
            isEmpty: changes.isEmpty, backHref: SiteRoute.quote(PathParameter(id)).path)
        return try await req.renderPage("quotes/diff", context)
    }
}
