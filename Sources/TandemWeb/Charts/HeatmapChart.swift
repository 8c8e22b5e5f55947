import Foundation
import TandemApp
import TandemLocalization
import TandemPlanning

/// The capacity heatmap as server-made SVG: one row per language pair, one column per week,
/// each cell coloured by the share of working time taken (booked plus probability-weighted
/// tentative work) and labelled with the free hours, so colour is never the only cue. Every
/// cell has a `<title>` in the user's language; the page adds the same figures as a table.
enum HeatmapChart {
    /// The colour bands, lightest (mostly free) to darkest (full), by share taken.
    static let bands: [(upTo: Double, fill: String)] = [
        (0.2, "#e6f4ea"), (0.4, "#b7dfc2"), (0.6, "#fce8a6"), (0.8, "#f6b26b"), (1.01, "#d9534f"),
    ]
    static let noCapacityFill = "#eceff1"
    static let labelWidth = 150
    static let cellWidth = 78
    static let cellHeight = 28
    static let headerHeight = 34
    static let legendHeight = 52

    /// Hours, rounded to whole hours, with the unit: "38 h".
    static func hours(_ minutes: Int, _ l: Localizer) -> String {
        l.t("capacity.heatmap.hours", ["hours": .text(l.format((minutes + 30) / 60))])
    }

    static func share(_ load: VendorLoad) -> Double? {
        load.working > 0 ? Double(load.booked + load.tentative) / Double(load.working) : nil
    }

    static func fill(_ load: VendorLoad) -> String {
        guard let share = share(load) else { return noCapacityFill }
        return bands.first { share < $0.upTo }?.fill ?? bands.last!.fill
    }

    /// "en → fr".
    static func pairName(_ row: CapacityHeatmap.Row) -> String { "\(row.source) → \(row.target)" }

    /// What a cell's `<title>` and the table say about one pair in one week.
    static func cellTitle(_ row: CapacityHeatmap.Row, week: Int, heatmap: CapacityHeatmap, _ l: Localizer) -> String {
        let load = row.weeks[week]
        return l.t(
            "capacity.heatmap.cell_title",
            [
                "pair": .text(pairName(row)), "week": .text(l.formatDate(heatmap.bounds[week])),
                "working": .text(hours(load.working, l)), "booked": .text(hours(load.booked, l)),
                "tentative": .text(hours(load.tentative, l)), "free": .text(hours(load.free, l)),
                "taken": .text(share(load).map { l.formatPercent(Decimal($0), maximumFractionDigits: 0) } ?? "–"),
            ])
    }

    static func render(_ heatmap: CapacityHeatmap, localizer l: Localizer) -> String {
        let weeks = max(0, heatmap.bounds.count - 1)
        let width = labelWidth + weeks * cellWidth + 8
        let gridHeight = headerHeight + heatmap.rows.count * cellHeight
        let height = gridHeight + legendHeight
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="heatmap" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-labelledby="heatmap-title heatmap-desc">
            <title id="heatmap-title">\(escape(l.t("capacity.heatmap.title")))</title>
            <desc id="heatmap-desc">\(escape(l.t("capacity.heatmap.description")))</desc>

            """
        svg += "<g class=\"heatmap-header\" font-size=\"11\" fill=\"#37474f\">"
        for week in 0..<weeks {
            let x = labelWidth + week * cellWidth + cellWidth / 2
            svg +=
                "<text x=\"\(x)\" y=\"14\" text-anchor=\"middle\">\(escape(l.t("capacity.heatmap.week_short")))</text>"
            svg +=
                "<text x=\"\(x)\" y=\"28\" text-anchor=\"middle\">\(escape(l.formatDate(heatmap.bounds[week])))</text>"
        }
        svg += "</g>\n"
        for (r, row) in heatmap.rows.enumerated() {
            let y = headerHeight + r * cellHeight
            svg += "<g class=\"heatmap-row\">"
            svg += "<text x=\"4\" y=\"\(y + 18)\" font-size=\"12\" fill=\"#263238\">"
            svg += "\(escape(pairName(row)))"
            svg += "<tspan fill=\"#607d8b\" font-size=\"10\"> (\(l.format(row.vendorCount)))</tspan></text>"
            for week in 0..<weeks {
                let load = row.weeks[week]
                let x = labelWidth + week * cellWidth
                let dark = (share(load) ?? 0) >= 0.8
                svg += "<g><title>\(escape(cellTitle(row, week: week, heatmap: heatmap, l)))</title>"
                svg += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" "
                svg += "rx=\"3\" fill=\"\(fill(load))\"/>"
                svg += "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + 18)\" text-anchor=\"middle\" font-size=\"11\" "
                svg += "fill=\"\(dark ? "#ffffff" : "#263238")\">\(escape(hours(load.free, l)))</text></g>"
            }
            svg += "</g>\n"
        }
        svg += legend(y: gridHeight + 12, l)
        svg += "</svg>"
        return svg
    }

    /// Swatches with their ranges, the grey "no working time", and what the number in a cell is.
    static func legend(y: Int, _ l: Localizer) -> String {
        var out = "<g class=\"heatmap-legend\" font-size=\"11\" fill=\"#37474f\">"
        out += "<text x=\"4\" y=\"\(y + 11)\">\(escape(l.t("capacity.heatmap.legend_taken")))</text>"
        var x = labelWidth
        var lower = 0
        for band in bands {
            let upper = min(100, Int((band.upTo * 100).rounded()))
            out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" rx=\"2\" fill=\"\(band.fill)\"/>"
            out +=
                "<text x=\"\(x + 18)\" y=\"\(y + 11)\">\(lower)–\(escape(l.formatPercent(Decimal(upper) / 100)))</text>"
            x += 78
            lower = upper
        }
        out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" rx=\"2\" fill=\"\(noCapacityFill)\"/>"
        out += "<text x=\"\(x + 18)\" y=\"\(y + 11)\">\(escape(l.t("capacity.heatmap.legend_none")))</text>"
        out += "<text x=\"4\" y=\"\(y + 32)\">\(escape(l.t("capacity.heatmap.legend_numbers")))</text>"
        return out + "</g>\n"
    }

    /// Text and attribute values are escaped: pair names and dates come from data and catalogs.
    static func escape(_ text: String) -> String { ChartStyle.escape(text) }
}
