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
    /// ...and tentative work at its probability-weighted share, if any.
    private var weightedTentatives: [[Span]?] = []
    private var slots: [VendorID: VendorSlot] = [:]
    private var byCapability: [CapabilityKey: [CapabilityRef]] = [:]
    /// The currencies of all capabilities, numbered in order of appearance (`CapabilityRef.currency`).
    private(set) var currencies: [CurrencyCode] = []
    private var currencyNumbers: [CurrencyCode: Int] = [:]

    /// One capability of one vendor, flattened for candidate look-ups.
    struct CapabilityRef: Sendable {
        var slot: VendorSlot
        var capabilityIndex: Int
        var rate: Int
        /// The per-word cost in millionths of its currency, for ordering without `Decimal`.
        var costMillionths: Int
        /// The cost's currency, by its number in `currencies`.
        var currency: Int
        /// The capability's target subtags beyond the language (`FR` in `fr-FR`), joined.
        var targetDetail: String
    }
    private var zones: [String: ZoneRules] = [:]
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
        slots[vendor.id] = slot
        for (i, capability) in vendor.capabilities.enumerated() {
            let currency = capability.costPerWord.currency
            if currencyNumbers[currency] == nil {
                currencyNumbers[currency] = currencies.count
                currencies.append(currency)
            }
            byCapability[Self.capabilityKey(of: capability), default: []].append(
                CapabilityRef(
                    slot: slot, capabilityIndex: i, rate: capability.wordsPerHour,
                    costMillionths: CostKey.millionths(capability.costPerWord.amount),
                    currency: currencyNumbers[currency]!,
                    targetDetail: capability.pair.target.subtags.dropFirst().joined(separator: "-")))
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
        if let precomputed = freeTimes[slot] { freeTimes[slot] = precomputed.subtracting([span]) }
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

    /// Vendors able to do `service` from `source` into `target`, each with its best capability
    /// (closest language match, then fastest).
    func candidates(source: LanguageTag, target: LanguageTag, service: Service, costs: CostScale) -> [Candidate] {
        guard let refs = byCapability[CapabilityKey(source: source.language, target: target.language, service: service)]
        else { return [] }
        // Same language is guaranteed by the key; the capability's target must equal the
        // request's or be a prefix of it (`fr` serves `fr-FR`, `fr-CA` does not).
        let requestDetail = target.subtags.dropFirst().joined(separator: "-")
        var out: [Candidate] = []
        out.reserveCapacity(refs.count)
        var bestQuality = 0
        for ref in refs {
            let quality: Int
            if ref.targetDetail == requestDetail {
                quality = 3
            } else if ref.targetDetail.isEmpty || requestDetail.hasPrefix(ref.targetDetail + "-") {
                quality = 2
            } else {
                continue
            }
            let candidate = Candidate(
                slot: ref.slot, capabilityIndex: ref.capabilityIndex, rate: ref.rate,
                cost: costs.key(millionths: ref.costMillionths, currency: ref.currency))
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

    func precomputed(_ slot: VendorSlot) -> FreeTime? { freeTimes[slot.index] }

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
    /// Words per hour.
    var rate: Int
    var cost: CostKey
}
