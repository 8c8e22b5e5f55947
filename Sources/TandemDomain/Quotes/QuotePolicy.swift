extension Policy {
    /// Quotes and projects: everyone who works with clients sees them; sales (on their own
    /// deals) and supervisors edit, send and record outcomes; PMs and supervisors review and
    /// acknowledge briefs; a manager (or admin) approves a capability deal below the floor.
    static func permitsQuoteWork(_ user: User, _ action: Action) -> Bool {
        let roles = user.roles
        let supervises = !roles.isDisjoint(with: supervisors)
        switch action {
        case .viewQuotes, .viewProjects:
            return !roles.isDisjoint(with: clientRoles)
        case .editQuote(let owner):
            return supervises || (roles.contains(.sales) && owner == user.id)
        case .reviewQuote, .acknowledgeBrief, .manageProduction:
            return supervises || roles.contains(.pm)
        case .approveBelowFloor:
            return supervises
        case .manageReviewSettings:
            return roles.contains(.admin)
        default:
            return permitsLedgerWork(user, action) || permitsTogether(user, action) || permitsGoals(user, action)
        }
    }
}
