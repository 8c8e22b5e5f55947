import Foundation

/// Segments and words of one match band (`"100"`, `"95-99"`, …); words kept exact in decimal.
public struct BandCount: Hashable, Codable, Sendable {
    public var segments: Int
    public var words: Decimal
    public init(segments: Int = 0, words: Decimal = 0) {
        self.segments = segments
        self.words = words
    }

    public static func + (a: BandCount, b: BandCount) -> BandCount {
        BandCount(segments: a.segments + b.segments, words: a.words + b.words)
    }
}

/// Counts per band name, in the analysis engine's band names.
public typealias BandCounts = [String: BandCount]

extension Dictionary where Key == String, Value == BandCount {
    public static func + (a: Self, b: Self) -> Self { a.merging(b, uniquingKeysWith: +) }
    public var totalWords: Decimal { values.reduce(0) { $0 + $1.words } }
}

/// One target language of a quote with its promised delivery instant.
public struct QuoteTarget: Hashable, Codable, Sendable {
    public var language: LanguageTag
    public var delivery: Date
    public init(language: LanguageTag, delivery: Date) {
        self.language = language
        self.delivery = delivery
    }
}

/// An alternative in one quote (standard or express; human translation or post-editing); the
/// client chooses one at acceptance. Lines without an option belong to every option.
public struct QuoteOption: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<QuoteOption>
    public var id: ID
    public var name: String
    /// The services of this option's lines; empty: the version's services.
    public var services: [LanguageService]
    public init(id: ID, name: String, services: [LanguageService] = []) {
        self.id = id
        self.name = name
        self.services = services
    }
}

/// A priced line: a target × service from the analysis, a manual line (DTP pages, hours, file
/// engineering, certification) or a discount (a negative price).
public struct QuoteLine: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<QuoteLine>
    public enum Kind: String, Codable, Sendable, CaseIterable { case analysed, manual, discount }

    public var id: ID
    public var kind: Kind
    public var optionID: QuoteOption.ID?
    public var targetLanguage: LanguageTag?
    /// A `LanguageService` raw value for analysed lines; what the line is for manual ones.
    public var service: String
    public var description: String
    public var bands: BandCounts
    public var weightedWords: Decimal
    /// word, character, hour, page or fixed.
    public var unit: String
    public var quantity: Decimal
    public var unitPrice: Money
    public var price: Money
    /// Estimated vendor cost in the base currency; nil until estimated.
    public var cost: Money?
    /// The cost uses the organisation's default cost rate (no vendor fits).
    public var costIsDefaultRate: Bool

    public init(
        id: ID, kind: Kind, optionID: QuoteOption.ID? = nil, targetLanguage: LanguageTag?, service: String,
        description: String = "", bands: BandCounts = [:], weightedWords: Decimal = 0, unit: String = "word",
        quantity: Decimal = 0, unitPrice: Money, price: Money, cost: Money? = nil, costIsDefaultRate: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.optionID = optionID
        self.targetLanguage = targetLanguage
        self.service = service
        self.description = description
        self.bands = bands
        self.weightedWords = weightedWords
        self.unit = unit
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.price = price
        self.cost = cost
        self.costIsDefaultRate = costIsDefaultRate
    }
}

/// The capacity check's answer for one target, kept with the version for lists and the gate.
public struct TargetFeasibility: Hashable, Codable, Sendable {
    public var target: LanguageTag
    /// green, amber or red.
    public var verdict: String
    public var earliestDelivery: Date?
    public var confidence: Decimal
    /// The option whose lines were checked (nil when the quote has no options).
    public var option: QuoteOption.ID?
    public init(
        target: LanguageTag, verdict: String, earliestDelivery: Date?, confidence: Decimal,
        option: QuoteOption.ID? = nil
    ) {
        self.option = option
        self.target = target
        self.verdict = verdict
        self.earliestDelivery = earliestDelivery
        self.confidence = confidence
    }
}

