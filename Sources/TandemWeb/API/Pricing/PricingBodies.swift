import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `POST /api/v1/rate-cards` and `PATCH /api/v1/rate-cards/{id}` (every field optional there).
/// Prices and the minimum are decimal strings in the card's currency; percents decimal strings.
struct RateCardRequestBody: Decodable {
    struct Price: Codable {
        var source: String
        var target: String
        var service: String
        var unit: String
        var price: String
    }
    struct Tier: Codable {
        var kind: String
        var maxPercentOfStandard: String?
        var surchargePercent: String
    }
    struct Turnaround: Codable {
        var wordsPerDay: Int
        var leadTimeDays: Int
    }
    var name: String?
    var accountId: String?
    var currency: String?
    var grid: [String: String]?
    var boundaries: [String: Int]?
    var prices: [Price]?
    var minimumCharge: String?
    var rushTiers: [Tier]?
    var pmFeePercent: String?
    var standardTurnaround: Turnaround?
    /// PATCH: the version the change was made from.
    var version: Int?

    func apply(to input: inout RateCardInput) {
        if let name { input.name = name }
        if let currency { input.currency = currency }
        if let grid { input.grid = grid }
        if let boundaries { input.boundaries = boundaries }
        if let prices {
            input.prices = prices.map {
                .init(source: $0.source, target: $0.target, service: $0.service, unit: $0.unit, price: $0.price)
            }
        }
        if let minimumCharge { input.minimumCharge = minimumCharge }
        if let rushTiers {
            input.rushTiers = rushTiers.map {
                .init(
                    kind: $0.kind, maxPercentOfStandard: $0.maxPercentOfStandard, surchargePercent: $0.surchargePercent)
            }
        }
        if let pmFeePercent { input.pmFeePercent = pmFeePercent }
        if let standardTurnaround {
            input.wordsPerDay = standardTurnaround.wordsPerDay
            input.leadTimeDays = standardTurnaround.leadTimeDays
        }
    }

    /// The input of a new card; what is missing is reported by the use case, field by field.
    var newInput: RateCardInput {
        var input = RateCardInput(
            name: name ?? "", accountID: accountId, currency: currency ?? "", grid: [:], prices: [],
            minimumCharge: "0")
        apply(to: &input)
        return input
    }
}

/// `201 {"id", "version"}`: what creating a card answers.
struct RateCardCreatedBody: Content {
    var id: String
    var version: Int
}

/// A rate card version as the API reads it.
struct RateCardBody: Content {
    var id: String
    @NullWhenAbsent var accountId: String?
    var name: String
    var version: Int
    var currency: String
    var grid: [String: String]
    var boundaries: [String: Int]
    var prices: [RateCardRequestBody.Price]
    var minimumCharge: String
    var rushTiers: [RateCardRequestBody.Tier]
    var pmFeePercent: String
    @NullWhenAbsent var standardTurnaround: RateCardRequestBody.Turnaround?
    var createdAt: Date
    @NullWhenAbsent var createdBy: String?

    init(_ card: RateCard) {
        id = card.id.description
        accountId = card.accountID?.description
        name = card.name
        version = card.version
        currency = card.currency.code
        grid = Dictionary(
            uniqueKeysWithValues: MatchBand.allCases.map {
                ($0.rawValue, PercentText.format(card.grid.percent(of: $0)))
            })
        let b = card.grid.boundaries
        boundaries = ["high": b.high, "middle": b.middle, "low": b.low, "lowest": b.lowest]
        prices = card.prices.map {
            .init(
                source: $0.source.description, target: $0.target.description, service: $0.service.rawValue,
                unit: $0.unit.rawValue, price: $0.price.canonicalString)
        }
        minimumCharge = MoneyBody.fixed(card.minimumCharge, scale: card.currency.minorUnits)
        rushTiers = card.rushTiers.map {
            .init(
                kind: $0.kind.rawValue, maxPercentOfStandard: $0.maxPercentOfStandard.map(PercentText.format),
                surchargePercent: PercentText.format($0.surchargePercent))
        }
        pmFeePercent = PercentText.format(card.pmFeePercent)
        standardTurnaround = card.standardTurnaround.map {
            .init(wordsPerDay: $0.wordsPerDay, leadTimeDays: $0.leadTimeDays)
        }
        createdAt = card.createdAt
        createdBy = card.createdBy?.description
    }
}

