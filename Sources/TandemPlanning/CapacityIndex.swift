import Foundation
import TandemDomain

/// Vendors, their calendars and their load, indexed for feasibility checks. Build it once,
/// keep it (it is a value: copy it into an actor for shared use), update it as jobs are booked
/// or released, and ask it `check(_:now:)`.
public struct CapacityIndex: Sendable {
    struct Entry: Sendable {
        var vendor: PlanningVendor
        var calendar: VendorCalendar
    }

    struct CapabilityKey: Hashable, Sendable {
        var source: String
        var target: String
        var service: Service
    }

    /// The look-up key of a vendor's capability: languages without subtags, and the service.
    static func capabilityKey(of capability: Capability) -> CapabilityKey {
        CapabilityKey(
            source: capability.pair.source.language, target: capability.pair.target.language,
            service: capability.service)
    }

    /// What `weightedTentatives` keeps for a calendar: nil when it has no tentative work.
    private static func weightedTentative(of calendar: VendorCalendar) -> [Span]? {
        calendar.tentative.isEmpty ? nil : calendar.weightedTentative
    }

    private(set) var entries: [Entry?] = []
    /// Per slot, kept apart from `entries` so the planner's hot path copies one array element:
    /// free time (working hours less absences and bookings) over `window`, if set...
    private var freeTimes: [FreeTime?] = []
    /// ...and tentative work at its probability-weighted share, if any...
    private var weightedTentatives: [[Span]?] = []
    /// ...and whether the vendor has a maximum booked share (its first day is made per check).
    private var capped: [Bool] = []
    private var slots: [VendorID: VendorSlot] = [:]
    private var byCapability: [CapabilityKey: [CapabilityRef]] = [:]
    /// The currencies of all capabilities, numbered in order of appearance (`CapabilityRef.currency`).
    private(set) var currencies: [CurrencyCode] = []
    private var currencyNumbers: [CurrencyCode: Int] = [:]

    /// One capability of one vendor, flattened for candidate look-ups.
    struct CapabilityRef: Sendable {
        var slot: VendorSlot
        var capabilityIndex: Int
        /// Units of `unit` per hour, per worker.
        var rate: Int
        var unit: WorkUnit
        /// The cost per unit of work in millionths of its currency, for ordering without `Decimal`...
        var costMillionths: Int
        /// ...and on a rush request.
        var rushMillionths: Int
        /// The cost's currency, by its number in `currencies`.
        var currency: Int
        /// Priced per word, so a weighting grid applies.
        var wordPriced: Bool
        var workers: Int32
        /// The vendor's quality score, −1 when not scored.
        var quality: Int32
        /// The capability's target subtags beyond the language (`FR` in `fr-FR`), joined, by
        /// number in `details` (0: none), so a ref is plain values and copies without counting.
        var targetDetail: Int
    }
    /// Target subtags of capabilities (`FR`, `Latn-RS`), numbered; 0 is none.
    private var details: [String] = [""]
    private var detailNumbers: [String: Int] = ["": 0]
    private var zones: [String: ZoneRules] = [:]

    private mutating func detailNumber(_ detail: String) -> Int {
        if let known = detailNumbers[detail] { return known }
        details.append(detail)
        detailNumbers[detail] = details.count - 1
        return details.count - 1
    }
    /// The span over which every vendor's free time is kept ready; checks whose planning
    /// horizon falls inside it skip calendar work entirely. Checks outside it still work.
    public private(set) var window: TimeRange?

    public init() {}

    /// Builds the index; throws `PlanningInputError` naming the field at fault. For a long-lived
    /// index pass a `window` (e.g. now − 1 day … now + 180 days) and move it daily with `setWindow`.
    public init(vendors: [PlanningVendor], window: TimeRange? = nil) throws {
        self.window = window
        for (i, vendor) in vendors.enumerated() {
            try upsert(vendor, field: "vendors[\(i)]")
        }
    }

