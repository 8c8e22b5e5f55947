import Foundation

/// Why a promise was broken or renegotiated: the four causes the ledger reports on.
public enum BreachCause: String, CaseIterable, Codable, Sendable {
    case clientChange = "client_change"
    case salesEstimate = "sales_estimate"
    case productionSlip = "production_slip"
    case vendor
}

/// What production expects for one target of a project: the latest planned or assigned finish
/// of its open jobs, and the expected vendor cost (in the organisation's base currency).
public struct PromiseForecast: Hashable, Codable, Sendable {
    public var expectedFinish: Date?
    public var expectedCost: Money?
    public init(expectedFinish: Date?, expectedCost: Money?) {
        self.expectedFinish = expectedFinish
        self.expectedCost = expectedCost
    }
}

/// The terms a promise holds in one version: the delivery instant, and the day when the client
/// was promised a day ("by 12 March") rather than an instant, and the price.
public struct PromiseTerms: Hashable, Codable, Sendable {
    public var deliveryDate: Date
    /// Set when the promise is a day: it is kept by a delivery on that day in the client's zone.
    public var deliveryDay: LocalDate?
    public var price: Money
    public init(deliveryDate: Date, deliveryDay: LocalDate? = nil, price: Money) {
        self.deliveryDate = deliveryDate
        self.deliveryDay = deliveryDay
        self.price = price
    }

    /// The instant a day ends in `zone` (the first instant of the next day).
    public static func endOfDay(_ day: LocalDate, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        return calendar.date(byAdding: .day, value: 1, to: start)!
    }

    /// True when a delivery at `delivered` keeps these terms' date: by the instant, or on or
    /// before the promised day in the client's zone.
    public func isOnTime(_ delivered: Date, clientZone: TimeZone) -> Bool {
        if let day = deliveryDay { return LocalDate(delivered, in: clientZone) <= day }
        return delivered <= deliveryDate
    }

    /// The last instant that still keeps the promise: for a day, its last second in the client's
    /// zone (what `forDay` stores as the delivery instant, so SQL compares one column).
    public func deadline(clientZone: TimeZone) -> Date {
        if let day = deliveryDay { return Self.endOfDay(day, in: clientZone).addingTimeInterval(-1) }
        return deliveryDate
    }

    /// Terms promising a day: the delivery instant is the day's last second in the client's zone.
    public static func forDay(_ day: LocalDate, clientZone: TimeZone, price: Money) -> PromiseTerms {
        PromiseTerms(
            deliveryDate: endOfDay(day, in: clientZone).addingTimeInterval(-1), deliveryDay: day, price: price)
    }
}

/// A promise's standing, derived from data, never typed in.
public struct PromiseStanding: Hashable, Sendable {
    /// Why the standing is what it is, as a code the edge words.
    public enum Reason: String, Hashable, Sendable, Codable {
        case onPlan = "on_plan"
        case forecastAfterPromise = "forecast_after_promise"
        case notDeliveredByPromise = "not_delivered_by_promise"
        case deliveredLate = "delivered_late"
        case deliveredPartly = "delivered_partly"
        case deliveredOnTime = "delivered_on_time"
        case brokenBeforeRenegotiation = "broken_before_renegotiation"
    }

    public var status: PromiseStatus
    public var reason: Reason

    public init(_ status: PromiseStatus, _ reason: Reason) {
        self.status = status
        self.reason = reason
    }

    /// What the standing is judged on.
    public struct Facts: Hashable, Sendable {
        public var terms: PromiseTerms
        public var clientZone: TimeZone
        public var forecast: PromiseForecast?
        public var deliveredAt: Date?
        /// False when the delivery fell short of the promised scope.
        public var deliveredFullScope: Bool
        /// A version in force was broken before a later renegotiation: the promise stays broken.
        public var brokenEarlier: Bool

        public init(
            terms: PromiseTerms, clientZone: TimeZone, forecast: PromiseForecast? = nil, deliveredAt: Date? = nil,
            deliveredFullScope: Bool = true, brokenEarlier: Bool = false
        ) {
            self.terms = terms
            self.clientZone = clientZone
            self.forecast = forecast
            self.deliveredAt = deliveredAt
            self.deliveredFullScope = deliveredFullScope
            self.brokenEarlier = brokenEarlier
        }
    }

    /// On track; at risk when the forecast finish is after the promise; kept when delivered in
    /// full on time (on the promised day in the client's zone when the promise is a day); broken
    /// when delivered late or short, or not delivered by the instant. `now` is the judging time.
    public static func derive(_ facts: Facts, now: Date) -> PromiseStanding {
        if facts.brokenEarlier { return PromiseStanding(.broken, .brokenBeforeRenegotiation) }
        let terms = facts.terms
        if let delivered = facts.deliveredAt {
            guard terms.isOnTime(delivered, clientZone: facts.clientZone) else {
                return PromiseStanding(.broken, .deliveredLate)
            }
            return facts.deliveredFullScope
                ? PromiseStanding(.kept, .deliveredOnTime) : PromiseStanding(.broken, .deliveredPartly)
        }
        if now > terms.deadline(clientZone: facts.clientZone) {
            return PromiseStanding(.broken, .notDeliveredByPromise)
        }
        if let finish = facts.forecast?.expectedFinish, !terms.isOnTime(finish, clientZone: facts.clientZone) {
            return PromiseStanding(.atRisk, .forecastAfterPromise)
        }
        return PromiseStanding(.onTrack, .onPlan)
    }

    /// The status a stored one reads as at `now`: an open promise past its deadline and not
    /// delivered is broken (the same rule the ledger's SQL applies).
    public static func current(stored: PromiseStatus, deadline: Date, delivered: Bool, now: Date) -> PromiseStatus {
        if !delivered && (stored == .onTrack || stored == .atRisk) && now > deadline { return .broken }
        return stored
    }
}

/// The expected cost breaking the margin floor: a flag beside the status, since the client was
/// never promised a margin.
public enum MarginRisk {
    /// Price and cost in the same (base) currency; false when either is missing.
    public static func isAtRisk(price: Money?, expectedCost: Money?, floor: MarginFloor) -> Bool {
        guard let price, let expectedCost, price.currency == expectedCost.currency,
            let margin = try? Margin.of(price: price, cost: expectedCost)
        else { return false }
        return floor.isBreached(by: margin)
    }
}
