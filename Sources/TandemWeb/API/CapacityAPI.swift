import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import TandemPlanning
import TandemPlanningText
import Vapor

/// Capacity from the database (docs/capacity.md): the deadline check against the stored
/// vendors, absences, bookings and holds, and the heatmap's figures.
enum CapacityAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.POST, APIRoute.capacityCheck, use: check)
        api.on(.GET, APIRoute.capacityHeatmap, use: heatmap)
    }

    /// The body is the `request` object of a `tandem plan` file; the answer is what
    /// `tandem plan --format json` prints for the stored data (reasons' text in the caller's
    /// language, times in UTC), or its redacted form for those who may not see vendors.
    @Sendable static func check(req: Request) async throws -> Response {
        try req.authorize(.checkCapacity)
        let outcome = try await CapacityChecking.run(req, body: try req.jsonBodyData())
        let localizer = req.application.localization.catalogs.localizer(
            locale: req.localizer.locale, timeZone: TimeZone(identifier: "UTC")!)
        let text =
            outcome.redacted
            ? RedactedCheck(outcome.result, localizer: localizer).json()
            : PlanRendering.json(outcome.result, localizer: localizer)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    struct HeatmapQuery: Content {
        var from: String?
        var weeks: String?
    }
    struct WeekBody: Content {
        var start: String
        var workingMinutes: Int
        var bookedMinutes: Int
        var tentativeMinutes: Int
        var freeMinutes: Int
    }
    struct RowBody: Content {
        var source: String
        var target: String
        var vendorCount: Int
        var weeks: [WeekBody]
    }
    struct HeatmapBody: Content {
        var from: String
        var timeZone: String
        var weekStarts: [String]
        var rows: [RowBody]
    }

    /// `?from=YYYY-MM-DD` (a day of the first week, in the caller's time zone; default today)
    /// and `?weeks=` (1–26, default 12).
    @Sendable static func heatmap(req: Request) async throws -> HeatmapBody {
        try req.authorize(.viewArea(.capacity))
        let query = try req.query.decode(HeatmapQuery.self)
        let window = try HeatmapWindow(from: query.from, weeks: query.weeks, req: req)
        let heatmap = try await req.capacityHeatmap(window)
        return HeatmapBody(
            from: req.localizer.isoDate(heatmap.bounds[0]), timeZone: req.localizer.timeZone.identifier,
            weekStarts: heatmap.bounds.dropLast().map { Instant($0).iso8601 },
            rows: heatmap.rows.map { row in
                RowBody(
                    source: row.source, target: row.target, vendorCount: row.vendorCount,
                    weeks: row.weeks.enumerated().map { i, load in
                        WeekBody(
                            start: Instant(heatmap.bounds[i]).iso8601, workingMinutes: load.working,
                            bookedMinutes: load.booked, tentativeMinutes: load.tentative, freeMinutes: load.free)
                    })
            })
    }
}

/// The weeks a heatmap covers: a first day and a number of weeks, from query text.
struct HeatmapWindow {
    static let defaultWeeks = 12
    static let maxWeeks = 26
    var from: Date
    var weeks: Int

    /// Throws a 422 naming `from` or `weeks` (both when both are wrong).
    init(from fromText: String?, weeks weeksText: String?, req: Request) throws {
        var problems: [FieldError] = []
        let l = req.localizer
        var day = req.now
        if let fromText, !fromText.isEmpty {
            if let date = CalendarDate(iso: fromText) {
                day = date.start(in: l.timeZone)
            } else {
                problems.append(
                    FieldError(
                        field: "from", code: "invalid", key: "capacity.error.from", arguments: ["value": fromText],
                        text: l.t("capacity.error.from", ["value": .text(fromText)])))
            }
        }
        var weeks = Self.defaultWeeks
        if let weeksText {
            if let n = Int(weeksText), (1...Self.maxWeeks).contains(n) {
                weeks = n
            } else {
                problems.append(
                    FieldError(
                        field: "weeks", code: "out_of_range", key: "capacity.error.weeks",
                        arguments: ["value": weeksText, "max": "\(Self.maxWeeks)"],
                        text: l.t(
                            "capacity.error.weeks", ["value": .text(weeksText), "max": .integer(Self.maxWeeks)])))
            }
        }
        if !problems.isEmpty { throw APIError.invalidFields(problems) }
        self.from = day
        self.weeks = weeks
    }
}

extension Request {
    /// The heatmap of the current capacity over `window`, in the user's time zone.
    func capacityHeatmap(_ window: HeatmapWindow) async throws -> CapacityHeatmap {
        let bounds = CapacityHeatmap.weekBounds(
            containing: window.from, weeks: window.weeks, timeZone: localizer.timeZone)
        let pool = application.threadPool
        return try await application.capacityHeatmaps.heatmap(bounds: bounds) { work in
            try await pool.runIfActive(work)
        }
    }
}
