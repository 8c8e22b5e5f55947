import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The quotes panel on an opportunity's page: its quotes, a "New quote" link, and once won the
/// project with the status of its brief (pending, acknowledged, challenged), so sales sees it too.
enum OpportunityQuotes {
    struct Item: Encodable {
        var number: String
        var href: String
        var status: QuoteViews.Badge
        var total: String
    }
    struct Panel: Encodable {
        var items: [Item]
        var newHref: String?
        var projectHref: String?
        var briefStatus: QuoteViews.Badge?
    }

    static func panel(_ req: Request, _ opportunity: Opportunity) async throws -> Panel? {
        let user = try req.requireUser()
        guard Policy.permits(user, .viewQuotes) else { return nil }
        let l = req.localizer
        var items: [Item] = []
        for quote in try await req.stores.quoteStores.quotes.list(QuoteFilter(opportunityID: opportunity.id)) {
            let version = try await req.stores.quoteStores.quotes.version(quote.id, number: quote.currentVersion)
            items.append(
                Item(
                    number: quote.number, href: SiteRoute.quote(PathParameter(quote.id)).path,
                    status: QuoteViews.status(quote.status, l), total: QuoteViews.money(version?.totals.total, l)))
        }
        let project = try await req.stores.quoteStores.projects.find(opportunityID: opportunity.id)
        return Panel(
            items: items,
            newHref: Policy.permits(user, .editQuote(owner: opportunity.ownerID))
                ? SiteRoute.newQuote.path + "?opportunityId=\(opportunity.id)" : nil,
            projectHref: project.map { SiteRoute.project(PathParameter($0.id)).path },
            briefStatus: project.map { ProjectPages.briefBadge($0.briefStatus, l) })
    }
}
