/// What the guidance pages show: client fit and where to sell (everyone who works with clients),
/// the parity dashboard (managers and admins).
public enum GuidanceView: Sendable {
    case clientFit, whereToSell, parity
}

extension Policy {
    /// Client fit and "where to sell" carry no vendor names or costs, only counts and hours, so
    /// sales reads them; the parity dashboard compares the teams and is for supervisors.
    public static func permitsGuidance(_ user: User, _ view: GuidanceView) -> Bool {
        guard user.isActive else { return false }
        switch view {
        case .clientFit, .whereToSell: return !user.roles.isDisjoint(with: clientRoles)
        case .parity: return !user.roles.isDisjoint(with: supervisors)
        }
    }
}
