import Foundation
import TandemApp
import TandemDomain
import Vapor

/// Instants on the API: ISO 8601 in UTC, `2026-11-18T09:30:00Z` (fractions of a second accepted).
enum APIInstant {
    static func format(_ date: Date) -> String { date.formatted(.iso8601) }

    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

/// A vendor on the API. `pairs` (capabilities and rates by language pair) is sent by the
/// single-vendor endpoints; lists leave it out.
struct VendorBody: Content {
    struct DomainBody: Codable {
        var name: String
        var level: String
    }
    struct ServiceBody: Codable {
        var throughput: String
        var throughputUnit: String
        var wordsPerHour: String?
        var approved: Bool
        var degree: String?
        var yearsOfExperience: Int?
        var testPassed: Bool
        var domains: [String]
    }
    struct RateBody: Codable {
        var id: String
        var service: String
        var unit: String
        var price: MoneyBody
        var rushPrice: MoneyBody?
        var validFrom: String
        var validTo: String?
    }
    struct PairBody: Codable {
        var source: String
        var target: String
        var services: [String: ServiceBody]
        var rates: [RateBody]
    }

    var id: String
    var name: String
    var kind: String
    var email: String?
    var phone: String?
    var country: String?
    var timeZone: String
    var status: String
    var workingHours: [String: [String]]
    var domains: [DomainBody]
    var tools: [String]
    var ndaSignedOn: String?
    var maxBookedShare: String?
    var qualityScore: Int?
    var parallelWorkers: Int
    var hourlyCost: MoneyBody?
    var currency: String
    var version: Int
    var createdAt: String
    var updatedAt: String
    var pairs: [PairBody]?

    init(_ vendor: VendorProfile, capabilities: [VendorCapability]? = nil, rates: [VendorRate] = []) {
        id = vendor.id.description
        name = vendor.name
        kind = vendor.kind.rawValue
        email = vendor.email?.value
        phone = vendor.phone
        country = vendor.country
        timeZone = vendor.timeZone
        status = vendor.status.rawValue
        workingHours = vendor.workingHours.textForm
        domains = vendor.domains.map { DomainBody(name: $0.name, level: $0.level.rawValue) }
        tools = vendor.tools
        ndaSignedOn = vendor.ndaSignedOn?.description
        maxBookedShare = vendor.maxBookedShare?.canonicalString
        qualityScore = vendor.qualityScore
        parallelWorkers = vendor.parallelWorkers
        hourlyCost = vendor.hourlyCost.map(MoneyBody.init)
        currency = vendor.currency.code
        version = vendor.version
        createdAt = APIInstant.format(vendor.createdAt)
        updatedAt = APIInstant.format(vendor.updatedAt)
        guard let capabilities else { return }
        let keys = Set(capabilities.map(\.pair) + rates.map(\.pair)).sorted { $0.description < $1.description }
        pairs = keys.map { pair in
            PairBody(
                source: pair.source.description, target: pair.target.description,
                services: Dictionary(
                    uniqueKeysWithValues: capabilities.filter { $0.pair == pair }.map {
                        ($0.service.rawValue, Self.service($0))
                    }),
                rates: rates.filter { $0.pair == pair }.map(Self.rate))
        }
    }

    static func service(_ capability: VendorCapability) -> ServiceBody {
        ServiceBody(
            throughput: capability.throughput.perHour.canonicalString,
            throughputUnit: capability.throughput.unit.rawValue,
            wordsPerHour: capability.throughput.unit == .words ? capability.throughput.perHour.canonicalString : nil,
            approved: capability.approval.approved, degree: capability.approval.degree,
            yearsOfExperience: capability.approval.yearsOfExperience, testPassed: capability.approval.testPassed,
            domains: capability.domains)
    }

    static func rate(_ rate: VendorRate) -> RateBody {
        RateBody(
            id: rate.id.description, service: rate.service.rawValue, unit: rate.unit.rawValue,
            price: MoneyBody(rate.price), rushPrice: rate.rushPrice.map(MoneyBody.init),
            validFrom: rate.validFrom.description, validTo: rate.validTo?.description)
    }
}

/// `POST /api/v1/vendors`: the journey contract's shape, plus the optional profile fields.
struct CreateVendorBody: Decodable {
    struct DomainBody: Decodable {
        var name: String
        var level: String?
    }
    struct ServiceBody: Decodable {
        var wordsPerHour: Decimal?
        var pagesPerHour: Decimal?
        var byTheHour: Bool?
        var approved: Bool?
        var degree: String?
        var yearsOfExperience: Int?
        var testPassed: Bool?
        var domains: [String]?
    }
    struct PriceBody: Decodable {
        var amount: String
        var currency: String
    }
    struct RateBody: Decodable {
        var service: String
        var unit: String
        var price: PriceBody
        var rushPrice: PriceBody?
        var validFrom: String?
    }
    struct PairBody: Decodable {
        var source: String
        var target: String
        var services: [String: ServiceBody]?
        var rates: [RateBody]?
    }

    var name: String
    var kind: String?
    var email: String?
    var phone: String?
    var country: String?
    var timeZone: String
    var status: String?
    var workingHours: [String: [String]]?
    var domains: [DomainBody]?
    var tools: [String]?
    var ndaSignedOn: String?
    var maxBookedShare: String?
    var qualityScore: Int?
    var parallelWorkers: Int?
    var hourlyCost: PriceBody?
    var currency: String?
    var pairs: [PairBody]?

