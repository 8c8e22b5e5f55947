import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import TandemPlanning
import Vapor

/// `POST /api/v1/quotes`.
struct CreateQuoteBody: Decodable {
    var opportunityId: String?
    var accountId: String?
    var rateCardId: String?
    var deadline: String?
    var services: [String]?
    var sourceLanguage: String?
    var targetLanguages: [String]?
    var name: String?

    var input: QuoteManagement.CreateInput {
        .init(
            opportunityID: opportunityId, accountID: accountId, rateCardID: rateCardId, deadline: deadline,
            services: services, sourceLanguage: sourceLanguage, targetLanguages: targetLanguages, name: name)
    }
}

/// The answer to create, submit, review, send and lose: where the quote stands.
struct QuoteStatusBody: Content {
    var id: String
    var number: String
    var version: Int
    var status: String
    init(_ quote: Quote) {
        id = quote.id.description
        number = quote.number
        version = quote.currentVersion
        status = quote.status.rawValue
    }
}

struct BandBody: Content {
    var segments: Int
    var words: Decimal
}

struct QuoteLineBody: Content {
    var id: String
    var kind: String
    @NullWhenAbsent var optionId: String?
    @NullWhenAbsent var targetLanguage: String?
    var service: String
    var description: String
    var bands: [String: BandBody]
    /// A decimal string, exact.
    var weightedWords: String
    var unit: String
    var quantity: String
    var unitPrice: MoneyBody
    var price: MoneyBody
    @NullWhenAbsent var cost: MoneyBody?
    var costIsDefaultRate: Bool

    init(_ line: QuoteLine) {
        id = line.id.description
        kind = line.kind.rawValue
        optionId = line.optionID?.description
        targetLanguage = line.targetLanguage?.description
        service = line.service
        description = line.description
        bands = line.bands.mapValues { BandBody(segments: $0.segments, words: $0.words) }
        weightedWords = line.weightedWords.canonicalString
        unit = line.unit
        quantity = line.quantity.canonicalString
        unitPrice = MoneyBody.unitPrice(line.unitPrice)
        price = MoneyBody(line.price)
        cost = line.cost.map { MoneyBody($0) }
        costIsDefaultRate = line.costIsDefaultRate
    }
}

extension MoneyBody {
    /// A unit price keeps its own decimals (0.125 a word), at least the currency's.
    static func unitPrice(_ money: Money) -> MoneyBody {
        let text = money.amount.canonicalString
        let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
        var body = MoneyBody(money)
        if decimals > money.currency.minorUnits { body.amount = text }
        return body
    }
}

struct FeasibilityBody: Content {
    @NullWhenAbsent var verdict: String?
    @NullWhenAbsent var earliestDelivery: String?
    @NullWhenAbsent var confidence: Double?
    var reasons: [ReasonBody]
    var targets: [TargetFeasibilityBody]
}

struct TargetFeasibilityBody: Content {
    var targetLanguage: String
    var verdict: String
    @NullWhenAbsent var earliestDelivery: String?
    var confidence: Double
}

struct QuoteTargetBody: Content {
    var targetLanguage: String
    var deliveryDate: String
}

struct QuoteFileBody: Content {
    var id: String
    var kind: String
    var name: String
    var size: Int
    var excluded: Bool
    var targets: [String]
    init(_ file: QuoteFile) {
        id = file.id.description
        kind = file.kind.rawValue
        name = file.name
        size = file.size
        excluded = file.excluded
        targets = file.targets.map(\.description)
    }
}

/// `GET /api/v1/quotes/{id}`: the quote sheet.
struct QuoteBody: Content {
    var id: String
    var number: String
    var version: Int
    var status: String
    var accountId: String
    var accountName: String
    var opportunityId: String
    var currency: String
    var validUntil: String
    var sourceLanguage: String
    var targets: [QuoteTargetBody]
    var services: [String]
    var options: [OptionBody]
    var reviewReasons: [String]
    var lines: [QuoteLineBody]
    var total: MoneyBody
    @NullWhenAbsent var totalInBase: MoneyBody?
    @NullWhenAbsent var cost: MoneyBody?
    @NullWhenAbsent var margin: MoneyBody?
    @NullWhenAbsent var marginPercent: String?
    @NullWhenAbsent var marginFloor: String?
    var belowMarginFloor: Bool
    var feasibility: FeasibilityBody
    var files: [QuoteFileBody]
    @NullWhenAbsent var rateCardId: String?
    @NullWhenAbsent var rateCardVersion: Int?
    var pricingProblems: [String]
    var note: String
    @NullWhenAbsent var projectId: String?
    @NullWhenAbsent var waitingSince: String?
    @NullWhenAbsent var managerApproval: ManagerApprovalBody?

    struct OptionBody: Content {
        var id: String
        var name: String
        var services: [String]
    }

    struct ManagerApprovalBody: Content {
        var by: String
        var at: String
        var reason: String
    }

