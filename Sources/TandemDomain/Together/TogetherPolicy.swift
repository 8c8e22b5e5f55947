extension Policy {
    /// Working together (docs/together.md): everyone proposes ideas and investments and votes;
    /// only sales, PMs and vendor managers co-sign; only managers decide ideas and proposals;
    /// joint reviews are for those who work with clients; the shadowing team view is managers'.
    static func permitsTogether(_ user: User, _ action: Action) -> Bool {
        let roles = user.roles
        let supervises = !roles.isDisjoint(with: supervisors)
        switch action {
        case .viewTogether, .proposeIdea, .voteIdea, .proposeInvestment, .createWorkingGroup, .planShadowing:
            return true
        case .moveIdea, .decideProposal, .reviewProposalBenefit:
            return roles.contains(.manager)
        case .signProposal:
            return !roles.isDisjoint(with: [.sales, .pm, .vendorManager])
        case .viewJointReview, .runReviewMeetings:
            return !roles.isDisjoint(with: clientRoles)
        case .editWorkingGroup(let members):
            return supervises || members.contains(user.id)
        case .logShadowing(let participant, let host):
            return supervises || participant == user.id || host == user.id
        case .viewShadowingRecord(let person):
            return supervises || person == user.id
        case .viewShadowingTeam:
            return supervises
        default:
            return false
        }
    }
}
