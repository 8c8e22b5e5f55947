import Foundation

/// Where an investment proposal stands: open until a manager approves or declines it.
public enum ProposalStatus: String, CaseIterable, Codable, Sendable {
    case open, approved, declined
}

/// Which side of the house a co-signature stands for: sales, or production (PM or vendor manager).
public enum SignatureSide: String, CaseIterable, Codable, Sendable {
    case sales, production

    /// The side `user` signs for: the one not yet covered when they hold both kinds of role; nil
    /// when they hold neither (they may not co-sign).
    public static func side(of user: User, covered: Set<SignatureSide>) -> SignatureSide? {
        var sides: [SignatureSide] = []
        if user.roles.contains(.sales) { sides.append(.sales) }
        if !user.roles.isDisjoint(with: [.pm, .vendorManager]) { sides.append(.production) }
        return sides.first { !covered.contains($0) } ?? sides.first
    }
}

public struct ProposalSignature: Hashable, Codable, Sendable {
    public var userID: User.ID
    public var side: SignatureSide
    public var signedAt: Date
    public init(userID: User.ID, side: SignatureSide, signedAt: Date) {
        self.userID = userID
        self.side = side
        self.signedAt = signedAt
    }
}

/// A manager's decision, with the reason everyone reads.
public struct ProposalDecision: Hashable, Codable, Sendable {
    public var approved: Bool
    public var reason: String
    public var by: User.ID
    public var at: Date
    public init(approved: Bool, reason: String, by: User.ID, at: Date) {
        self.approved = approved
        self.reason = reason
        self.by = by
        self.at = at
    }
}

/// What an approved investment actually brought, recorded at the review date.
public struct BenefitReview: Hashable, Codable, Sendable {
    public var realisedAnnualBenefit: Money
    public var note: String
    public var by: User.ID
    public var at: Date
    public init(realisedAnnualBenefit: Money, note: String, by: User.ID, at: Date) {
        self.realisedAnnualBenefit = realisedAnnualBenefit
        self.note = note
        self.by = by
        self.at = at
    }
}

