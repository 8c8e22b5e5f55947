import FluentKit
import Foundation
import TandemDomain

final class VendorModel: Model, @unchecked Sendable {
    static let schema = "vendors"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The name in lower case, for sorting and searching alike on both databases.
    @Field(key: "name_key") var nameKey: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "country") var country: String?
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "status") var status: String
    @Field(key: "working_hours") var workingHours: String
    @Field(key: "domains") var domains: String
    @Field(key: "tools") var tools: String
    @OptionalField(key: "nda_signed_on") var ndaSignedOn: String?
    @OptionalField(key: "max_booked_share") var maxBookedShare: String?
    @OptionalField(key: "quality_score") var qualityScore: Int?
    @Field(key: "parallel_workers") var parallelWorkers: Int
    @OptionalField(key: "hourly_cost_amount") var hourlyCostAmount: String?
    @OptionalField(key: "hourly_cost_currency") var hourlyCostCurrency: String?
    @Field(key: "currency") var currency: String
    @OptionalField(key: "weighting_grid") var weightingGrid: String?
    @Field(key: "version") var version: Int
    @Field(key: "change_seq") var changeSeq: Int64
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ vendor: VendorProfile, changeSeq: Int64) {
        id = vendor.id.rawValue
        name = vendor.name
        nameKey = vendor.name.lowercased()
        kind = vendor.kind.rawValue
        email = vendor.email?.value
        phone = vendor.phone
        country = vendor.country
        timeZone = vendor.timeZone
        status = vendor.status.rawValue
        workingHours = JSONText.encode(vendor.workingHours)
        domains = JSONText.encode(vendor.domains)
        tools = JSONText.encode(vendor.tools)
        ndaSignedOn = vendor.ndaSignedOn?.description
        maxBookedShare = vendor.maxBookedShare?.canonicalString
        qualityScore = vendor.qualityScore
        parallelWorkers = vendor.parallelWorkers
        hourlyCostAmount = vendor.hourlyCost?.amount.canonicalString
        hourlyCostCurrency = vendor.hourlyCost?.currency.code
        currency = vendor.currency.code
        weightingGrid = vendor.weightingGrid.map(JSONText.encode)
        version = vendor.version
        self.changeSeq = changeSeq
        createdAt = vendor.createdAt
        updatedAt = vendor.updatedAt
    }

    func toDomain() throws -> VendorProfile {
        var hourlyCost: Money?
        if let hourlyCostAmount, let hourlyCostCurrency, let amount = Decimal(canonical: hourlyCostAmount) {
            hourlyCost = Money(amount, try CurrencyCode(hourlyCostCurrency))
        }
        return VendorProfile(
            id: VendorProfile.ID(try requireID()), name: name, kind: VendorKind(rawValue: kind) ?? .freelance,
            email: try email.map(EmailAddress.init), phone: phone, country: country, timeZone: timeZone,
            status: VendorStatus(rawValue: status) ?? .candidate,
            workingHours: try JSONText.decode(WorkingHours.self, workingHours),
            domains: try JSONText.decode([SubjectDomain].self, domains),
            tools: try JSONText.decode([String].self, tools),
            ndaSignedOn: try ndaSignedOn.map { try LocalDate(iso: $0) },
            maxBookedShare: maxBookedShare.flatMap { Decimal(canonical: $0) }, qualityScore: qualityScore,
            parallelWorkers: parallelWorkers, hourlyCost: hourlyCost, currency: try CurrencyCode(currency),
            weightingGrid: try weightingGrid.map { try JSONText.decode(WeightingGrid.self, $0) }, version: version,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}

final class VendorCapabilityModel: Model, @unchecked Sendable {
    static let schema = "vendor_capabilities"

    @ID(key: .id) var id: UUID?
    @Field(key: "vendor_id") var vendorID: UUID
    @Field(key: "source") var source: String
    @Field(key: "target") var target: String
    @Field(key: "service") var service: String
    @Field(key: "throughput") var throughput: String
    @Field(key: "throughput_unit") var throughputUnit: String
    @Field(key: "approved") var approved: Bool
    @OptionalField(key: "degree") var degree: String?
    @OptionalField(key: "years_of_experience") var yearsOfExperience: Int?
    @Field(key: "test_passed") var testPassed: Bool
    @OptionalField(key: "approved_on") var approvedOn: String?
    @Field(key: "domains") var domains: String

    init() {}

    init(_ capability: VendorCapability) {
        id = capability.id.rawValue
        vendorID = capability.vendorID.rawValue
        update(from: capability)
    }

    func update(from capability: VendorCapability) {
        source = capability.pair.source.description
        target = capability.pair.target.description
        service = capability.service.rawValue
        throughput = capability.throughput.perHour.canonicalString
        throughputUnit = capability.throughput.unit.rawValue
        approved = capability.approval.approved
        degree = capability.approval.degree
        yearsOfExperience = capability.approval.yearsOfExperience
        testPassed = capability.approval.testPassed
        approvedOn = capability.approval.approvedOn?.description
        domains = JSONText.encode(capability.domains)
    }

    func toDomain() throws -> VendorCapability {
        VendorCapability(
            id: VendorCapability.ID(try requireID()), vendorID: VendorProfile.ID(vendorID),
            pair: LanguagePair(source: try LanguageTag(source), target: try LanguageTag(target)),
            service: LinguisticService(service),
            throughput: Throughput(
                perHour: Decimal(canonical: throughput) ?? 0, unit: ThroughputUnit(rawValue: throughputUnit) ?? .words),
            approval: CapabilityApproval(
                approved: approved, degree: degree, yearsOfExperience: yearsOfExperience, testPassed: testPassed,
                approvedOn: try approvedOn.map { try LocalDate(iso: $0) }),
            domains: try JSONText.decode([String].self, domains))
    }
}

final class VendorRateModel: Model, @unchecked Sendable {
    static let schema = "vendor_rates"

    @ID(key: .id) var id: UUID?
    @Field(key: "vendor_id") var vendorID: UUID
    @Field(key: "source") var source: String
    @Field(key: "target") var target: String
    @Field(key: "service") var service: String
    @Field(key: "unit") var unit: String
    @Field(key: "amount") var amount: String
    @Field(key: "currency") var currency: String
    @OptionalField(key: "rush_amount") var rushAmount: String?
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_to") var validTo: String?

    init() {}

    init(_ rate: VendorRate) {
        id = rate.id.rawValue
        vendorID = rate.vendorID.rawValue
        source = rate.pair.source.description
        target = rate.pair.target.description
        service = rate.service.rawValue
        unit = rate.unit.rawValue
        amount = rate.price.amount.canonicalString
        currency = rate.price.currency.code
        rushAmount = rate.rushPrice?.amount.canonicalString
        validFrom = rate.validFrom.description
        validTo = rate.validTo?.description
    }

    func toDomain() throws -> VendorRate {
        let currency = try CurrencyCode(currency)
        return VendorRate(
            id: VendorRate.ID(try requireID()), vendorID: VendorProfile.ID(vendorID),
            pair: LanguagePair(source: try LanguageTag(source), target: try LanguageTag(target)),
            service: LinguisticService(service), unit: RateUnit(rawValue: unit) ?? .word,
            price: Money(Decimal(canonical: amount) ?? 0, currency),
            rushPrice: rushAmount.flatMap { Decimal(canonical: $0) }.map { Money($0, currency) },
            validFrom: try LocalDate(iso: validFrom), validTo: try validTo.map { try LocalDate(iso: $0) })
    }
}
