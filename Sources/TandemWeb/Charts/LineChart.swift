import Foundation
import TandemLocalization

/// A line chart: one line per series across the categories (usually periods), a marker with a
/// `<title>` at each value, gaps where a value is missing. Each series has its own colour, dash
/// pattern and marker shape, so it reads in black and white too.
enum LineChart {
    static func render(_ data: ChartData, localizer l: Localizer, format: ChartFigure.Format) -> String {
        let values = data.series.flatMap { $0.values.compactMap { $0 } }
        let scale = ChartScale(minimum: values.min() ?? 0, maximum: values.max() ?? 0)
        return ChartFigure.html(data, kind: "line", marks: marks(data, scale, format), scale: scale, format: format, l)
    }

    static func marks(_ data: ChartData, _ scale: ChartScale, _ format: ChartFigure.Format) -> String {
        let count = data.categories.count
        var out = "<g class=\"chart-marks\">"
        for s in data.series.indices {
            let colour = ChartStyle.fill(s)
            let dash = ChartStyle.dash(s)
            var path = ""
            var drawing = false
            for c in 0..<count {
                guard let value = data.value(s, c) else {
                    drawing = false
                    continue
                }
                let x = ChartStyle.coord(ChartFigure.center(c, of: count))
                path += "\(drawing ? "L" : "M")\(x) \(ChartStyle.coord(scale.y(value))) "
                drawing = true
            }
            out += "<path d=\"\(path.trimmingCharacters(in: .whitespaces))\" fill=\"none\" stroke=\"\(colour)\" "
            out += "stroke-width=\"2.5\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
            for c in 0..<count {
                guard let value = data.value(s, c) else { continue }
                let x = ChartFigure.center(c, of: count)
                let y = scale.y(value)
                out += "<g>" + ChartFigure.markTitle(data, series: s, category: c, value: value, format: format)
                out += marker(s, x: x, y: y, colour: colour) + "</g>"
            }
        }
        return out + "</g>"
    }

    /// Circle, square, triangle, diamond, in turn.
    static func marker(_ series: Int, x: Double, y: Double, colour: String) -> String {
        let cx = ChartStyle.coord(x)
        let cy = ChartStyle.coord(y)
        switch series % 4 {
        case 0: return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"4\" fill=\"\(colour)\"/>"
        case 1:
            return "<rect x=\"\(ChartStyle.coord(x - 4))\" y=\"\(ChartStyle.coord(y - 4))\" width=\"8\" height=\"8\" "
                + "fill=\"\(colour)\"/>"
        case 2:
            let points =
                "\(cx),\(ChartStyle.coord(y - 5)) \(ChartStyle.coord(x + 5)),\(ChartStyle.coord(y + 4)) "
                + "\(ChartStyle.coord(x - 5)),\(ChartStyle.coord(y + 4))"
            return "<polygon points=\"\(points)\" fill=\"\(colour)\"/>"
        default:
            let points =
                "\(cx),\(ChartStyle.coord(y - 5)) \(ChartStyle.coord(x + 5)),\(cy) "
                + "\(cx),\(ChartStyle.coord(y + 5)) \(ChartStyle.coord(x - 5)),\(cy)"
            return "<polygon points=\"\(points)\" fill=\"\(colour)\"/>"
        }
    }
}
