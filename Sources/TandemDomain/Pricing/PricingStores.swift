import Foundation

/// A rate card as lists show it: its latest version's headline.
public struct RateCardSummary: Hashable, Sendable {
    public var id: RateCard.ID
    public var accountID: Account.ID?
    public var name: String
    public var currency: CurrencyCode
    public var version: Int
    public var updatedAt: Date

    public init(
        id: RateCard.ID, accountID: Account.ID?, name: String, currency: CurrencyCode, version: Int, updatedAt: Date
    ) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.currency = currency
        self.version = version
        self.updatedAt = updatedAt
    }
}

/// Client rate cards with every version. A version, once stored, never changes.
public protocol RateCardStore: Sendable {
    /// The account's card (latest version), else the default card; nil when neither exists.
    func current(for accountID: Account.ID?) async throws -> RateCard?
    /// One version of a card; the latest when `version` is nil.
    func find(id: RateCard.ID, version: Int?) async throws -> RateCard?
    /// Every card's latest version: the default first, then by name.
    func list() async throws -> [RateCardSummary]
    /// The versions of a card, newest first.
    func versions(of id: RateCard.ID) async throws -> [RateCard]
    /// Stores version 1 of a new card. Throws `.conflict` on `accountId` when the account (or the
    /// organisation, for a default card) already has one.
    func create(_ card: RateCard) async throws
    /// Stores `card` as version `card.version` when the latest stored one is `card.version - 1`;
    /// false when someone else stored a version first.
    func addVersion(_ card: RateCard) async throws -> Bool
}

/// Workflow templates per service, edited by admins; a service never edited has its default.
public protocol WorkflowStore: Sendable {
    /// The stored template for `service`, else the default one (a single step when none).
    func template(for service: LinguisticService) async throws -> WorkflowTemplate
    /// Stored templates merged over the defaults, by service.
    func list() async throws -> [WorkflowTemplate]
    /// Saves the template when the stored version is `expectedVersion` (1 for a default never
    /// stored); returns the stored template with its new version, or nil on a version clash.
    func save(_ template: WorkflowTemplate, expectedVersion: Int, at: Date) async throws -> WorkflowTemplate?
}

/// The organisation's pricing settings and the accounts' own margin floors.
public protocol PricingSettingsStore: Sendable {
    func load() async throws -> PricingSettings
    /// Saves when the stored version is `expectedVersion`; returns the stored settings with the
    /// new version, or nil on a version clash.
    func save(_ settings: PricingSettings, expectedVersion: Int) async throws -> PricingSettings?
    /// Every account with its own margin floor.
    func accountMarginFloors() async throws -> [Account.ID: Decimal]
    /// Sets (or, with nil, removes) an account's own margin floor.
    func setMarginFloor(_ percent: Decimal?, for accountID: Account.ID, at: Date) async throws
    /// The floor that applies to the account: its own, else the organisation's.
    func marginFloor(for accountID: Account.ID?) async throws -> MarginFloor
}

/// The pricing stores together (a member of `Stores`).
public struct PricingStores: Sendable {
    public var rateCards: any RateCardStore
    public var workflows: any WorkflowStore
    public var settings: any PricingSettingsStore

    public init(rateCards: any RateCardStore, workflows: any WorkflowStore, settings: any PricingSettingsStore) {
        self.rateCards = rateCards
        self.workflows = workflows
        self.settings = settings
    }
}
