import Foundation
import TandemDomain

/// One vendor's calendar compiled for fast queries: hours per weekday, absent local days and
/// absences as instants, confirmed work and tentative work as UTC spans, and the limits on how
/// much of it may be booked (maximum booked share, parallel workers).
struct VendorCalendar: Sendable {
    let zone: ZoneRules
    /// Local minute-of-day windows per weekday (Monday first), sorted.
    let hours: [[Span]]
    let absentDays: Set<Int>
    /// Absences given as instants, normalized.
    let absentSpans: [Span]
    /// Booked work, normalized.
    var busy: [Span]
    /// Booked work as given (overlaps kept): for agencies each booking occupies one worker.
    var bookings: [Span]
    var tentative: [(span: Span, probability: Double)]
    /// Parallel workers (1 for a person).
    let workers: Int
    /// The bookable share of each local day's working minutes, in millionths; nil: all.
    let shareMillionths: Int?

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
        absentSpans = Spans.normalized(vendor.absentPeriods.map { Span($0.start.minutes, $0.end.minutes) })
        bookings = vendor.booked.map { Span($0.range.start.minutes, $0.range.end.minutes) }
        busy = Spans.normalized(bookings)
        tentative = vendor.tentative.map { (Span($0.range.start.minutes, $0.range.end.minutes), $0.probability) }
        workers = max(1, vendor.workers)
        shareMillionths = vendor.maxBookedShare.flatMap { $0 >= 1 ? nil : CostKey.millionths($0) }
    }

    /// Whether free time is more than working time less bookings: `book` must recompute it.
    var hasLimits: Bool { workers > 1 || shareMillionths != nil }

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
        return absentSpans.isEmpty ? out : Spans.subtracting(absentSpans, from: out)
    }

    /// Tentative work taken at its probability-weighted share: the first `p × length` minutes.
    var weightedTentative: [Span] {
        Spans.normalized(weightedTentativeSpans)
    }

    private var weightedTentativeSpans: [Span] {
        tentative.map {
            Span($0.span.start, $0.span.start + Int((Double($0.span.end - $0.span.start) * $0.probability).rounded()))
        }
    }

    func freeTime(from a: Int, to b: Int, weighTentative: Bool) -> FreeTime {
        if !hasLimits {
            let working = workingSpans(from: a, to: b)
            var blocked = busy
            if weighTentative, !tentative.isEmpty { blocked = Spans.normalized(busy + weightedTentative) }
            return FreeTime(spans: Spans.subtracting(blocked, from: working), horizon: b)
        }
        // A capped day's allowance is of the whole local day, even when planning starts within it.
        let from = shareMillionths == nil ? a : min(a, zone.utc(fromLocal: zone.localDay(ofUTC: a) * 1440))
        let working = workingSpans(from: from, to: b)
        var occupied = bookings.filter { $0.end > from && $0.start < b }
        if weighTentative { occupied += weightedTentativeSpans }
        let free = Self.workersFree(working: working, workers: workers, occupied: occupied)
        guard let shareMillionths else { return FreeTime(weighted: free) }
        return FreeTime(weighted: capped(free, working: working, shareMillionths: shareMillionths, notBefore: a))
    }

    /// `precomputed` (free time over a window that starts before `origin`) with the day of
    /// `origin` made again from `origin`: a capped day's allowance is placed on its earliest free
    /// minutes, which for a check starting within the day are the ones after its start.
    func startingWithin(_ precomputed: FreeTime, origin: Int, horizon: Int) -> FreeTime {
        guard shareMillionths != nil else { return precomputed }
        let dayEnd = zone.utc(fromLocal: (zone.localDay(ofUTC: origin) + 1) * 1440)
        let first = freeTime(from: origin, to: min(dayEnd, horizon), weighTentative: false)
        return precomputed.replacing(before: dayEnd, with: first)
    }

    /// Working spans with the workers left free by `occupied` (each span occupies one worker).
    static func workersFree(working: [Span], workers: Int, occupied: [Span]) -> [(span: Span, workers: Int)] {
        guard !occupied.isEmpty else { return working.map { ($0, workers) } }
        var events: [(at: Int, delta: Int)] = []
        for span in occupied where span.end > span.start {
            events.append((span.start, 1))
            events.append((span.end, -1))
        }
        events.sort { $0.at < $1.at }
        var out: [(span: Span, workers: Int)] = []
        var e = 0
        var load = 0
        for span in working {
            while e < events.count, events[e].at <= span.start {
                load += events[e].delta
                e += 1
            }
            var cursor = span.start
            while cursor < span.end {
                let next = e < events.count ? min(events[e].at, span.end) : span.end
                let free = workers - load
                if next > cursor, free > 0 {
                    if let last = out.last, last.span.end == cursor, last.workers == free {
                        out[out.count - 1].span.end = next
                    } else {
                        out.append((Span(cursor, next), free))
                    }
                }
                cursor = next
                while e < events.count, events[e].at <= cursor, cursor < span.end {
                    load += events[e].delta
                    e += 1
                }
            }
        }
        return out
    }

    /// `free` cut so that, on each local day, booked plus free worker-minutes stay within the
    /// bookable share of the day's working worker-minutes: the day's earliest free time is kept.
    private func capped(
        _ free: [(span: Span, workers: Int)], working: [Span], shareMillionths: Int, notBefore: Int
    ) -> [(span: Span, workers: Int)] {
        var out: [(span: Span, workers: Int)] = []
        var w = 0
        var f = 0
        var remainingWorking = working
        var remainingFree = free
        while w < remainingWorking.count || f < remainingFree.count {
            let first = min(
                w < remainingWorking.count ? remainingWorking[w].start : Int.max,
                f < remainingFree.count ? remainingFree[f].span.start : Int.max)
            let day = zone.localDay(ofUTC: first)
            let dayEnd = zone.utc(fromLocal: (day + 1) * 1440)
            var workMinutes = 0
            while w < remainingWorking.count, remainingWorking[w].start < dayEnd {
                let end = min(remainingWorking[w].end, dayEnd)
                workMinutes += (end - remainingWorking[w].start) * workers
                if remainingWorking[w].end > dayEnd {
                    remainingWorking[w].start = dayEnd
                    break
                }
                w += 1
            }
            var dayFree: [(span: Span, workers: Int)] = []
            while f < remainingFree.count, remainingFree[f].span.start < dayEnd {
                let piece = remainingFree[f]
                dayFree.append((Span(piece.span.start, min(piece.span.end, dayEnd)), piece.workers))
                if piece.span.end > dayEnd {
                    remainingFree[f].span.start = dayEnd
                    break
                }
                f += 1
            }
            let freeMinutes = dayFree.reduce(0) { $0 + ($1.span.end - $1.span.start) * $1.workers }
            var allowed = workMinutes * shareMillionths / 1_000_000 - (workMinutes - freeMinutes)
            for piece in dayFree where allowed > 0 && piece.span.end > notBefore {
                let start = max(piece.span.start, notBefore)
                let length = min(piece.span.end - start, allowed / piece.workers)
                guard length > 0 else { break }
                out.append((Span(start, start + length), piece.workers))
                allowed -= length * piece.workers
            }
        }
        return out
    }
}
