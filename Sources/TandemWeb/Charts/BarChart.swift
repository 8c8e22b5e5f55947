import Foundation
import TandemLocalization

/// Bar charts: `grouped` puts each series' bar side by side within a category; `stacked` piles
/// the series on one bar per category (positive values up from zero, negative ones down), so the
/// bar's height is the category's total. Every bar has a `<title>` with its value.
enum BarChart {
    enum Layout: Sendable { case grouped, stacked }

    static func render(
        _ data: ChartData, layout: Layout = .grouped, localizer l: Localizer, format: ChartFigure.Format
    ) -> String {
        let scale = self.scale(data, layout)
        let kind = layout == .grouped ? "bar" : "stacked-bar"
        return ChartFigure.html(
            data, kind: kind, marks: marks(data, layout, scale, format), scale: scale, format: format, l)
    }

    /// Grouped: the range of the values. Stacked: the range of each category's positive and
    /// negative totals.
    static func scale(_ data: ChartData, _ layout: Layout) -> ChartScale {
        switch layout {
        case .grouped:
            let values = data.series.flatMap { $0.values.compactMap { $0 } }
            return ChartScale(minimum: values.min() ?? 0, maximum: values.max() ?? 0)
        case .stacked:
            var low: Decimal = 0
            var high: Decimal = 0
            for c in data.categories.indices {
                let values = data.series.indices.compactMap { data.value($0, c) }
                high = max(high, values.filter { $0 > 0 }.reduce(0, +))
                low = min(low, values.filter { $0 < 0 }.reduce(0, +))
            }
            return ChartScale(minimum: low, maximum: high)
        }
    }

    static func marks(_ data: ChartData, _ layout: Layout, _ scale: ChartScale, _ format: ChartFigure.Format)
        -> String
    {
        let count = data.categories.count
        let band = Double(ChartStyle.plotWidth) / Double(max(1, count))
        let inner = band * 0.7
        let seriesCount = max(1, data.series.count)
        var out = "<g class=\"chart-marks\">"
        for c in 0..<count {
            let start = ChartFigure.center(c, of: count) - inner / 2
            var above: Decimal = 0
            var below: Decimal = 0
            for s in data.series.indices {
                guard let value = data.value(s, c), value != 0 else { continue }
                let from: Decimal
                let x: Double
                let width: Double
                switch layout {
                case .grouped:
                    from = 0
                    width = inner / Double(seriesCount)
                    x = start + width * Double(s)
                case .stacked:
                    from = value > 0 ? above : below
                    if value > 0 { above += value } else { below += value }
                    width = inner
                    x = start
                }
                let y1 = scale.y(from)
                let y2 = scale.y(from + value)
                out += "<g>" + ChartFigure.markTitle(data, series: s, category: c, value: value, format: format)
                out += "<rect x=\"\(ChartStyle.coord(x))\" y=\"\(ChartStyle.coord(min(y1, y2)))\" "
                out += "width=\"\(ChartStyle.coord(width))\" height=\"\(ChartStyle.coord(abs(y2 - y1)))\" "
                out += "fill=\"\(ChartStyle.fill(s))\" stroke=\"#ffffff\" stroke-width=\"1\"/></g>"
            }
        }
        return out + "</g>"
    }
}
