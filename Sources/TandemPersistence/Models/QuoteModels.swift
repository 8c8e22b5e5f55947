import FluentKit
import Foundation
import TandemDomain

final class QuoteModel: Model, @unchecked Sendable {
    static let schema = "quotes"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "opportunity_id") var opportunityID: UUID
    @Field(key: "status") var status: String
    @Field(key: "current_version") var currentVersion: Int
    @Field(key: "valid_until") var validUntil: String
    @Field(key: "currency") var currency: String
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "status_changed_at") var statusChangedAt: Date
    @Field(key: "lost_reason") var lostReason: String
    @OptionalField(key: "manager_approval") var managerApproval: String?
    init() {}

    init(_ quote: Quote) {
        id = quote.id.rawValue
        number = quote.number
        accountID = quote.accountID.rawValue
        opportunityID = quote.opportunityID.rawValue
        status = quote.status.rawValue
        currentVersion = quote.currentVersion
        validUntil = quote.validUntil.description
        currency = quote.currency.code
        createdBy = quote.createdBy.rawValue
        createdAt = quote.createdAt
        updatedAt = quote.updatedAt
        statusChangedAt = quote.statusChangedAt
        lostReason = quote.lostReason
        managerApproval = quote.managerApproval.map(JSONText.encode)
    }

    func toDomain() throws -> Quote {
        Quote(
            id: .init(try requireID()), number: number, accountID: .init(accountID),
            opportunityID: .init(opportunityID),
            status: QuoteStatus(rawValue: status) ?? .draft, currentVersion: currentVersion,
            validUntil: try LocalDate(iso: validUntil), currency: try CurrencyCode(currency),
            createdBy: .init(createdBy),
            createdAt: createdAt, updatedAt: updatedAt, statusChangedAt: statusChangedAt, lostReason: lostReason,
            managerApproval: try managerApproval.map { try JSONText.decode(ManagerApproval.self, $0) })
    }
}

final class QuoteNumberModel: Model, @unchecked Sendable {
    static let schema = "quote_numbers"
    @ID(custom: "year", generatedBy: .user) var id: Int?
    @Field(key: "last_number") var lastNumber: Int
    init() {}
}

/// A version's content apart from its lines: one JSON column, read and written whole.
struct QuoteVersionContent: Codable {
    var rateCardID: UUID?
    var rateCardVersion: Int?
    var sourceLanguage: LanguageTag
    var targets: [QuoteTarget]
    var services: [LanguageService]
    var options: [QuoteOption]
    var totals: QuoteTotals
    var reviewReasons: [ReviewReason]
    var feasibility: [TargetFeasibility]
    var note: String
    var pricingProblems: [String]?

    init(_ v: QuoteVersion) {
        pricingProblems = v.pricingProblems
        rateCardID = v.rateCardID
        rateCardVersion = v.rateCardVersion
        sourceLanguage = v.sourceLanguage
        targets = v.targets
        services = v.services
        options = v.options
        totals = v.totals
        reviewReasons = v.reviewReasons
        feasibility = v.feasibility
        note = v.note
    }
}

final class QuoteVersionModel: Model, @unchecked Sendable {
    static let schema = "quote_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "quote_id") var quoteID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "content") var content: String
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    init() {}

    init(_ version: QuoteVersion) {
        id = version.id.rawValue
        quoteID = version.quoteID.rawValue
        number = version.number
        content = JSONText.encode(QuoteVersionContent(version))
        createdBy = version.createdBy.rawValue
        createdAt = version.createdAt
        sentAt = version.sentAt
    }

    func toDomain(lines: [QuoteLine]) throws -> QuoteVersion {
        let c = try JSONText.decode(QuoteVersionContent.self, content)
        var version = QuoteVersion(
            id: .init(try requireID()), quoteID: .init(quoteID), number: number, rateCardID: c.rateCardID,
            rateCardVersion: c.rateCardVersion, sourceLanguage: c.sourceLanguage, targets: c.targets,
            services: c.services, options: c.options, lines: lines, totals: c.totals, reviewReasons: c.reviewReasons,
            feasibility: c.feasibility, note: c.note, createdBy: .init(createdBy), createdAt: createdAt, sentAt: sentAt)
        version.pricingProblems = c.pricingProblems ?? []
        return version
    }
}

final class QuoteLineModel: Model, @unchecked Sendable {
    static let schema = "quote_lines"
    @ID(key: .id) var id: UUID?
    @Field(key: "version_id") var versionID: UUID
    /// The line's own id, kept across versions (the row id is new in every version).
    @Field(key: "line_id") var lineID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "kind") var kind: String
    @OptionalField(key: "option_id") var optionID: UUID?
    @OptionalField(key: "target_language") var targetLanguage: String?
    @Field(key: "service") var service: String
    @Field(key: "description") var lineDescription: String
    @Field(key: "bands") var bands: String
    @Field(key: "weighted_words") var weightedWords: String
    @Field(key: "unit") var unit: String
    @Field(key: "quantity") var quantity: String
    @Field(key: "unit_price") var unitPrice: String
    @Field(key: "price") var price: String
    @Field(key: "currency") var currency: String
    @OptionalField(key: "cost") var cost: String?
    @OptionalField(key: "cost_currency") var costCurrency: String?
    @Field(key: "cost_is_default_rate") var costIsDefaultRate: Bool
    init() {}

    init(_ line: QuoteLine, rowID: UUID, version: QuoteVersion.ID, position: Int) {
        id = rowID
        lineID = line.id.rawValue
        versionID = version.rawValue
        self.position = position
        kind = line.kind.rawValue
        optionID = line.optionID?.rawValue
        targetLanguage = line.targetLanguage?.description
        service = line.service
        lineDescription = line.description
        bands = JSONText.encode(line.bands)
        weightedWords = line.weightedWords.canonicalString
        unit = line.unit
        quantity = line.quantity.canonicalString
        unitPrice = line.unitPrice.amount.canonicalString
        price = line.price.amount.canonicalString
        currency = line.price.currency.code
        cost = line.cost?.amount.canonicalString
        costCurrency = line.cost?.currency.code
        costIsDefaultRate = line.costIsDefaultRate
    }

    func toDomain() throws -> QuoteLine {
        let currency = try CurrencyCode(currency)
        return QuoteLine(
            id: .init(lineID), kind: QuoteLine.Kind(rawValue: kind) ?? .manual, optionID: optionID.map { .init($0) },
            targetLanguage: try targetLanguage.map { try LanguageTag($0) }, service: service,
            description: lineDescription, bands: try JSONText.decode(BandCounts.self, bands),
            weightedWords: Decimal(canonical: weightedWords) ?? 0, unit: unit,
            quantity: Decimal(canonical: quantity) ?? 0,
            unitPrice: Money(Decimal(canonical: unitPrice) ?? 0, currency),
            price: Money(Decimal(canonical: price) ?? 0, currency),
            cost: try cost.flatMap { amount in
                try costCurrency.map { Money(Decimal(canonical: amount) ?? 0, try CurrencyCode($0)) }
            }, costIsDefaultRate: costIsDefaultRate)
    }
}