    /// Recomputes every vendor's free time over a new window (nil: compute per check).
    public mutating func setWindow(_ window: TimeRange?) {
        self.window = window
        for i in entries.indices { freeTimes[i] = entries[i].flatMap { precompute($0.calendar) } }
    }

    private func precompute(_ calendar: VendorCalendar) -> FreeTime? {
        guard let window else { return nil }
        return calendar.freeTime(from: window.start.minutes, to: window.end.minutes, weighTentative: false)
    }

    public var vendorCount: Int { slots.count }

    public func vendor(_ id: VendorID) -> PlanningVendor? { slots[id].flatMap { entries[$0.index]?.vendor } }

    /// Adds a vendor or replaces one with the same id.
    public mutating func upsert(_ vendor: PlanningVendor) throws { try upsert(vendor, field: "vendor") }

    mutating func upsert(_ vendor: PlanningVendor, field: String) throws {
        try PlanningValidation.validate(vendor, field: field)
        let zone: ZoneRules
        if let known = zones[vendor.timeZone] {
            zone = known
        } else if let made = ZoneRules(identifier: vendor.timeZone) {
            zones[vendor.timeZone] = made
            zone = made
        } else {
            throw PlanningInputError(field: "\(field).timeZone", .unknownTimeZone(vendor.timeZone))
        }
        if let slot = slots[vendor.id] { remove(slot: slot) }
        let slot = VendorSlot(index: entries.count)
        let calendar = VendorCalendar(vendor: vendor, zone: zone)
        entries.append(Entry(vendor: vendor, calendar: calendar))
        freeTimes.append(precompute(calendar))
        weightedTentatives.append(Self.weightedTentative(of: calendar))
        capped.append(calendar.shareMillionths != nil)
        slots[vendor.id] = slot
        for (i, capability) in vendor.capabilities.enumerated() {
            let currency = capability.rate.price.currency
            if currencyNumbers[currency] == nil {
                currencyNumbers[currency] = currencies.count
                currencies.append(currency)
            }
            let rate = capability.rate
            // Per unit of the step's work (a word, a page, a minute): an hourly price is spread
            // over what an hour does.
            func perUnit(_ price: Money) -> Int {
                let m = CostKey.millionths(price.amount)
                return rate.unit == .hour ? m / max(1, capability.unitsPerHour) : m
            }
            byCapability[Self.capabilityKey(of: capability), default: []].append(
                CapabilityRef(
                    slot: slot, capabilityIndex: i, rate: capability.unitsPerHour, unit: capability.unit,
                    costMillionths: perUnit(rate.price), rushMillionths: perUnit(rate.rushPrice ?? rate.price),
                    currency: currencyNumbers[currency]!, wordPriced: rate.unit == .word,
                    workers: Int32(clamping: vendor.workers), quality: Int32(clamping: vendor.quality ?? -1),
                    targetDetail: detailNumber(capability.pair.target.subtags.dropFirst().joined(separator: "-"))))
        }
    }

    public mutating func remove(_ id: VendorID) {
        if let slot = slots[id] { remove(slot: slot) }
    }

    private mutating func remove(slot: VendorSlot) {
        guard let entry = entries[slot.index] else { return }
        for key in Set(entry.vendor.capabilities.map(Self.capabilityKey(of:))) {
            byCapability[key]?.removeAll { $0.slot == slot }
        }
        slots[entry.vendor.id] = nil
        entries[slot.index] = nil
        freeTimes[slot.index] = nil
        weightedTentatives[slot.index] = nil
    }

