import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The pipeline's shapes on the API (Resources/OpenAPI/openapi.yaml). Probabilities are whole
/// percentages, sent as JSON integers.
struct OpportunityBody: Content {
    var id: String
    var accountId: String
    var name: String
    var sourceLanguage: String
    var targetLanguages: [String]
    var services: [String]
    @NullWhenAbsent var estimatedWords: Int?
    var expectedValue: MoneyBody
    var closeDate: String
    var ownerId: String
    @NullWhenAbsent var partnerPmId: String?
    /// The stage's ID.
    var stage: String
    var probability: Int
    var probabilityOverridden: Bool
    var nextStep: String
    @NullWhenAbsent var nextStepDue: String?
    @NullWhenAbsent var lostReasonId: String?
    var lostNote: String
    var capabilityBuilding: Bool
    var capabilityReason: String
    var solutionNotes: String
    @NullWhenAbsent var solutionNotesBy: String?
    @NullWhenAbsent var solutionNotesAt: Date?
    var version: Int
    var createdAt: Date
    var updatedAt: Date
    /// The won deal's project and its brief status (`pending`, `acknowledged`, `challenged`);
    /// filled on answers about one opportunity, null before the deal is won and in lists.
    @NullWhenAbsent var projectId: String?
    @NullWhenAbsent var briefStatus: String?

    init(_ o: Opportunity, stages: StageList) {
        id = o.id.description
        accountId = o.accountID.description
        name = o.name
        sourceLanguage = o.sourceLanguage.description
        targetLanguages = o.targetLanguages.map(\.description)
        services = o.services.map(\.rawValue)
        estimatedWords = o.estimatedWords
        expectedValue = MoneyBody(o.expectedValue)
        closeDate = o.closeDate.description
        ownerId = o.ownerID.description
        partnerPmId = o.partnerPmID?.description
        stage = o.stageID.description
        probability = stages.stage(o.stageID).map(o.probability(in:)) ?? o.probabilityOverride ?? 0
        probabilityOverridden = o.probabilityOverride != nil
        nextStep = o.nextStep
        nextStepDue = o.nextStepDue?.description
        lostReasonId = o.lostReasonID?.description
        lostNote = o.lostNote
        capabilityBuilding = o.capabilityBuilding
        capabilityReason = o.capabilityReason
        solutionNotes = o.solutionNotes
        solutionNotesBy = o.solutionNotesBy?.description
        solutionNotesAt = o.solutionNotesAt
        version = o.version
        createdAt = o.createdAt
        updatedAt = o.updatedAt
    }
}

struct CreateOpportunityBody: Decodable {
    var accountId: String
    var name: String
    var sourceLanguage: String
    var targetLanguages: [String]
    var services: [String]
    var expectedValue: MoneyBody
    var closeDate: String
    var estimatedWords: Int?
    var ownerId: String?
    var partnerPmId: String?
    var capabilityBuilding: Bool?
    var capabilityReason: String?
    var nextStep: String?
    var nextStepDue: String?

    var input: OpportunityManagement.Input {
        .init(
            accountID: accountId, name: name, sourceLanguage: sourceLanguage, targetLanguages: targetLanguages,
            services: services, estimatedWords: estimatedWords.map(String.init), amount: expectedValue.amount,
            currency: expectedValue.currency, closeDate: closeDate, ownerID: ownerId, partnerPmID: partnerPmId,
            capabilityBuilding: capabilityBuilding ?? false, capabilityReason: capabilityReason ?? "",
            nextStep: nextStep ?? "", nextStepDue: nextStepDue)
    }
}

/// `PATCH /api/v1/opportunities/{id}`: only the fields present change; `null` clears a clearable one.
struct PatchOpportunityBody: Decodable {
    var patch = OpportunityManagement.Patch()

    enum Key: String, CodingKey {
        case name, sourceLanguage, targetLanguages, services, estimatedWords, expectedValue, closeDate, ownerId
        case partnerPmId, probability, nextStep, nextStepDue, capabilityBuilding, capabilityReason, version
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        patch.name = try c.decodeIfPresent(String.self, forKey: .name)
        patch.sourceLanguage = try c.decodeIfPresent(String.self, forKey: .sourceLanguage)
        patch.targetLanguages = try c.decodeIfPresent([String].self, forKey: .targetLanguages)
        patch.services = try c.decodeIfPresent([String].self, forKey: .services)
        if c.contains(.estimatedWords) {
            patch.estimatedWords = .some(try c.decodeIfPresent(Int.self, forKey: .estimatedWords).map(String.init))
        }
        if let money = try c.decodeIfPresent(MoneyBody.self, forKey: .expectedValue) {
            patch.expectedValue = (money.amount, money.currency)
        }
        patch.closeDate = try c.decodeIfPresent(String.self, forKey: .closeDate)
        patch.ownerID = try c.decodeIfPresent(String.self, forKey: .ownerId)
        if c.contains(.partnerPmId) {
            patch.partnerPmID = .some(try c.decodeIfPresent(String.self, forKey: .partnerPmId))
        }
        if c.contains(.probability) { patch.probability = .some(try c.decodeIfPresent(Int.self, forKey: .probability)) }
        patch.nextStep = try c.decodeIfPresent(String.self, forKey: .nextStep)
        if c.contains(.nextStepDue) {
            patch.nextStepDue = .some(try c.decodeIfPresent(String.self, forKey: .nextStepDue))
        }
        patch.capabilityBuilding = try c.decodeIfPresent(Bool.self, forKey: .capabilityBuilding)
        patch.capabilityReason = try c.decodeIfPresent(String.self, forKey: .capabilityReason)
        patch.version = try c.decodeIfPresent(Int.self, forKey: .version)
    }
}

struct MoveBody: Decodable {
    var stage: String
    var lostReasonId: String?
    var lostNote: String?
    var version: Int?
}

struct SolutionNotesBody: Decodable {
    var solutionNotes: String
    var version: Int?
}

struct StageBody: Content {
    var id: String
    var name: String
    var order: Int
    var probability: Int
    var outcome: String
    @NullWhenAbsent var milestone: String?
    init(_ s: Stage) {
        id = s.id.description
        name = s.name
        order = s.order
        probability = s.probability
        outcome = s.outcome.rawValue
        milestone = s.milestone?.rawValue
    }
}

struct LostReasonBody: Content {
    var id: String
    var name: String
    var isActive: Bool
    init(_ r: LostReason) {
        id = r.id.description
        name = r.name
        isActive = r.isActive
    }
}

struct ExchangeRateBody: Content {
    var id: String
    var currency: String
    var date: String
    /// "1 unit of `currency` = `rate` × the base currency", a decimal string.
    var rate: String
    var baseCurrency: String
    init(_ r: ExchangeRate, base: CurrencyCode) {
        id = r.id.description
        currency = r.currency.code
        date = r.date.description
        rate = r.rate.canonicalString
        baseCurrency = base.code
    }
}
