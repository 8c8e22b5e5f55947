import Foundation

/// The pricing rule (docs/pricing.md), exact in decimal:
/// 1. a line's weighted words = Σ over bands of words × percent ÷ 100, never rounded;
/// 2. its price = weighted words × unit price, rounded once, half up, to the currency's minor unit;
/// 3. per target, the minimum charge raises the sum of its lines (manual ones included);
/// 4. the rush surcharge = that amount × the tier's percent ÷ 100, rounded half up;
/// 5. the PM fee = the sum of all targets × the fee percent ÷ 100, rounded half up;
/// 6. manual lines without a target follow; discounts (percent of everything before them, rounded
///    half up, or an amount) come last.
public enum QuotePricing {
    public static func price(_ input: PricingInput, card: RateCard) throws -> PricedQuote {
        let currency = card.currency
        var errors: [DomainError] = []
        var linesByTarget: [LanguageTag: [PricedLine]] = [:]
        var targetOrder: [LanguageTag] = []
        func add(_ line: PricedLine, to target: LanguageTag) {
            if linesByTarget[target] == nil { targetOrder.append(target) }
            linesByTarget[target, default: []].append(line)
        }

        for (index, line) in input.lines.enumerated() {
            do {
                add(try priceLine(line, source: input.source, card: card, field: "lines[\(index)]"), to: line.target)
            } catch {
                errors += error.domainErrors
            }
        }
        var otherLines: [PricedLine] = []
        for (index, manual) in input.manualLines.enumerated() {
            guard manual.quantity >= 0, manual.unitPrice >= 0 else {
                errors.append(negative("manualLines[\(index)]"))
                continue
            }
            let line = PricedLine(
                target: manual.target, service: nil, description: manual.description, unit: manual.unit, bands: nil,
                weightedWords: manual.quantity, unitPrice: Money(manual.unitPrice, currency),
                price: Money(manual.quantity * manual.unitPrice, currency).rounded, isManual: true)
            if let target = manual.target { add(line, to: target) } else { otherLines.append(line) }
        }
        try ValidationErrors.check(errors)

        let targets = targetOrder.map { language in
            priceTarget(
                language, lines: linesByTarget[language]!, turnaround: input.turnaround(for: language), card: card)
        }
        let targetsTotal = sum(targets.map(\.total), currency)
        let pmFee = (targetsTotal * (card.pmFeePercent / 100)).rounded
        let beforeDiscounts = Money(
            targetsTotal.amount + pmFee.amount + sum(otherLines.map(\.price), currency).amount, currency)
        var discounts: [PricedDiscount] = []
        for (index, discount) in input.discounts.enumerated() {
            guard discount.value >= 0, discount.kind == .amount || discount.value <= 100 else {
                throw ValidationErrors([
                    .invalid(
                        "discounts[\(index)].value", "error.pricing.discount.invalid",
                        ["value": discount.value.canonicalString],
                        fallback: "A discount is an amount of zero or more, or a percent from 0 to 100.")
                ])
            }
            let amount =
                discount.kind == .percent
                ? (beforeDiscounts * (discount.value / 100)).rounded : Money(discount.value, currency).rounded
            discounts.append(PricedDiscount(discount: discount, amount: amount))
        }
        let total = Money(beforeDiscounts.amount - sum(discounts.map(\.amount), currency).amount, currency)
        guard total.amount >= 0 else {
            throw ValidationErrors([
                .invalid(
                    "discounts", "error.pricing.discount.too_large", ["total": beforeDiscounts.description],
                    fallback: "The discounts are larger than the quote (\(beforeDiscounts)).")
            ])
        }
        return PricedQuote(
            rateCardID: card.id, rateCardVersion: card.version, currency: currency, targets: targets,
            otherLines: otherLines, targetsTotal: targetsTotal, pmFeePercent: card.pmFeePercent, pmFee: pmFee,
            beforeDiscounts: beforeDiscounts, discounts: discounts, total: total)
    }

    static func priceLine(_ line: PricingLine, source: LanguageTag, card: RateCard, field: String) throws -> PricedLine
    {
        let wanted: PriceUnit? = line.tallies == nil ? (line.unit ?? .fixed) : nil
        guard let rate = card.price(source: source, target: line.target, service: line.service, unit: wanted) else {
            throw DomainError.invalid(
                field, "error.pricing.price.missing",
                ["source": source.description, "target": line.target.description, "service": line.service.rawValue],
                fallback: "The rate card has no price for \(source) → \(line.target), \(line.service).")
        }
        let count: Decimal
        if let tallies = line.tallies {
            if rate.unit == .character, tallies.totalCharacters == 0, tallies.totalWords > 0 {
                throw DomainError.invalid(
                    field, "error.pricing.characters.missing", ["source": source.description],
                    fallback: "The card prices \(source) per character, but the analysis counted no characters.")
            }
            count = card.grid.weighted(tallies, unit: rate.unit)
        } else {
            count = line.quantity ?? 1
            guard count >= 0 else { throw negative(field) }
        }
        let unitPrice = Money(rate.price, card.currency)
        return PricedLine(
            target: line.target, service: line.service, description: nil, unit: rate.unit, bands: line.tallies,
            weightedWords: count, unitPrice: unitPrice, price: (unitPrice * count).rounded, isManual: false)
    }

    static func priceTarget(
        _ language: LanguageTag, lines: [PricedLine], turnaround: Turnaround?, card: RateCard
    ) -> PricedTarget {
        let currency = card.currency
        let linesTotal = sum(lines.map(\.price), currency)
        let minimum = Money(card.minimumCharge, currency).rounded
        let minimumApplied = linesTotal.amount < minimum.amount
        let afterMinimum = minimumApplied ? minimum : linesTotal
        let tier = turnaround.flatMap { RushTier.applicable(card.rushTiers, to: $0) }
        let rush = tier.map { (afterMinimum * ($0.surchargePercent / 100)).rounded } ?? .zero(currency)
        return PricedTarget(
            language: language, lines: lines, linesTotal: linesTotal, minimumCharge: minimum,
            minimumApplied: minimumApplied, afterMinimum: afterMinimum, turnaround: turnaround, rushTier: tier,
            rushSurcharge: rush, total: Money(afterMinimum.amount + rush.amount, currency))
    }

    static func sum(_ amounts: [Money], _ currency: CurrencyCode) -> Money {
        Money(amounts.reduce(Decimal(0)) { $0 + $1.amount }, currency)
    }

    static func negative(_ field: String) -> DomainError {
        .invalid(
            field, "error.pricing.quantity.negative", [:], fallback: "Quantities and prices must be zero or more.")
    }
}
