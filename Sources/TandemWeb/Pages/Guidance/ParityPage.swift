import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// `/parity?months=`: the parity dashboard for managers — promises made and kept, what the review
/// gate did to sales' quotes and with what outcome, margin leakage from quote to delivery, and
/// collaboration between the teams, per month, each as a chart with its table (docs/guidance.md).
enum ParityPage {
    struct Figure: Encodable {
        var label: String
        var value: String
    }

    struct Context: Encodable {
        var shell: PageShell
        var action: String
        var months: [SelectOption]
        var summary: [Figure]
        var charts: [String]
        /// Currencies left out of the margin leaked (no rate), or nil.
        var unconverted: String?
        var whereToSellHref = SiteRoute.whereToSell.path
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.parity, use: show)
    }

    static let choices = [3, 6, 12, 24]

    /// "Nov 2026" in the user's language.
    static func monthLabel(_ date: Date, _ l: Localizer) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: l.locale)
        formatter.timeZone = l.timeZone
        formatter.setLocalizedDateFormatFromTemplate("MMMyyyy")
        return formatter.string(from: date)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard Policy.permitsGuidance(user, .parity) else { throw NotPermitted() }
        let l = req.localizer
        let asked = req.query[String.self, at: "months"].flatMap(Int.init) ?? 6
        let months = choices.contains(asked) ? asked : 6
        let periods = try await req.clientGuidance.parity(months: months, zone: l.timeZone, by: user)
        let shell = try await req.shell(title: l.t("parity.title"), area: .scorecards)
        let context = Context(
            shell: shell, action: SiteRoute.parity.path,
            months: choices.map {
                SelectOption(value: String($0), label: l.t("parity.months", count: $0), selected: $0 == months)
            },
            summary: summary(periods, l), charts: charts(periods, l), unconverted: unconverted(periods, l))
        return try await req.renderPage("guidance/parity", context)
    }

    static func summary(_ periods: [ParityPeriod], _ l: Localizer) -> [Figure] {
        let made = periods.reduce(0) { $0 + $1.promisesMade }
        let kept = periods.reduce(0) { $0 + $1.promisesKept }
        let broken = periods.reduce(0) { $0 + $1.promisesBroken }
        let decisions = periods.reduce(0) { $0 + $1.reviewDecisions }
        let changed = periods.reduce(0) { $0 + $1.reviewChanged + $1.reviewRejected }
        let delivered = periods.reduce(0) { $0 + $1.delivered }
        let leaked = periods.reduce(0) { $0 + $1.deliveredBelowFloor }
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : l.formatPercent(Decimal(part) / Decimal(whole), maximumFractionDigits: 0)
        }
        return [
            Figure(label: l.t("parity.summary.made"), value: l.format(made)),
            Figure(label: l.t("parity.summary.on_time"), value: percent(kept, kept + broken)),
            Figure(label: l.t("parity.summary.decisions"), value: l.format(decisions)),
            Figure(label: l.t("parity.summary.changed"), value: percent(changed, decisions)),
            Figure(label: l.t("parity.summary.leakage"), value: percent(leaked, delivered)),
            Figure(label: l.t("parity.summary.leaked"), value: leakedTotal(periods).map { l.format($0) } ?? "–"),
            Figure(
                label: l.t("parity.summary.collaboration"),
                value: l.format(
                    periods.reduce(0) { $0 + $1.crossTeamThreads + $1.workingGroups + $1.shadowingSessions })),
        ]
    }

    static func charts(_ periods: [ParityPeriod], _ l: Localizer) -> [String] {
        let categories = periods.map { monthLabel($0.start, l) }
        let count = { (d: Decimal) in l.format(d, maximumFractionDigits: 1) }
        func data(_ id: String, _ series: [ChartData.Series]) -> ChartData {
            ChartData(
                id: "parity-\(id)", title: l.t("parity.chart.\(id).title"),
                description: l.t("parity.chart.\(id).description"), categoryHeading: l.t("parity.month"),
                categories: categories, series: series)
        }
        let promises = data(
            "promises",
            [
                .init(l.t("parity.series.made"), ints: periods.map(\.promisesMade)),
                .init(l.t("parity.series.kept"), ints: periods.map(\.promisesKept)),
                .init(l.t("parity.series.broken"), ints: periods.map(\.promisesBroken)),
            ])
        let reviews = data(
            "reviews",
            [
                .init(l.t("parity.series.approved"), ints: periods.map(\.reviewApproved)),
                .init(l.t("parity.series.changed"), ints: periods.map(\.reviewChanged)),
                .init(l.t("parity.series.rejected"), ints: periods.map(\.reviewRejected)),
            ])
        let outcomes = data(
            "outcomes",
            [
                .init(l.t("parity.series.won"), ints: periods.map(\.reviewedWon)),
                .init(l.t("parity.series.lost"), ints: periods.map(\.reviewedLost)),
            ])
        let leakage = data(
            "leakage",
            [
                .init(l.t("parity.series.at_margin"), ints: periods.map { $0.delivered - $0.deliveredBelowFloor }),
                .init(l.t("parity.series.below_floor"), ints: periods.map(\.deliveredBelowFloor)),
            ])
        let together = data(
            "together",
            [
                .init(l.t("parity.series.threads"), ints: periods.map(\.crossTeamThreads)),
                .init(l.t("parity.series.groups"), ints: periods.map(\.workingGroups)),
                .init(l.t("parity.series.shadowing"), ints: periods.map(\.shadowingSessions)),
            ])
        return [
            LineChart.render(promises, localizer: l, format: count),
            BarChart.render(reviews, layout: .stacked, localizer: l, format: count),
            BarChart.render(outcomes, localizer: l, format: count),
            BarChart.render(leakage, layout: .stacked, localizer: l, format: count),
            leakedChart(periods, categories: categories, l),
            BarChart.render(together, localizer: l, format: count),
        ]
    }
}
