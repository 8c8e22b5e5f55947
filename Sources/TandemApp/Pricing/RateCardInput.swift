import Foundation
import TandemDomain

/// A rate card as a form or the API sends it: text, checked field by field by `validated`.
public struct RateCardInput: Sendable, Equatable {
    public struct Price: Sendable, Equatable {
        public var source: String
        public var target: String
        public var service: String
        public var unit: String
        public var price: String
        public init(source: String, target: String, service: String, unit: String, price: String) {
            self.source = source
            self.target = target
            self.service = service
            self.unit = unit
            self.price = price
        }
    }

    public struct Tier: Sendable, Equatable {
        public var kind: String
        public var maxPercentOfStandard: String?
        public var surchargePercent: String
        public init(kind: String, maxPercentOfStandard: String?, surchargePercent: String) {
            self.kind = kind
            self.maxPercentOfStandard = maxPercentOfStandard
            self.surchargePercent = surchargePercent
        }
    }

    public var name: String
    /// An account's ID; nil or empty for the organisation's default card.
    public var accountID: String?
    public var currency: String
    /// Band name → percent, e.g. `["repetition": "10"]`; a band left out pays 100 %.
    public var grid: [String: String]
    /// `high`, `middle`, `low`, `lowest`; nil keeps 95 / 85 / 75 / 50.
    public var boundaries: [String: Int]?
    public var prices: [Price]
    public var minimumCharge: String
    public var rushTiers: [Tier]
    public var pmFeePercent: String
    /// Nil follows the organisation's standard turnaround.
    public var wordsPerDay: Int?
    public var leadTimeDays: Int?

    public init(
        name: String, accountID: String? = nil, currency: String, grid: [String: String],
        boundaries: [String: Int]? = nil,
        prices: [Price], minimumCharge: String = "0", rushTiers: [Tier]? = nil, pmFeePercent: String = "0",
        wordsPerDay: Int? = nil, leadTimeDays: Int? = nil
    ) {
        self.name = name
        self.accountID = accountID
        self.currency = currency
        self.grid = grid
        self.boundaries = boundaries
        self.prices = prices
        self.minimumCharge = minimumCharge
        self.rushTiers = rushTiers ?? RushTier.standard.map(Tier.init)
        self.pmFeePercent = pmFeePercent
        self.wordsPerDay = wordsPerDay
        self.leadTimeDays = leadTimeDays
    }

    /// The input that reproduces a stored card (the starting point of an edit).
    public init(_ card: RateCard) {
        self.init(
            name: card.name, accountID: card.accountID?.description, currency: card.currency.code,
            grid: Dictionary(
                uniqueKeysWithValues: card.grid.percents.map { ($0.key.rawValue, $0.value.canonicalString) }),
            boundaries: [
                "high": card.grid.boundaries.high, "middle": card.grid.boundaries.middle,
                "low": card.grid.boundaries.low, "lowest": card.grid.boundaries.lowest,
            ],
            prices: card.prices.map {
                Price(
                    source: $0.source.description, target: $0.target.description, service: $0.service.rawValue,
                    unit: $0.unit.rawValue, price: $0.price.canonicalString)
            }, minimumCharge: card.minimumCharge.canonicalString, rushTiers: card.rushTiers.map(Tier.init),
            pmFeePercent: card.pmFeePercent.canonicalString, wordsPerDay: card.standardTurnaround?.wordsPerDay,
            leadTimeDays: card.standardTurnaround?.leadTimeDays)
    }
}

extension RateCardInput.Tier {
    init(_ tier: RushTier) {
        self.init(
            kind: tier.kind.rawValue, maxPercentOfStandard: tier.maxPercentOfStandard?.canonicalString,
            surchargePercent: tier.surchargePercent.canonicalString)
    }
}

/// The checked parts of a rate card, before it gets its ID, version and date.
struct ValidRateCard {
    var name: String
    var accountID: Account.ID?
    var currency: CurrencyCode
    var grid: PriceGrid
    var prices: [RatePrice]
    var minimumCharge: Decimal
    var rushTiers: [RushTier]
    var pmFeePercent: Decimal
    var standardTurnaround: StandardTurnaround?
}