    /// Records confirmed work; no rebuild, only this vendor's busy list changes.
    public mutating func book(_ booking: Booking, for id: VendorID) throws {
        guard let slot = slots[id]?.index else {
            throw PlanningInputError(field: "vendor", .unknownVendor(id: id.rawValue))
        }
        guard booking.range.end > booking.range.start else {
            throw PlanningInputError(
                field: "booking.to", .notAfter("\(booking.range.end)", from: "\(booking.range.start)"))
        }
        let span = Span(booking.range.start.minutes, booking.range.end.minutes)
        entries[slot]!.vendor.booked.append(booking)
        entries[slot]!.calendar.busy = Spans.inserting(span, into: entries[slot]!.calendar.busy)
        entries[slot]!.calendar.bookings.append(span)
        if entries[slot]!.calendar.hasLimits {
            // An agency's booking takes one worker; a capped day's allowance shrinks: recompute.
            freeTimes[slot] = precompute(entries[slot]!.calendar)
        } else if let precomputed = freeTimes[slot] {
            freeTimes[slot] = precomputed.subtracting([span])
        }
    }

    /// Removes confirmed work by its id; returns whether it was there.
    @discardableResult
    public mutating func release(_ bookingID: BookingID, for id: VendorID) -> Bool {
        guard let slot = slots[id]?.index, var entry = entries[slot] else { return false }
        let before = entry.vendor.booked.count
        entry.vendor.booked.removeAll { $0.id == bookingID }
        let beforeTentative = entry.vendor.tentative.count
        entry.vendor.tentative.removeAll { $0.id == bookingID }
        guard entry.vendor.booked.count != before || entry.vendor.tentative.count != beforeTentative else {
            return false
        }
        entry.calendar = VendorCalendar(vendor: entry.vendor, zone: entry.calendar.zone)
        freeTimes[slot] = precompute(entry.calendar)
        weightedTentatives[slot] = Self.weightedTentative(of: entry.calendar)
        entries[slot] = entry
        return true
    }

    /// Records work from an open quote with its win probability.
    public mutating func addTentative(_ tentative: TentativeBooking, for id: VendorID) throws {
        guard let slot = slots[id]?.index else {
            throw PlanningInputError(field: "vendor", .unknownVendor(id: id.rawValue))
        }
        entries[slot]!.vendor.tentative.append(tentative)
        entries[slot]!.calendar.tentative.append(
            (Span(tentative.range.start.minutes, tentative.range.end.minutes), tentative.probability))
        weightedTentatives[slot] = Self.weightedTentative(of: entries[slot]!.calendar)
    }

    // MARK: - Lookups for the planner

    func slot(of id: VendorID) -> VendorSlot? { slots[id] }

    func entry(_ slot: VendorSlot) -> Entry { entries[slot.index]! }

    /// One field of a slot's vendor, without copying its entry.
    func vendorID(_ slot: VendorSlot) -> VendorID { entries[slot.index]!.vendor.id }
    func quality(_ slot: VendorSlot) -> Int? { entries[slot.index]!.vendor.quality }
    func grid(_ slot: VendorSlot) -> CostGrid? { entries[slot.index]!.vendor.grid }

    /// Vendors able to do `step` from `source` into `target`, each with its best capability
    /// (closest language match, then fastest), costs keyed for `pricing` (rush prices, grids).
    /// Vendors below `minimumQuality` (or without a score when there is one) are left out.
    func candidates(
        source: LanguageTag, target: LanguageTag, step: StepRequest, costs: CostScale, pricing: StepPricing? = nil,
        minimumQuality: Int? = nil
    ) -> [Candidate] {
        guard
            let refs = byCapability[
                CapabilityKey(source: source.language, target: target.language, service: step.service)]
        else { return [] }
        // Same language is guaranteed by the key; the capability's target must equal the
        // request's or be a prefix of it (`fr` serves `fr-FR`, `fr-CA` does not).
        let requestDetail = target.subtags.dropFirst().joined(separator: "-")
        let requestNumber = detailNumbers[requestDetail] ?? -1
        let minimum = Int32(clamping: minimumQuality ?? -1)
        var out: [Candidate] = []
        out.reserveCapacity(refs.count)
        var bestQuality = 0
        for ref in refs where ref.unit == step.unit && ref.quality >= minimum {
            let quality: Int
            if ref.targetDetail == requestNumber {
                quality = 3
            } else if ref.targetDetail == 0 || requestDetail.hasPrefix(details[ref.targetDetail] + "-") {
                quality = 2
            } else {
                continue
            }
            var millionths = ref.costMillionths
            if let pricing {
                millionths = pricing.millionths(
                    of: ref, vendorGrid: pricing.bands == nil ? nil : entries[ref.slot.index]?.vendor.grid)
            }
            let candidate = Candidate(
                slot: ref.slot, capabilityIndex: ref.capabilityIndex, rate: ref.rate,
                cost: costs.key(millionths: millionths, currency: ref.currency), workers: ref.workers,
                quality: ref.quality)
            if let last = out.last, last.slot == ref.slot {
                // A vendor's capabilities are adjacent: keep the closer match, then the faster.
                if (quality, ref.rate) > (bestQuality, last.rate) {
                    out[out.count - 1] = candidate
                    bestQuality = quality
                }
            } else {
                out.append(candidate)
                bestQuality = quality
            }
        }
        return out
    }

