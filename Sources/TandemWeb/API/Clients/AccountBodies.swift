import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The JSON shapes of `/api/v1/accounts` (Resources/OpenAPI/openapi.yaml, `Account`).
struct AccountBody: Content {
    struct PairBody: Codable, Equatable {
        var source: String
        var target: String
    }
    struct ThroughputBody: Codable, Equatable {
        var targetLanguage: String
        var wordsPerDay: Int
    }
    struct FrameworkBody: Codable, Equatable {
        var throughput: [ThroughputBody]
        var leadTimeDays: Int
    }
    struct ReviewBody: Codable, Equatable {
        var required: Bool
        var workingDays: Int
    }

    var id: String
    var name: String
    var legalName: String
    var vatNumber: String
    var billingAddress: String
    var country: String
    var website: String
    var currency: String
    var industry: String
    var subjectDomains: [String]
    var languagePairs: [PairBody]
    @NullWhenAbsent var tier: String?
    var status: String
    @NullWhenAbsent var ownerId: String?
    @NullWhenAbsent var partnerPmId: String?
    var tags: [String]
    var notes: String
    @NullWhenAbsent var parentId: String?
    @NullWhenAbsent var paymentTermsDays: Int?
    var purchaseOrderRequired: Bool
    @NullWhenAbsent var framework: FrameworkBody?
    @NullWhenAbsent var ndaDate: String?
    var inCountryReview: ReviewBody
    var createdAt: Date
    var updatedAt: Date
    var version: Int
    /// The client's IANA zone for promised days (`PUT /accounts/{id}/time-zone` sets it); filled on
    /// answers about one account, null when it follows the organisation's and in lists.
    @NullWhenAbsent var timeZone: String?

    init(_ account: Account) {
        id = account.id.description
        name = account.name
        legalName = account.legalName
        vatNumber = account.vatNumber
        billingAddress = account.billingAddress
        country = account.country
        website = account.website
        currency = account.currency.code
        industry = account.industry
        subjectDomains = account.subjectDomains
        languagePairs = account.languagePairs.map {
            PairBody(source: $0.source.description, target: $0.target.description)
        }
        tier = account.tier?.rawValue
        status = account.status.rawValue
        ownerId = account.ownerId?.description
        partnerPmId = account.partnerPmId?.description
        tags = account.tags
        notes = account.notes
        parentId = account.parentId?.description
        paymentTermsDays = account.terms.paymentTermsDays
        purchaseOrderRequired = account.terms.purchaseOrderRequired
        framework = account.terms.framework.map {
            FrameworkBody(
                throughput: $0.throughput.map {
                    ThroughputBody(targetLanguage: $0.targetLanguage.description, wordsPerDay: $0.wordsPerDay)
                }, leadTimeDays: $0.leadTimeDays)
        }
        ndaDate = account.terms.ndaDate?.description
        inCountryReview = ReviewBody(
            required: account.terms.inCountryReview.isRequired, workingDays: account.terms.inCountryReview.workingDays)
        createdAt = account.createdAt
        updatedAt = account.updatedAt
        version = account.version
    }
}

/// A create or change request: absent keys stay as they are; `null` clears an optional field.
struct AccountRequest: Decodable {
    var input = AccountInput()
    var version: Int?
    var confirmDuplicate = false

    enum Key: String, CodingKey {
        case name, legalName, vatNumber, billingAddress, country, website, currency, industry, subjectDomains
        case languagePairs, tier, status, ownerId, partnerPmId, tags, notes, parentId, paymentTermsDays
        case purchaseOrderRequired, framework, ndaDate, inCountryReview, version, confirmDuplicate
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        // Text fields: null reads as empty text.
        func text(_ key: Key) throws -> String? {
            guard c.contains(key) else { return nil }
            return try c.decodeNil(forKey: key) ? "" : c.decode(String.self, forKey: key)
        }
        input.name = try c.decodeIfPresent(String.self, forKey: .name)
        input.legalName = try text(.legalName)
        input.vatNumber = try text(.vatNumber)
        input.billingAddress = try text(.billingAddress)
        input.country = try text(.country)
        input.website = try text(.website)
        input.currency = try c.decodeIfPresent(String.self, forKey: .currency)
        input.industry = try text(.industry)
        input.subjectDomains = try c.decodeIfPresent([String].self, forKey: .subjectDomains)
        input.languagePairs = try c.decodeIfPresent([AccountBody.PairBody].self, forKey: .languagePairs)?.map {
            "\($0.source)>\($0.target)"
        }
        input.tier = try text(.tier)
        input.status = try c.decodeIfPresent(String.self, forKey: .status)
        input.ownerId = try text(.ownerId)
        input.partnerPmId = try text(.partnerPmId)
        input.tags = try c.decodeIfPresent([String].self, forKey: .tags)
        input.notes = try text(.notes)
        input.parentId = try text(.parentId)
        if c.contains(.paymentTermsDays) {
            input.paymentTermsDays =
                try c.decodeNil(forKey: .paymentTermsDays)
                ? "" : String(try c.decode(Int.self, forKey: .paymentTermsDays))
        }
        input.purchaseOrderRequired = try c.decodeIfPresent(Bool.self, forKey: .purchaseOrderRequired)
        if c.contains(.framework) {
            let framework =
                try c.decodeNil(forKey: .framework)
                ? nil : try c.decode(AccountBody.FrameworkBody.self, forKey: .framework)
            input.frameworkThroughput = framework?.throughput.map { "\($0.targetLanguage)=\($0.wordsPerDay)" } ?? []
            input.frameworkLeadTimeDays = framework.map { String($0.leadTimeDays) } ?? ""
        }
        input.ndaDate = try text(.ndaDate)
        if let review = try c.decodeIfPresent(AccountBody.ReviewBody.self, forKey: .inCountryReview) {
            input.inCountryReviewRequired = review.required
            input.inCountryReviewDays = String(review.workingDays)
        }
        version = try c.decodeIfPresent(Int.self, forKey: .version)
        confirmDuplicate = try c.decodeIfPresent(Bool.self, forKey: .confirmDuplicate) ?? false
    }
}

/// 409 for a possible duplicate: the usual error shape, plus the similar accounts.
struct DuplicateErrorBody: Content {
    struct Similar: Codable {
        var id: String
        var name: String
        var website: String
    }
    struct Detail: Codable {
        var code: String
        var message: String
        var field: String
        var fields: [APIErrorBody.FieldProblem]
        var similar: [Similar]
    }
    var error: Detail

    init(_ duplicates: PossibleDuplicates, message: String) {
        error = Detail(
            code: "conflict", message: message, field: "name",
            fields: [.init(field: "name", code: "possible_duplicate", message: message)],
            similar: duplicates.similar.map { Similar(id: $0.id.description, name: $0.name, website: $0.website) })
    }
}