    init(_ sheet: QuoteSheet, showVendors: Bool, localizer l: Localizer) {
        let quote = sheet.quote
        let version = sheet.version
        id = quote.id.description
        number = quote.number
        self.version = quote.currentVersion
        status = quote.status.rawValue
        accountId = quote.accountID.description
        accountName = sheet.accountName
        opportunityId = quote.opportunityID.description
        currency = quote.currency.code
        validUntil = quote.validUntil.description
        sourceLanguage = version.sourceLanguage.description
        targets = version.targets.map {
            QuoteTargetBody(targetLanguage: $0.language.description, deliveryDate: Instant($0.delivery).iso8601)
        }
        services = version.services.map(\.rawValue)
        options = version.options.map {
            OptionBody(id: $0.id.description, name: $0.name, services: $0.services.map(\.rawValue))
        }
        reviewReasons = version.reviewReasons.map(\.rawValue)
        lines = version.lines.map(QuoteLineBody.init)
        total = MoneyBody(version.totals.total)
        totalInBase = version.totals.totalInBase.map { MoneyBody($0) }
        cost = version.totals.cost.map { MoneyBody($0) }
        margin = version.totals.margin.map { MoneyBody($0) }
        marginPercent = version.totals.marginPercent.map(PercentText.format)
        marginFloor = sheet.marginFloor.map(PercentText.format)
        belowMarginFloor = sheet.belowMarginFloor
        let f = sheet.feasibility
        feasibility = FeasibilityBody(
            verdict: f.verdict, earliestDelivery: f.earliestDelivery.map { Instant($0).iso8601 },
            confidence: f.confidence.map { NSDecimalNumber(decimal: $0).doubleValue },
            reasons: QuoteReasons.bodies(f.reasons, showVendors: showVendors, localizer: l),
            targets: f.targets.map {
                TargetFeasibilityBody(
                    targetLanguage: $0.target.description, verdict: $0.verdict,
                    earliestDelivery: $0.earliestDelivery.map { Instant($0).iso8601 },
                    confidence: NSDecimalNumber(decimal: $0.confidence).doubleValue)
            })
        files = sheet.files.map(QuoteFileBody.init)
        rateCardId = version.rateCardID?.uuidString.lowercased()
        rateCardVersion = version.rateCardVersion
        pricingProblems = version.pricingProblems
        note = version.note
        projectId = sheet.projectID?.description
        waitingSince = sheet.waitingSince.map { Instant($0).iso8601 }
        managerApproval = quote.managerApproval.map {
            ManagerApprovalBody(by: $0.by.description, at: Instant($0.at).iso8601, reason: $0.reason)
        }
    }
}

/// Feasibility reasons on the API; those who may not see vendors (sales) get them without
/// vendor names or ids, worded as the deadline check words them (`RedactedCheck`).
enum QuoteReasons {
    static func bodies(_ reasons: [FeasibilityReason], showVendors: Bool, localizer l: Localizer) -> [ReasonBody] {
        if showVendors { return reasons.map { ReasonBody($0, localizer: l) } }
        return reasons.filter { !RedactedCheck.codesAboutQuality.contains($0.code) }.map { reason in
            var body = ReasonBody(reason, localizer: l)
            body.args = body.args.filter { !RedactedCheck.vendorArguments.contains($0.key) }
            body.text = RedactedCheck.reason(reason, localizer: l).text
            return body
        }
    }
}

/// A list row: the quote with its current version's total and verdict.
struct QuoteSummaryBody: Content {
    var id: String
    var number: String
    var version: Int
    var status: String
    var accountId: String
    var opportunityId: String
    var validUntil: String
    var createdAt: String
    var statusChangedAt: String
    init(_ quote: Quote) {
        id = quote.id.description
        number = quote.number
        version = quote.currentVersion
        status = quote.status.rawValue
        accountId = quote.accountID.description
        opportunityId = quote.opportunityID.description
        validUntil = quote.validUntil.description
        createdAt = Instant(quote.createdAt).iso8601
        statusChangedAt = Instant(quote.statusChangedAt).iso8601
    }
}

struct QuoteVersionBody: Content {
    var number: Int
    var createdAt: String
    var createdBy: String
    @NullWhenAbsent var sentAt: String?
    var note: String
    var total: MoneyBody
    var reviewReasons: [String]
    var lines: [QuoteLineBody]
    var targets: [QuoteTargetBody]
    init(_ v: QuoteVersion) {
        number = v.number
        createdAt = Instant(v.createdAt).iso8601
        createdBy = v.createdBy.description
        sentAt = v.sentAt.map { Instant($0).iso8601 }
        note = v.note
        total = MoneyBody(v.totals.total)
        reviewReasons = v.reviewReasons.map(\.rawValue)
        lines = v.lines.map(QuoteLineBody.init)
        targets = v.targets.map {
            QuoteTargetBody(targetLanguage: $0.language.description, deliveryDate: Instant($0.delivery).iso8601)
        }
    }
}
