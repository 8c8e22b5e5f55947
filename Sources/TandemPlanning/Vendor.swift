import Foundation
import TandemDomain

/// Local working hours on some weekdays, e.g. Monday to Friday 09:00–17:00.
/// Minutes of the local day; `to` may be 1440 (24:00).
public struct WorkingPeriod: Hashable, Sendable, Codable {
    public var days: Set<Weekday>
    public var fromMinute: Int
    public var toMinute: Int

    public init(days: Set<Weekday>, fromMinute: Int, toMinute: Int) {
        self.days = days
        self.fromMinute = fromMinute
        self.toMinute = toMinute
    }

    public static let officeHours = WorkingPeriod(
        days: [.mon, .tue, .wed, .thu, .fri], fromMinute: 9 * 60, toMinute: 17 * 60)
}

/// What a step's amount and a capability's throughput count. The engine counts `.hour` work
/// in minutes: a step of 2.5 hours is 150 units, and an hourly capability does 60 per hour.
public enum WorkUnit: String, Hashable, Sendable, Codable, CaseIterable {
    case word, page, hour
}

/// What a vendor charges for a capability, in the vendor's currency: `price` per `unit` (a word,
/// a page or an hour of work, whatever the step counts: an in-house linguist translating words
/// may cost by the hour), at least `minimumFee` per job (one assignment), and `rushPrice`
/// instead of `price` when the request is a rush (`FeasibilityRequest.rush`).
public struct VendorRate: Hashable, Sendable, Codable {
    public var price: Money
    public var unit: WorkUnit
    /// In the price's currency.
    public var minimumFee: Money?
    /// Per `unit`, in the price's currency.
    public var rushPrice: Money?

    public init(price: Money, unit: WorkUnit = .word, minimumFee: Money? = nil, rushPrice: Money? = nil) {
        self.price = price
        self.unit = unit
        self.minimumFee = minimumFee
        self.rushPrice = rushPrice
    }
}

/// What a vendor can do, how fast, at what cost.
public struct Capability: Hashable, Sendable, Codable {
    public var pair: LanguagePair
    public var service: Service
    /// What the throughput counts, and so which steps the capability serves: word steps,
    /// page steps (DTP-like) or hour steps.
    public var unit: WorkUnit
    /// Throughput: words or pages per working hour; for `.hour`, 60 (minutes of work per hour).
    /// For an agency, per worker (see `PlanningVendor.workers`).
    public var unitsPerHour: Int
    public var rate: VendorRate

    /// A word-based capability priced per word (the original shape).
    public init(pair: LanguagePair, service: Service, wordsPerHour: Int, costPerWord: Money) {
        self.init(
            pair: pair, service: service, unit: .word, unitsPerHour: wordsPerHour, rate: VendorRate(price: costPerWord))
    }

    /// Any unit: `unitsPerHour` words or pages per hour; ignored (60) for `.hour`.
    public init(pair: LanguagePair, service: Service, unit: WorkUnit, unitsPerHour: Int, rate: VendorRate) {
        self.pair = pair
        self.service = service
        self.unit = unit
        self.unitsPerHour = unit == .hour ? 60 : unitsPerHour
        self.rate = rate
    }

    /// Words per hour, for word-based capabilities (the throughput in the capability's unit).
    public var wordsPerHour: Int {
        get { unitsPerHour }
        set { unitsPerHour = newValue }
    }

    /// The price per unit of work, the currency every cost of this capability is in.
    public var costPerWord: Money { rate.price }
}

/// Confirmed work that occupies a vendor.
public struct Booking: Hashable, Sendable, Codable {
    public var id: BookingID?
    public var range: TimeRange
    public init(id: BookingID? = nil, range: TimeRange) {
        self.id = id
        self.range = range
    }
}

/// Work from an open quote that will occupy the vendor if the quote is won.
public struct TentativeBooking: Hashable, Sendable, Codable {
    public var id: BookingID?
    public var range: TimeRange
    /// Win probability, 0...1.
    public var probability: Double
    public init(id: BookingID? = nil, range: TimeRange, probability: Double) {
        self.id = id
        self.range = range
        self.probability = probability
    }
}

/// Whole local days off (holidays, leave), inclusive.
public struct Absence: Hashable, Sendable, Codable {
    public var from: LocalDay
    public var to: LocalDay
    public init(from: LocalDay, to: LocalDay) {
        self.from = from
        self.to = to
    }
}

/// A freelance linguist, in-house linguist or agency as the planner sees it.
public struct PlanningVendor: Hashable, Sendable, Codable {
    public var id: VendorID
    /// IANA identifier such as `Europe/Paris`.
    public var timeZone: String
    public var workingHours: [WorkingPeriod]
    /// Whole local days off.
    public var absences: [Absence]
    /// Absences as UTC instants, `end` exclusive (an afternoon off, leave from 13:00 Tuesday).
    public var absentPeriods: [TimeRange]
    public var booked: [Booking]
    public var tentative: [TentativeBooking]
    public var capabilities: [Capability]
    /// At most this share (0 < share ≤ 1) of each local day's working minutes may be booked,
    /// confirmed work included; nil: all of them. Per day, not per week: see docs/planning.md.
    public var maxBookedShare: Decimal?
    /// Parallel workers (an agency): each working minute does `workers` × the throughput, and
    /// a booking occupies one worker. 1 for a person.
    public var workers: Int
    /// Quality score 0–100 (from evaluations); nil when not scored.
    public var quality: Int?
    /// The vendor's weighting grid for costs; nil: the request's (the organisation's), else none.
    public var grid: CostGrid?

    public init(
        id: VendorID, timeZone: String, workingHours: [WorkingPeriod] = [.officeHours], absences: [Absence] = [],
        absentPeriods: [TimeRange] = [], booked: [Booking] = [], tentative: [TentativeBooking] = [],
        capabilities: [Capability], maxBookedShare: Decimal? = nil, workers: Int = 1, quality: Int? = nil,
        grid: CostGrid? = nil
    ) {
        self.id = id
        self.timeZone = timeZone
        self.workingHours = workingHours
        self.absences = absences
        self.absentPeriods = absentPeriods
        self.booked = booked
        self.tentative = tentative
        self.capabilities = capabilities
        self.maxBookedShare = maxBookedShare
        self.workers = workers
        self.quality = quality
        self.grid = grid
    }
}
