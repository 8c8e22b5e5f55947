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

/// What a vendor can do, how fast, at what cost.
public struct Capability: Hashable, Sendable, Codable {
    public var pair: LanguagePair
    public var service: Service
    public var wordsPerHour: Int
    public var costPerWord: Money

    public init(pair: LanguagePair, service: Service, wordsPerHour: Int, costPerWord: Money) {
        self.pair = pair
        self.service = service
        self.wordsPerHour = wordsPerHour
        self.costPerWord = costPerWord
    }
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

/// A freelance linguist or agency as the planner sees it.
public struct PlanningVendor: Hashable, Sendable, Codable {
    public var id: VendorID
    /// IANA identifier such as `Europe/Paris`.
    public var timeZone: String
    public var workingHours: [WorkingPeriod]
    public var absences: [Absence]
    public var booked: [Booking]
    public var tentative: [TentativeBooking]
    public var capabilities: [Capability]

    public init(
        id: VendorID, timeZone: String, workingHours: [WorkingPeriod] = [.officeHours], absences: [Absence] = [],
        booked: [Booking] = [], tentative: [TentativeBooking] = [], capabilities: [Capability]
    ) {
        self.id = id
        self.timeZone = timeZone
        self.workingHours = workingHours
        self.absences = absences
        self.booked = booked
        self.tentative = tentative
        self.capabilities = capabilities
    }
}
