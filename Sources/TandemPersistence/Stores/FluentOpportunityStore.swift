import FluentKit
import Foundation
import SQLKit
import TandemDomain

public struct FluentOpportunityStore: OpportunityStore {
    let database: any Database

    public func create(_ opportunity: Opportunity) async throws {
        try await OpportunityModel(opportunity).create(on: database)
    }

    public func find(id: Opportunity.ID) async throws -> Opportunity? {
        try await OpportunityModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func list(_ filter: OpportunityFilter) async throws -> [Opportunity] {
        let query = OpportunityModel.query(on: database)
        if let owner = filter.ownerID { query.filter(\.$ownerID == owner.rawValue) }
        if let pm = filter.partnerPmID { query.filter(\.$partnerPmID == pm.rawValue) }
        if let stages = filter.stageIDs { query.filter(\.$stageID ~~ stages.map(\.rawValue)) }
        if let account = filter.accountID { query.filter(\.$accountID == account.rawValue) }
        if let from = filter.closeFrom { query.filter(\.$closeDate >= from.description) }
        if let to = filter.closeTo { query.filter(\.$closeDate <= to.description) }
        if let flag = filter.capabilityBuilding { query.filter(\.$capabilityBuilding == flag) }
        if let source = filter.sourceLanguage { query.filter(\.$sourceLanguage == source.description) }
        // Targets are a list in one column, matched exactly by `filter.matches` below.
        return try await query.sort(\.$closeDate).sort(\.$name).sort(\.$id).all().map { try $0.toDomain() }
            .filter(filter.matches)
    }

    public func search(name text: String, limit: Int) async throws -> [Opportunity] {
        let pattern = text.lowercased()
        return try await OpportunityModel.query(on: database).filter(
            \.$nameFolded, .contains(inverse: false, .anywhere), pattern
        )
        .sort(\.$name).limit(limit).all().map { try $0.toDomain() }
    }

    public func update(_ id: Opportunity.ID, _ changes: OpportunityChanges, expectedVersion: Int?, at now: Date)
        async throws -> Opportunity?
    {
        let sql = database as! any SQLDatabase
        var update = sql.update(OpportunityModel.schema)
            .set("version", to: SQLBinaryExpression(SQLColumn("version"), .add, SQLLiteral.numeric("1")))
            .set("updated_at", to: now)
        update = Self.assign(changes, to: update)
        update = update.where("id", .equal, id.rawValue)
        if let expectedVersion { update = update.where("version", .equal, expectedVersion) }
        let rows = try await update.returning("id").all()
        guard !rows.isEmpty else {
            if try await find(id: id) == nil { throw DomainError.opportunityNotFound }
            return nil
        }
        return try await find(id: id)
    }

    /// One `SET` per changed column; the rest of the row is left as another request may have written it.
    static func assign(_ c: OpportunityChanges, to update: SQLUpdateBuilder) -> SQLUpdateBuilder {
        var u = update
        if let v = c.name { u = u.set("name", to: v).set("name_folded", to: v.lowercased()) }
        if let v = c.sourceLanguage { u = u.set("source_language", to: v.description) }
        if let v = c.targetLanguages { u = u.set("target_languages", to: v.map(\.description).joined(separator: ",")) }
        if let v = c.services { u = u.set("services", to: v.map(\.rawValue).joined(separator: ",")) }
        if let v = c.estimatedWords { u = u.set("estimated_words", to: v) }
        if let v = c.expectedValue {
            u = u.set("value_amount", to: v.amount.canonicalString).set("value_currency", to: v.currency.code)
        }
        if let v = c.closeDate { u = u.set("close_date", to: v.description) }
        if let v = c.ownerID { u = u.set("owner_id", to: v.rawValue) }
        if let v = c.partnerPmID { u = u.set("partner_pm_id", to: v?.rawValue) }
        if let v = c.stageID { u = u.set("stage_id", to: v.rawValue) }
        if let v = c.probabilityOverride { u = u.set("probability_override", to: v) }
        if let v = c.nextStep { u = u.set("next_step", to: v) }
        if let v = c.nextStepDue { u = u.set("next_step_due", to: v?.description) }
        if let v = c.lostReasonID { u = u.set("lost_reason_id", to: v?.rawValue) }
        if let v = c.lostNote { u = u.set("lost_note", to: v) }
        if let v = c.capabilityBuilding { u = u.set("capability_building", to: v) }
        if let v = c.capabilityReason { u = u.set("capability_reason", to: v) }
        if let v = c.solutionNotes { u = u.set("solution_notes", to: v) }
        if let v = c.solutionNotesBy { u = u.set("solution_notes_by", to: v?.rawValue) }
        if let v = c.solutionNotesAt { u = u.set("solution_notes_at", to: v) }
        return u
    }
}
