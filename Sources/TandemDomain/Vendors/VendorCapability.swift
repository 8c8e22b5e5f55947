import Foundation

/// A workflow service a vendor offers: `translation`, `revision`, `post-editing`, … An open set
/// kept in lower case; `known` lists the ones the forms offer.
public struct LinguisticService: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue.trimmingCharacters(in: .whitespaces).lowercased() }

    /// Parses a service name: letters, digits and dashes, 1 to 40 of them.
    public init(parsing text: String, field: String) throws {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard (1...40).contains(value.count),
            value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else {
            throw DomainError.invalid(
                field, "error.vendor.service", ["value": text],
                fallback: "“\(text)” is not a service; use a name such as translation, revision or dtp.")
        }
        self.init(value)
    }

    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public static let translation = LinguisticService("translation")
    public static let revision = LinguisticService("revision")
    public static let postEditing = LinguisticService("post-editing")
    public static let proofreading = LinguisticService("proofreading")
    public static let dtp = LinguisticService("dtp")
    public static let transcreation = LinguisticService("transcreation")
    public static let known: [LinguisticService] = [
        translation, revision, postEditing, proofreading, transcreation, dtp,
    ]

    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What a throughput counts: words per hour for text work, pages per hour for DTP-like work, or
/// hours (the work is measured in hours and the throughput is 1).
public enum ThroughputUnit: String, CaseIterable, Codable, Sendable {
    case words, pages, hours
}

/// How fast a vendor does a service: `perHour` units of `unit` per working hour.
public struct Throughput: Hashable, Codable, Sendable {
    public var perHour: Decimal
    public var unit: ThroughputUnit
    public init(perHour: Decimal, unit: ThroughputUnit) {
        self.perHour = perHour
        self.unit = unit
    }
    public static func wordsPerHour(_ words: Decimal) -> Throughput { Throughput(perHour: words, unit: .words) }
}

/// The approval of one capability, with the ISO 17100 evidence it rests on: a translation degree,
/// years of professional experience, a passed test (any one qualifies under the standard).
public struct CapabilityApproval: Hashable, Codable, Sendable {
    public var approved: Bool
    public var degree: String?
    public var yearsOfExperience: Int?
    public var testPassed: Bool
    public var approvedOn: LocalDate?
    public init(
        approved: Bool, degree: String? = nil, yearsOfExperience: Int? = nil, testPassed: Bool = false,
        approvedOn: LocalDate? = nil
    ) {
        self.approved = approved
        self.degree = degree
        self.yearsOfExperience = yearsOfExperience
        self.testPassed = testPassed
        self.approvedOn = approvedOn
    }

    public static let pending = CapabilityApproval(approved: false)
}

/// One thing a vendor does: a language pair (with its direction) × a service, how fast, whether
/// it is approved and for which domains. Approval for en→de legal says nothing of en→ja medical.
public struct VendorCapability: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<VendorCapability>
    public var id: ID
    public var vendorID: VendorProfile.ID
    public var pair: LanguagePair
    public var service: LinguisticService
    public var throughput: Throughput
    public var approval: CapabilityApproval
    /// Subject domains this approval covers (lower case); empty means general work only.
    public var domains: [String]

    public init(
        id: ID, vendorID: VendorProfile.ID, pair: LanguagePair, service: LinguisticService, throughput: Throughput,
        approval: CapabilityApproval, domains: [String] = []
    ) {
        self.id = id
        self.vendorID = vendorID
        self.pair = pair
        self.service = service
        self.throughput = throughput
        self.approval = approval
        self.domains = domains
    }
}

/// What a rate is counted in. `minimumFee` is the least a job costs, whatever its size.
public enum RateUnit: String, CaseIterable, Codable, Sendable {
    case word, hour, page
    case minimumFee = "minimum-fee"
}

/// A vendor's price for pair × service × unit, valid from a day (inclusive) to a day
/// (exclusive; nil while current). A new rate closes the current one instead of rewriting it,
/// so purchase costs computed earlier keep their rate.
public struct VendorRate: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<VendorRate>
    public var id: ID
    public var vendorID: VendorProfile.ID
    public var pair: LanguagePair
    public var service: LinguisticService
    public var unit: RateUnit
    public var price: Money
    /// The price for rush work; nil when the vendor charges no rush premium.
    public var rushPrice: Money?
    public var validFrom: LocalDate
    public var validTo: LocalDate?

    public init(
        id: ID, vendorID: VendorProfile.ID, pair: LanguagePair, service: LinguisticService, unit: RateUnit,
        price: Money, rushPrice: Money? = nil, validFrom: LocalDate, validTo: LocalDate? = nil
    ) {
        self.id = id
        self.vendorID = vendorID
        self.pair = pair
        self.service = service
        self.unit = unit
        self.price = price
        self.rushPrice = rushPrice
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// True when the rate applies on `day`.
    public func isValid(on day: LocalDate) -> Bool { validFrom <= day && (validTo.map { day < $0 } ?? true) }
}
