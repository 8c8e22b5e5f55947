import FluentKit
import Foundation
import TandemDomain

final class RateCardModel: Model, @unchecked Sendable {
    static let schema = "rate_cards"
    @ID(key: .id) var id: UUID?
    @Field(key: "scope") var scope: String
    @OptionalField(key: "account_id") var accountID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "currency") var currency: String
    @Field(key: "latest_version") var latestVersion: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    static func scope(of accountID: Account.ID?) -> String { accountID?.description ?? "default" }

    func toSummary() throws -> RateCardSummary {
        RateCardSummary(
            id: .init(try requireID()), accountID: accountID.map(Account.ID.init), name: name,
            currency: try CurrencyCode(currency), version: latestVersion, updatedAt: updatedAt)
    }
}

final class RateCardVersionModel: Model, @unchecked Sendable {
    static let schema = "rate_card_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "card_id") var cardID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "name") var name: String
    @Field(key: "currency") var currency: String
    @Field(key: "grid") var grid: String
    @Field(key: "prices") var prices: String
    @Field(key: "minimum_charge") var minimumCharge: String
    @Field(key: "rush_tiers") var rushTiers: String
    @Field(key: "pm_fee_percent") var pmFeePercent: String
    @OptionalField(key: "standard_turnaround") var standardTurnaround: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "created_by") var createdBy: UUID?
    init() {}

    func fill(_ card: RateCard, rowID: UUID) {
        id = rowID
        cardID = card.id.rawValue
        version = card.version
        name = card.name
        currency = card.currency.code
        grid = JSONText.encode(StoredGrid(card.grid))
        prices = JSONText.encode(card.prices.map(StoredPrice.init))
        minimumCharge = card.minimumCharge.canonicalString
        rushTiers = JSONText.encode(card.rushTiers.map(StoredRushTier.init))
        pmFeePercent = card.pmFeePercent.canonicalString
        standardTurnaround = card.standardTurnaround.map { JSONText.encode($0) }
        createdAt = card.createdAt
        createdBy = card.createdBy?.rawValue
    }

    func toDomain(accountID: UUID?) throws -> RateCard {
        RateCard(
            id: .init(cardID), accountID: accountID.map(Account.ID.init), name: name, version: version,
            currency: try CurrencyCode(currency), grid: try JSONText.decode(StoredGrid.self, grid).toDomain(),
            prices: try JSONText.decode([StoredPrice].self, prices).map { try $0.toDomain() },
            minimumCharge: try decimal(minimumCharge),
            rushTiers: try JSONText.decode([StoredRushTier].self, rushTiers).map { try $0.toDomain() },
            pmFeePercent: try decimal(pmFeePercent),
            standardTurnaround: try standardTurnaround.map { try JSONText.decode(StandardTurnaround.self, $0) },
            createdAt: createdAt, createdBy: createdBy.map(User.ID.init))
    }
}

final class WorkflowTemplateModel: Model, @unchecked Sendable {
    static let schema = "workflow_templates"
    @ID(key: .id) var id: UUID?
    @Field(key: "service") var service: String
    @Field(key: "steps") var steps: String
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    func toDomain() throws -> WorkflowTemplate {
        WorkflowTemplate(
            service: LinguisticService(service),
            steps: try JSONText.decode([StoredStep].self, steps).map { try $0.toDomain() }, version: version,
            updatedAt: updatedAt)
    }
}

final class PricingSettingsModel: Model, @unchecked Sendable {
    static let schema = "pricing_settings"
    @ID(key: .id) var id: UUID?
    @Field(key: "effort_grid") var effortGrid: String
    @Field(key: "default_cost_rates") var defaultCostRates: String
    @Field(key: "margin_floor") var marginFloor: String
    @Field(key: "standard_turnaround") var standardTurnaround: String
    @Field(key: "version") var version: Int
    init() {}

    func toDomain() throws -> PricingSettings {
        let grid = try JSONText.decode([String: String].self, effortGrid)
        let rates = try JSONText.decode([String: String].self, defaultCostRates)
        return PricingSettings(
            effortGrid: EffortGrid(percents: try StoredGrid.percents(grid)),
            defaultCostRates: DefaultCostRates(
                perWord: try decimal(rates["perWord"] ?? ""), perPage: try decimal(rates["perPage"] ?? ""),
                perHour: try decimal(rates["perHour"] ?? "")),
            marginFloorPercent: try decimal(marginFloor),
            standardTurnaround: try JSONText.decode(StandardTurnaround.self, standardTurnaround), version: version)
    }

