import TandemDomain
import Vapor

/// The pipeline's permission checks, in one place for pages and API; each is a `Policy` action.
enum PipelineAccess {
    static func canView(_ user: User) -> Bool {
        !user.roles.isDisjoint(with: [.admin, .manager, .sales, .pm]) && user.isActive
    }
    static func canCreate(_ user: User) -> Bool {
        !user.roles.isDisjoint(with: [.admin, .manager, .sales]) && user.isActive
    }
    static func canEdit(_ user: User, _ opportunity: Opportunity) -> Bool {
        user.isActive
            && (!user.roles.isDisjoint(with: [.admin, .manager])
                || (user.has(.sales) && opportunity.ownerID == user.id))
    }
    static func canWriteSolutionNotes(_ user: User, _ opportunity: Opportunity) -> Bool {
        user.isActive && (user.has(.pm) || !user.roles.isDisjoint(with: [.admin, .manager]))
    }
    static func canAdminister(_ user: User) -> Bool { user.isActive && user.has(.admin) }
}

extension Request {
    /// Throws `NotPermitted` (403) unless `allowed` says yes for the signed-in user.
    func require(_ allowed: (User) -> Bool) throws {
        guard allowed(try requireUser()) else { throw NotPermitted() }
    }
}
