import Foundation
import TandemDomain

/// The PM takes on the client brief of a won deal, or challenges it with a comment; both sides
/// see its status (`pending`, `acknowledged`, `challenged`) on the project and the opportunity.
public struct BriefAcknowledgement: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public func acknowledge(_ id: Project.ID, comment: String = "", by user: User) async throws -> Project {
        try await set(id, .acknowledged, comment: comment, required: false, by: user)
    }

    public func challenge(_ id: Project.ID, comment: String, by user: User) async throws -> Project {
        try await set(id, .challenged, comment: comment, required: true, by: user)
    }

    /// The brief status of the opportunity's project; nil before the deal is won.
    public func status(ofOpportunity id: Opportunity.ID) async throws -> BriefStatus? {
        try await env.stores.quoteStores.projects.find(opportunityID: id)?.briefStatus
    }

    private func set(_ id: Project.ID, _ status: BriefStatus, comment: String, required: Bool, by user: User)
        async throws -> Project
    {
        guard Policy.permits(user, .acknowledgeBrief) else { throw QuoteManagement.forbidden }
        var read = FieldReader()
        let text = read.text(comment, "comment", max: 4000, required: required) ?? ""
        try read.check()
        let env = env
        return try await env.stores.transaction { tx in
            guard let project = try await tx.quoteStores.projects.find(id: id) else {
                throw DomainError.projectNotFound
            }
            try await tx.quoteStores.projects.setBrief(id, status: status, comment: text, by: user.id, at: env.now)
            let stored = try await tx.quoteStores.projects.find(id: id)!
            if status == .challenged {
                try await QuoteEvents.briefChallenged(project, comment: text, by: user, in: tx, env: env)
            }
            return stored
        }
    }
}
