import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// One subject's scorecard (`/scorecards/{subject}/{id}`) with its trend, and the records behind
/// one figure (`…/records?metric=`).
enum ScorecardSubjectPages {
    /// This period and the three before.
    static let trendLength = 4
    static let trendFigures: [MetricName] = [
        .promisesMade, .promisesKept, .onTimeRate, .bookedRevenue, .deliveredRevenue, .deliveredMargin,
        .deliveredMarginPercent, .costAccuracy, .winRate,
    ]

    struct Figure: Encodable {
        var id: String
        var label: String
        var value: String
        var help: String
        var href: String
    }
    struct TrendRow: Encodable {
        var label: String
        var values: [String]
    }
    struct Context: Encodable {
        var shell: PageShell
        var tabs: [GoalsViews.Tab]
        var name: String
        var subjectLabel: String
        var picker: GoalsViews.PeriodPicker
        var figures: [Figure]
        var periods: [String]
        var trend: [TrendRow]
        /// Server-made SVG (Sources/TandemWeb/Charts), each with its table fallback.
        var charts: [String]
        var csvHref: String
        var backHref: String
        var unconverted: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewScorecards)
        let l = req.localizer
        let subject = try ScorecardPages.subject(req.parameters.get("subject"))
        let id = req.parameters.get("id") ?? ""
        let scorecards = Scorecards(req.appEnvironment)
        let (input, period, errors) = try await GoalsViews.period(req, scorecards)
        let row = try await scorecards.row(subject, subjectID: id, period: period, trend: trendLength, for: user)
        let query = GoalsViews.query(period)
        let here = SiteRoute.goals(.subject(PathParameter(value: subject.rawValue), PathParameter(value: id))).path
        let records = SiteRoute.goals(.records(PathParameter(value: subject.rawValue), PathParameter(value: id))).path
        let context = Context(
            shell: try await req.shell(title: row.name, area: .scorecards),
            tabs: GoalsViews.tabs("scorecards", user: user, l),
            name: row.name, subjectLabel: l.t("scorecard.subject.\(subject.rawValue)"),
            picker: GoalsViews.picker(here, input: input, period: period, errors: errors, l),
            figures: GoalsViews.figures.map {
                Figure(
                    id: $0.rawValue, label: l.t("metrics.name.\($0.rawValue)"),
                    value: GoalsViews.text($0, row.metrics, l), help: GoalsViews.definitionHref($0),
                    href: GoalsViews.href(records, query.merging(["metric": $0.rawValue]) { $1 }))
            },
            periods: period.trend(trendLength).map { GoalsViews.label($0, l) },
            trend: trendFigures.map { metric in
                TrendRow(
                    label: l.t("metrics.name.\(metric.rawValue)"),
                    values: row.trend.map { GoalsViews.text(metric, $0, l) })
            },
            charts: trendCharts(row, periods: period.trend(trendLength).map { GoalsViews.label($0, l) }, l),
            csvHref: GoalsViews.href(
                SiteRoute.goals(.export).path, query.merging(["subject": subject.rawValue, "id": id]) { $1 }),
            backHref: GoalsViews.href(
                SiteRoute.area(.scorecards).path, query.merging(["subject": subject.rawValue]) { $1 }),
            unconverted: row.metrics.unconverted.isEmpty
                ? nil
                : l.t(
                    "metrics.unconverted",
                    ["currencies": .text(row.metrics.unconverted.map(\.code).joined(separator: ", "))]))
        return try await req.renderPage("goals/subject", context)
    }

    struct RecordRow: Encodable {
        var label: String
        var href: String
        var account: String
        var target: String
        var at: String
        var status: String
        var quotedPrice: String
        var quotedCost: String
        var price: String
        var cost: String
        var submitted: String
        var turnaround: String
        var quotedWords: String
        var actualWords: String
    }
    struct RecordsContext: Encodable {
        var shell: PageShell
        var name: String
        var figure: String
        var heading: String
        var help: String
        var period: String
        var list: String
        var isPromises: Bool
        var isReviews: Bool
        var isJobs: Bool
        var rows: [RecordRow]
        var count: Int
        var backHref: String
    }

    @Sendable static func records(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewScorecards)
        let l = req.localizer
        let subject = try ScorecardPages.subject(req.parameters.get("subject"))
        let id = req.parameters.get("id") ?? ""
        guard let metric = req.query[String.self, at: "metric"].flatMap(MetricName.init(rawValue:)) else {
            throw Abort(.notFound)
        }
        let scorecards = Scorecards(req.appEnvironment)
        let (_, period, _) = try await GoalsViews.period(req, scorecards)
        let row = try await scorecards.row(subject, subjectID: id, period: period, trend: 1, for: user)
        let rows = try await scorecards.drillDown(metric, subject: subject, subjectID: id, period: period, for: user)
        let here = SiteRoute.goals(.subject(PathParameter(value: subject.rawValue), PathParameter(value: id))).path
        func money(_ m: Money?) -> String { m.map { l.format($0) } ?? "—" }
        let context = RecordsContext(
            shell: try await req.shell(
                title: l.t("metrics.name.\(metric.rawValue)") + " · " + row.name, area: .scorecards),
            name: row.name, figure: l.t("metrics.name.\(metric.rawValue)"),
            heading: l.t(
                "metrics.records.heading",
                [
                    "figure": .text(l.t("metrics.name.\(metric.rawValue)")),
                    "value": .text(GoalsViews.text(metric, row.metrics, l)),
                ]),
            help: GoalsViews.definitionHref(metric), period: GoalsViews.label(period, l),
            list: l.t("metrics.records.\(metric.records.rawValue)"), isPromises: rows.first?.kind == .promise,
            isReviews: metric.records == .quotesReviewed, isJobs: metric.records == .jobsMeasured,
            rows: rows.map { r in
                RecordRow(
                    label: r.label, href: href(r), account: r.accountName, target: r.targetLanguage ?? "",
                    at: r.kind == .quote && r.submittedAt != nil ? l.formatDateTime(r.at) : l.formatDate(r.at),
                    status: status(r, l), quotedPrice: money(r.quotedPrice), quotedCost: money(r.quotedCost),
                    price: money(r.price), cost: money(r.cost), submitted: r.submittedAt.map(l.formatDateTime) ?? "",
                    turnaround: turnaround(r, l), quotedWords: r.quotedWords.map { l.format($0) } ?? "—",
                    actualWords: r.actualWords.map { l.format($0) } ?? "—")
            }, count: rows.count, backHref: GoalsViews.href(here, GoalsViews.query(period)))
        return try await req.renderPage("goals/records", context)
    }

    static func href(_ r: DrillRow) -> String {
        switch r.kind {
        case .promise: return SiteRoute.promise(PathParameter(value: r.id.uuidString.lowercased())).path
        case .quote: return SiteRoute.quote(PathParameter(value: r.id.uuidString.lowercased())).path
        case .project: return SiteRoute.project(PathParameter(value: r.id.uuidString.lowercased())).path
        case .job: return SiteRoute.job(PathParameter(value: r.id.uuidString.lowercased())).path
        }
    }

    /// A review's hours from submission to decision, one decimal.
    static func turnaround(_ r: DrillRow, _ l: Localizer) -> String {
        guard let submitted = r.submittedAt else { return "" }
        let hours = (Decimal(Int(r.at.timeIntervalSince(submitted).rounded())) / 3_600).rounded(scale: 1)
        return l.t("metrics.unit.hours", ["n": .decimal(hours)])
    }

    static func status(_ r: DrillRow, _ l: Localizer) -> String {
        switch r.kind {
        case .promise: return l.t("promise.status.\(r.status)")
        case .quote: return l.t("quote.status.\(r.status)")
        case .project: return l.t("metrics.records.won")
        case .job: return l.t("production.status.\(r.status)")
        }
    }
}

