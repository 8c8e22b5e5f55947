import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// `/where-to-sell`: the pairs production can take on, best first — approved vendors, what they
/// cover, free hours in the next 4, 8 and 12 weeks, the delivered record and margin — with a
/// chart of the free hours and how the score is made (docs/guidance.md).
enum WhereToSellPage {
    struct Row: Encodable {
        var pair: String
        var score: String
        var band: String
        var vendors: String
        var free4: String
        var free8: String
        var free12: String
        var onTime: String
        var margin: String
        var typical: String
        var services: String
        var domains: String
    }

    struct Context: Encodable {
        var shell: PageShell
        var chart: String
        var rows: [Row]
        var isEmpty: Bool
        var pipelineHref = SiteRoute.area(.opportunities).path
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.whereToSell, use: show)
    }

    static func rate(_ part: Int, of whole: Int, _ l: Localizer) -> String {
        whole == 0
            ? "–"
            : l.t(
                "wheretosell.rate",
                [
                    "percent": .text(l.formatPercent(Decimal(part) / Decimal(whole), maximumFractionDigits: 0)),
                    "part": .text(l.format(part)), "whole": .text(l.format(whole)),
                ])
    }

    /// "2,400 words, 6 days", or "–" without a job kept at margin.
    static func typical(_ c: PairCapability, _ l: Localizer) -> String {
        guard let words = c.typicalWords, let days = c.typicalDays else { return "–" }
        return l.t("wheretosell.typical", count: days, ["words": .text(l.format(words))])
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard Policy.permitsGuidance(user, .whereToSell) else { throw NotPermitted() }
        let l = req.localizer
        let points = try await req.clientGuidance.whereToSell(by: user, capacity: req.guidanceCapacity())
        let rows = points.map { p in
            let c = p.capability
            return Row(
                pair: FitText.pair(p.pair), score: l.format(p.score),
                band: p.score >= 70 ? "good" : p.score >= 40 ? "fair" : "poor", vendors: l.format(c.approvedVendors),
                free4: l.format(c.freeHours4), free8: l.format(c.freeHours8), free12: l.format(c.freeHours12),
                onTime: rate(c.kept, of: c.judged, l), margin: rate(c.atMargin, of: c.delivered, l),
                typical: typical(c, l),
                services: p.services.joined(separator: ", "), domains: p.domains.joined(separator: ", "))
        }
        let top = Array(points.prefix(10))
        let chart = BarChart.render(
            ChartData(
                id: "where-to-sell-chart", title: l.t("wheretosell.chart.title"),
                description: l.t("wheretosell.chart.description"), categoryHeading: l.t("wheretosell.column.pair"),
                categories: top.map { FitText.pair($0.pair) },
                series: [
                    .init(l.t("wheretosell.column.free4"), ints: top.map(\.capability.freeHours4)),
                    .init(l.t("wheretosell.column.free8"), ints: top.map(\.capability.freeHours8)),
                    .init(l.t("wheretosell.column.free12"), ints: top.map(\.capability.freeHours12)),
                ]), localizer: l, format: { l.format($0, maximumFractionDigits: 0) })
        let shell = try await req.shell(title: l.t("wheretosell.title"), area: .opportunities)
        return try await req.renderPage(
            "guidance/where-to-sell", Context(shell: shell, chart: chart, rows: rows, isEmpty: rows.isEmpty))
    }
}
