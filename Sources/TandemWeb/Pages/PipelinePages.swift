import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The pipeline board (a column per open stage) and the opportunity list; both keep their
/// filters in the URL.
enum PipelinePages {
    struct Column: Encodable {
        var id: String
        var name: String
        var probability: Int
        var isSolutionDesign: Bool
        var total: PipelineViews.Total
        var cards: [PipelineViews.Card]
    }
    struct BoardContext: Encodable {
        var shell: PageShell
        var filters: PipelineFilterForm
        var columns: [Column]
        var stageOptions: [SelectOption]
        var lostReasons: [SelectOption]
        var baseCurrency: String
        var back: String
        var boardHref = SiteRoute.area(.opportunities).path
        var listHref: String
        var newHref: String?
    }
    struct ListContext: Encodable {
        struct SortLink: Encodable {
            var key: String
            var labelKey: String
            var href: String
            /// "ascending", "descending" or "none", for `aria-sort`.
            var state: String
        }
        var shell: PageShell
        var filters: PipelineFilterForm
        var rows: [PipelineViews.Card]
        var sortLinks: [SortLink]
        var pageText: String
        var previousHref: String?
        var nextHref: String?
        var boardHref: String
        var listHref = SiteRoute.opportunityList.path
        var newHref: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.area(.opportunities), use: board)
        routes.get(.opportunityList, use: list)
    }

    @Sendable static func board(req: Request) async throws -> Response {
        try req.require(PipelineAccess.canView)
        let user = try req.requireUser()
        var problems: [FieldError] = []
        let filter = OpportunityQuery.read(req, problems: &problems)
        let board = try await PipelineOverview(req.appEnvironment).board(
            problems.isEmpty ? filter : OpportunityFilter())
        let views = try await PipelineViews.make(req, accountNames: board.accountNames, stages: board.stages)
        let columns = board.columns.map { column in
            Column(
                id: column.stage.id.description, name: column.stage.name, probability: column.stage.probability,
                isSolutionDesign: column.stage.milestone == .solutionDesign, total: views.total(column.total),
                cards: column.opportunities.map { views.card($0, canMove: PipelineAccess.canEdit(user, $0)) })
        }
        let filters = PipelineFilterForm.make(req, views: views, problems: problems, clear: .area(.opportunities))
        let context = BoardContext(
            shell: try await req.shell(title: req.localizer.t("pipeline.board.title"), area: .opportunities),
            filters: filters, columns: columns, stageOptions: views.stageOptions(current: nil),
            lostReasons: views.lostReasonOptions(), baseCurrency: board.baseCurrency.code,
            back: SiteRoute.area(.opportunities).path + filters.query,
            listHref: SiteRoute.opportunityList.path + filters.query,
            newHref: PipelineAccess.canCreate(user) ? SiteRoute.newOpportunity.path : nil)
        return try await req.renderPage("opportunities/board", context)
    }

    static let pageSize = 25
    static let sortKeys: [(key: String, label: String)] = [
        ("name", "field.name"), ("account", "field.account"), ("stage", "field.stage"),
        ("value", "field.expected_value"),
        ("close", "field.close_date"), ("owner", "field.owner"), ("pm", "field.partner_pm"),
    ]

    @Sendable static func list(req: Request) async throws -> Response {
        try req.require(PipelineAccess.canView)
        let user = try req.requireUser()
        var problems: [FieldError] = []
        let filter = OpportunityQuery.read(req, problems: &problems)
        let found = try await PipelineOverview(req.appEnvironment).list(problems.isEmpty ? filter : OpportunityFilter())
        let views = try await PipelineViews.make(req, accountNames: found.accountNames, stages: found.stages)
        let rates = try await PipelineOverview(req.appEnvironment).rateTable()
        let sort =
            sortKeys.contains { $0.key == req.query[String.self, at: "sort"] }
            ? req.query[String.self, at: "sort"]! : "close"
        let descending = req.query[String.self, at: "dir"] == "desc"
        let sorted = sortOpportunities(
            found.opportunities, by: sort, descending: descending, views: views, rates: rates)
        let pages = max(1, (sorted.count + pageSize - 1) / pageSize)
        let page = min(max(1, req.query[Int.self, at: "page"] ?? 1), pages)
        let rows = sorted.dropFirst((page - 1) * pageSize).prefix(pageSize).map {
            views.card($0, canMove: PipelineAccess.canEdit(user, $0))
        }
        let filters = PipelineFilterForm.make(req, views: views, problems: problems, clear: .opportunityList)
        func href(sort: String, descending: Bool, page: Int) -> String {
            let joiner = filters.query.isEmpty ? "?" : filters.query + "&"
            return SiteRoute.opportunityList.path + joiner
                + "sort=\(sort)&dir=\(descending ? "desc" : "asc")&page=\(page)"
        }
        let context = ListContext(
            shell: try await req.shell(title: req.localizer.t("pipeline.list.title"), area: .opportunities),
            filters: filters, rows: Array(rows),
            sortLinks: sortKeys.map { key in
                ListContext.SortLink(
                    key: key.key, labelKey: key.label,
                    href: href(sort: key.key, descending: key.key == sort && !descending, page: 1),
                    state: key.key == sort ? (descending ? "descending" : "ascending") : "none")
            },
            pageText: req.localizer.t(
                "pipeline.list.page",
                ["page": .text(String(page)), "pages": .text(String(pages)), "count": .text(String(sorted.count))]),
            previousHref: page > 1 ? href(sort: sort, descending: descending, page: page - 1) : nil,
            nextHref: page < pages ? href(sort: sort, descending: descending, page: page + 1) : nil,
            boardHref: SiteRoute.area(.opportunities).path + filters.query,
            newHref: PipelineAccess.canCreate(user) ? SiteRoute.newOpportunity.path : nil)
        return try await req.renderPage("opportunities/list", context)
    }

    /// The list's order; ties fall back to close date, name and ID so that pages are stable.
    static func sortOpportunities(
        _ items: [Opportunity], by key: String, descending: Bool, views: PipelineViews, rates: ExchangeRateTable
    ) -> [Opportunity] {
        func base(_ o: Opportunity) -> Decimal { rates.convert(o.expectedValue, on: o.closeDate)?.value.amount ?? -1 }
        let order: (Opportunity, Opportunity) -> Bool
        switch key {
        case "name": order = { $0.name.localizedLowercase < $1.name.localizedLowercase }
        case "account": order = { views.account($0.accountID) < views.account($1.accountID) }
        case "stage":
            order = { (views.stages.stage($0.stageID)?.order ?? 0) < (views.stages.stage($1.stageID)?.order ?? 0) }
        case "value": order = { base($0) < base($1) }
        case "owner": order = { views.name($0.ownerID) < views.name($1.ownerID) }
        case "pm": order = { views.name($0.partnerPmID) < views.name($1.partnerPmID) }
        default: order = { $0.closeDate < $1.closeDate }
        }
        let tieBreak: (Opportunity, Opportunity) -> Bool = {
            ($0.closeDate, $0.name, $0.id) < ($1.closeDate, $1.name, $1.id)
        }
        return items.sorted { a, b in
            if order(a, b) { return !descending }
            if order(b, a) { return descending }
            return tieBreak(a, b)
        }
    }
}
