import Foundation
import TandemLocalization

/// The parts every chart of the kit shares: the `<figure>` that holds the SVG and its table
/// fallback, the `<svg>` element with its `<title>` and `<desc>`, gridlines with the formatted
/// ticks, the category labels and the legend. Line and bar charts draw only their marks.
enum ChartFigure {
    typealias Format = (Decimal) -> String

    /// The whole figure: the SVG (or a short "no data" note) and the same figures as a table.
    static func html(_ data: ChartData, kind: String, marks: String, scale: ChartScale, format: Format, _ l: Localizer)
        -> String
    {
        let id = ChartStyle.escape(data.id)
        var out = "<figure class=\"chart chart-\(kind)\" id=\"\(id)\">"
        // The visible caption repeats the SVG's title for sighted readers and on paper; the SVG
        // is named by its own <title> and <desc>, so the caption is hidden from screen readers.
        let hidden = data.isEmpty ? "" : " aria-hidden=\"true\""
        out += "<figcaption class=\"chart-caption\"\(hidden)>\(ChartStyle.escape(data.title))</figcaption>"
        if data.isEmpty {
            out += "<p class=\"empty chart-empty\">\(ChartStyle.escape(l.t("chart.empty")))</p></figure>"
            return out
        }
        out += svg(data, marks: marks, scale: scale, format: format, dashedLegend: kind == "line")
        out += table(data, format: format, l)
        return out + "</figure>"
    }

    static func svg(_ data: ChartData, marks: String, scale: ChartScale, format: Format, dashedLegend: Bool = false)
        -> String
    {
        let id = ChartStyle.escape(data.id)
        let width = ChartStyle.width
        let height = ChartStyle.height + legendHeight(data)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 \(width) \(height)" \
            role="img" aria-labelledby="\(id)-title \(id)-desc">\
            <title id="\(id)-title">\(ChartStyle.escape(data.title))</title>\
            <desc id="\(id)-desc">\(ChartStyle.escape(data.description))</desc>
            """
        svg += grid(scale, format: format)
        svg += marks
        svg += categoryLabels(data)
        svg += legend(data, dashed: dashedLegend)
        return svg + "</svg>"
    }

    /// Horizontal gridlines at each tick with its formatted value; the zero line darker.
    static func grid(_ scale: ChartScale, format: Format) -> String {
        let x1 = ChartStyle.left
        let x2 = ChartStyle.width - ChartStyle.right
        var out = "<g class=\"chart-grid\" font-size=\"11\" fill=\"#455a64\">"
        for tick in scale.ticks {
            let y = ChartStyle.coord(scale.y(tick))
            let stroke = tick == 0 ? "#78909c" : "#e0e4e8"
            out += "<line x1=\"\(x1)\" y1=\"\(y)\" x2=\"\(x2)\" y2=\"\(y)\" stroke=\"\(stroke)\"/>"
            out += "<text x=\"\(x1 - 6)\" y=\"\(y)\" dy=\"4\" text-anchor=\"end\">"
            out += "\(ChartStyle.escape(format(tick)))</text>"
        }
        return out + "</g>"
    }

    /// The x position of the middle of category `index` of `count`.
    static func center(_ index: Int, of count: Int) -> Double {
        Double(ChartStyle.left) + Double(ChartStyle.plotWidth) * (Double(index) + 0.5) / Double(max(1, count))
    }

    /// Category labels under the plot; with many categories only every n-th is written (the
    /// table and the marks' titles still name each).
    static func categoryLabels(_ data: ChartData) -> String {
        let count = data.categories.count
        let fits = max(1, ChartStyle.plotWidth / 52)
        let every = max(1, Int((Double(count) / Double(fits)).rounded(.up)))
        let y = ChartStyle.height - ChartStyle.bottom + 18
        var out = "<g class=\"chart-categories\" font-size=\"11\" fill=\"#37474f\">"
        for (index, label) in data.categories.enumerated() where index % every == 0 {
            out += "<text x=\"\(ChartStyle.coord(center(index, of: count)))\" y=\"\(y)\" text-anchor=\"middle\">"
            out += "\(ChartStyle.escape(truncated(label)))</text>"
        }
        return out + "</g>"
    }

    static func truncated(_ label: String, to length: Int = 14) -> String {
        label.count <= length ? label : String(label.prefix(length - 1)) + "…"
    }

    static let legendRow = 20
    static func legendHeight(_ data: ChartData) -> Int { ((data.series.count + 2) / 3) * legendRow }

    /// One swatch per series (for lines with their dash pattern, so the legend matches them in print).
    static func legend(_ data: ChartData, dashed: Bool) -> String {
        var out = "<g class=\"chart-legend\" font-size=\"12\" fill=\"#263238\">"
        for (index, series) in data.series.enumerated() {
            let x = ChartStyle.left + (index % 3) * 190
            let y = ChartStyle.height - ChartStyle.bottom + 34 + (index / 3) * legendRow
            let dash = dashed ? ChartStyle.dash(index) : ""
            out += "<line x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x + 22)\" y2=\"\(y)\" stroke=\"\(ChartStyle.fill(index))\" "
            out += "stroke-width=\"6\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
            out += "<text x=\"\(x + 28)\" y=\"\(y + 4)\">\(ChartStyle.escape(truncated(series.name, to: 24)))</text>"
        }
        return out + "</g>"
    }

    /// The `<title>` of one mark: "Kept, March 2026: 12".
    static func markTitle(_ data: ChartData, series: Int, category: Int, value: Decimal?, format: Format) -> String {
        let text = "\(data.series[series].name), \(data.categories[category]): \(value.map(format) ?? "–")"
        return "<title>\(ChartStyle.escape(text))</title>"
    }

    /// The figures as a table, inside a closed disclosure: read by screen readers, opened by
    /// anyone who wants the numbers.
    static func table(_ data: ChartData, format: Format, _ l: Localizer) -> String {
        var out = "<details class=\"chart-data\"><summary>\(ChartStyle.escape(l.t("chart.as_table")))</summary>"
        out += "<div class=\"table-wrap\"><table class=\"data-table\" id=\"\(ChartStyle.escape(data.id))-table\">"
        out += "<caption>\(ChartStyle.escape(data.title))</caption><thead><tr>"
        out += "<th scope=\"col\">\(ChartStyle.escape(data.categoryHeading))</th>"
        for series in data.series {
            out += "<th scope=\"col\" class=\"num\">\(ChartStyle.escape(series.name))</th>"
        }
        out += "</tr></thead><tbody>"
        for (c, category) in data.categories.enumerated() {
            out += "<tr><th scope=\"row\">\(ChartStyle.escape(category))</th>"
            for s in data.series.indices {
                out += "<td class=\"num\">\(ChartStyle.escape(data.value(s, c).map(format) ?? "–"))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div></details>"
    }
}