/// Totals of a version (of its chosen or first option) in the client's currency, and cost and
/// margin in the base currency.
public struct QuoteTotals: Hashable, Codable, Sendable {
    public var total: Money
    /// The total converted to the base currency (nil without an exchange rate).
    public var totalInBase: Money?
    public var cost: Money?
    public var margin: Money?
    /// Margin ÷ total in base × 100, two places.
    public var marginPercent: Decimal?
    public var minimumApplied: Money?
    public var rushSurcharge: Money?
    public var pmFee: Money?
    public init(
        total: Money, totalInBase: Money? = nil, cost: Money? = nil, margin: Money? = nil,
        marginPercent: Decimal? = nil, minimumApplied: Money? = nil, rushSurcharge: Money? = nil, pmFee: Money? = nil
    ) {
        self.total = total
        self.totalInBase = totalInBase
        self.cost = cost
        self.margin = margin
        self.marginPercent = marginPercent
        self.minimumApplied = minimumApplied
        self.rushSurcharge = rushSurcharge
        self.pmFee = pmFee
    }

    public static func zero(_ currency: CurrencyCode) -> QuoteTotals { QuoteTotals(total: .zero(currency)) }
}

/// One version of a quote. A version that was sent is immutable: editing the quote then starts a
/// new draft version (docs/quotes.md).
public struct QuoteVersion: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<QuoteVersion>

    public var id: ID
    public var quoteID: Quote.ID
    public var number: Int
    public var rateCardID: UUID?
    public var rateCardVersion: Int?
    public var sourceLanguage: LanguageTag
    public var targets: [QuoteTarget]
    public var services: [LanguageService]
    public var options: [QuoteOption]
    public var lines: [QuoteLine]
    public var totals: QuoteTotals
    public var reviewReasons: [ReviewReason]
    public var feasibility: [TargetFeasibility]
    /// The PM's changes and why (approve with changes), or why the version was made.
    public var note: String
    /// Why some lines could not be priced (e.g. the rate card has no price for a pair), in English.
    public var pricingProblems: [String] = []
    public var createdBy: User.ID
    public var createdAt: Date
    public var sentAt: Date?

    public init(
        id: ID, quoteID: Quote.ID, number: Int, rateCardID: UUID? = nil, rateCardVersion: Int? = nil,
        sourceLanguage: LanguageTag, targets: [QuoteTarget], services: [LanguageService], options: [QuoteOption] = [],
        lines: [QuoteLine] = [], totals: QuoteTotals, reviewReasons: [ReviewReason] = [],
        feasibility: [TargetFeasibility] = [], note: String = "", createdBy: User.ID, createdAt: Date,
        sentAt: Date? = nil
    ) {
        self.id = id
        self.quoteID = quoteID
        self.number = number
        self.rateCardID = rateCardID
        self.rateCardVersion = rateCardVersion
        self.sourceLanguage = sourceLanguage
        self.targets = targets
        self.services = services
        self.options = options
        self.lines = lines
        self.totals = totals
        self.reviewReasons = reviewReasons
        self.feasibility = feasibility
        self.note = note
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.sentAt = sentAt
    }

    public var isSent: Bool { sentAt != nil }

    /// The lines of one option (lines without an option belong to all); all lines when nil.
    public func lines(of option: QuoteOption.ID?) -> [QuoteLine] {
        guard let option else {
            return options.isEmpty ? lines : lines.filter { $0.optionID == nil || $0.optionID == options.first?.id }
        }
        return lines.filter { $0.optionID == nil || $0.optionID == option }
    }

    /// The next draft made from this one: same content, a new id and number, not sent.
    public func nextDraft(id: ID, by user: User.ID, at date: Date, note: String = "") -> QuoteVersion {
        var copy = self
        copy.id = id
        copy.number = number + 1
        copy.createdBy = user
        copy.createdAt = date
        copy.sentAt = nil
        copy.note = note
        return copy
    }
}
