import Foundation

/// Who a scorecard is about (docs/metrics.md, "Subjects").
public enum ScorecardSubject: String, CaseIterable, Codable, Sendable {
    /// A sales rep: promises they own as sales owner, quotes of their opportunities.
    case rep
    /// A PM: promises they manage, quotes of opportunities they partner.
    case pm
    /// A client account.
    case client
    /// A language pair (the opportunity's source → the promise's target).
    case pair
    /// The whole joint team (sales and production together): one row.
    case team
}

/// The span a scorecard covers: `[from, to)` in UTC instants, made from calendar days in the
/// organisation's time zone. `kind` says how to step to the previous period (the trends).
public struct MetricPeriod: Hashable, Sendable, Codable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case month, quarter, year, custom }

    public var kind: Kind
    /// First day, inclusive.
    public var first: LocalDate
    /// Last day, inclusive.
    public var last: LocalDate
    public var zone: String

    public init(kind: Kind, first: LocalDate, last: LocalDate, zone: String) {
        self.kind = kind
        self.first = first
        self.last = last
        self.zone = zone
    }

    var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        return c
    }

    /// The first instant of the period.
    public var from: Date { Self.start(of: first, in: calendar) }
    /// The first instant after the period.
    public var to: Date { Self.start(of: last.adding(days: 1), in: calendar) }

    static func start(of day: LocalDate, in calendar: Calendar) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// The month, quarter or year that holds `date` (in `zone`).
    public static func containing(_ date: Date, kind: Kind, zone: String) -> MetricPeriod {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        let parts = c.dateComponents([.year, .month], from: date)
        let year = parts.year!
        let month = parts.month!
        let firstMonth: Int
        let months: Int
        switch kind {
        case .month, .custom: (firstMonth, months) = (month, 1)
        case .quarter: (firstMonth, months) = ((month - 1) / 3 * 3 + 1, 3)
        case .year: (firstMonth, months) = (1, 12)
        }
        let first = try! LocalDate(year: year, month: firstMonth, day: 1)
        let next = first.addingMonths(months)
        return MetricPeriod(
            kind: kind == .custom ? .month : kind, first: first, last: next.adding(days: -1), zone: zone)
    }

    /// The period just before this one: the previous month, quarter or year, or as many days
    /// before a custom span.
    public var previous: MetricPeriod {
        switch kind {
        case .month, .quarter, .year:
            let months = kind == .month ? 1 : kind == .quarter ? 3 : 12
            let first = self.first.addingMonths(-months)
            return MetricPeriod(kind: kind, first: first, last: self.first.adding(days: -1), zone: zone)
        case .custom:
            let days = first.days(until: last) + 1
            return MetricPeriod(
                kind: kind, first: first.adding(days: -days), last: first.adding(days: -1), zone: zone)
        }
    }

    /// This period and the `count - 1` before it, oldest first.
    public func trend(_ count: Int) -> [MetricPeriod] {
        var periods = [self]
        while periods.count < count { periods.insert(periods[0].previous, at: 0) }
        return periods
    }
}

extension LocalDate {
    /// The same day `months` months later (always the 1st when used for periods).
    public func addingMonths(_ months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let y = index / 12
        let m = index % 12 + 1
        let lastDay = LocalDate.daysIn(year: y, month: m)
        return try! LocalDate(year: y, month: m, day: min(day, lastDay))
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whole days from this day to `other` (negative when `other` is earlier).
    public func days(until other: LocalDate) -> Int {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        let a = c.date(from: DateComponents(year: year, month: month, day: day))!
        let b = c.date(from: DateComponents(year: other.year, month: other.month, day: other.day))!
        return c.dateComponents([.day], from: a, to: b).day!
    }
}
