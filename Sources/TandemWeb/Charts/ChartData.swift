import Foundation
import TandemApp

/// What any page hands to the chart kit: category labels along the x axis (periods, pairs,
/// people) and one or more named series of plain numbers, one value per category. A missing
/// value (`nil`) is drawn as a gap and written "–" in the table. Labels are plain text: the kit
/// escapes them. Numbers are formatted by the caller (`format`), so money, percentages and
/// counts read in the user's language.
struct ChartData: Sendable {
    struct Series: Sendable, Equatable {
        var name: String
        var values: [Decimal?]

        init(_ name: String, _ values: [Decimal?]) {
            self.name = name
            self.values = values
        }

        init(_ name: String, ints: [Int]) {
            self.init(name, ints.map { Decimal($0) })
        }
    }

    /// Unique on the page: the SVG's `<title>` and `<desc>` ids and the table's id derive from it.
    var id: String
    var title: String
    /// One or two sentences saying what the chart shows (the SVG's `<desc>`).
    var description: String
    /// The heading of the table's first column, e.g. "Month" or "Language pair".
    var categoryHeading: String
    var categories: [String]
    var series: [Series]

    /// True when there is nothing to draw: no category, no series, or only missing values.
    var isEmpty: Bool {
        categories.isEmpty || !series.contains { $0.values.contains { $0 != nil } }
    }

    /// The value of series `s` at category `c`, `nil` when missing or out of range.
    func value(_ s: Int, _ c: Int) -> Decimal? {
        let values = series[s].values
        return c < values.count ? values[c] : nil
    }
}

/// Fills, marker shapes and dash patterns per series: colour is never the only cue.
enum ChartStyle {
    static let fills = ["#3b6fd4", "#e07b39", "#2e8b57", "#8e44ad", "#c0392b", "#607d8b"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 2", "1 2"]
    static let width = 640
    static let height = 300
    static let left = 72
    static let right = 16
    static let top = 16
    static let bottom = 60
    static var plotWidth: Int { width - left - right }
    static var plotHeight: Int { height - top - bottom }

    static func fill(_ series: Int) -> String { fills[series % fills.count] }
    static func dash(_ series: Int) -> String { dashes[series % dashes.count] }

    /// A coordinate with at most one decimal, never in scientific notation: "12", "12.5".
    static func coord(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// Text and attribute values are escaped (labels come from data and catalogs), by the same
    /// escaper as the threads' Markdown.
    static func escape(_ text: String) -> String { HTMLAllowList.escape(text) }
}
