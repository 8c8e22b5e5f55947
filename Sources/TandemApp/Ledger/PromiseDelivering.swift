import Foundation
import TandemDomain

extension PromiseLedger {
    /// A target delivered to the client.
    public struct Delivery: Sendable {
        /// The actual instant (ISO 8601); now when absent.
        public var deliveredAt: String?
        public var what: String?
        public var recipient: String?
        /// The actual vendor cost, in the base currency.
        public var cost: Money?
        public var fullScope: Bool
        /// Required when the delivery is late or short: client_change, sales_estimate, production_slip, vendor.
        public var lateCause: String?
        public var note: String?
        public init(
            deliveredAt: String? = nil, what: String?, recipient: String?, cost: Money? = nil, fullScope: Bool = true,
            lateCause: String? = nil, note: String? = nil
        ) {
            self.deliveredAt = deliveredAt
            self.what = what
            self.recipient = recipient
            self.cost = cost
            self.fullScope = fullScope
            self.lateCause = lateCause
            self.note = note
        }
    }

    /// What a delivery made of the promise: actual date, cost and margin against the promised.
    public struct DeliveryOutcome: Sendable {
        public var delivery: ClientDelivery
        public var entry: LedgerPromise
    }

    static let alreadyDelivered = DomainError.conflict(
        field: "deliveredAt", key: "promise.error.already_delivered", arguments: [:],
        fallback: "This target was delivered already.")

    /// Records the delivery and judges the promise kept or broken; a late (or short) one needs its cause.
    public func deliver(_ id: Promise.ID, _ input: Delivery, by user: User) async throws -> DeliveryOutcome {
        guard Policy.permits(user, .recordDelivery) else { throw Self.forbidden }
        let env = env
        return try await env.stores.transaction { tx in
            guard var entry = try await tx.ledger.entry(id, now: env.now) else { throw DomainError.promiseNotFound }
            guard entry.state.deliveredAt == nil else { throw Self.alreadyDelivered }
            var read = FieldReader()
            var at = env.now
            if let raw = input.deliveredAt, !raw.isEmpty {
                at = QuoteManagement.instant(raw, "deliveredAt", &read) ?? at
                if at > env.now.addingTimeInterval(300) {
                    read.errors.append(
                        .invalid(
                            "deliveredAt", "promise.error.future_delivery",
                            fallback: "A delivery is recorded once it happened; this instant is in the future."))
                }
            }
            let what = read.text(input.what, "what", max: 500, required: true)
            let recipient = read.text(input.recipient, "recipient", max: 300, required: true)
            let note = read.text(input.note, "note", max: 2000, required: false) ?? ""
            var cause = Self.cause(input.lateCause, "lateCause", required: false, &read)
            let zone = try await Self.clientZone(entry.accountID, in: tx)
            entry.state.deliveredAt = at
            entry.state.deliveredFullScope = input.fullScope
            let standing = PromiseStanding.derive(entry.facts(clientZone: zone), now: env.now)
            // A version broken before a renegotiation already carries the renegotiation's cause.
            if standing.status == .broken, standing.reason != .brokenBeforeRenegotiation, cause == nil,
                input.lateCause?.isEmpty ?? true
            {
                read.errors.append(
                    .invalid(
                        "lateCause", "promise.error.cause_required",
                        fallback:
                            "This delivery breaks the promise; say why (client change, sales estimate, production slip or vendor)."
                    ))
            }
            if standing.status == .kept { cause = nil }
            try read.check()
            let delivery = ClientDelivery(
                id: env.ids(), promiseID: id, projectID: entry.promise.projectID, deliveredAt: at, what: what!,
                recipient: recipient!, cost: input.cost, fullScope: input.fullScope, lateCause: cause, note: note,
                recordedBy: user.id, recordedAt: env.now)
            try await tx.ledger.addDeliveries([delivery])
            if standing.status == .broken { entry.state.cause = cause ?? entry.state.cause }
            let margin = try await MarginCheck.load(entry.accountID, in: tx)
            entry.state.marginAtRisk = margin.isAtRisk(
                entry.promise.price, input.cost ?? entry.state.forecast?.expectedCost, env.now)
            entry.state.atRiskNotifiedAt = nil
            entry.promise.status = standing.status
            try await tx.ledger.saveStates([(id, standing.status, entry.state)])
            try await ActivityLog.record(
                .promiseDelivered, on: RecordSubject(kind: .promise, id: id.rawValue), by: user.id,
                payload: ["standing": standing.status.rawValue, "cause": entry.state.cause?.rawValue ?? ""], in: tx,
                env: env)
            return DeliveryOutcome(delivery: delivery, entry: entry)
        }
    }

    /// Price, actual cost and margin of a delivery in the base currency, against the expected cost.
    public func margin(of entry: LedgerPromise, delivery: ClientDelivery?) async throws -> DeliveryMargin? {
        let check = try await MarginCheck.load(entry.accountID, in: env.stores)
        let now = env.now
        let expected = check.margin(entry.promise.price, entry.state.forecast?.expectedCost, now)
        let actual = check.margin(entry.promise.price, delivery?.cost, now)
        guard expected != nil || actual != nil else { return nil }
        return DeliveryMargin(
            price: (actual ?? expected)!.price, expectedCost: expected?.cost, expectedMargin: expected?.margin,
            actualCost: actual?.cost, actualMargin: actual?.margin, floor: check.floor)
    }
}

/// A promise's margin in the base currency: expected (forecast) and actual (delivered).
public struct DeliveryMargin: Sendable {
    public var price: Money
    public var expectedCost: Money?
    public var expectedMargin: Margin?
    public var actualCost: Money?
    public var actualMargin: Margin?
    public var floor: MarginFloor
}