extension ScorecardSubjectPages {
    /// The trend drawn: promises made and kept (counts), and quoted against delivered margin
    /// percent, oldest period first like the table below them.
    static func trendCharts(_ row: ScorecardRow, periods: [String], _ l: Localizer) -> [String] {
        let name: [String: MessageArgument] = ["name": .text(row.name)]
        let series = { (metric: MetricName) in
            ChartData.Series(l.t("metrics.name.\(metric.rawValue)"), row.trend.map { $0.value(metric) })
        }
        let promises = ChartData(
            id: "trend-promises", title: l.t("scorecard.chart.promises.title"),
            description: l.t("scorecard.chart.promises.desc", name), categoryHeading: l.t("scorecard.chart.period"),
            categories: periods,
            // No promise in any period: the "no figures" note rather than an axis of zeros.
            series: row.trend.allSatisfy { $0.promisesMade == 0 } ? [] : [series(.promisesMade), series(.promisesKept)])
        let margin = ChartData(
            id: "trend-margin", title: l.t("scorecard.chart.margin.title"),
            description: l.t("scorecard.chart.margin.desc", name), categoryHeading: l.t("scorecard.chart.period"),
            categories: periods, series: [series(.quotedMarginPercent), series(.deliveredMarginPercent)])
        let number = { (value: Decimal) in l.format(value, maximumFractionDigits: 1) }
        return [
            BarChart.render(promises, localizer: l, format: number),
            LineChart.render(margin, localizer: l, format: number),
        ]
    }
}
