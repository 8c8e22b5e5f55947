import Foundation
import TandemDomain
import TandemPlanning

/// A PM's review of a quote the gate sent to review: approve, approve with changes (a new
/// version with the PM's delivery date and why), or reject with a reason. A capability-building
/// deal below the margin floor needs a manager's approval with a reason, recorded on the quote.
public struct QuoteReview: Sendable {
    let env: AppEnvironment
    let capacity: CapacityService?
    public init(_ env: AppEnvironment, capacity: CapacityService? = nil) {
        self.env = env
        self.capacity = capacity
    }

    public enum Decision: String, Sendable, CaseIterable { case approve, change, reject }

    public struct Input: Sendable {
        public var decision: String
        /// With `change`: the new delivery instant of every target (ISO 8601).
        public var deadline: String?
        public var reason: String?
        /// With `change`: a price change agreed in review, a decimal amount in the quote's currency
        /// added to the total (negative: a discount), as a line of the new version.
        public var priceChange: String?
        /// What the price change is for (the line's description).
        public var priceChangeLabel: String?
        public init(
            decision: String, deadline: String? = nil, reason: String? = nil, priceChange: String? = nil,
            priceChangeLabel: String? = nil
        ) {
            self.decision = decision
            self.deadline = deadline
            self.reason = reason
            self.priceChange = priceChange
            self.priceChangeLabel = priceChangeLabel
        }
    }

    func snapshot() async throws -> CapacityIndex? { try await capacity?.snapshot() }

    public func decide(_ id: Quote.ID, _ input: Input, by user: User) async throws -> Quote {
        guard Policy.permits(user, .reviewQuote) else { throw QuoteManagement.forbidden }
        var read = FieldReader()
        let decision = Decision(rawValue: input.decision)
        if decision == nil {
            read.errors.append(
                .invalid("decision", "error.quote.decision", fallback: "Choose approve, change or reject."))
        }
        let reason = read.text(input.reason, "reason", max: 2000, required: decision == .change || decision == .reject)
        var deadline: Date?
        var priceChange: Decimal?
        if decision == .change {
            let raw = input.priceChange?.trimmingCharacters(in: .whitespaces) ?? ""
            if !raw.isEmpty {
                priceChange = Decimal(canonical: raw).flatMap { $0 != 0 ? $0 : nil }
                if priceChange == nil {
                    read.errors.append(
                        .invalid(
                            "priceChange", "error.quote.price_change", ["value": raw],
                            fallback: "“\(raw)” is not an amount; write e.g. -120.00 for a discount."))
                }
            }
            // A new date, a price change, or both: the date is required unless the price changes.
            if priceChange == nil || !(input.deadline ?? "").isEmpty {
                deadline = QuoteManagement.instant(input.deadline, "deadline", &read)
            }
        }
        let label = read.text(input.priceChangeLabel, "priceChangeLabel", max: 300, required: false)
        try read.check()
        let env = env
        let index = try await snapshot()
        return try await env.stores.transaction { [deadline, reason, priceChange, label] tx in
            guard let quote = try await tx.quoteStores.quotes.find(id: id),
                let version = try await tx.quoteStores.quotes.version(id, number: quote.currentVersion)
            else { throw DomainError.quoteNotFound }
            guard quote.status == .inReview else {
                throw DomainError.quoteTransition(from: quote.status, to: decision == .reject ? .rejected : .approved)
            }
            let opportunity = try await tx.pipeline.opportunities.find(id: quote.opportunityID)
            switch decision! {
            case .reject:
                var rejected = version
                rejected.note = reason!
                _ = try await tx.quoteStores.quotes.updateDraft(rejected)
                try await Self.move(quote, to: .rejected, version: nil, in: tx, at: env.now)
            case .approve:
                try await Self.checkCapabilityApproval(
                    quote, version, opportunity, reason: reason, by: user, in: tx, env: env)
                try await Self.move(quote, to: .approved, version: nil, in: tx, at: env.now)
            case .change:
                try await Self.checkCapabilityApproval(
                    quote, version, opportunity, reason: reason, by: user, in: tx, env: env)
                var next = version.nextDraft(id: env.ids(), by: user.id, at: env.now, note: reason!)
                if let deadline { for i in next.targets.indices { next.targets[i].delivery = deadline } }
                if let priceChange {
                    let kind: QuoteLine.Kind = priceChange < 0 ? .discount : .manual
                    let amount = Money(priceChange, quote.currency).rounded
                    next.lines.append(
                        QuoteLine(
                            id: env.ids(), kind: kind, optionID: nil, targetLanguage: nil, service: kind.rawValue,
                            description: (label ?? "").isEmpty ? "Price agreed in review" : label!, unit: "fixed",
                            quantity: 1, unitPrice: Money(abs(amount.amount), quote.currency), price: amount))
                }
                try await tx.quoteStores.quotes.addVersion(next)
                _ = try await QuoteManagement.refresh(quote, next, in: tx, env: env, index: index)
                try await Self.move(quote, to: .approved, version: next.number, in: tx, at: env.now)
            }
            let decided = try await tx.quoteStores.quotes.find(id: id)!
            try await QuoteEvents.reviewDecided(decided, note: reason ?? "", by: user, in: tx, env: env)
            try await ActivityLog.record(
                .quoteReviewed, on: RecordSubject(kind: .quote, id: id.rawValue), by: user.id,
                payload: ["decision": decision!.rawValue, "status": decided.status.rawValue, "reason": reason ?? ""],
                in: tx, env: env)
            return decided
        }
    }

    static func move(_ quote: Quote, to status: QuoteStatus, version: Int?, in tx: Stores, at date: Date) async throws {
        guard try await tx.quoteStores.quotes.move(quote.id, from: .inReview, to: status, version: version, at: date)
        else { throw DomainError.quoteTransition(from: quote.status, to: status) }
    }

    /// Below the floor on a capability-building deal: only a manager (or admin) approves, with a reason.
    static func checkCapabilityApproval(
        _ quote: Quote, _ version: QuoteVersion, _ opportunity: Opportunity?, reason: String?, by user: User,
        in tx: Stores, env: AppEnvironment
    ) async throws {
        guard version.reviewReasons.contains(.belowMarginFloor), opportunity?.capabilityBuilding == true else { return }
        guard Policy.permits(user, .approveBelowFloor) else {
            throw DomainError.forbidden(
                key: "error.quote.manager_approval",
                fallback: "A capability-building deal below the margin floor needs a manager's approval.")
        }
        guard let reason, !reason.isEmpty else {
            throw ValidationErrors([
                .invalid(
                    "reason", "error.quote.manager_reason",
                    fallback: "Say why this deal is worth taking below the margin floor.")
            ])
        }
        try await tx.quoteStores.quotes.setManagerApproval(
            quote.id, ManagerApproval(by: user.id, at: env.now, reason: reason))
    }
}
