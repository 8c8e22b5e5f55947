import Foundation

/// Which opportunities a list or the board shows; nil fields do not filter.
public struct OpportunityFilter: Sendable, Equatable {
    public var ownerID: User.ID?
    public var partnerPmID: User.ID?
    public var stageIDs: Set<Stage.ID>?
    public var accountID: Account.ID?
    /// Deals from this source language (any target, unless `targetLanguage` is set too).
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?
    public var closeFrom: LocalDate?
    public var closeTo: LocalDate?
    public var capabilityBuilding: Bool?

    public init(
        ownerID: User.ID? = nil, partnerPmID: User.ID? = nil, stageIDs: Set<Stage.ID>? = nil,
        accountID: Account.ID? = nil, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil,
        closeFrom: LocalDate? = nil,
        closeTo: LocalDate? = nil, capabilityBuilding: Bool? = nil
    ) {
        self.ownerID = ownerID
        self.partnerPmID = partnerPmID
        self.stageIDs = stageIDs
        self.accountID = accountID
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.closeFrom = closeFrom
        self.closeTo = closeTo
        self.capabilityBuilding = capabilityBuilding
    }

    public func matches(_ o: Opportunity) -> Bool {
        (ownerID.map { $0 == o.ownerID } ?? true) && (partnerPmID.map { $0 == o.partnerPmID } ?? true)
            && (stageIDs.map { $0.contains(o.stageID) } ?? true) && (accountID.map { $0 == o.accountID } ?? true)
            && (sourceLanguage.map { $0 == o.sourceLanguage } ?? true)
            && (targetLanguage.map { o.targetLanguages.contains($0) } ?? true)
            && (closeFrom.map { o.closeDate >= $0 } ?? true) && (closeTo.map { o.closeDate <= $0 } ?? true)
            && (capabilityBuilding.map { $0 == o.capabilityBuilding } ?? true)
    }
}

/// The columns a change of an opportunity writes; nil leaves a column as it is (double
/// optionals set a nullable column, `.some(nil)` clearing it).
public struct OpportunityChanges: Sendable, Equatable {
    public var name: String?
    public var sourceLanguage: LanguageTag?
    public var targetLanguages: [LanguageTag]?
    public var services: [LanguageService]?
    public var estimatedWords: Int??
    public var expectedValue: Money?
    public var closeDate: LocalDate?
    public var ownerID: User.ID?
    public var partnerPmID: User.ID??
    public var stageID: Stage.ID?
    public var probabilityOverride: Int??
    public var nextStep: String?
    public var nextStepDue: LocalDate??
    public var lostReasonID: LostReason.ID??
    public var lostNote: String?
    public var capabilityBuilding: Bool?
    public var capabilityReason: String?
    public var solutionNotes: String?
    public var solutionNotesBy: User.ID??
    public var solutionNotesAt: Date??

    public init() {}

    public var isEmpty: Bool { self == OpportunityChanges() }

    /// `opportunity` with these changes applied, to check rules before writing.
    public func applied(to opportunity: Opportunity) -> Opportunity {
        var o = opportunity
        if let name { o.name = name }
        if let sourceLanguage { o.sourceLanguage = sourceLanguage }
        if let targetLanguages { o.targetLanguages = targetLanguages }
        if let services { o.services = services }
        if let estimatedWords { o.estimatedWords = estimatedWords }
        if let expectedValue { o.expectedValue = expectedValue }
        if let closeDate { o.closeDate = closeDate }
        if let ownerID { o.ownerID = ownerID }
        if let partnerPmID { o.partnerPmID = partnerPmID }
        if let stageID { o.stageID = stageID }
        if let probabilityOverride { o.probabilityOverride = probabilityOverride }
        if let nextStep { o.nextStep = nextStep }
        if let nextStepDue { o.nextStepDue = nextStepDue }
        if let lostReasonID { o.lostReasonID = lostReasonID }
        if let lostNote { o.lostNote = lostNote }
        if let capabilityBuilding { o.capabilityBuilding = capabilityBuilding }
        if let capabilityReason { o.capabilityReason = capabilityReason }
        if let solutionNotes { o.solutionNotes = solutionNotes }
        if let solutionNotesBy { o.solutionNotesBy = solutionNotesBy }
        if let solutionNotesAt { o.solutionNotesAt = solutionNotesAt }
        return o
    }
}

public protocol OpportunityStore: Sendable {
    func create(_ opportunity: Opportunity) async throws
    func find(id: Opportunity.ID) async throws -> Opportunity?
    /// Matching opportunities, by close date then name then ID.
    func list(_ filter: OpportunityFilter) async throws -> [Opportunity]
    /// Writes the changed columns and bumps the version, if the stored version is `expectedVersion`
    /// (any version when nil). Returns the stored opportunity, or nil when the version did not match.
    func update(_ id: Opportunity.ID, _ changes: OpportunityChanges, expectedVersion: Int?, at: Date) async throws
        -> Opportunity?
    /// Opportunities whose name contains `text` (case-insensitive), at most `limit`.
    func search(name text: String, limit: Int) async throws -> [Opportunity]
}

public protocol StageStore: Sendable {
    func list() async throws -> [Stage]
    func create(_ stage: Stage) async throws
    func update(_ stage: Stage) async throws
    func find(id: Stage.ID) async throws -> Stage?
}

public protocol LostReasonStore: Sendable {
    func list() async throws -> [LostReason]
    func find(id: LostReason.ID) async throws -> LostReason?
    func create(_ reason: LostReason) async throws
    func update(_ reason: LostReason) async throws
}

public protocol ExchangeRateStore: Sendable {
    /// All rates, by currency then date.
    func list() async throws -> [ExchangeRate]
    func find(id: ExchangeRate.ID) async throws -> ExchangeRate?
    /// Throws `.conflict` on `date` when the currency already has a rate that day.
    func create(_ rate: ExchangeRate) async throws
    func update(_ rate: ExchangeRate) async throws
}

public protocol PipelineSettingsStore: Sendable {
    func load() async throws -> PipelineSettings
    func save(_ settings: PipelineSettings) async throws
}

/// A contact the shell's search found.
public struct ContactMatch: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var email: String
    public var accountID: Account.ID
    public init(id: UUID, name: String, email: String, accountID: Account.ID) {
        self.id = id
        self.name = name
        self.email = email
        self.accountID = accountID
    }
}

/// Finds contacts by name or e-mail address for the search box (erased contacts never match).
public protocol ContactDirectory: Sendable {
    func contacts(matching text: String, limit: Int) async throws -> [ContactMatch]
}

/// The pipeline's stores together (a member of `Stores`).
public struct PipelineStores: Sendable {
    public var opportunities: any OpportunityStore
    public var stages: any StageStore
    public var lostReasons: any LostReasonStore
    public var exchangeRates: any ExchangeRateStore
    public var settings: any PipelineSettingsStore
    public var contactDirectory: any ContactDirectory

    public init(
        opportunities: any OpportunityStore, stages: any StageStore, lostReasons: any LostReasonStore,
        exchangeRates: any ExchangeRateStore, settings: any PipelineSettingsStore,
        contactDirectory: any ContactDirectory
    ) {
        self.contactDirectory = contactDirectory
        self.opportunities = opportunities
        self.stages = stages
        self.lostReasons = lostReasons
        self.exchangeRates = exchangeRates
        self.settings = settings
    }
}