    var input: VendorInput {
        VendorInput(
            name: name, kind: kind, email: email, phone: phone, country: country, timeZone: timeZone, status: status,
            workingHours: workingHours, domains: (domains ?? []).map { DomainInput(name: $0.name, level: $0.level) },
            tools: tools ?? [], ndaSignedOn: ndaSignedOn, maxBookedShare: maxBookedShare, qualityScore: qualityScore,
            parallelWorkers: parallelWorkers,
            hourlyCost: hourlyCost.map { MoneyInput(amount: $0.amount, currency: $0.currency) },
            currency: currency,
            pairs: (pairs ?? []).map { pair in
                PairInput(
                    source: pair.source, target: pair.target,
                    services: (pair.services ?? [:]).sorted { $0.key < $1.key }.map { name, service in
                        (
                            name,
                            CapabilityInput(
                                wordsPerHour: service.wordsPerHour?.canonicalString,
                                pagesPerHour: service.pagesPerHour?.canonicalString,
                                byTheHour: service.byTheHour ?? false,
                                approved: service.approved, degree: service.degree,
                                yearsOfExperience: service.yearsOfExperience, testPassed: service.testPassed,
                                domains: service.domains ?? [])
                        )
                    },
                    rates: (pair.rates ?? []).map { rate in
                        RateInput(
                            service: rate.service, unit: rate.unit,
                            price: MoneyInput(amount: rate.price.amount, currency: rate.price.currency),
                            rushPrice: rate.rushPrice.map { MoneyInput(amount: $0.amount, currency: $0.currency) },
                            validFrom: rate.validFrom)
                    })
            })
    }
}

/// `PATCH /api/v1/vendors/{id}`: only the members sent change; `null` clears an optional one.
/// `version`, when sent, must be the vendor's current version (else 409).
struct PatchVendorBody: Decodable {
    var edit = VendorEdit()
    var version: Int?

    enum Key: String, CodingKey {
        case name, kind, email, phone, country, timeZone, status, workingHours, domains, tools, ndaSignedOn
        case maxBookedShare, qualityScore, parallelWorkers, hourlyCost, currency, version
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        /// A text member: absent → unchanged, null → "" (cleared).
        func text(_ key: Key) throws -> String? {
            guard c.contains(key) else { return nil }
            return try c.decodeNil(forKey: key) ? "" : c.decode(String.self, forKey: key)
        }
        edit.name = try text(.name)
        edit.kind = try text(.kind)
        edit.email = try text(.email)
        edit.phone = try text(.phone)
        edit.country = try text(.country)
        edit.timeZone = try text(.timeZone)
        edit.status = try text(.status)
        edit.ndaSignedOn = try text(.ndaSignedOn)
        edit.maxBookedShare = try text(.maxBookedShare)
        edit.currency = try text(.currency)
        edit.workingHours = try c.decodeIfPresent([String: [String]].self, forKey: .workingHours)
        edit.domains = try c.decodeIfPresent([CreateVendorBody.DomainBody].self, forKey: .domains)?.map {
            DomainInput(name: $0.name, level: $0.level)
        }
        edit.tools = try c.decodeIfPresent([String].self, forKey: .tools)
        edit.parallelWorkers = try c.decodeIfPresent(Int.self, forKey: .parallelWorkers)
        if c.contains(.qualityScore) {
            edit.qualityScore = .some(try c.decodeIfPresent(Int.self, forKey: .qualityScore))
        }
        if c.contains(.hourlyCost) {
            edit.hourlyCost = .some(
                try c.decodeIfPresent(CreateVendorBody.PriceBody.self, forKey: .hourlyCost).map {
                    MoneyInput(amount: $0.amount, currency: $0.currency)
                })
        }
        version = try c.decodeIfPresent(Int.self, forKey: .version)
    }
}

/// An absence, booking or hold on the API.
struct CalendarEntryBody: Content {
    var id: String
    var vendorId: String
    var from: String
    var to: String
    var minutes: Int?
    var reason: String?
    var jobId: String?
    var probability: String?
    var quoteId: String?

    init(_ absence: VendorAbsence) {
        id = absence.id.description
        vendorId = absence.vendorID.description
        from = APIInstant.format(absence.from)
        to = APIInstant.format(absence.to)
        reason = absence.reason
    }

    init(_ booking: VendorBooking) {
        id = booking.id.description
        vendorId = booking.vendorID.description
        from = APIInstant.format(booking.from)
        to = APIInstant.format(booking.to)
        minutes = booking.minutes
        jobId = booking.jobReference
    }

    init(_ hold: TentativeHold) {
        id = hold.id.description
        vendorId = hold.vendorID.description
        from = APIInstant.format(hold.from)
        to = APIInstant.format(hold.to)
        minutes = hold.minutes
        probability = hold.probability.canonicalString
        quoteId = hold.quoteReference
    }
}

/// `POST` bodies of absences, bookings and holds; instants as ISO 8601 text.
struct NewCalendarEntryBody: Decodable {
    var vendorId: String?
    var from: String
    var to: String
    var minutes: Int?
    var reason: String?
    var jobId: String?
    var probability: DecimalText?
    var quoteId: String?
}

/// A decimal sent as a JSON number (`0.4`) or as text (`"0.4"`); kept as text for the use case.
struct DecimalText: Decodable {
    var text: String
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let number = try? c.decode(Decimal.self) {
            text = number.canonicalString
        } else {
            text = try c.decode(String.self)
        }
    }
}
