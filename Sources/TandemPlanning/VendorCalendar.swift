import TandemDomain

/// One vendor's calendar compiled for fast queries: hours per weekday, absent local days,
/// confirmed work and tentative work as UTC spans.
struct VendorCalendar: Sendable {
    let zone: ZoneRules
    /// Local minute-of-day windows per weekday (Monday first), sorted.
    let hours: [[Span]]
    let absentDays: Set<Int>
    /// Booked work, normalized.
    var busy: [Span]
    var tentative: [(span: Span, probability: Double)]

    init(vendor: PlanningVendor, zone: ZoneRules) {
        self.zone = zone
        var hours = Array(repeating: [Span](), count: 7)
        for period in vendor.workingHours {
            for day in period.days { hours[day.index].append(Span(period.fromMinute, period.toMinute)) }
        }
        self.hours = hours.map(Spans.normalized)
        var absent = Set<Int>()
        for absence in vendor.absences where absence.to.dayNumber >= absence.from.dayNumber {
            for day in absence.from.dayNumber...absence.to.dayNumber { absent.insert(day) }
        }
        absentDays = absent
        busy = Spans.normalized(vendor.booked.map { Span($0.range.start.minutes, $0.range.end.minutes) })
        tentative = vendor.tentative.map { (Span($0.range.start.minutes, $0.range.end.minutes), $0.probability) }
    }

    /// Working time in [a, b) in UTC, ignoring bookings (absences excluded).
    func workingSpans(from a: Int, to b: Int) -> [Span] {
        var out: [Span] = []
        guard b > a else { return out }
        var day = zone.localDay(ofUTC: a) - 1
        let last = zone.localDay(ofUTC: b) + 1
        var weekday = Weekday.of(dayNumber: day).index
        while day <= last {
            if !absentDays.contains(day) {
                for window in hours[weekday] {
                    let s = max(a, zone.utc(fromLocal: day * 1440 + window.start))
                    let e = min(b, zone.utc(fromLocal: day * 1440 + window.end))
                    if e > s {
                        if let lastSpan = out.last, s <= lastSpan.end {
                            out[out.count - 1].end = max(lastSpan.end, e)
                        } else {
                            out.append(Span(s, e))
                        }
                    }
                }
            }
            day += 1
            weekday = weekday == 6 ? 0 : weekday + 1
        }
        return out
    }

    /// Tentative work taken at its probability-weighted share: the first `p × length` minutes.
    var weightedTentative: [Span] {
        Spans.normalized(
            tentative.map {
                Span(
                    $0.span.start, $0.span.start + Int((Double($0.span.end - $0.span.start) * $0.probability).rounded())
                )
            })
    }

    func freeTime(from a: Int, to b: Int, weighTentative: Bool) -> FreeTime {
        var blocked = busy
        if weighTentative, !tentative.isEmpty { blocked = Spans.normalized(busy + weightedTentative) }
        return FreeTime(spans: Spans.subtracting(blocked, from: workingSpans(from: a, to: b)), horizon: b)
    }
}