struct RateCardSummaryBody: Content {
    var id: String
    @NullWhenAbsent var accountId: String?
    var name: String
    var currency: String
    var version: Int
    var updatedAt: Date

    init(_ card: RateCardSummary) {
        id = card.id.description
        accountId = card.accountID?.description
        name = card.name
        currency = card.currency.code
        version = card.version
        updatedAt = card.updatedAt
    }
}

struct WorkflowBody: Content {
    struct Step: Codable {
        var service: String
        var performer: String
        var unit: String
        var effort: String
        var fixedHours: String?
    }
    var service: String
    var steps: [Step]
    var version: Int
    @NullWhenAbsent var updatedAt: Date?

    init(_ template: WorkflowTemplate) {
        service = template.service.rawValue
        steps = template.steps.map {
            Step(
                service: $0.service.rawValue, performer: $0.performer.rawValue, unit: $0.unit.rawValue,
                effort: $0.effort.rawValue, fixedHours: $0.fixedHours?.canonicalString)
        }
        version = template.version
        updatedAt = template.updatedAt
    }
}

struct WorkflowRequestBody: Decodable {
    var steps: [WorkflowBody.Step]?
    var version: Int?
}

/// `GET /api/v1/pricing-settings`. Default cost rates are in the base currency.
struct PricingSettingsBody: Content {
    struct CostRates: Content {
        var perWord: MoneyBody
        var perPage: MoneyBody
        var perHour: MoneyBody
    }
    struct Turnaround: Content {
        var wordsPerDay: Int
        var leadTimeDays: Int
    }
    struct AccountFloor: Content {
        var accountId: String
        var marginFloor: String
    }
    var effortGrid: [String: String]
    var defaultCostRates: CostRates
    var marginFloor: String
    var standardTurnaround: Turnaround
    var accountMarginFloors: [AccountFloor]
    var version: Int

    init(_ settings: PricingSettings, base: CurrencyCode, accountFloors: [Account.ID: Decimal]) {
        effortGrid = Dictionary(
            uniqueKeysWithValues: MatchBand.allCases.map {
                ($0.rawValue, PercentText.format(settings.effortGrid.percent(of: $0)))
            })
        let rates = settings.defaultCostRates
        defaultCostRates = CostRates(
            perWord: MoneyBody(amount: rates.perWord.canonicalString, currency: base.code),
            perPage: MoneyBody(Money(rates.perPage, base)), perHour: MoneyBody(Money(rates.perHour, base)))
        marginFloor = PercentText.format(settings.marginFloorPercent)
        standardTurnaround = Turnaround(
            wordsPerDay: settings.standardTurnaround.wordsPerDay, leadTimeDays: settings.standardTurnaround.leadTimeDays
        )
        accountMarginFloors = accountFloors.sorted { $0.key < $1.key }.map {
            AccountFloor(accountId: $0.key.description, marginFloor: PercentText.format($0.value))
        }
        version = settings.version
    }
}

/// `PATCH /api/v1/pricing-settings`: the fields to change and the version they were read at.
struct PricingSettingsRequestBody: Decodable {
    var effortGrid: [String: String]?
    var costPerWord: String?
    var costPerPage: String?
    var costPerHour: String?
    var marginFloor: String?
    var standardTurnaround: PricingSettingsBody.Turnaround?
    var version: Int?
}

extension MoneyBody {
    /// A per-word rate keeps its own precision (0.075), which the minor units would round.
    init(amount: String, currency: String) {
        self.amount = amount
        self.currency = currency
    }
}

extension Request {
    /// `decodeJSON`, with array positions written as the pricing API names fields: `prices[0].price`.
    func decodePricingJSON<Body: Decodable>(_ type: Body.Type) throws -> Body {
        do {
            return try decodeJSON(type)
        } catch APIError.invalidFields(let fields) {
            throw APIError.invalidFields(
                fields.map {
                    var field = $0
                    field.field = Self.bracketed($0.field)
                    return field
                })
        }
    }

    /// "prices.0.price" → "prices[0].price".
    static func bracketed(_ path: String) -> String {
        var result = ""
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            if !result.isEmpty, Int(part) != nil {
                result += "[\(part)]"
            } else {
                result += result.isEmpty ? String(part) : ".\(part)"
            }
        }
        return result
    }
}
