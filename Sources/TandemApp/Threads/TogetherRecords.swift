import Foundation
import TandemDomain

/// Threads on the together area's records: working groups, ideas and investment proposals.
/// Everyone may read the area (`Policy.viewTogether`), so everyone reads and writes these threads.
public enum TogetherRecords {
    public static let group = RecordResolver(
        kind: .group,
        find: { id, stores in
            guard let group = try await stores.together.groups.find(id: WorkingGroup.ID(id)) else { return nil }
            return RecordInfo(subject: RecordSubject(kind: .group, id: id), label: group.name, owners: group.memberIDs)
        },
        canSee: { user, _ in Policy.permits(user, .viewTogether) })

    public static let idea = RecordResolver(
        kind: .idea,
        find: { id, stores in
            guard let idea = try await stores.together.ideas.find(id: Idea.ID(id)) else { return nil }
            return RecordInfo(subject: RecordSubject(kind: .idea, id: id), label: idea.title, owners: [idea.authorID])
        },
        canSee: { user, _ in Policy.permits(user, .viewTogether) })

    public static let proposal = RecordResolver(
        kind: .proposal,
        find: { id, stores in
            guard let proposal = try await stores.together.proposals.find(id: InvestmentProposal.ID(id)) else {
                return nil
            }
            return RecordInfo(
                subject: RecordSubject(kind: .proposal, id: id), label: proposal.title,
                owners: [proposal.proposerID] + proposal.signatures.map(\.userID))
        },
        canSee: { user, _ in Policy.permits(user, .viewTogether) })
}