/// A joint proposal to management to invest (a tool a client needs, a training): its costs,
/// expected benefits with their drivers, a sales and a production co-signature, a manager's
/// decision and, later, a review of the benefit realised.
public struct InvestmentProposal: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<InvestmentProposal>

    public var id: ID
    public var title: String
    public var summary: String
    public var proposerID: User.ID
    public var oneOffCost: Money
    /// Per year.
    public var recurringCost: Money
    public var benefits: [ProposalBenefit]
    public var status: ProposalStatus
    public var signatures: [ProposalSignature]
    public var decision: ProposalDecision?
    /// When the realised benefit is to be reviewed.
    public var benefitReviewOn: LocalDate?
    public var benefitReview: BenefitReview?
    public var createdAt: Date

    public init(
        id: ID, title: String, summary: String = "", proposerID: User.ID, oneOffCost: Money, recurringCost: Money,
        benefits: [ProposalBenefit], status: ProposalStatus = .open, signatures: [ProposalSignature] = [],
        decision: ProposalDecision? = nil, benefitReviewOn: LocalDate? = nil, benefitReview: BenefitReview? = nil,
        createdAt: Date
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.proposerID = proposerID
        self.oneOffCost = oneOffCost
        self.recurringCost = recurringCost
        self.benefits = benefits
        self.status = status
        self.signatures = signatures
        self.decision = decision
        self.benefitReviewOn = benefitReviewOn
        self.benefitReview = benefitReview
        self.createdAt = createdAt
    }

    public var currency: CurrencyCode { oneOffCost.currency }
    public var annualBenefit: Money { (try? Payback.annualBenefit(benefits, currency: currency)) ?? .zero(currency) }
    /// Months until the one-off cost is paid back; nil when it never is.
    public var paybackMonths: Decimal? {
        try? Payback.months(oneOff: oneOffCost, recurringPerYear: recurringCost, annualBenefit: annualBenefit)
    }

    public var coveredSides: Set<SignatureSide> { Set(signatures.map(\.side)) }
    /// At least one sales and one production signature: a manager may decide.
    public var hasCoSignatures: Bool { coveredSides.isSuperset(of: SignatureSide.allCases) }
    public func hasSigned(_ user: User.ID) -> Bool { signatures.contains { $0.userID == user } }

    /// The signature `user` adds (nil when they signed already); open proposals only.
    public func signature(by user: User, at: Date) throws -> ProposalSignature? {
        guard status == .open else { throw Self.notOpen(status) }
        if hasSigned(user.id) { return nil }
        guard let side = SignatureSide.side(of: user, covered: coveredSides) else {
            throw DomainError.forbidden(
                key: "proposals.error.cannot_sign", fallback: "Only sales, PMs and vendor managers co-sign proposals.")
        }
        return ProposalSignature(userID: user.id, side: side, signedAt: at)
    }

    /// The decision a manager records; needs both co-signatures and a reason.
    public func decision(approve: Bool, reason: String, by manager: User.ID, at: Date) throws -> ProposalDecision {
        guard status == .open else { throw Self.notOpen(status) }
        guard hasCoSignatures else {
            throw DomainError.conflict(
                field: "signatures", key: "proposals.error.needs_cosignatures",
                arguments: [
                    "missing": SignatureSide.allCases.filter { !coveredSides.contains($0) }.map(\.rawValue)
                        .joined(separator: ",")
                ],
                fallback: "A sales and a production co-signature are needed before a manager decides.")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw DomainError.invalid(
                "reason", "proposals.error.reason_required", fallback: "Give the reason for the decision.")
        }
        return ProposalDecision(approved: approve, reason: reason, by: manager, at: at)
    }

    /// The review of the benefit realised; approved proposals only.
    public func review(realised: Money, note: String, by manager: User.ID, at: Date) throws -> BenefitReview {
        guard status == .approved else {
            throw DomainError.conflict(
                field: "status", key: "proposals.error.review_needs_approval", arguments: [:],
                fallback: "Only an approved proposal has a benefit review.")
        }
        guard realised.currency == currency else {
            throw DomainError.invalid(
                "realisedAnnualBenefit.currency", "proposals.error.currency", ["currency": currency.code],
                fallback: "Use the proposal's currency, \(currency.code).")
        }
        return BenefitReview(realisedAnnualBenefit: realised, note: note, by: manager, at: at)
    }

    static func notOpen(_ status: ProposalStatus) -> DomainError {
        .conflict(
            field: "status", key: "proposals.error.decided", arguments: ["status": status.rawValue],
            fallback: "The proposal was decided already (\(status.rawValue)).")
    }

    /// Checks a new proposal's fields, every problem at once.
    public static func validate(title: String, oneOffCost: Money, recurringCost: Money, benefits: [ProposalBenefit])
        throws
    {
        var errors: [DomainError] = []
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            errors.append(.invalid("title", "together.error.title_required", fallback: "Give it a title."))
        } else if title.count > 200 {
            errors.append(
                .invalid("title", "together.error.too_long", ["max": "200"], fallback: "Use at most 200 characters."))
        }
        if oneOffCost.amount < 0 {
            errors.append(.invalid("oneOffCost.amount", "proposals.error.negative", fallback: "Use zero or more."))
        }
        if recurringCost.currency != oneOffCost.currency {
            errors.append(
                .invalid(
                    "recurringCost.currency", "proposals.error.currency", ["currency": oneOffCost.currency.code],
                    fallback: "Use the proposal's currency, \(oneOffCost.currency.code)."))
        } else if recurringCost.amount < 0 {
            errors.append(.invalid("recurringCost.amount", "proposals.error.negative", fallback: "Use zero or more."))
        }
        if benefits.isEmpty {
            errors.append(
                .invalid(
                    "benefits", "proposals.error.benefits_required", fallback: "Add at least one expected benefit."))
        }
        for (index, benefit) in benefits.enumerated() {
            errors += benefit.problems(at: index, currency: oneOffCost.currency)
        }
        try ValidationErrors.check(errors)
    }
}
