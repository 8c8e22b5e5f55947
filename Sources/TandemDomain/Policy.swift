/// The areas of the product, as shown in the navigation.
public enum Area: String, CaseIterable, Sendable, Codable {
    case dashboard, accounts, opportunities, quotes, projects, vendors, capacity, collaboration, scorecards, settings
    /// The PM's day (`/today`) and the promise ledger (`/ledger`), issue #14.
    case today, ledger

    /// Menu order: "My day" after the dashboard, the ledger after projects.
    public static let menuOrder: [Area] = [
        .dashboard, .today, .accounts, .opportunities, .quotes, .projects, .ledger, .vendors, .capacity,
        .collaboration, .scorecards, .settings,
    ]
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
    /// Set an account's preferred and excluded vendors.
    case editVendorPreferences
    // Clients and pipeline (issue #11). Vendor managers see none of it.
    case viewAccounts
    case viewOpportunities
    case createAccount
    case createOpportunity
    /// Edit an account (its fields, contacts, assets, personal-data requests) owned by `owner`.
    case editAccount(owner: User.ID?)
    case editOpportunity(owner: User.ID?)
    /// The solution notes of an opportunity whose PM partner is `partnerPm`.
    case writeSolutionNotes(partnerPm: User.ID?)
    /// PM production notes on a client brief.
    case writeProductionNotes
    /// The client's statements in a brief (everything but the production notes), on a record owned by `owner`.
    case editBriefStatements(owner: User.ID?)
    /// Log a call, meeting, e-mail or note on an account or opportunity.
    case logActivity
    /// Change or tick off an activity written by `author`.
    case editActivity(author: User.ID)
    case manageStages
    case manageLostReasons
    case manageExchangeRates
    // Quotes and projects (issue #13): the rules are in Quotes/QuotePolicy.swift.
    case viewQuotes
    /// Create, edit, submit, send, record acceptance or loss of a quote owned by `owner`.
    case editQuote(owner: User.ID?)
    /// A PM's review decision (approve, approve with changes, reject).
    case reviewQuote
    /// A manager's approval of a capability-building deal below the margin floor.
    case approveBelowFloor
    case viewProjects
    /// Acknowledge or challenge a project's brief (its PM, or PMs and supervisors).
    case acknowledgeBrief
    /// Assign vendors, move jobs, put projects on hold, read purchase orders (PMs and supervisors).
    case manageProduction
    case manageReviewSettings
    /// Read and mark read the in-app notifications addressed to `recipient` (only one's own).
    case readNotifications(recipient: User.ID)
    // Pricing (issue #13, docs/pricing.md).
    /// Read client rate cards (client prices, never vendor costs).
    case viewRateCards
    /// Create rate cards and edit them (a new version).
    case manageRateCards
    /// Edit workflow templates and the organisation's pricing settings.
    case managePricingSettings
    /// Read the pricing settings, which hold the default cost rates (never sales).
    case viewPricingSettings
    /// Set an account's own margin floor.
    case setAccountMarginFloor
    // The promise ledger (issue #14): the rules are in Ledger/LedgerPolicy.swift.
    case viewLedger
    case renegotiatePromise(owner: User.ID)
    case recordDelivery
    case evaluateQuality
    case recordComplaint
    case manageChangeOrders(owner: User.ID)
    case setClientTimeZone(owner: User.ID?)
    // Threads (issue #15): reading and writing a thread follows seeing its record (RecordDirectory).
    /// Change (or attach files to) a comment written by `author`.
    case editComment(author: User.ID)
    // Working together (issue #15, docs/together.md): the rules are in Together/TogetherPolicy.swift.
    case viewTogether, proposeIdea, voteIdea, moveIdea, proposeInvestment, signProposal, decideProposal
    case reviewProposalBenefit, viewJointReview, runReviewMeetings, createWorkingGroup, planShadowing, viewShadowingTeam
    /// Change a working group (its members, initiatives) whose members are `members`.
    case editWorkingGroup(members: [User.ID])
    case logShadowing(participant: User.ID, host: User.ID)
    case viewShadowingRecord(person: User.ID)
    // Scorecards and incentive plans (issue #16, docs/metrics.md): rules in Goals/GoalsPolicy.swift.
    case viewScorecards, manageIncentivePlans, viewIncentivePlans
    /// What `person` would earn under a plan (their own, or anyone's for managers).
    case viewIncentiveFigures(person: User.ID)
}

/// The one authorization policy, used by pages and API alike.
public enum Policy {
    public static func permits(_ user: User, _ action: Action) -> Bool {
        guard user.isActive else { return false }
        let roles = user.roles
        switch action {
        case .viewArea(let area):
            switch area {
            case .dashboard, .quotes, .projects, .collaboration, .settings:
                return true
            case .accounts, .opportunities, .scorecards:
                return !roles.isDisjoint(with: clientRoles)
            case .vendors, .capacity:
                // Sales sees capacity through quote checks; vendor records are production's.
                return !roles.isDisjoint(with: [.admin, .manager, .pm, .vendorManager])
            case .today:
                return permits(user, .manageProduction)
            case .ledger:
                return permits(user, .viewLedger)
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
        case .editVendorPreferences:
            return !roles.isDisjoint(with: [.admin, .manager, .pm, .vendorManager])
        case .readNotifications(let recipient):
            return recipient == user.id
        case .viewRateCards:
            return !roles.isDisjoint(with: clientRoles)
        case .manageRateCards, .setAccountMarginFloor:
            return !roles.isDisjoint(with: supervisors)
        case .managePricingSettings:
            return roles.contains(.admin)
        case .viewPricingSettings:
            return !roles.isDisjoint(with: [.admin, .manager, .pm])
        case .editComment(let author):
            return author == user.id
        default:
            return permitsClientWork(user, action)
        }
    }

    /// Who works with clients: everyone but vendor managers (who may hold no other role).
    static let clientRoles: Set<Role> = [.admin, .manager, .sales, .pm]
    static let supervisors: Set<Role> = [.admin, .manager]

    private static func permitsClientWork(_ user: User, _ action: Action) -> Bool {
        let roles = user.roles
        let supervises = !roles.isDisjoint(with: supervisors)
        switch action {
        case .viewAccounts, .viewOpportunities, .logActivity:
            return !roles.isDisjoint(with: clientRoles)
        case .createAccount, .createOpportunity:
            return supervises || roles.contains(.sales)
        case .editAccount(let owner), .editOpportunity(let owner), .editBriefStatements(let owner):
            return supervises || (roles.contains(.sales) && owner == user.id)
        case .writeSolutionNotes(let partnerPm):
            return supervises || (roles.contains(.pm) && partnerPm == user.id)
        case .writeProductionNotes:
            return supervises || roles.contains(.pm)
        case .editActivity(let author):
            return supervises || (author == user.id && !roles.isDisjoint(with: clientRoles))
        case .manageStages, .manageLostReasons, .manageExchangeRates:
            return roles.contains(.admin)
        default:
            return permitsQuoteWork(user, action)
        }
    }
}
