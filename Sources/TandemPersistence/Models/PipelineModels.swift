import FluentKit
import Foundation
import TandemDomain

final class StageModel: Model, @unchecked Sendable {
    static let schema = "pipeline_stages"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "sort_order") var order: Int
    @Field(key: "probability") var probability: Int
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "milestone") var milestone: String?
    init() {}

    func toDomain() throws -> Stage {
        Stage(
            id: Stage.ID(try requireID()), name: name, order: order, probability: probability,
            outcome: StageOutcome(rawValue: outcome) ?? .open, milestone: milestone.flatMap(StageMilestone.init))
    }
    func fill(_ stage: Stage) {
        id = stage.id.rawValue
        name = stage.name
        order = stage.order
        probability = stage.probability
        outcome = stage.outcome.rawValue
        milestone = stage.milestone?.rawValue
    }
}

final class LostReasonModel: Model, @unchecked Sendable {
    static let schema = "lost_reasons"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "is_active") var isActive: Bool
    init() {}
    func toDomain() throws -> LostReason { LostReason(id: .init(try requireID()), name: name, isActive: isActive) }
}

final class ExchangeRateModel: Model, @unchecked Sendable {
    static let schema = "exchange_rates"
    @ID(key: .id) var id: UUID?
    @Field(key: "currency") var currency: String
    /// ISO day "2026-11-18".
    @Field(key: "day") var day: String
    @Field(key: "rate") var rate: String
    init() {}
    func toDomain() throws -> ExchangeRate {
        ExchangeRate(
            id: .init(try requireID()), currency: try CurrencyCode(currency), date: try LocalDate(iso: day),
            rate: Decimal(canonical: rate) ?? 0)
    }
}

final class PipelineSettingsModel: Model, @unchecked Sendable {
    static let schema = "pipeline_settings"
    @ID(key: .id) var id: UUID?
    @OptionalField(key: "solution_design_threshold") var threshold: String?
    init() {}
}

final class OpportunityModel: Model, @unchecked Sendable {
    static let schema = "opportunities"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "name") var name: String
    /// The name lower-cased, for searching alike on SQLite and PostgreSQL.
    @Field(key: "name_folded") var nameFolded: String
    @Field(key: "source_language") var sourceLanguage: String
    /// Comma-separated language tags, "fr-FR,de-DE".
    @Field(key: "target_languages") var targetLanguages: String
    /// Comma-separated service codes.
    @Field(key: "services") var services: String
    @OptionalField(key: "estimated_words") var estimatedWords: Int?
    /// A decimal as text, never a floating-point number.
    @Field(key: "value_amount") var valueAmount: String
    @Field(key: "value_currency") var valueCurrency: String
    @Field(key: "close_date") var closeDate: String
    @Field(key: "owner_id") var ownerID: UUID
    @OptionalField(key: "partner_pm_id") var partnerPmID: UUID?
    @Field(key: "stage_id") var stageID: UUID
    @OptionalField(key: "probability_override") var probabilityOverride: Int?
    @Field(key: "next_step") var nextStep: String
    @OptionalField(key: "next_step_due") var nextStepDue: String?
    @OptionalField(key: "lost_reason_id") var lostReasonID: UUID?
    @Field(key: "lost_note") var lostNote: String
    @Field(key: "capability_building") var capabilityBuilding: Bool
    @Field(key: "capability_reason") var capabilityReason: String
    @Field(key: "solution_notes") var solutionNotes: String
    @OptionalField(key: "solution_notes_by") var solutionNotesBy: UUID?
    @OptionalField(key: "solution_notes_at") var solutionNotesAt: Date?
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    static func tags(_ text: String) throws -> [LanguageTag] {
        try text.split(separator: ",").map { try LanguageTag(String($0)) }
    }

    func toDomain() throws -> Opportunity {
        Opportunity(
            id: .init(try requireID()), accountID: .init(accountID), name: name,
            sourceLanguage: try LanguageTag(sourceLanguage), targetLanguages: try Self.tags(targetLanguages),
            services: services.split(separator: ",").compactMap { LanguageService(rawValue: String($0)) },
            estimatedWords: estimatedWords,
            expectedValue: Money(Decimal(canonical: valueAmount) ?? 0, try CurrencyCode(valueCurrency)),
            closeDate: try LocalDate(iso: closeDate), ownerID: .init(ownerID),
            partnerPmID: partnerPmID.map(User.ID.init),
            stageID: .init(stageID), probabilityOverride: probabilityOverride, nextStep: nextStep,
            nextStepDue: try nextStepDue.map(LocalDate.init(iso:)), lostReasonID: lostReasonID.map(LostReason.ID.init),
            lostNote: lostNote, capabilityBuilding: capabilityBuilding, capabilityReason: capabilityReason,
            solutionNotes: solutionNotes, solutionNotesBy: solutionNotesBy.map(User.ID.init),
            solutionNotesAt: solutionNotesAt, version: version, createdAt: createdAt, updatedAt: updatedAt)
    }

    convenience init(_ o: Opportunity) {
        self.init()
        id = o.id.rawValue
        accountID = o.accountID.rawValue
        name = o.name
        nameFolded = o.name.lowercased()
        sourceLanguage = o.sourceLanguage.description
        targetLanguages = o.targetLanguages.map(\.description).joined(separator: ",")
        services = o.services.map(\.rawValue).joined(separator: ",")
        estimatedWords = o.estimatedWords
        valueAmount = o.expectedValue.amount.canonicalString
        valueCurrency = o.expectedValue.currency.code
        closeDate = o.closeDate.description
        ownerID = o.ownerID.rawValue
        partnerPmID = o.partnerPmID?.rawValue
        stageID = o.stageID.rawValue
        probabilityOverride = o.probabilityOverride
        nextStep = o.nextStep
        nextStepDue = o.nextStepDue?.description
        lostReasonID = o.lostReasonID?.rawValue
        lostNote = o.lostNote
        capabilityBuilding = o.capabilityBuilding
        capabilityReason = o.capabilityReason
        solutionNotes = o.solutionNotes
        solutionNotesBy = o.solutionNotesBy?.rawValue
        solutionNotesAt = o.solutionNotesAt
        version = o.version
        createdAt = o.createdAt
        updatedAt = o.updatedAt
    }
}
