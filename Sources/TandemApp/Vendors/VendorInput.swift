import Foundation
import TandemDomain

/// A vendor as typed into a form, sent to the API or read from a CSV row: plain text, checked
/// all at once by `VendorValidation`. Nil optional fields take their defaults.
public struct VendorInput: Sendable, Equatable {
    public var name: String
    public var kind: String?
    public var email: String?
    public var phone: String?
    public var country: String?
    public var timeZone: String
    public var status: String?
    /// `["mon": ["09:00-17:00"]]`; nil: Monday to Friday, 09:00-17:00.
    public var workingHours: [String: [String]]?
    public var domains: [DomainInput]
    public var tools: [String]
    public var ndaSignedOn: String?
    public var maxBookedShare: String?
    public var qualityScore: Int?
    public var parallelWorkers: Int?
    public var hourlyCost: MoneyInput?
    public var currency: String?
    public var pairs: [PairInput]

    public init(
        name: String, kind: String? = nil, email: String? = nil, phone: String? = nil, country: String? = nil,
        timeZone: String, status: String? = nil, workingHours: [String: [String]]? = nil, domains: [DomainInput] = [],
        tools: [String] = [], ndaSignedOn: String? = nil, maxBookedShare: String? = nil, qualityScore: Int? = nil,
        parallelWorkers: Int? = nil, hourlyCost: MoneyInput? = nil, currency: String? = nil, pairs: [PairInput] = []
    ) {
        self.name = name
        self.kind = kind
        self.email = email
        self.phone = phone
        self.country = country
        self.timeZone = timeZone
        self.status = status
        self.workingHours = workingHours
        self.domains = domains
        self.tools = tools
        self.ndaSignedOn = ndaSignedOn
        self.maxBookedShare = maxBookedShare
        self.qualityScore = qualityScore
        self.parallelWorkers = parallelWorkers
        self.hourlyCost = hourlyCost
        self.currency = currency
        self.pairs = pairs
    }
}

public struct DomainInput: Sendable, Equatable {
    public var name: String
    public var level: String?
    public init(name: String, level: String? = nil) {
        self.name = name
        self.level = level
    }
}

public struct MoneyInput: Sendable, Equatable {
    public var amount: String
    public var currency: String
    public init(amount: String, currency: String) {
        self.amount = amount
        self.currency = currency
    }
}

/// One language pair of a vendor with the services offered in it and their rates.
public struct PairInput: Sendable, Equatable {
    public var source: String
    public var target: String
    /// Service name → how fast and how approved, in the order given.
    public var services: [(name: String, capability: CapabilityInput)]
    public var rates: [RateInput]

    public init(source: String, target: String, services: [(String, CapabilityInput)], rates: [RateInput] = []) {
        self.source = source
        self.target = target
        self.services = services.map { (name: $0.0, capability: $0.1) }
        self.rates = rates
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.source == b.source && a.target == b.target && a.rates == b.rates
            && a.services.map(\.name) == b.services.map(\.name)
            && a.services.map(\.capability) == b.services.map(\.capability)
    }
}

/// Throughput (one of words, pages or hours per hour) and the approval evidence of a service.
public struct CapabilityInput: Sendable, Equatable {
    public var wordsPerHour: String?
    public var pagesPerHour: String?
    /// True for services measured in hours (the throughput is then 1 hour per hour).
    public var byTheHour: Bool
    /// Nil: approved (capabilities entered by a vendor manager are approved unless they say not).
    public var approved: Bool?
    public var degree: String?
    public var yearsOfExperience: Int?
    public var testPassed: Bool?
    public var domains: [String]

    public init(
        wordsPerHour: String? = nil, pagesPerHour: String? = nil, byTheHour: Bool = false, approved: Bool? = nil,
        degree: String? = nil, yearsOfExperience: Int? = nil, testPassed: Bool? = nil, domains: [String] = []
    ) {
        self.wordsPerHour = wordsPerHour
        self.pagesPerHour = pagesPerHour
        self.byTheHour = byTheHour
        self.approved = approved
        self.degree = degree
        self.yearsOfExperience = yearsOfExperience
        self.testPassed = testPassed
        self.domains = domains
    }
}

public struct RateInput: Sendable, Equatable {
    public var service: String
    public var unit: String
    public var price: MoneyInput
    public var rushPrice: MoneyInput?
    /// `YYYY-MM-DD`; nil: today in the organisation's calendar.
    public var validFrom: String?

    public init(
        service: String, unit: String, price: MoneyInput, rushPrice: MoneyInput? = nil, validFrom: String? = nil
    ) {
        self.service = service
        self.unit = unit
        self.price = price
        self.rushPrice = rushPrice
        self.validFrom = validFrom
    }
}

/// A validated vendor, ready to store.
public struct ValidVendor: Sendable, Equatable {
    public var profile: VendorProfile
    public var capabilities: [VendorCapability]
    public var rates: [VendorRate]
}
