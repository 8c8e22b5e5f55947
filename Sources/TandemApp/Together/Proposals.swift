import Foundation
import TandemDomain

/// Investment proposals: anyone proposes; sales and production co-sign; a manager decides with a
/// reason once both have signed; the realised benefit is reviewed later (docs/together.md).
public struct Proposals: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct Input: Sendable {
        public var title: String
        public var summary: String
        public var oneOffCost: Money
        public var recurringCost: Money
        public var benefits: [ProposalBenefit]
        public var benefitReviewOn: LocalDate?
        public init(
            title: String, summary: String = "", oneOffCost: Money, recurringCost: Money, benefits: [ProposalBenefit],
            benefitReviewOn: LocalDate? = nil
        ) {
            self.title = title
            self.summary = summary
            self.oneOffCost = oneOffCost
            self.recurringCost = recurringCost
            self.benefits = benefits
            self.benefitReviewOn = benefitReviewOn
        }
    }

    public func propose(_ input: Input, by user: User) async throws -> InvestmentProposal {
        guard Policy.permits(user, .proposeInvestment) else { throw Ideas.forbidden }
        try InvestmentProposal.validate(
            title: input.title, oneOffCost: input.oneOffCost, recurringCost: input.recurringCost,
            benefits: input.benefits)
        let env = env
        return try await env.stores.transaction { tx in
            var unknown: [DomainError] = []
            for (index, benefit) in input.benefits.enumerated() {
                for (n, id) in benefit.opportunityIDs.enumerated()
                where try await tx.pipeline.opportunities.find(id: id) == nil {
                    unknown.append(
                        .invalid(
                            "benefits[\(index)].opportunityIds[\(n)]", "proposals.error.opportunity_unknown",
                            fallback: "No such opportunity."))
                }
            }
            try ValidationErrors.check(unknown)
            let proposal = InvestmentProposal(
                id: env.ids(), title: input.title.trimmingCharacters(in: .whitespacesAndNewlines),
                summary: input.summary.trimmingCharacters(in: .whitespacesAndNewlines), proposerID: user.id,
                oneOffCost: input.oneOffCost, recurringCost: input.recurringCost, benefits: input.benefits,
                benefitReviewOn: input.benefitReviewOn, createdAt: env.now)
            try await tx.together.proposals.create(proposal)
            return proposal
        }
    }

    public func find(_ id: InvestmentProposal.ID, by user: User) async throws -> InvestmentProposal {
        guard Policy.permits(user, .viewTogether) else { throw Ideas.forbidden }
        guard let proposal = try await env.stores.together.proposals.find(id: id) else {
            throw DomainError.proposalNotFound
        }
        return proposal
    }

    public func list(by user: User) async throws -> [InvestmentProposal] {
        guard Policy.permits(user, .viewTogether) else { throw Ideas.forbidden }
        return try await env.stores.together.proposals.list()
    }

    /// Adds the user's co-signature (once; signing again changes nothing).
    public func sign(_ id: InvestmentProposal.ID, by user: User) async throws -> InvestmentProposal {
        guard Policy.permits(user, .signProposal) else { throw Ideas.forbidden }
        let env = env
        return try await env.stores.transaction { tx in
            guard let proposal = try await tx.together.proposals.find(id: id) else {
                throw DomainError.proposalNotFound
            }
            if let signature = try proposal.signature(by: user, at: env.now),
                try await tx.together.proposals.sign(id, signature)
            {
                try await ActivityLog.record(
                    .proposalSigned, on: RecordSubject(kind: .proposal, id: id.rawValue), by: user.id,
                    payload: ["side": signature.side.rawValue], in: tx, env: env)
            }
            return try await tx.together.proposals.find(id: id)!
        }
    }

    /// A manager approves or declines, with a reason; 409 `needs_cosignatures` until both sides signed.
    public func decide(_ id: InvestmentProposal.ID, approve: Bool, reason: String, by user: User) async throws
        -> InvestmentProposal
    {
        guard Policy.permits(user, .decideProposal) else { throw Ideas.forbidden }
        let env = env
        return try await env.stores.transaction { tx in
            guard let proposal = try await tx.together.proposals.find(id: id) else {
                throw DomainError.proposalNotFound
            }
            let decision = try proposal.decision(approve: approve, reason: reason, by: user.id, at: env.now)
            guard try await tx.together.proposals.decide(id, decision) else {
                throw DomainError.conflict(
                    field: "status", key: "together.error.stale", arguments: [:],
                    fallback: "Someone changed it meanwhile; reload.")
            }
            try await ActivityLog.record(
                .proposalDecided, on: RecordSubject(kind: .proposal, id: id.rawValue), by: user.id,
                payload: ["decision": decision.approved ? "approved" : "declined", "reason": decision.reason],
                in: tx, env: env)
            return try await tx.together.proposals.find(id: id)!
        }
    }

    /// Records the benefit realised by an approved proposal.
    public func reviewBenefit(_ id: InvestmentProposal.ID, realised: Money, note: String, by user: User) async throws
        -> InvestmentProposal
    {
        guard Policy.permits(user, .reviewProposalBenefit) else { throw Ideas.forbidden }
        let env = env
        return try await env.stores.transaction { tx in
            guard let proposal = try await tx.together.proposals.find(id: id) else {
                throw DomainError.proposalNotFound
            }
            let review = try proposal.review(
                realised: realised, note: note.trimmingCharacters(in: .whitespacesAndNewlines), by: user.id,
                at: env.now)
            try await tx.together.proposals.setBenefitReview(id, review)
            return try await tx.together.proposals.find(id: id)!
        }
    }
}
