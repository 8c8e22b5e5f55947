import TandemDomain
import Vapor

/// The pipeline's permission checks for pages and API, each a `Policy` action.
enum PipelineAccess {
    static func canView(_ user: User) -> Bool { Policy.permits(user, .viewOpportunities) }
    static func canCreate(_ user: User) -> Bool { Policy.permits(user, .createOpportunity) }
    static func canEdit(_ user: User, _ opportunity: Opportunity) -> Bool {
        Policy.permits(user, .editOpportunity(owner: opportunity.ownerID))
    }
    static func canWriteSolutionNotes(_ user: User, _ opportunity: Opportunity) -> Bool {
        Policy.permits(user, .writeSolutionNotes(partnerPm: opportunity.partnerPmID))
    }
    static func canManageStages(_ user: User) -> Bool { Policy.permits(user, .manageStages) }
    static func canManageLostReasons(_ user: User) -> Bool { Policy.permits(user, .manageLostReasons) }
    static func canManageExchangeRates(_ user: User) -> Bool { Policy.permits(user, .manageExchangeRates) }
    /// The pipeline settings page gathers all three (and the Solution design threshold, with stages).
    static func canAdminister(_ user: User) -> Bool {
        canManageStages(user) && canManageLostReasons(user) && canManageExchangeRates(user)
    }
}

extension Request {
    /// Throws `NotPermitted` (403) unless `allowed` says yes for the signed-in user.
    func require(_ allowed: (User) -> Bool) throws {
        guard allowed(try requireUser()) else { throw NotPermitted() }
    }
}