    static func columns(_ settings: PricingSettings) -> [String: String] {
        let rates = settings.defaultCostRates
        return [
            "effort_grid": JSONText.encode(StoredGrid.text(settings.effortGrid.percents)),
            "default_cost_rates": JSONText.encode([
                "perWord": rates.perWord.canonicalString, "perPage": rates.perPage.canonicalString,
                "perHour": rates.perHour.canonicalString,
            ]),
            "margin_floor": settings.marginFloorPercent.canonicalString,
            "standard_turnaround": JSONText.encode(settings.standardTurnaround),
        ]
    }
}

final class AccountMarginFloorModel: Model, @unchecked Sendable {
    static let schema = "account_margin_floors"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "percent") var percent: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

/// A stored decimal that does not parse is corrupt data, not user input.
func decimal(_ text: String) throws -> Decimal {
    guard let value = Decimal(canonical: text) else {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "“\(text)” is not a decimal"))
    }
    return value
}

// JSON shapes of the columns: decimals as strings, so no value passes through a double.

struct StoredGrid: Codable {
    var percents: [String: String]
    var boundaries: [String: Int]

    init(_ grid: PriceGrid) {
        percents = Self.text(grid.percents)
        let b = grid.boundaries
        boundaries = ["high": b.high, "middle": b.middle, "low": b.low, "lowest": b.lowest]
    }

    func toDomain() throws -> PriceGrid {
        let b = boundaries
        return PriceGrid(
            percents: try Self.percents(percents),
            boundaries: try BandBoundaries(
                high: b["high"] ?? 95, middle: b["middle"] ?? 85, low: b["low"] ?? 75, lowest: b["lowest"] ?? 50))
    }

    static func text(_ percents: [MatchBand: Decimal]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: percents.map { ($0.key.rawValue, $0.value.canonicalString) })
    }

    static func percents(_ text: [String: String]) throws -> [MatchBand: Decimal] {
        var result: [MatchBand: Decimal] = [:]
        for (key, value) in text {
            guard let band = MatchBand(name: key) else { continue }
            result[band] = try decimal(value)
        }
        return result
    }
}

struct StoredPrice: Codable {
    var source: String
    var target: String
    var service: String
    var unit: String
    var price: String

    init(_ price: RatePrice) {
        source = price.source.description
        target = price.target.description
        service = price.service.rawValue
        unit = price.unit.rawValue
        self.price = price.price.canonicalString
    }

    func toDomain() throws -> RatePrice {
        RatePrice(
            source: try LanguageTag(source), target: try LanguageTag(target), service: LinguisticService(service),
            unit: PriceUnit(rawValue: unit) ?? .word, price: try decimal(price))
    }
}

struct StoredRushTier: Codable {
    var kind: String
    var maxPercentOfStandard: String?
    var surchargePercent: String

    init(_ tier: RushTier) {
        kind = tier.kind.rawValue
        maxPercentOfStandard = tier.maxPercentOfStandard?.canonicalString
        surchargePercent = tier.surchargePercent.canonicalString
    }

    func toDomain() throws -> RushTier {
        RushTier(
            kind: RushTier.Kind(rawValue: kind) ?? .compression,
            maxPercentOfStandard: try maxPercentOfStandard.map(decimal), surchargePercent: try decimal(surchargePercent)
        )
    }
}

struct StoredStep: Codable {
    var service: String
    var performer: String
    var unit: String
    var effort: String
    var fixedHours: String?

    init(_ step: WorkflowStep) {
        service = step.service.rawValue
        performer = step.performer.rawValue
        unit = step.unit.rawValue
        effort = step.effort.rawValue
        fixedHours = step.fixedHours?.canonicalString
    }

    func toDomain() throws -> WorkflowStep {
        WorkflowStep(
            service: LinguisticService(service), performer: StepPerformer(rawValue: performer) ?? .vendor,
            unit: PriceUnit(rawValue: unit) ?? .word, effort: EffortBasis(rawValue: effort) ?? .weightedWords,
            fixedHours: try fixedHours.map(decimal))
    }
}
