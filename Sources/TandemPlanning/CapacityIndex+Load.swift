import TandemDomain

/// How a vendor's working time in one period is used: what confirmed work takes, what tentative
/// work from open quotes takes at its win probability, and what is left. Minutes.
public struct VendorLoad: Hashable, Sendable {
    /// Working time (working hours less absences), times the workers of an agency.
    public var working: Int
    /// The part of `working` that may be booked at all (the vendor's maximum booked share).
    public var bookable: Int
    /// Working time taken by confirmed work.
    public var booked: Int
    /// Working time that tentative work would take, weighted by its probability (the first
    /// `probability × length` of each, as the verdict counts it), outside confirmed work.
    public var tentative: Int

    public init(working: Int = 0, booked: Int = 0, tentative: Int = 0, bookable: Int? = nil) {
        self.working = working
        self.bookable = bookable ?? working
        self.booked = booked
        self.tentative = tentative
    }

    /// Bookable time neither booked nor likely taken by tentative work.
    public var free: Int { max(0, bookable - booked - tentative) }

    public static func + (a: VendorLoad, b: VendorLoad) -> VendorLoad {
        VendorLoad(
            working: a.working + b.working, booked: a.booked + b.booked, tentative: a.tentative + b.tentative,
            bookable: a.bookable + b.bookable)
    }
}

extension CapacityIndex {
    /// Every vendor's id, in no particular order.
    public var vendorIDs: [VendorID] { entries.compactMap { $0?.vendor.id } }

    /// Slots held, including those replaced or removed vendors left behind (slots are never
    /// reused, and checks size some work by them): a long-lived index is rebuilt when this
    /// grows well past `vendorCount`.
    public var slotsHeld: Int { slotCount }

    /// A vendor's load in each period between consecutive `bounds` (sorted instants: n + 1 bounds
    /// give n periods, e.g. the starts of 13 weeks give 12 weeks); nil for an unknown vendor.
    public func load(of id: VendorID, bounds: [Instant]) -> [VendorLoad]? {
        guard let slot = slot(of: id) else { return nil }
        let calendar = entry(slot).calendar
        guard let first = bounds.first, let last = bounds.last, bounds.count > 1 else { return [] }
        let working = calendar.workingSpans(from: first.minutes, to: last.minutes)
        let free = Spans.subtracting(calendar.busy, from: working)
        let tentative = Spans.subtracting(calendar.busy, from: calendar.weightedTentative)
        let workers = calendar.workers
        return (0..<(bounds.count - 1)).map { i in
            let period = Span(bounds[i].minutes, bounds[i + 1].minutes)
            let workingMinutes = Self.minutes(of: working, in: period)
            var load: VendorLoad
            if workers == 1 {
                let freeMinutes = Self.minutes(of: free, in: period)
                load = VendorLoad(
                    working: workingMinutes, booked: workingMinutes - freeMinutes,
                    tentative: Self.overlap(of: tentative, with: free, in: period))
            } else {
                // An agency: each booking occupies one of its workers.
                let total = workingMinutes * workers
                let booked = min(
                    total, calendar.bookings.reduce(0) { $0 + Self.overlap(of: [$1], with: working, in: period) })
                let weighted = Self.overlap(of: calendar.weightedTentative, with: working, in: period)
                load = VendorLoad(working: total, booked: booked, tentative: min(total - booked, weighted))
            }
            if let share = calendar.shareMillionths {
                load.bookable = Int((Double(load.working) * Double(share) / 1_000_000).rounded(.down))
            }
            return load
        }
    }

    /// Minutes of normalized `spans` inside `period`.
    static func minutes(of spans: [Span], in period: Span) -> Int {
        var total = 0
        for span in spans where span.end > period.start {
            if span.start >= period.end { break }
            total += Spans.overlap(span, period)
        }
        return total
    }

    /// Minutes where normalized `a` and `b` overlap inside `period`.
    static func overlap(of a: [Span], with b: [Span], in period: Span) -> Int {
        var total = 0
        var j = 0
        for span in a where span.end > period.start && span.start < period.end {
            let clipped = Span(max(span.start, period.start), min(span.end, period.end))
            while j < b.count, b[j].end <= clipped.start { j += 1 }
            var k = j
            while k < b.count, b[k].start < clipped.end {
                total += Spans.overlap(clipped, b[k])
                k += 1
            }
        }
        return total
    }
}
