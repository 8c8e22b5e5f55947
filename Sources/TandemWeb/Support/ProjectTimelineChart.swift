import Foundation
import TandemLocalization

/// A project's jobs on a timeline against each promise, as server-made SVG: one row per job
/// (a bar from when the step can start to its due), grouped by target, with a dashed line at
/// the target's promised instant and one at now. Bars carry their status in a `<title>` and a
/// pattern as well as a colour, so colour is never the only cue.
enum ProjectTimelineChart {
    struct Row {
        var label: String
        var start: Date
        var end: Date
        var status: String
        var statusLabel: String
        var title: String
    }
    struct Group {
        var label: String
        var promise: Date
        var promiseLabel: String
        var rows: [Row]
    }

    static let labelWidth = 190
    static let chartWidth = 560
    static let rowHeight = 24

    static func fill(_ status: String) -> String {
        switch status {
        case "planned": return "#b0bec5"
        case "offered": return "#f9a825"
        case "accepted", "in-progress": return "#3f6fd8"
        case "delivered", "approved": return "#2e7d32"
        default: return "#e0e0e0"
        }
    }

    static func render(_ groups: [Group], from: Date, now: Date, localizer l: Localizer) -> String {
        let rows = groups.reduce(0) { $0 + $1.rows.count + 1 }
        let starts = [from, now] + groups.flatMap { $0.rows.map(\.start) }
        let ends = groups.map(\.promise) + groups.flatMap { $0.rows.map(\.end) } + [now]
        let first = starts.min()!
        let last = max(ends.max()!, first.addingTimeInterval(86400))
        let span = last.timeIntervalSince(first)
        let x = { (d: Date) in labelWidth + Int((d.timeIntervalSince(first) / span * Double(chartWidth - 20)).rounded())
        }
        let width = labelWidth + chartWidth
        let height = rows * rowHeight + 36
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="project-timeline" viewBox="0 0 \(width) \(height)" \
            width="100%" role="img" aria-labelledby="timeline-title">
            <title id="timeline-title">\(HeatmapChart.escape(l.t("production.timeline.title")))</title>
            <defs><pattern id="cancelled-hatch" width="6" height="6" patternUnits="userSpaceOnUse" \
            patternTransform="rotate(45)"><rect width="6" height="6" fill="#eeeeee"/>\
            <line x1="0" y1="0" x2="0" y2="6" stroke="#9e9e9e" stroke-width="2"/></pattern></defs>

            """
        var y = 8
        for group in groups {
            svg +=
                "<text x=\"4\" y=\"\(y + 16)\" class=\"tl-group\" font-weight=\"700\">\(HeatmapChart.escape(group.label))</text>"
            let px = x(group.promise)
            let groupHeight = (group.rows.count + 1) * rowHeight
            svg += "<g><title>\(HeatmapChart.escape(group.promiseLabel))</title>"
            svg += "<line x1=\"\(px)\" y1=\"\(y)\" x2=\"\(px)\" y2=\"\(y + groupHeight)\" stroke=\"#c62828\" "
            svg += "stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
            svg += "<text x=\"\(px - 3)\" y=\"\(y + 14)\" font-size=\"11\" fill=\"#c62828\" text-anchor=\"end\">◆ "
            svg += "\(HeatmapChart.escape(l.t("production.timeline.promise")))</text></g>"
            y += rowHeight
            for row in group.rows {
                let x1 = x(row.start)
                let x2 = max(x1 + 4, x(row.end))
                let fill = row.status == "cancelled" ? "url(#cancelled-hatch)" : fill(row.status)
                svg += "<g class=\"tl-row\"><title>\(HeatmapChart.escape(row.title))</title>"
                svg += "<text x=\"14\" y=\"\(y + 16)\" font-size=\"12\">\(HeatmapChart.escape(row.label))</text>"
                svg += "<rect x=\"\(x1)\" y=\"\(y + 4)\" width=\"\(x2 - x1)\" height=\"\(rowHeight - 8)\" rx=\"3\" "
                svg += "fill=\"\(fill)\" stroke=\"#37474f\" stroke-width=\"0.5\"/>"
                svg += "<text x=\"\(min(x2 + 4, width - 90))\" y=\"\(y + 16)\" font-size=\"11\" fill=\"#37474f\">"
                svg += "\(HeatmapChart.escape(row.statusLabel))</text></g>"
                y += rowHeight
            }
        }
        let nx = x(now)
        svg += "<g><title>\(HeatmapChart.escape(l.t("production.timeline.now")))</title>"
        svg +=
            "<line x1=\"\(nx)\" y1=\"4\" x2=\"\(nx)\" y2=\"\(y)\" stroke=\"#17203a\" stroke-width=\"1\" stroke-dasharray=\"2 2\"/>"
        svg +=
            "<text x=\"\(nx + 3)\" y=\"\(y + 14)\" font-size=\"11\">\(HeatmapChart.escape(l.t("production.timeline.now")))</text></g>"
        svg += "<text x=\"\(labelWidth)\" y=\"\(height - 4)\" font-size=\"11\" fill=\"#546e7a\">"
        svg += "\(HeatmapChart.escape(l.formatDate(first)))</text>"
        svg += "<text x=\"\(width - 4)\" y=\"\(height - 4)\" font-size=\"11\" fill=\"#546e7a\" text-anchor=\"end\">"
        svg += "\(HeatmapChart.escape(l.formatDate(last)))</text>"
        return svg + "</svg>"
    }
}
