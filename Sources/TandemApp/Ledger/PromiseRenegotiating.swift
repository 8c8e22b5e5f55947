import Foundation
import TandemDomain

extension PromiseLedger {
    /// `POST /promises/{id}/renegotiate`: the client agreed to new terms.
    public struct Renegotiation: Sendable {
        /// An instant (`2026-12-18T17:00:00Z`) or a day (`2026-12-18`, kept in the client's zone).
        public var deliveryDate: String?
        public var price: Money?
        public var reason: String?
        public var cause: String?
        /// The version read; a change made meanwhile is a 409 on `version`.
        public var version: Int?
        public init(
            deliveryDate: String?, price: Money? = nil, reason: String?, cause: String?, version: Int? = nil
        ) {
            self.deliveryDate = deliveryDate
            self.price = price
            self.reason = reason
            self.cause = cause
            self.version = version
        }
    }

    /// Stores the next version of the promise (who, when, why, cause, old and new terms) and its
    /// new standing; one made after the deadline keeps the version in force broken.
    public func renegotiate(_ id: Promise.ID, _ input: Renegotiation, by user: User) async throws -> LedgerPromise {
        let env = env
        return try await env.stores.transaction { tx in
            guard let entry = try await tx.ledger.entry(id, now: env.now) else { throw DomainError.promiseNotFound }
            guard Policy.permits(user, .renegotiatePromise(owner: entry.promise.salesOwnerID)) else {
                throw Self.forbidden
            }
            let zone = try await Self.clientZone(entry.accountID, in: tx)
            var read = FieldReader()
            let terms = Self.terms(input.deliveryDate, price: input.price ?? entry.promise.price, zone: zone, &read)
            if let price = input.price, price.currency != entry.promise.price.currency {
                read.errors.append(
                    .invalid(
                        "price.currency", "promise.error.currency", ["currency": entry.promise.price.currency.code],
                        fallback: "The price is in \(entry.promise.price.currency.code), the promise's currency."))
            }
            let reason = read.text(input.reason, "reason", max: 2000, required: true)
            let cause = Self.cause(input.cause, "cause", required: true, &read)
            try read.check()
            let (version, state) = try PromiseRenegotiation.next(
                entry, expectedVersion: input.version, terms: terms!, reason: reason!, cause: cause!, clientZone: zone,
                id: env.ids(), by: user.id, at: env.now)
            var next = entry
            next.promise.deliveryDate = version.terms.deliveryDate
            next.promise.price = version.terms.price
            next.promise.version = version.number
            next.state = state
            let status = PromiseStanding.derive(next.facts(clientZone: zone), now: env.now).status
            let original =
                try await tx.ledger.versions(of: id).isEmpty
                ? Self.original(entry.promise, state: entry.state, id: env.ids()) : nil
            guard try await tx.ledger.applyVersion(version, original: original, status: status, state: state) else {
                throw PromiseRenegotiation.staleVersion(entry.promise.version + 1)
            }
            guard let stored = try await tx.ledger.entry(id, now: env.now) else { throw DomainError.promiseNotFound }
            try await ActivityLog.record(
                .promiseRenegotiated, on: RecordSubject(kind: .promise, id: id.rawValue), by: user.id,
                payload: [
                    "version": String(version.number), "from": ActivityLog.instant(entry.promise.deliveryDate),
                    "to": ActivityLog.instant(version.terms.deliveryDate), "cause": cause!.rawValue, "reason": reason!,
                ], in: tx, env: env)
            return stored
        }
    }

    static func terms(_ raw: String?, price: Money, zone: TimeZone, _ read: inout FieldReader) -> PromiseTerms? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            read.errors.append(.invalid("deliveryDate", "error.field.required", fallback: "This field is required."))
            return nil
        }
        if raw.count == 10, let day = try? LocalDate(iso: raw) {
            return PromiseTerms.forDay(day, clientZone: zone, price: price)
        }
        guard let date = ISO8601.parse(raw) else {
            read.errors.append(
                .invalid(
                    "deliveryDate", "promise.error.delivery_date", ["value": raw],
                    fallback: "“\(raw)” is not a day such as 2026-12-18 or an instant such as 2026-12-18T17:00:00Z."))
            return nil
        }
        return PromiseTerms(deliveryDate: date, price: price)
    }

    static func cause(_ raw: String?, _ field: String, required: Bool, _ read: inout FieldReader) -> BreachCause? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            if required {
                read.errors.append(.invalid(field, "error.field.required", fallback: "This field is required."))
            }
            return nil
        }
        guard let cause = BreachCause(rawValue: raw) else {
            read.errors.append(
                .invalid(
                    field, "promise.error.cause", ["value": raw],
                    fallback:
                        "“\(raw)” is not a cause; use client_change, sales_estimate, production_slip or vendor."))
            return nil
        }
        return cause
    }
}
