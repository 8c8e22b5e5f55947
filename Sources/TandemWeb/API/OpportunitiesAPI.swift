import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/api/v1/opportunities`: list, create, read, change, move between stages, solution notes.
enum OpportunitiesAPI {
    /// Listed by close date, then name, then ID (a total order).
    struct Key: Codable, Comparable {
        var closeDate: String
        var name: String
        var id: String
        init(_ o: Opportunity) {
            closeDate = o.closeDate.description
            name = o.name
            id = o.id.description
        }
        static func < (a: Self, b: Self) -> Bool { (a.closeDate, a.name, a.id) < (b.closeDate, b.name, b.id) }
    }

    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.opportunities, use: list)
        api.on(.POST, APIRoute.opportunities, use: create)
        api.on(.GET, APIRoute.opportunity(":id"), use: show)
        api.on(.PATCH, APIRoute.opportunity(":id"), use: update)
        api.on(.POST, APIRoute.opportunityStage(":id"), use: move)
        api.on(.PUT, APIRoute.opportunitySolutionNotes(":id"), use: solutionNotes)
    }

    static func stages(_ req: Request) async throws -> StageList {
        StageList(try await req.stores.pipeline.stages.list())
    }

    /// One opportunity's answer, with its project's brief status once the deal is won.
    static func single(_ req: Request, _ o: Opportunity) async throws -> OpportunityBody {
        var body = OpportunityBody(o, stages: try await stages(req))
        if let project = try await req.stores.quoteStores.projects.find(opportunityID: o.id) {
            body.projectId = project.id.description
            body.briefStatus = project.briefStatus.rawValue
        }
        return body
    }

    static func load(_ req: Request) async throws -> Opportunity {
        let id: Opportunity.ID = try req.apiID()
        guard let opportunity = try await req.stores.pipeline.opportunities.find(id: id) else {
            throw APIError.notFound(what: req.localizer.t("entity.opportunity"))
        }
        return opportunity
    }

    /// Filters: `ownerId`, `partnerPmId`, `stage`, `accountId`, `sourceLanguage`, `targetLanguage`,
    /// `closeFrom`, `closeTo`, `capabilityBuilding`; `limit` and `cursor` page (docs/api.md).
    @Sendable static func list(req: Request) async throws -> ListEnvelope<OpportunityBody> {
        try req.require(PipelineAccess.canView)
        var problems: [FieldError] = []
        let paging = ListRequest<Key>(req, problems: &problems)
        let filter = OpportunityQuery.read(req, problems: &problems)
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let stages = try await stages(req)
        let page = paging.page(try await req.stores.pipeline.opportunities.list(filter), by: Key.init)
        return ListEnvelope(
            items: page.elements.map { OpportunityBody($0, stages: stages) }, nextCursor: page.nextCursor)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(PipelineAccess.canCreate)
        let body = try req.decodeJSON(CreateOpportunityBody.self)
        let created = try await OpportunityManagement(req.appEnvironment).create(body.input, by: try req.requireUser())
        let response = try await OpportunityBody(created, stages: try await stages(req))
            .encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIRoute.opportunity(created.id).path)
        return response
    }

    @Sendable static func show(req: Request) async throws -> OpportunityBody {
        try req.require(PipelineAccess.canView)
        return try await single(req, try await load(req))
    }

    @Sendable static func update(req: Request) async throws -> OpportunityBody {
        let current = try await load(req)
        try req.require { PipelineAccess.canEdit($0, current) }
        let body = try req.decodeJSON(PatchOpportunityBody.self)
        let updated = try await OpportunityManagement(req.appEnvironment).update(current.id, body.patch)
        return try await single(req, updated)
    }

    @Sendable static func move(req: Request) async throws -> OpportunityBody {
        let current = try await load(req)
        try req.require { PipelineAccess.canEdit($0, current) }
        let body = try req.decodeJSON(MoveBody.self)
        var problems: [FieldError] = []
        let stage = Stage.ID(uuidString: body.stage)
        if stage == nil { problems.append(FieldError(field: "stage", code: "invalid", key: "error.field.unknown")) }
        let reason = body.lostReasonId.map { LostReason.ID(uuidString: $0) }
        if case .some(nil) = reason {
            problems.append(FieldError(field: "lostReasonId", code: "invalid", key: "error.field.unknown"))
        }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let moved = try await OpportunityManagement(req.appEnvironment).move(
            current.id, to: stage!, lostReasonID: reason ?? nil, lostNote: body.lostNote,
            expectedVersion: body.version, by: req.currentUser?.id)
        return try await single(req, moved)
    }

    @Sendable static func solutionNotes(req: Request) async throws -> OpportunityBody {
        let current = try await load(req)
        try req.require { PipelineAccess.canWriteSolutionNotes($0, current) }
        let body = try req.decodeJSON(SolutionNotesBody.self)
        let updated = try await OpportunityManagement(req.appEnvironment).setSolutionNotes(
            current.id, body.solutionNotes, by: try req.requireUser(), expectedVersion: body.version)
        return try await single(req, updated)
    }
}

/// The opportunity filters of the API, the board and the list, read from the query string.
enum OpportunityQuery {
    static func read(_ req: Request, problems: inout [FieldError]) -> OpportunityFilter {
        var filter = OpportunityFilter()
        let fields = QueryFields(request: req)
        func value(_ name: String) -> String? { fields.value(name) }
        func id<T>(_ name: String) -> Identifier<T>? { fields.id(name, problems: &problems) }
        func day(_ name: String) -> LocalDate? { fields.day(name, problems: &problems) }
        func tag(_ name: String) -> LanguageTag? {
            guard let raw = value(name) else { return nil }
            guard let tag = try? LanguageTag(raw) else {
                problems.append(
                    FieldError(
                        field: name, code: "invalid", key: "error.language_tag.invalid", arguments: ["value": raw]))
                return nil
            }
            return tag
        }
        filter.ownerID = id("ownerId")
        filter.partnerPmID = id("partnerPmId")
        filter.accountID = id("accountId")
        if let stage: Stage.ID = id("stage") { filter.stageIDs = [stage] }
        filter.sourceLanguage = tag("sourceLanguage")
        filter.targetLanguage = tag("targetLanguage")
        filter.closeFrom = day("closeFrom")
        filter.closeTo = day("closeTo")
        if let raw = value("capabilityBuilding") {
            filter.capabilityBuilding = ["true": true, "false": false][raw]
            if filter.capabilityBuilding == nil {
                problems.append(FieldError(field: "capabilityBuilding", code: "invalid", key: "error.api.boolean"))
            }
        }
        return filter
    }
}

extension Request {
    /// The `:id` path parameter as a typed ID; a malformed one is a 400 naming `id`.
    func apiID<Owner>(_ name: String = "id") throws -> Identifier<Owner> {
        guard let raw = parameters.get(name), let id = Identifier<Owner>(uuidString: raw) else {
            throw APIError.badRequest(code: "invalid", messageKey: "error.api.bad_id", field: name)
        }
        return id
    }
}
