import FluentKit
import Foundation
import SQLKit
import TandemDomain

extension TogetherStores {
    static func fluent(_ database: any Database, ids: IdentifierGenerator) -> TogetherStores {
        TogetherStores(
            ideas: FluentIdeaStore(database: database, ids: ids),
            proposals: FluentProposalStore(database: database, ids: ids),
            reviews: FluentReviewMeetingStore(database: database), groups: FluentWorkingGroupStore(database: database),
            shadowing: FluentShadowingStore(database: database))
    }
}

public struct FluentIdeaStore: IdeaStore {
    let database: any Database
    let ids: IdentifierGenerator

    public func create(_ idea: Idea) async throws { try await IdeaModel(idea).create(on: database) }

    public func find(id: Idea.ID) async throws -> Idea? {
        guard let model = try await IdeaModel.find(id.rawValue, on: database) else { return nil }
        let votes = try await IdeaVoteModel.query(on: database).filter(\.$ideaID == id.rawValue).count()
        return try model.toDomain(votes: votes)
    }

    public func list() async throws -> [Idea] {
        let models = try await IdeaModel.query(on: database).all()
        var counts: [UUID: Int] = [:]
        for vote in try await IdeaVoteModel.query(on: database).field(\.$ideaID).all() {
            counts[vote.ideaID, default: 0] += 1
        }
        return try models.map { try $0.toDomain(votes: counts[$0.id!] ?? 0) }
            .sorted {
                ($0.votes, $0.createdAt, $0.id.rawValue.uuidString) > (
                    $1.votes, $1.createdAt, $1.id.rawValue.uuidString
                )
            }
    }

    public func hasVoted(_ id: Idea.ID, user: User.ID) async throws -> Bool {
        try await IdeaVoteModel.query(on: database).filter(\.$ideaID == id.rawValue).filter(\.$userID == user.rawValue)
            .count() > 0
    }

    public func vote(_ id: Idea.ID, by user: User.ID, at: Date) async throws -> Bool {
        if try await hasVoted(id, user: user) { return false }
        // The unique index on (idea, user) settles two votes at once; the loser is ignored, not an error,
        // so the transaction around it (PostgreSQL aborts one on an error) carries on.
        let sql = database as! any SQLDatabase
        try await sql.insert(into: IdeaVoteModel.schema).columns("id", "idea_id", "user_id", "created_at")
            .values(SQLBind(ids.uuid()), SQLBind(id.rawValue), SQLBind(user.rawValue), SQLBind(at))
            .ignoringConflicts(with: ["idea_id", "user_id"]).run()
        return true
    }

    public func move(_ idea: Idea, from: IdeaStatus) async throws -> Bool {
        let current = IdeaModel.query(on: database).filter(\.$id == idea.id.rawValue).filter(\.$status == from.rawValue)
        guard try await current.count() > 0 else { return false }
        try await IdeaModel.query(on: database).filter(\.$id == idea.id.rawValue).filter(\.$status == from.rawValue)
            .set(\.$status, to: idea.status.rawValue).set(\.$declineReason, to: idea.declineReason)
            .set(\.$decidedBy, to: idea.decidedBy?.rawValue).set(\.$decidedAt, to: idea.decidedAt).update()
        return true
    }
}

public struct FluentProposalStore: ProposalStore {
    let database: any Database
    let ids: IdentifierGenerator

    public func create(_ proposal: InvestmentProposal) async throws {
        try await ProposalModel(proposal).create(on: database)
        for signature in proposal.signatures { _ = try await sign(proposal.id, signature) }
    }

    private func signatures(_ id: UUID) async throws -> [ProposalSignature] {
        try await ProposalSignatureModel.query(on: database).filter(\.$proposalID == id).sort(\.$signedAt).all()
            .map { $0.toDomain() }
    }

    public func find(id: InvestmentProposal.ID) async throws -> InvestmentProposal? {
        guard let model = try await ProposalModel.find(id.rawValue, on: database) else { return nil }
        return try model.toDomain(signatures: try await signatures(id.rawValue))
    }

    public func list() async throws -> [InvestmentProposal] {
        let all = try await ProposalSignatureModel.query(on: database).sort(\.$signedAt).all()
        let byProposal = Dictionary(grouping: all, by: \.proposalID)
        return try await ProposalModel.query(on: database).sort(\.$createdAt, .descending).all().map {
            try $0.toDomain(signatures: (byProposal[$0.id!] ?? []).map { $0.toDomain() })
        }
    }

    public func sign(_ id: InvestmentProposal.ID, _ signature: ProposalSignature) async throws -> Bool {
        let existing = try await ProposalSignatureModel.query(on: database).filter(\.$proposalID == id.rawValue)
            .filter(\.$userID == signature.userID.rawValue).count()
        guard existing == 0 else { return false }
        let sql = database as! any SQLDatabase
        try await sql.insert(into: ProposalSignatureModel.schema).columns(
            "id", "proposal_id", "user_id", "side", "signed_at"
        )
        .values(
            SQLBind(ids.uuid()), SQLBind(id.rawValue), SQLBind(signature.userID.rawValue),
            SQLBind(signature.side.rawValue), SQLBind(signature.signedAt)
        )
        .ignoringConflicts(with: ["proposal_id", "user_id"]).run()
        return true
    }

    public func decide(_ id: InvestmentProposal.ID, _ decision: ProposalDecision) async throws -> Bool {
        let open = ProposalModel.query(on: database).filter(\.$id == id.rawValue)
            .filter(\.$status == ProposalStatus.open.rawValue)
        guard try await open.count() > 0 else { return false }
        let status: ProposalStatus = decision.approved ? .approved : .declined
        try await ProposalModel.query(on: database).filter(\.$id == id.rawValue)
            .filter(\.$status == ProposalStatus.open.rawValue).set(\.$status, to: status.rawValue)
            .set(\.$decision, to: JSONText.encode(decision)).update()
        return true
    }

    public func setBenefitReview(_ id: InvestmentProposal.ID, _ review: BenefitReview) async throws {
        try await ProposalModel.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$benefitReview, to: JSONText.encode(review)).update()
    }
}
