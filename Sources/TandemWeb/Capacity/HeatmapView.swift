import Foundation
import TandemApp
import TandemLocalization
import TandemPlanning

/// The heatmap for the capacity page: the SVG, the same figures as a table, and the links to
/// the weeks before and after.
struct HeatmapView: Encodable {
    struct Row: Encodable {
        var pair: String
        var vendors: String
        /// Per week: "free of working" hours, e.g. "28 h / 120 h".
        var cells: [String]
    }

    var svg: String
    var weeks: [String]
    var rows: [Row]
    var isEmpty: Bool
    var timeZone: String
    var earlierHref: String
    var laterHref: String

    init(_ heatmap: CapacityHeatmap, localizer l: Localizer) {
        svg = HeatmapChart.render(heatmap, localizer: l)
        weeks = heatmap.bounds.dropLast().map { l.formatDate($0) }
        rows = heatmap.rows.map { row in
            Row(
                pair: HeatmapChart.pairName(row), vendors: l.format(row.vendorCount),
                cells: row.weeks.map { load in
                    l.t(
                        "capacity.heatmap.table_cell",
                        [
                            "booked": .text(HeatmapChart.hours(load.booked, l)),
                            "tentative": .text(HeatmapChart.hours(load.tentative, l)),
                            "free": .text(HeatmapChart.hours(load.free, l)),
                            "working": .text(HeatmapChart.hours(load.working, l)),
                        ])
                })
        }
        isEmpty = heatmap.rows.isEmpty
        timeZone = l.timeZone.identifier
        let span = heatmap.bounds.count - 1
        let first = heatmap.bounds.first ?? Date()
        func href(_ weeks: Int) -> String {
            let day = first.addingTimeInterval(TimeInterval(weeks * 7 * 86_400 + 43_200))
            return SiteRoute.area(.capacity).path + "?from=" + l.isoDate(day)
        }
        earlierHref = href(-span)
        laterHref = href(span)
    }
}
