import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/api/v1/opportunities/{id}/brief`: the opportunity's own brief (the parts it overrides) and
/// its effective brief (the account's with those parts replaced), through `ClientBriefs`.
enum OpportunityBriefAPI {
    struct Body: Content {
        /// The opportunity's own brief version (0: none yet); send it back as `version` to save.
        var version: Int
        /// The parts this opportunity overrides (`null`: as the account's).
        var content: BriefContentBody
        /// What PMs read: the account's brief with the overrides applied.
        var effective: BriefContentBody
        var overriddenParts: [String]
        @NullWhenAbsent var accountVersion: Int?
        var isComplete: Bool
        var missingParts: [String]

        init(own: BriefVersion?, effective brief: ClientBriefs.EffectiveBrief) {
            version = own?.number ?? 0
            content = BriefContentBody(own?.content ?? ClientBrief())
            effective = BriefContentBody(brief.content)
            overriddenParts = brief.overriddenParts.map(\.rawValue)
            accountVersion = brief.accountVersion
            isComplete = brief.isComplete
            missingParts = brief.content.missingParts.map(\.rawValue)
        }
    }

    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.opportunityBrief(":id"), use: show)
        api.on(.PUT, APIRoute.opportunityBrief(":id"), use: save)
    }

    static func body(_ req: Request, _ o: Opportunity) async throws -> Body {
        let briefs = ClientBriefs(req.appEnvironment)
        return Body(
            own: try await briefs.latest(of: .opportunity(o.id.rawValue), for: try req.requireUser()),
            effective: try await briefs.effectiveBrief(opportunity: o.id.rawValue, account: o.accountID))
    }

    @Sendable static func show(req: Request) async throws -> Body {
        try req.require(PipelineAccess.canView)
        return try await body(req, try await OpportunitiesAPI.load(req))
    }

    /// Sales (the owner, managers, admins) change the client's statements; PMs the production notes.
    @Sendable static func save(req: Request) async throws -> Body {
        try req.require(PipelineAccess.canView)
        let o = try await OpportunitiesAPI.load(req)
        let request = try req.decodeJSON(BriefRequest.self)
        _ = try await ClientBriefs(req.appEnvironment).save(
            request.content.brief, on: .opportunity(o.id.rawValue), owner: o.ownerID, expectedVersion: request.version,
            by: try req.requireUser())
        return try await body(req, o)
    }
}
