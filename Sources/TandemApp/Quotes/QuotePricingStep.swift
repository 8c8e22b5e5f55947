import Foundation
import TandemDomain

/// Prices a version's lines with the account's rate card by the pricing rule (`QuotePricing`,
/// docs/pricing.md); the version keeps the card id and version it was priced with.
enum QuotePricingStep {
    struct Priced {
        var version: QuoteVersion
        /// Totals from the pricing rule (minimums, rush, PM fee), when a card priced the quote.
        var totals: QuoteTotals?
    }

    /// The pricing service of a quote service (`mtpe` is post-editing).
    static func service(_ raw: String) -> LinguisticService {
        raw == LanguageService.mtpe.rawValue ? .postEditing : LinguisticService(raw)
    }

    static func price(_ version: QuoteVersion, quote: Quote, now: Date, in tx: Stores) async throws -> Priced {
        var version = version
        let card: RateCard?
        if let id = version.rateCardID {
            card = try await tx.pricing.rateCards.find(id: RateCard.ID(id), version: version.rateCardVersion)
        } else {
            card = try await tx.pricing.rateCards.current(for: quote.accountID)
        }
        guard let card else {
            version.pricingProblems = ["No rate card: create a default rate card or one for this account."]
            return Priced(version: version, totals: nil)
        }
        version.rateCardID = card.id.rawValue
        version.rateCardVersion = card.version
        version.pricingProblems = []
        let organisation = try await tx.organisation.load()
        let standard = try await tx.pricing.settings.load().standardTurnaround
        let options: [QuoteOption.ID?] = version.options.isEmpty ? [nil] : version.options.map(\.id)
        var totals: QuoteTotals?
        for option in options {
            let lines = version.lines.filter { $0.optionID == nil || $0.optionID == option }
            let input = Self.input(
                version, lines: lines, card: card, standard: standard, organisation: organisation, now: now)
            do {
                let priced = try QuotePricing.price(input, card: card)
                apply(priced, to: &version, option: option)
                if totals == nil {
                    totals = QuoteTotals(
                        total: priced.total,
                        minimumApplied: Money(
                            priced.targets.reduce(0) { $0 + $1.afterMinimum.amount - $1.linesTotal.amount },
                            card.currency),
                        rushSurcharge: Money(priced.targets.reduce(0) { $0 + $1.rushSurcharge.amount }, card.currency),
                        pmFee: priced.pmFee)
                }
            } catch {
                version.pricingProblems += error.domainErrors.map(\.message)
            }
        }
        return Priced(version: version, totals: totals)
    }

    static func input(
        _ version: QuoteVersion, lines: [QuoteLine], card: RateCard, standard: StandardTurnaround,
        organisation: OrganisationSettings, now: Date
    ) -> PricingInput {
        let analysed = lines.filter { $0.kind == .analysed }
        let pricingLines = analysed.compactMap { line -> PricingLine? in
            guard let target = line.targetLanguage else { return nil }
            return PricingLine(target: target, service: service(line.service), tallies: tallies(line.bands))
        }
        let manual = lines.filter { $0.kind == .manual }.map {
            ManualLine(
                target: $0.targetLanguage, description: $0.description, unit: PriceUnit(rawValue: $0.unit) ?? .fixed,
                quantity: $0.quantity, unitPrice: $0.unitPrice.amount)
        }
        let discounts = lines.filter { $0.kind == .discount }.map {
            Discount.amount(
                ($0.unitPrice.amount * $0.quantity).rounded(scale: card.currency.minorUnits), $0.description)
        }
        var turnarounds: [LanguageTag: Turnaround] = [:]
        let zone = TimeZone(identifier: organisation.timeZone) ?? .utc
        for target in version.targets {
            let words = analysed.filter { $0.targetLanguage == target.language }.map(\.bands.totalWords).max() ?? 0
            let days = (card.standardTurnaround ?? standard).days(words: words, target: target.language, agreement: nil)
            turnarounds[target.language] = Turnaround.between(
                order: now, delivery: target.delivery, standardDays: days, timeZone: zone,
                workingDays: organisation.workingDays)
        }
        return PricingInput(
            source: version.sourceLanguage, lines: pricingLines, manualLines: manual, discounts: discounts,
            turnaroundByTarget: turnarounds)
    }

    static func tallies(_ bands: BandCounts) -> BandTallies {
        var byBand: [MatchBand: BandTally] = [:]
        for (name, count) in bands {
            guard let band = MatchBand(name: name) else { continue }
            byBand[band] = BandTally(segments: count.segments, words: count.words)
        }
        return BandTallies(byBand)
    }

    /// Writes the priced unit prices, weighted words and prices back on the version's lines of
    /// `option` (lines shared by all options are priced the same in each).
    static func apply(_ priced: PricedQuote, to version: inout QuoteVersion, option: QuoteOption.ID?) {
        for target in priced.targets {
            for pricedLine in target.lines where !pricedLine.isManual {
                guard
                    let index = version.lines.firstIndex(where: {
                        $0.kind == .analysed && $0.targetLanguage == target.language
                            && ($0.optionID == nil || $0.optionID == option)
                            && service($0.service) == pricedLine.service
                    })
                else { continue }
                version.lines[index].weightedWords = pricedLine.weightedWords
                version.lines[index].unit = pricedLine.unit.rawValue
                version.lines[index].quantity = pricedLine.weightedWords
                version.lines[index].unitPrice = pricedLine.unitPrice
                version.lines[index].price = pricedLine.price
            }
        }
    }
}
