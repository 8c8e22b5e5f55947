/// The areas of the product, as shown in the navigation.
public enum Area: String, CaseIterable, Sendable, Codable {
    case dashboard, accounts, opportunities, quotes, projects, vendors, capacity, collaboration, scorecards, settings
}

/// Something a user wants to do, with the record it concerns where that matters.
public enum Action: Hashable, Sendable {
    case viewArea(Area)
    case viewUsers
    /// See one user's record: their own, or anyone's for those who may view users.
    case viewUser(User.ID)
    case manageUsers
    case viewOrganisation
    case editOrganisation
    /// Create, list or revoke API tokens belonging to `owner`.
    case manageTokens(owner: User.ID)
    /// Change profile settings (language, time zone, password) of `user`.
    case editProfile(user: User.ID)
    /// Read vendors with their rates, quality, calendars and bookings (never sales).
    case viewVendors
    /// Create, edit, deactivate and import vendors; add absences, bookings and holds.
    case manageVendors
    /// Check a deadline against the stored capacity; who may not view the capacity area (sales)
    /// gets the verdict without vendors.
    case checkCapacity
}

/// The one authorization policy, used by pages and API alike.
public enum Policy {
    public static func permits(_ user: User, _ action: Action) -> Bool {
        guard user.isActive else { return false }
        let roles = user.roles
        switch action {
        case .viewArea(let area):
            switch area {
            case .dashboard, .accounts, .opportunities, .quotes, .projects, .collaboration, .scorecards, .settings:
                return true
            case .vendors, .capacity:
                // Sales sees capacity through quote checks; vendor records are production's.
                return !roles.isDisjoint(with: [.admin, .manager, .pm, .vendorManager])
            }
        case .viewUsers:
            return !roles.isDisjoint(with: [.admin, .manager])
        case .viewUser(let id):
            return id == user.id || permits(user, .viewUsers)
        case .manageUsers, .editOrganisation:
            return roles.contains(.admin)
        case .viewOrganisation:
            return true
        case .manageTokens(let owner):
            return owner == user.id
        case .editProfile(let target):
            return target == user.id || roles.contains(.admin)
        case .viewVendors:
            return !roles.isDisjoint(with: [.admin, .manager, .pm, .vendorManager])
        case .manageVendors:
            return !roles.isDisjoint(with: [.admin, .vendorManager])
        case .checkCapacity:
            return !roles.isDisjoint(with: [.admin, .manager, .pm, .vendorManager, .sales])
        }
    }
}
