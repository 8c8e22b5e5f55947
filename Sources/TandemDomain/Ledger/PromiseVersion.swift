import Foundation

/// One version of a promise's terms. Version 1 is the hand-off's; each renegotiation (the client
/// agreed to new terms) or agreed change order adds the next, with who, when, why and the cause.
public struct PromiseVersion: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<PromiseVersion>

    public var id: ID
    public var promiseID: Promise.ID
    public var number: Int
    public var terms: PromiseTerms
    /// The terms this version replaced; nil for version 1.
    public var previous: PromiseTerms?
    public var reason: String
    public var cause: BreachCause?
    public var changeOrderID: ChangeOrder.ID?
    public var by: User.ID?
    public var at: Date
    /// Made after the replaced version's deadline, undelivered: that version was broken.
    public var madeAfterDeadline: Bool

    public init(
        id: ID, promiseID: Promise.ID, number: Int, terms: PromiseTerms, previous: PromiseTerms? = nil,
        reason: String = "", cause: BreachCause? = nil, changeOrderID: ChangeOrder.ID? = nil, by: User.ID?, at: Date,
        madeAfterDeadline: Bool = false
    ) {
        self.id = id
        self.promiseID = promiseID
        self.number = number
        self.terms = terms
        self.previous = previous
        self.reason = reason
        self.cause = cause
        self.changeOrderID = changeOrderID
        self.by = by
        self.at = at
        self.madeAfterDeadline = madeAfterDeadline
    }
}

/// The ledger's facts about one promise, beside the hand-off's `Promise` row.
public struct PromiseState: Hashable, Codable, Sendable {
    public var deliveryDay: LocalDate?
    public var marginAtRisk: Bool
    public var renegotiated: Bool
    /// Why it was broken (or renegotiated): nil while unknown.
    public var cause: BreachCause?
    public var deliveredAt: Date?
    public var deliveredFullScope: Bool
    /// A version in force was broken before a renegotiation made after its deadline.
    public var brokenEarlier: Bool
    public var forecast: PromiseForecast?
    /// When the sales owner and PM were told it turned at risk; cleared when it is back on track.
    public var atRiskNotifiedAt: Date?
    /// Cancelled by an agreed change order: left out of the ledger's rows and totals.
    public var cancelled: Bool

    public init(
        deliveryDay: LocalDate? = nil, marginAtRisk: Bool = false, renegotiated: Bool = false,
        cause: BreachCause? = nil, deliveredAt: Date? = nil, deliveredFullScope: Bool = true,
        brokenEarlier: Bool = false, forecast: PromiseForecast? = nil, atRiskNotifiedAt: Date? = nil,
        cancelled: Bool = false
    ) {
        self.deliveryDay = deliveryDay
        self.marginAtRisk = marginAtRisk
        self.renegotiated = renegotiated
        self.cause = cause
        self.deliveredAt = deliveredAt
        self.deliveredFullScope = deliveredFullScope
        self.brokenEarlier = brokenEarlier
        self.forecast = forecast
        self.atRiskNotifiedAt = atRiskNotifiedAt
        self.cancelled = cancelled
    }
}

/// A promise with its ledger state, as the ledger lists it.
public struct LedgerPromise: Hashable, Sendable, Identifiable {
    public var promise: Promise
    public var state: PromiseState
    public var accountID: Account.ID
    public var accountName: String
    public var projectName: String

    public var id: Promise.ID { promise.id }
    public var terms: PromiseTerms {
        PromiseTerms(deliveryDate: promise.deliveryDate, deliveryDay: state.deliveryDay, price: promise.price)
    }

    public init(promise: Promise, state: PromiseState, accountID: Account.ID, accountName: String, projectName: String)
    {
        self.promise = promise
        self.state = state
        self.accountID = accountID
        self.accountName = accountName
        self.projectName = projectName
    }

    /// The facts `PromiseStanding.derive` judges.
    public func facts(clientZone: TimeZone) -> PromiseStanding.Facts {
        .init(
            terms: terms, clientZone: clientZone, forecast: state.forecast, deliveredAt: state.deliveredAt,
            deliveredFullScope: state.deliveredFullScope, brokenEarlier: state.brokenEarlier)
    }
}

/// The renegotiation rules: a stale version is refused, the next version records old and new
/// terms, and one made after the deadline of an undelivered version keeps that version broken.
public enum PromiseRenegotiation {
    public static func staleVersion(_ current: Int) -> DomainError {
        .conflict(
            field: "version", key: "promise.error.stale_version", arguments: ["version": String(current)],
            fallback: "Someone changed this promise meanwhile (it is at version \(current)); reload it and try again.")
    }

    public static let alreadyDelivered = DomainError.conflict(
        field: "deliveryDate", key: "promise.error.delivered", arguments: [:],
        fallback: "This target was delivered; its terms can no longer be renegotiated.")

    /// The next version and the promise's new state.
    public static func next(
        _ current: LedgerPromise, expectedVersion: Int?, terms: PromiseTerms, reason: String, cause: BreachCause,
        clientZone: TimeZone, id: PromiseVersion.ID, by: User.ID?, at: Date
    ) throws -> (PromiseVersion, PromiseState) {
        if let expectedVersion, expectedVersion != current.promise.version {
            throw staleVersion(current.promise.version)
        }
        guard current.state.deliveredAt == nil else { throw alreadyDelivered }
        let late = at > current.terms.deadline(clientZone: clientZone)
        let version = PromiseVersion(
            id: id, promiseID: current.promise.id, number: current.promise.version + 1, terms: terms,
            previous: current.terms, reason: reason, cause: cause, by: by, at: at, madeAfterDeadline: late)
        var state = current.state
        state.deliveryDay = terms.deliveryDay
        state.renegotiated = true
        state.cause = cause
        state.atRiskNotifiedAt = nil
        if late { state.brokenEarlier = true }
        return (version, state)
    }
}

extension DomainError {
    public static let promiseNotFound = DomainError.notFound(
        entityKey: "promise.entity.promise", fallback: "The promise was not found.")
}

extension RecordSubject.Kind {
    public static let promise = RecordSubject.Kind(rawValue: "promise")
}

extension Notification.Kind {
    /// A promise turned at risk: its sales owner and PM are told once, with the reason and options.
    public static let promiseAtRisk = Notification.Kind(rawValue: "promise-at-risk")
}
