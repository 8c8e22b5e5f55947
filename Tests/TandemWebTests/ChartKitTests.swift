import Foundation
import TandemLocalization
import Testing

@testable import TandemWeb

@Suite("Chart kit")
struct ChartKitTests {
    static func localizer(_ locale: String = "en") throws -> Localizer {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try Catalogs.load(shipped: root.appendingPathComponent("Resources/Locales")).localizer(locale: locale)
    }

    static func data(_ series: [ChartData.Series], categories: [String] = ["Jan", "Feb", "Mar"]) -> ChartData {
        ChartData(
            id: "kept", title: "Promises kept", description: "Kept and broken promises per month.",
            categoryHeading: "Month", categories: categories, series: series)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("the scale starts at zero and ticks at round numbers above the largest value")
    func niceScale() {
        let scale = ChartScale(minimum: 3, maximum: 87)
        #expect(scale.lower == 0)
        #expect(scale.upper == 100)
        #expect(scale.step == 25)
        #expect(scale.ticks == [0, 25, 50, 75, 100])
        let small = ChartScale(minimum: 0, maximum: Decimal(string: "0.62")!)
        #expect(small.step == Decimal(string: "0.2")!)
        #expect(small.upper == Decimal(string: "0.8")!)
        let negative = ChartScale(minimum: -30, maximum: 50)
        #expect(negative.lower == -40)
        #expect(negative.upper == 60)
        #expect(negative.ticks.contains(0))
        let flat = ChartScale(minimum: 0, maximum: 0)
        #expect(flat.upper > flat.lower)
    }

    @Test("a value's y falls between the top and the bottom of the plot in proportion")
    func positions() {
        let scale = ChartScale(minimum: 0, maximum: 100)
        #expect(scale.y(100) == Double(ChartStyle.top))
        #expect(scale.y(0) == Double(ChartStyle.top + ChartStyle.plotHeight))
        #expect(scale.y(50) == Double(ChartStyle.top) + Double(ChartStyle.plotHeight) / 2)
    }

    @Test("a line chart has a title, a description, a marker with a title per value and the table")
    func lineChart() throws {
        let data = Self.data([.init("Kept", ints: [4, 8, 12]), .init("Broken", [1, nil, 2])])
        let html = LineChart.render(data, localizer: try Self.localizer(), format: { "\($0)" })
        #expect(html.contains("role=\"img\" aria-labelledby=\"kept-title kept-desc\""))
        #expect(html.contains("<title id=\"kept-title\">Promises kept</title>"))
        #expect(html.contains("<desc id=\"kept-desc\">Kept and broken promises per month.</desc>"))
        #expect(html.contains("<title>Kept, Mar: 12</title>"))
        #expect(html.contains("<title>Broken, Jan: 1</title>"))
        #expect(!html.contains("Broken, Feb"), "a missing value draws no marker")
        #expect(Self.count("<path d=", in: html) == 2)
        #expect(html.contains("<table class=\"data-table\" id=\"kept-table\">"))
        #expect(html.contains("<tr><th scope=\"row\">Feb</th><td class=\"num\">8</td><td class=\"num\">–</td></tr>"))
        #expect(!html.contains("<script"))
        // The broken line is split by the gap: two "M" moves for it.
        let broken = try #require(html.components(separatedBy: "<path d=\"").dropFirst().last)
        #expect(Self.count("M", in: String(broken.prefix { $0 != "\"" })) == 2)
    }

    @Test("the tallest grouped bar reaches the scale's top value, and bars have titles")
    func groupedBars() throws {
        let data = Self.data([.init("Quoted", ints: [10, 20, 40]), .init("Delivered", ints: [8, 15, 30])])
        let html = BarChart.render(data, localizer: try Self.localizer(), format: { "\($0)" })
        #expect(html.contains("class=\"chart chart-bar\""))
        #expect(Self.count("<rect", in: html) == 6)
        #expect(html.contains("<title>Delivered, Feb: 15</title>"))
        // 40 on a 0…40 scale: the bar starts at the top of the plot.
        #expect(html.contains("y=\"\(ChartStyle.top)\" width="))
    }

    @Test("stacked bars pile the series: the scale covers each category's total")
    func stackedBars() throws {
        let data = Self.data([.init("Approved", ints: [30, 10, 0]), .init("Changed", ints: [45, 5, 2])])
        let scale = BarChart.scale(data, .stacked)
        #expect(scale.upper == 80)
        let html = BarChart.render(data, layout: .stacked, localizer: try Self.localizer(), format: { "\($0)" })
        #expect(html.contains("chart-stacked-bar"))
        #expect(Self.count("<rect", in: html) == 5, "a zero value draws no bar")
    }

    @Test("labels and titles from data are escaped")
    func escaping() throws {
        var data = Self.data([.init("<b>Tom & \"Jerry\"</b>", ints: [1, 2, 3])], categories: ["a<b", "c&d", "e"])
        data.title = "Sales & <PMs>"
        let html = LineChart.render(data, localizer: try Self.localizer(), format: { "\($0)" })
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;"))
        #expect(html.contains("Sales &amp; &lt;PMs&gt;"))
        #expect(html.contains("a&lt;b"))
        #expect(html.contains("c&amp;d"))
    }

    @Test("no data gives the caption and a note in the user's language, no SVG")
    func emptyData() throws {
        let none = Self.data([.init("Kept", [nil, nil, nil])])
        let html = LineChart.render(none, localizer: try Self.localizer("fr"), format: { "\($0)" })
        #expect(!html.contains("<svg"))
        #expect(html.contains("Promises kept"))
        #expect(html.contains("Aucun chiffre pour cette période."))
        let noCategories = BarChart.render(
            Self.data([], categories: []), layout: .stacked, localizer: try Self.localizer(), format: { "\($0)" })
        #expect(noCategories.contains("chart-empty"))
    }

    @Test("values are written by the caller's formatter, in the axis and the table")
    func formatting() throws {
        let l = try Self.localizer("fr")
        let data = Self.data([.init("Marge", [Decimal(string: "1250.5")!, 2000, 500])])
        let html = BarChart.render(data, localizer: l, format: { l.format($0, maximumFractionDigits: 1) })
        #expect(html.contains(l.format(Decimal(string: "1250.5")!, maximumFractionDigits: 1)))
        #expect(html.contains(l.format(Decimal(2000))))
        #expect(html.contains("Afficher les chiffres sous forme de tableau"))
    }
}
