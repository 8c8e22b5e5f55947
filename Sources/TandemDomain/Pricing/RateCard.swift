import Foundation

/// One client price: source → target × service × unit, in the card's currency.
public struct RatePrice: Hashable, Sendable, Codable {
    public var source: LanguageTag
    public var target: LanguageTag
    public var service: LinguisticService
    public var unit: PriceUnit
    public var price: Decimal

    public init(source: LanguageTag, target: LanguageTag, service: LinguisticService, unit: PriceUnit, price: Decimal) {
        self.source = source
        self.target = target
        self.service = service
        self.unit = unit
        self.price = price
    }
}

/// A client price list: the organisation's default (no account) or one account's. Versioned:
/// an edit stores a new version and leaves the old ones readable, because a quote keeps the
/// version it was priced with.
public struct RateCard: Identifiable, Hashable, Sendable, Codable {
    public typealias ID = Identifier<RateCard>

    public var id: ID
    public var accountID: Account.ID?
    public var name: String
    public var version: Int
    public var currency: CurrencyCode
    public var grid: PriceGrid
    public var prices: [RatePrice]
    /// The least each target language is charged (its lines together), in the card's currency.
    public var minimumCharge: Decimal
    public var rushTiers: [RushTier]
    public var pmFeePercent: Decimal
    /// Overrides the organisation's standard turnaround for this card's clients; nil keeps it.
    public var standardTurnaround: StandardTurnaround?
    public var createdAt: Date
    public var createdBy: User.ID?

    public init(
        id: ID, accountID: Account.ID? = nil, name: String, version: Int = 1, currency: CurrencyCode,
        grid: PriceGrid = .standard, prices: [RatePrice], minimumCharge: Decimal = 0,
        rushTiers: [RushTier] = RushTier.standard, pmFeePercent: Decimal = 0,
        standardTurnaround: StandardTurnaround? = nil, createdAt: Date, createdBy: User.ID? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.version = version
        self.currency = currency
        self.grid = grid
        self.prices = prices
        self.minimumCharge = minimumCharge
        self.rushTiers = rushTiers
        self.pmFeePercent = pmFeePercent
        self.standardTurnaround = standardTurnaround
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    public var isDefault: Bool { accountID == nil }

    /// The best price for source → target × service: exact tags first, then the closest
    /// (`fr` serves `fr-FR`). With no `unit`, only word and character prices qualify (lines
    /// priced from an analysis).
    public func price(
        source: LanguageTag, target: LanguageTag, service: LinguisticService, unit: PriceUnit? = nil
    ) -> RatePrice? {
        prices.compactMap { price -> (RatePrice, Int)? in
            guard price.service == service, unit.map({ $0 == price.unit }) ?? price.unit.isWeighted,
                let s = price.source.matchQuality(for: source),
                let t = price.target.matchQuality(for: target)
            else { return nil }
            return (price, s * 10 + t)
        }.max { $0.1 < $1.1 }?.0
    }

    public static let notFound = DomainError.notFound(
        entityKey: "entity.rate_card", fallback: "The rate card was not found.")
}