extension RateCardInput {
    /// Every wrong field at once, each named as the API names it (`prices[0].price`).
    func validated() throws -> ValidRateCard {
        var reader = FieldReader()
        let name = reader.text(name, "name", max: 120, required: true)
        var account: Account.ID?
        if let raw = accountID?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            account = reader.id(raw, "accountId")
        }
        var currency: CurrencyCode?
        do { currency = try CurrencyCode(self.currency) } catch { reader.errors += error.domainErrors }
        var boundaries = BandBoundaries.standard
        if let given = self.boundaries {
            do {
                boundaries = try BandBoundaries(
                    high: given["high"] ?? 95, middle: given["middle"] ?? 85, low: given["low"] ?? 75,
                    lowest: given["lowest"] ?? 50)
            } catch { reader.errors += error.domainErrors }
        }
        var grid: PriceGrid?
        do { grid = try PriceGrid.parse(self.grid, boundaries: boundaries) } catch {
            reader.errors += error.domainErrors
        }
        let prices = readPrices(&reader)
        let minimum = Self.decimal(&reader, minimumCharge, "minimumCharge", range: 0...1_000_000)
        if let minimum, let currency, minimum.rounded(scale: currency.minorUnits) != minimum {
            reader.errors.append(
                .invalid(
                    "minimumCharge", "error.rate_card.minimum.too_precise", ["currency": currency.code],
                    fallback: "An amount in \(currency) has at most \(currency.minorUnits) decimal places."))
        }
        let tiers = readTiers(&reader)
        let fee = Self.decimal(&reader, pmFeePercent, "pmFeePercent", range: 0...100)
        var turnaround: StandardTurnaround?
        if wordsPerDay != nil || leadTimeDays != nil {
            let pace = reader.wholeNumber(String(wordsPerDay ?? 0), "wordsPerDay", range: 100...20_000)
            let lead = reader.wholeNumber(String(leadTimeDays ?? -1), "leadTimeDays", range: 0...30)
            if let pace, let lead { turnaround = StandardTurnaround(wordsPerDay: pace, leadTimeDays: lead) }
        }
        try reader.check()
        return ValidRateCard(
            name: name!, accountID: account, currency: currency!, grid: grid!, prices: prices, minimumCharge: minimum!,
            rushTiers: tiers, pmFeePercent: fee!, standardTurnaround: turnaround)
    }

    private func readPrices(_ reader: inout FieldReader) -> [RatePrice] {
        if prices.isEmpty {
            reader.errors.append(
                .invalid("prices", "error.rate_card.prices.required", fallback: "A rate card needs at least one price.")
            )
        }
        var result: [RatePrice] = []
        for (index, entry) in prices.enumerated() {
            let field = "prices[\(index)]"
            let source = reader.tag(entry.source, "\(field).source")
            let target = reader.tag(entry.target, "\(field).target")
            var service: LinguisticService?
            do { service = try LinguisticService(parsing: entry.service, field: "\(field).service") } catch {
                reader.errors += error.domainErrors
            }
            let unit = PriceUnit(rawValue: entry.unit.trimmingCharacters(in: .whitespaces).lowercased())
            if unit == nil {
                reader.errors.append(
                    .invalid(
                        "\(field).unit", "error.rate_card.unit.unknown", ["value": entry.unit],
                        fallback: "“\(entry.unit)” is not a unit; use word, character, hour, page or fixed."))
            }
            let price = Self.decimal(&reader, entry.price, "\(field).price", range: 0...100_000)
            guard let source, let target, let service, let unit, let price else { continue }
            let made = RatePrice(source: source, target: target, service: service, unit: unit, price: price)
            if result.contains(where: {
                $0.source == source && $0.target == target && $0.service == service && $0.unit == unit
            }) {
                reader.errors.append(
                    .invalid(
                        "\(field).target", "error.rate_card.price.duplicate", [:],
                        fallback: "This pair, service and unit already has a price on this card."))
            }
            result.append(made)
        }
        return result
    }

    private func readTiers(_ reader: inout FieldReader) -> [RushTier] {
        var result: [RushTier] = []
        for (index, entry) in rushTiers.enumerated() {
            let field = "rushTiers[\(index)]"
            guard let kind = RushTier.Kind(rawValue: entry.kind.trimmingCharacters(in: .whitespaces)) else {
                reader.errors.append(
                    .invalid(
                        "\(field).kind", "error.rate_card.rush_kind.unknown", ["value": entry.kind],
                        fallback: "“\(entry.kind)” is not a rush tier; use compression, same-day or weekend."))
                continue
            }
            var limit: Decimal?
            if kind == .compression {
                limit = Self.decimal(
                    &reader, entry.maxPercentOfStandard ?? "", "\(field).maxPercentOfStandard", range: 1...99)
            }
            let surcharge = Self.decimal(&reader, entry.surchargePercent, "\(field).surchargePercent", range: 0...500)
            if let surcharge, kind != .compression || limit != nil {
                result.append(RushTier(kind: kind, maxPercentOfStandard: limit, surchargePercent: surcharge))
            }
        }
        return result
    }

    static func decimal(_ reader: inout FieldReader, _ text: String, _ field: String, range: ClosedRange<Decimal>)
        -> Decimal?
    {
        guard let value = Decimal(canonical: text), range.contains(value) else {
            reader.errors.append(
                .invalid(
                    field, "error.pricing.number.invalid",
                    ["value": text, "min": range.lowerBound.canonicalString, "max": range.upperBound.canonicalString],
                    fallback:
                        "“\(text)” is not a number from \(range.lowerBound.canonicalString) to \(range.upperBound.canonicalString); write it like 0.12."
                ))
            return nil
        }
        return value
    }
}
