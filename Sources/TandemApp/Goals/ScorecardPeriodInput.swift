import Foundation
import TandemDomain

/// How a scorecard's period is asked for: `period` (`month`, `quarter`, `year`, or
/// `last-month`, `last-quarter`, `last-year`), and/or `from` and `to` (calendar days, both
/// inclusive). With `period` and `from` alone: the month, quarter or year holding `from`.
/// Nothing: the current quarter. Days are read in the organisation's time zone.
public struct ScorecardPeriodInput: Sendable, Equatable {
    public var period: String?
    public var from: String?
    public var to: String?

    public init(period: String? = nil, from: String? = nil, to: String? = nil) {
        self.period = period
        self.from = from
        self.to = to
    }

    /// The period, or every wrong field at once (`period`, `from`, `to`).
    public func resolve(now: Date, zone: String) throws -> MetricPeriod {
        var errors: [DomainError] = []
        var kind: MetricPeriod.Kind?
        var previous = false
        if let period, !period.isEmpty {
            let name = period.hasPrefix("last-") ? String(period.dropFirst(5)) : period
            if let k = MetricPeriod.Kind(rawValue: name), k != .custom {
                kind = k
                previous = period.hasPrefix("last-")
            } else {
                errors.append(
                    .invalid(
                        "period", "metrics.error.period", ["value": period],
                        fallback: "“\(period)” is not a period: use month, quarter, year, last-month, last-quarter "
                            + "or last-year."))
            }
        }
        func day(_ text: String?, _ field: String) -> LocalDate? {
            guard let text, !text.isEmpty else { return nil }
            do { return try LocalDate(iso: text) } catch let error as DomainError {
                errors.append(error.renamed(field))
                return nil
            } catch { return nil }
        }
        let first = day(from, "from")
        let last = day(to, "to")
        if let first, let last, last < first {
            errors.append(
                .invalid(
                    "to", "metrics.error.to_before_from", ["from": first.description, "to": last.description],
                    fallback: "The period ends (\(last)) before it starts (\(first)); give a later “to”."))
        }
        if (to?.isEmpty == false) && (from ?? "").isEmpty {
            errors.append(
                .invalid(
                    "from", "metrics.error.from_required", fallback: "Give “from” too: the first day of the period."))
        }
        if kind == nil, from?.isEmpty == false, (to ?? "").isEmpty, first != nil {
            errors.append(
                .invalid("to", "metrics.error.to_required", fallback: "Give “to” too: the last day of the period."))
        }
        try ValidationErrors.check(errors)
        if let first, let last { return MetricPeriod(kind: .custom, first: first, last: last, zone: zone) }
        let k = kind ?? .quarter
        if let first {
            var c = Calendar(identifier: .gregorian)
            c.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
            let at = c.date(from: DateComponents(year: first.year, month: first.month, day: first.day, hour: 12))!
            return MetricPeriod.containing(at, kind: k, zone: zone)
        }
        let current = MetricPeriod.containing(now, kind: k, zone: zone)
        return previous ? current.previous : current
    }
}
