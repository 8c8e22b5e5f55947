import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// `/scorecards`: each rep's, PM's, client's, pair's or the team's figures for a period, one
/// subject's scorecard with its trend, the records behind each figure, the definitions, and the
/// CSV export (docs/metrics.md).
enum ScorecardPages {
    struct Cell: Encodable {
        var text: String
        var href: String
    }
    struct ListRow: Encodable {
        var name: String
        var href: String
        var cells: [Cell]
    }
    struct Column: Encodable {
        var label: String
        var help: String
    }
    struct ListContext: Encodable {
        var shell: PageShell
        var tabs: [GoalsViews.Tab]
        var subjects: [GoalsViews.Tab]
        var subjectLabel: String
        var picker: GoalsViews.PeriodPicker
        var columns: [Column]
        var rows: [ListRow]
        var csvHref: String
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.area(.scorecards), use: list)
        routes.get(.goals(.definitions), use: definitions)
        routes.get(.goals(.export), use: export)
        routes.get(.goals(.subject(":subject", ":id")), use: ScorecardSubjectPages.show)
        routes.get(.goals(.records(":subject", ":id")), use: ScorecardSubjectPages.records)
        IncentivePages.register(routes)
    }

    static func subject(_ raw: String?) throws -> ScorecardSubject {
        guard let subject = raw.flatMap(ScorecardSubject.init(rawValue:)) else { throw Abort(.notFound) }
        return subject
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewScorecards)
        let l = req.localizer
        let scorecards = Scorecards(req.appEnvironment)
        let subject = (req.query[String.self, at: "subject"]).flatMap(ScorecardSubject.init(rawValue:)) ?? .rep
        let (input, period, errors) = try await GoalsViews.period(req, scorecards)
        let rows = try await scorecards.rows(subject, period: period, for: user)
        let base = SiteRoute.area(.scorecards).path
        let query = GoalsViews.query(period)
        let context = ListContext(
            shell: try await req.shell(title: l.t("scorecard.title"), area: .scorecards),
            tabs: GoalsViews.tabs("scorecards", user: user, l),
            subjects: ScorecardSubject.allCases.map {
                GoalsViews.Tab(
                    label: l.t("scorecard.subject.\($0.rawValue)"),
                    href: GoalsViews.href(base, query.merging(["subject": $0.rawValue]) { $1 }), current: $0 == subject)
            },
            subjectLabel: l.t("scorecard.subject.\(subject.rawValue)"),
            picker: GoalsViews.picker(
                base, input: input, period: period, hidden: ["subject": subject.rawValue], errors: errors, l),
            columns: GoalsViews.listFigures.map {
                Column(label: l.t("metrics.name.\($0.rawValue)"), help: GoalsViews.definitionHref($0))
            },
            rows: rows.map { row in
                let page = SiteRoute.goals(
                    .subject(PathParameter(value: subject.rawValue), PathParameter(value: row.subjectID))
                ).path
                return ListRow(
                    name: row.name, href: GoalsViews.href(page, query),
                    cells: GoalsViews.listFigures.map { metric in
                        let records = SiteRoute.goals(
                            .records(PathParameter(value: subject.rawValue), PathParameter(value: row.subjectID))
                        ).path
                        return Cell(
                            text: GoalsViews.text(metric, row.metrics, l),
                            href: GoalsViews.href(records, query.merging(["metric": metric.rawValue]) { $1 }))
                    })
            },
            csvHref: GoalsViews.href(SiteRoute.goals(.export).path, query.merging(["subject": subject.rawValue]) { $1 })
        )
        return try await req.renderPage("goals/scorecards", context)
    }

    struct Definition: Encodable {
        var id: String
        var name: String
        var text: String
    }
    struct DefinitionsContext: Encodable {
        var shell: PageShell
        var tabs: [GoalsViews.Tab]
        var definitions: [Definition]
    }

    @Sendable static func definitions(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewScorecards)
        let l = req.localizer
        let context = DefinitionsContext(
            shell: try await req.shell(title: l.t("metrics.definitions.title"), area: .scorecards),
            tabs: GoalsViews.tabs("definitions", user: user, l),
            definitions: GoalsViews.figures.map {
                Definition(
                    id: $0.rawValue, name: l.t("metrics.name.\($0.rawValue)"), text: l.t("metrics.def.\($0.rawValue)"))
            })
        return try await req.renderPage("goals/definitions", context)
    }

    /// CSV of the list (every subject) or, with `id`, of one subject's trend; machine values:
    /// counts, amounts in the base currency, percents, as in the API.
    @Sendable static func export(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewScorecards)
        let scorecards = Scorecards(req.appEnvironment)
        let subject = try self.subject(req.query[String.self, at: "subject"] ?? "rep")
        let period = try await scorecards.period(GoalsViews.input(req))
        let text: String
        let name: String
        if let id = req.query[String.self, at: "id"], !id.isEmpty {
            let row = try await scorecards.row(
                subject, subjectID: id, period: period, trend: ScorecardSubjectPages.trendLength, for: user)
            text = try ScorecardCSV.trend(row, periods: period.trend(ScorecardSubjectPages.trendLength))
            name = "scorecard-\(subject.rawValue)-\(period.first)-\(period.last).csv"
        } else {
            text = try ScorecardCSV.list(try await scorecards.rows(subject, period: period, for: user), period: period)
            name = "scorecards-\(subject.rawValue)-\(period.first)-\(period.last).csv"
        }
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: name)
        return response
    }
}
