import Foundation
import TandemDomain
import TandemPlanning

/// The stored vendor records as the planning engine sees them. Only approved vendors are
/// planned, and only their approved capabilities; a vendor is known to the engine by its id
/// (`VendorProfile.ID.description`).
public enum PlanningVendors {
    /// One `PlanningVendor` per approved vendor of `snapshot`, in the snapshot's order, with
    /// its absences (instants), bookings, holds, booked-share limit, workers, quality and grid.
    /// Costs come from the rates valid on `day`. In-house linguists are also away on the
    /// organisation's public holidays.
    public static func make(from snapshot: VendorSnapshot, on day: LocalDate, organisation: OrganisationSettings?)
        -> [PlanningVendor]
    {
        let capabilities = Dictionary(grouping: snapshot.capabilities, by: \.vendorID)
        let rates = Dictionary(grouping: snapshot.rates, by: \.vendorID)
        let absences = Dictionary(grouping: snapshot.absences, by: \.vendorID)
        let bookings = Dictionary(grouping: snapshot.bookings, by: \.vendorID)
        let holds = Dictionary(grouping: snapshot.holds, by: \.vendorID)
        return snapshot.vendors.filter { $0.status == .approved }.map { vendor in
            make(
                vendor, capabilities: capabilities[vendor.id] ?? [], rates: rates[vendor.id] ?? [],
                absences: absences[vendor.id] ?? [], bookings: bookings[vendor.id] ?? [],
                holds: holds[vendor.id] ?? [], on: day,
                holidays: vendor.kind == .inHouse ? organisation?.holidays.map(\.date) ?? [] : [])
        }
    }

    static func make(
        _ vendor: VendorProfile, capabilities: [VendorCapability], rates: [TandemDomain.VendorRate],
        absences: [VendorAbsence],
        bookings: [VendorBooking], holds: [TentativeHold], on day: LocalDate, holidays: [LocalDate]
    ) -> PlanningVendor {
        let holidays: [Absence] = holidays.compactMap { date in
            LocalDay(iso: date.description).map { Absence(from: $0, to: $0) }
        }
        let booked = bookings.filter { $0.to > $0.from }.map {
            Booking(id: BookingID($0.id.description), range: TimeRange(start: Instant($0.from), end: Instant($0.to)))
        }
        let tentative = holds.filter { $0.to > $0.from }.map {
            TentativeBooking(
                id: BookingID($0.id.description), range: TimeRange(start: Instant($0.from), end: Instant($0.to)),
                probability: NSDecimalNumber(decimal: $0.probability).doubleValue)
        }
        return PlanningVendor(
            id: VendorID(vendor.id.description), timeZone: vendor.timeZone, workingHours: periods(vendor.workingHours),
            absences: holidays,
            absentPeriods: absences.filter { $0.to > $0.from }.map {
                TimeRange(start: Instant($0.from), end: Instant($0.to))
            },
            booked: booked, tentative: tentative,
            capabilities: capabilities.compactMap { capability(of: vendor, $0, rates: rates, on: day) },
            maxBookedShare: vendor.maxBookedShare.flatMap { $0 > 0 && $0 <= 1 ? $0 : nil },
            workers: max(1, vendor.parallelWorkers), quality: vendor.qualityScore, grid: vendor.weightingGrid.map(grid))
    }

    /// Working hours as the engine's periods: one per distinct interval, with the days it applies.
    static func periods(_ hours: WorkingHours) -> [WorkingPeriod] {
        var days: [WorkingInterval: Set<Weekday>] = [:]
        for day in Weekday.allCases {
            for interval in hours.intervals(on: day) { days[interval, default: []].insert(day) }
        }
        return days.sorted { $0.key < $1.key }.map {
            WorkingPeriod(days: $0.value, fromMinute: $0.key.fromMinute, toMinute: $0.key.toMinute)
        }
    }

    /// The vendor's grid as the engine's (the vendor records call the repetition band `repetitions`).
    static func grid(_ grid: WeightingGrid) -> CostGrid {
        var percent: [TandemPlanning.MatchBand: Decimal] = [:]
        for (name, value) in grid.percents {
            if let band = TandemPlanning.MatchBand(rawValue: name == "repetitions" ? "repetition" : name) {
                percent[band] = Decimal(value)
            }
        }
        return CostGrid(percent: percent)
    }

    /// An approved capability with its throughput unit and the vendor's rate for it on `day`:
    /// per word, page or hour as the work counts, else per hour (in-house linguists' hourly
    /// cost when there is no rate), with the minimum fee and rush price of the same pair and
    /// service. Without any price the work costs 0 in the vendor's currency.
    static func capability(
        of vendor: VendorProfile, _ capability: VendorCapability, rates: [TandemDomain.VendorRate], on day: LocalDate
    )
        -> Capability?
    {
        guard capability.approval.approved else { return nil }
        let unit: WorkUnit
        switch capability.throughput.unit {
        case .words: unit = .word
        case .pages: unit = .page
        case .hours: unit = .hour
        }
        let perHour = NSDecimalNumber(decimal: capability.throughput.perHour).intValue
        guard unit == .hour || perHour > 0 else { return nil }
        let current = rates.filter {
            $0.pair == capability.pair && $0.service == capability.service && $0.isValid(on: day)
        }
        func rate(_ rateUnit: RateUnit) -> TandemDomain.VendorRate? { current.last { $0.unit == rateUnit } }
        let ownUnit: RateUnit = unit == .word ? .word : unit == .page ? .page : .hour
        let price: (Money, WorkUnit, Money?)
        if let own = rate(ownUnit) {
            price = (own.price, unit, own.rushPrice)
        } else if let hourly = rate(.hour) {
            price = (hourly.price, .hour, hourly.rushPrice)
        } else if let hourly = vendor.hourlyCost {
            price = (hourly, .hour, nil)
        } else {
            price = (Money(0, vendor.currency), unit, nil)
        }
        return Capability(
            pair: capability.pair, service: Service(capability.service.rawValue), unit: unit, unitsPerHour: perHour,
            rate: TandemPlanning.VendorRate(
                price: price.0, unit: price.1, minimumFee: rate(.minimumFee)?.price, rushPrice: price.2))
    }
}