    /// The currencies of the capabilities that could serve some step of `request`, in ISO order.
    public func currencies(servingAny request: FeasibilityRequest) -> [CurrencyCode] {
        var numbers = Set<Int>()
        for target in request.targets {
            for step in target.steps {
                let key = CapabilityKey(
                    source: target.source.language, target: target.target.language, service: step.service)
                for ref in byCapability[key] ?? [] { numbers.insert(ref.currency) }
            }
        }
        return numbers.map { currencies[$0] }.sorted { $0.code < $1.code }
    }

    func precomputed(_ slot: VendorSlot) -> FreeTime? { freeTimes[slot.index] }

    /// Whether the vendor has a maximum booked share: its precomputed time needs
    /// `startingWithin` for a check's first day.
    func isCapped(_ slot: VendorSlot) -> Bool { capped[slot.index] }

    func startingWithin(_ precomputed: FreeTime, slot: VendorSlot, origin: Int, horizon: Int) -> FreeTime {
        entries[slot.index]!.calendar.startingWithin(precomputed, origin: origin, horizon: horizon)
    }

    /// Slots are never reused; removed vendors leave a nil behind.
    var slotCount: Int { entries.count }

    func weightedTentative(_ slot: VendorSlot) -> [Span]? { weightedTentatives[slot.index] }

    func capability(of candidate: Candidate) -> Capability {
        entries[candidate.slot.index]!.vendor.capabilities[candidate.capabilityIndex]
    }
}

/// A vendor able to do a step, in plain values so the planner's inner loops copy no references.
struct Candidate: Sendable {
    var slot: VendorSlot
    var vendor = RequestVendor(index: 0)
    var capabilityIndex: Int
    /// Units per hour, per worker.
    var rate: Int
    var cost: CostKey
    /// Parallel workers: the candidate's free minutes count this many times.
    var workers: Int32 = 1
    /// Quality score, −1 when not scored: between equally cheap vendors the better fills first.
    var quality: Int32 = -1
}

/// What changes a step's per-unit costs beyond the stored price: a rush request (rush prices)
/// and match bands weighed by each vendor's grid (or the request's). Nil when neither applies,
/// so the common case reads the stored cost.
struct StepPricing {
    var rush: Bool
    var bands: [MatchBand: Int]?
    var words: Int
    var requestGrid: CostGrid?

    init?(request: FeasibilityRequest, step: StepRequest) {
        let weighs = step.bands != nil && step.unit == .word
        guard request.rush || weighs else { return nil }
        rush = request.rush
        bands = weighs ? step.bands : nil
        words = step.words
        requestGrid = request.grid
    }

    func millionths(of ref: CapacityIndex.CapabilityRef, vendorGrid: CostGrid?) -> Int {
        let base = rush ? ref.rushMillionths : ref.costMillionths
        guard ref.wordPriced, let bands, words > 0, let grid = vendorGrid ?? requestGrid else { return base }
        let weighted = grid.weightedWords(bands)
        return NSDecimalNumber(decimal: (Decimal(base) * weighted / Decimal(words)).rounded(scale: 0)).intValue
    }
}
