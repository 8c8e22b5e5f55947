extension Policy {
    /// Scorecards and incentive plans (docs/metrics.md): everyone who works with clients reads the
    /// joint scorecards and the plans; managers (and admins) define plans and see everyone's
    /// simulated earnings; everyone else sees only their own.
    static func permitsGoals(_ user: User, _ action: Action) -> Bool {
        let roles = user.roles
        let supervises = !roles.isDisjoint(with: supervisors)
        switch action {
        case .viewScorecards, .viewIncentivePlans:
            return !roles.isDisjoint(with: clientRoles)
        case .manageIncentivePlans:
            return supervises
        case .viewIncentiveFigures(let person):
            return supervises || (person == user.id && !roles.isDisjoint(with: clientRoles))
        default:
            return false
        }
    }
}
