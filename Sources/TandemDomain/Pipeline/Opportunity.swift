import Foundation

/// What an LSP sells on an opportunity.
public enum LanguageService: String, CaseIterable, Codable, Sendable {
    case translation, revision, proofreading, mtpe, transcreation, dtp
    case localizationTesting = "localization-testing"
    case interpreting, subtitling, terminology
}

/// A deal in the pipeline (docs/pipeline.md).
public struct Opportunity: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Opportunity>

    public var id: ID
    public var accountID: Account.ID
    public var name: String
    public var sourceLanguage: LanguageTag
    public var targetLanguages: [LanguageTag]
    public var services: [LanguageService]
    /// Estimated volume in words, when known.
    public var estimatedWords: Int?
    public var expectedValue: Money
    public var closeDate: LocalDate
    public var ownerID: User.ID
    public var partnerPmID: User.ID?
    public var stageID: Stage.ID
    /// A probability set on this deal; nil follows the stage's default.
    public var probabilityOverride: Int?
    public var nextStep: String
    public var nextStepDue: LocalDate?
    public var lostReasonID: LostReason.ID?
    public var lostNote: String
    /// Taken to learn a new language pair, domain or tool, even at a lower margin.
    public var capabilityBuilding: Bool
    public var capabilityReason: String
    /// The PM partner's design of the answer (workflow, tools, team, risks).
    public var solutionNotes: String
    public var solutionNotesBy: User.ID?
    public var solutionNotesAt: Date?
    /// Bumped by every write; a change sent with an older version is refused.
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID, accountID: Account.ID, name: String, sourceLanguage: LanguageTag, targetLanguages: [LanguageTag],
        services: [LanguageService], estimatedWords: Int? = nil, expectedValue: Money, closeDate: LocalDate,
        ownerID: User.ID, partnerPmID: User.ID? = nil, stageID: Stage.ID, probabilityOverride: Int? = nil,
        nextStep: String = "", nextStepDue: LocalDate? = nil, lostReasonID: LostReason.ID? = nil, lostNote: String = "",
        capabilityBuilding: Bool = false, capabilityReason: String = "", solutionNotes: String = "",
        solutionNotesBy: User.ID? = nil, solutionNotesAt: Date? = nil, version: Int = 1, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.sourceLanguage = sourceLanguage
        self.targetLanguages = targetLanguages
        self.services = services
        self.estimatedWords = estimatedWords
        self.expectedValue = expectedValue
        self.closeDate = closeDate
        self.ownerID = ownerID
        self.partnerPmID = partnerPmID
        self.stageID = stageID
        self.probabilityOverride = probabilityOverride
        self.nextStep = nextStep
        self.nextStepDue = nextStepDue
        self.lostReasonID = lostReasonID
        self.lostNote = lostNote
        self.capabilityBuilding = capabilityBuilding
        self.capabilityReason = capabilityReason
        self.solutionNotes = solutionNotes
        self.solutionNotesBy = solutionNotesBy
        self.solutionNotesAt = solutionNotesAt
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var languagePairs: [LanguagePair] {
        targetLanguages.map { LanguagePair(source: sourceLanguage, target: $0) }
    }

    /// The probability that counts: this deal's own, else its stage's default.
    public func probability(in stage: Stage) -> Int { probabilityOverride ?? stage.probability }

    public var hasSolutionNotes: Bool { !solutionNotes.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}

extension DomainError {
    public static let opportunityNotFound = DomainError.notFound(
        entityKey: "entity.opportunity", fallback: "The opportunity was not found.")
}
