import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import TandemPlanning
import TandemPlanningText
import Vapor

/// One vendor's load day by day as server-made SVG, for the vendor's page: a bar per day whose
/// height is the day's working time, split into booked, tentative (probability-weighted) and
/// free; absent days are marked. Each day has a `<title>` in the user's language.
enum VendorTimelineChart {
    struct Day {
        /// Local midnight of the day, in the user's time zone.
        var start: Date
        var load: VendorLoad
        var isAbsent: Bool
    }

    static let bookedFill = "#c62828"
    static let tentativeFill = "#f9a825"
    static let freeFill = "#a5d6a7"
    static let absentFill = "#b0bec5"
    static let dayWidth = 16
    static let barHeight = 90

    /// The days between consecutive `bounds` (local midnights) with the vendor's load in each.
    static func days(index: CapacityIndex, vendor: VendorID, bounds: [Date], absentDays: Set<Int>) -> [Day] {
        let loads = index.load(of: vendor, bounds: bounds.map(Instant.init)) ?? []
        return loads.enumerated().map { i, load in
            Day(start: bounds[i], load: load, isAbsent: absentDays.contains(i))
        }
    }

    static func render(_ days: [Day], localizer l: Localizer, titleID: String = "vendor-timeline-title") -> String {
        let fullDay = max(480, days.map(\.load.working).max() ?? 0)
        let width = days.count * dayWidth + 8
        let height = barHeight + 58
        let h = { (minutes: Int) in Int((Double(minutes) / Double(fullDay) * Double(barHeight)).rounded()) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="vendor-timeline" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-labelledby="\(titleID)">
            <title id="\(titleID)">\(HeatmapChart.escape(l.t("capacity.timeline.title")))</title>
            <defs><pattern id="absent-hatch" width="6" height="6" patternUnits="userSpaceOnUse" \
            patternTransform="rotate(45)"><rect width="6" height="6" fill="\(absentFill)"/>\
            <line x1="0" y1="0" x2="0" y2="6" stroke="#78909c" stroke-width="2"/></pattern></defs>

            """
        for (i, day) in days.enumerated() {
            let x = 4 + i * dayWidth
            let title = dayTitle(day, l)
            svg += "<g><title>\(HeatmapChart.escape(title))</title>"
            svg += "<rect x=\"\(x)\" y=\"4\" width=\"\(dayWidth - 2)\" height=\"\(barHeight)\" fill=\"#f5f7f8\"/>"
            if day.isAbsent {
                // Hatched, so an absence does not rely on its colour.
                svg += "<rect x=\"\(x)\" y=\"4\" width=\"\(dayWidth - 2)\" height=\"\(barHeight)\" "
                svg += "fill=\"url(#absent-hatch)\"/>"
            }
            var top = 4 + barHeight
            for (minutes, fill) in [
                (day.load.booked, bookedFill), (day.load.tentative, tentativeFill), (day.load.free, freeFill),
            ] where minutes > 0 {
                let height = max(1, h(minutes))
                top -= height
                svg += "<rect x=\"\(x)\" y=\"\(top)\" width=\"\(dayWidth - 2)\" height=\"\(height)\" fill=\"\(fill)\"/>"
            }
            svg += "</g>"
            // A date under each Monday (the first day of the week in the chart).
            if isMonday(day.start, in: l.timeZone) || i == 0 {
                svg += "<text x=\"\(x)\" y=\"\(barHeight + 18)\" font-size=\"10\" fill=\"#37474f\">"
                svg += "\(HeatmapChart.escape(l.formatDate(day.start)))</text>"
            }
        }
        svg += "\n<g font-size=\"11\" fill=\"#37474f\">"
        var x = 4
        for (key, fill) in [
            ("booked", bookedFill), ("tentative", tentativeFill), ("free", freeFill), ("absent", absentFill),
        ] {
            let swatch = key == "absent" ? "url(#absent-hatch)" : fill
            svg += "<rect x=\"\(x)\" y=\"\(barHeight + 30)\" width=\"12\" height=\"12\" fill=\"\(swatch)\"/>"
            let label = l.t("capacity.timeline.legend_\(key)")
            svg += "<text x=\"\(x + 16)\" y=\"\(barHeight + 40)\">\(HeatmapChart.escape(label))</text>"
            x += 24 + label.count * 6
        }
        return svg + "</g>\n</svg>"
    }

    static func dayTitle(_ day: Day, _ l: Localizer) -> String {
        let date = l.formatDate(day.start)
        return l.t(
            day.isAbsent ? "capacity.timeline.day_absent" : "capacity.timeline.day",
            [
                "day": .text(date), "working": .text(PlanningText.duration(day.load.working, localizer: l)),
                "booked": .text(PlanningText.duration(day.load.booked, localizer: l)),
                "tentative": .text(PlanningText.duration(day.load.tentative, localizer: l)),
                "free": .text(PlanningText.duration(day.load.free, localizer: l)),
            ])
    }

    static func isMonday(_ date: Date, in zone: TimeZone) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.component(.weekday, from: date) == 2
    }
}

extension Request {
    /// The vendor page's load section: a heading and the timeline, with the time zone named.
    func vendorLoadSection(_ vendor: VendorProfile.ID) async throws -> String? {
        guard let svg = try await vendorTimelineSVG(vendor) else { return nil }
        let l = localizer
        return "<h2>\(HeatmapChart.escape(l.t("vendors.section.load")))</h2>"
            + "<div class=\"timeline-scroll\">\(svg)</div>"
            + "<p class=\"hint\">\(HeatmapChart.escape(l.t("capacity.result.time_zone", ["zone": .text(l.timeZone.identifier)])))</p>"
    }

    /// The vendor page's load timeline: the next `weeks` weeks from the user's Monday, day by
    /// day, in the user's time zone and language; nil when the vendor is not planned (e.g. not
    /// approved).
    func vendorTimelineSVG(_ vendor: VendorProfile.ID, weeks: Int = 4) async throws -> String? {
        let index = try await capacityIndex()
        let id = VendorID(vendor.description)
        guard index.vendor(id) != nil else { return nil }
        let zone = localizer.timeZone
        let start = CapacityHeatmap.weekBounds(containing: now, weeks: 0, timeZone: zone)[0]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let bounds = (0...(weeks * 7)).compactMap { calendar.date(byAdding: .day, value: $0, to: start) }
        let absences = try await stores.vendorSchedule.absences(
            of: vendor, overlapping: DateInterval(start: bounds.first!, end: bounds.last!))
        let absent = Set(
            (0..<(bounds.count - 1)).filter { i in
                absences.contains { $0.from < bounds[i + 1] && $0.to > bounds[i] }
            })
        let days = VendorTimelineChart.days(index: index, vendor: id, bounds: bounds, absentDays: absent)
        return VendorTimelineChart.render(days, localizer: localizer)
    }
}
