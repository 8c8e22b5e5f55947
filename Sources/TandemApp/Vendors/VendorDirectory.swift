import Foundation
import TandemDomain

/// What vendor managers do with vendor records: create them (with capabilities and rates), edit
/// them, deactivate them, add rates. Each write is one transaction.
public struct VendorDirectory: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// A vendor with everything that belongs to it, for pages and the API.
    public struct Details: Sendable, Equatable {
        public var profile: VendorProfile
        public var capabilities: [VendorCapability]
        public var rates: [VendorRate]
    }

    /// Checks every field at once (`ValidationErrors`), then stores the vendor, its capabilities
    /// and rates together.
    public func create(_ input: VendorInput) async throws -> Details {
        let valid = try await validate(input)
        try await env.stores.transaction { stores in
            try await stores.vendors.createMany([valid.profile], capabilities: valid.capabilities, rates: valid.rates)
        }
        return Details(profile: valid.profile, capabilities: valid.capabilities, rates: valid.rates)
    }

    /// The checks of `create` without storing anything.
    public func validate(_ input: VendorInput, id: VendorProfile.ID? = nil) async throws -> ValidVendor {
        var validation = VendorValidation()
        let today = try await organisationToday()
        let vendor = validation.vendor(input, id: id ?? env.ids(), today: today, ids: env.ids, at: env.now)
        try ValidationErrors.check(validation.errors)
        guard let vendor else { throw ValidationErrors(validation.errors) }
        return vendor
    }

    public func details(_ id: VendorProfile.ID) async throws -> Details {
        guard let profile = try await env.stores.vendors.find(id: id) else { throw VendorProfile.notFound }
        return Details(
            profile: profile, capabilities: try await env.stores.vendors.capabilities(of: id),
            rates: try await env.stores.vendors.rates(of: id))
    }

    /// Changes the fields `edit` names (nil leaves one alone; an empty text clears an optional
    /// one). With `expectedVersion`, an edit made meanwhile by someone else is a `.conflict`.
    public func update(_ id: VendorProfile.ID, _ edit: VendorEdit, expectedVersion: Int?) async throws -> VendorProfile
    {
        let change = try edit.validated()
        guard !change.isEmpty else {
            guard let profile = try await env.stores.vendors.find(id: id) else { throw VendorProfile.notFound }
            return profile
        }
        return try await env.stores.vendors.update(id, change, expectedVersion: expectedVersion, at: env.now)
    }

    /// Deactivation keeps the record, its rates and history; the planner stops proposing the vendor.
    public func deactivate(_ id: VendorProfile.ID) async throws -> VendorProfile {
        var change = VendorProfileChange()
        change.status = .inactive
        return try await env.stores.vendors.update(id, change, expectedVersion: nil, at: env.now)
    }

    /// Adds a rate; the current rate of the same pair, service and unit ends the day this one starts.
    public func addRate(to id: VendorProfile.ID, pair: (source: String, target: String), _ input: RateInput)
        async throws -> VendorRate
    {
        var vendorInput = VendorInput(name: "-", timeZone: "UTC")
        vendorInput.pairs = [PairInput(source: pair.source, target: pair.target, services: [], rates: [input])]
        let valid = try await validate(vendorInput, id: id)
        guard let rate = valid.rates.first else { throw VendorProfile.notFound }
        guard try await env.stores.vendors.find(id: id) != nil else { throw VendorProfile.notFound }
        try await env.stores.vendors.addRate(rate)
        return rate
    }

    /// Today in the organisation's time zone (rates start today unless told otherwise).
    func organisationToday() async throws -> LocalDate {
        let settings = try await env.stores.organisation.load()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: settings.timeZone) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: env.now)
        return try LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}

/// An edit of a vendor's own fields, as text. Nil leaves a field as it is; an empty text clears
/// an optional field.
public struct VendorEdit: Sendable, Equatable {
    public var name: String?
    public var kind: String?
    public var email: String?
    public var phone: String?
    public var country: String?
    public var timeZone: String?
    public var status: String?
    public var workingHours: [String: [String]]?
    public var domains: [DomainInput]?
    public var tools: [String]?
    public var ndaSignedOn: String?
    public var maxBookedShare: String?
    /// `.some(nil)` clears the score.
    public var qualityScore: Int??
    public var parallelWorkers: Int?
    /// `.some(nil)` clears the cost.
    public var hourlyCost: MoneyInput??
    public var currency: String?

    public init() {}

    /// The change to store; every wrong field at once.
    public func validated() throws -> VendorProfileChange {
        var check = VendorValidation()
        var change = VendorProfileChange()
        if let name { change.name = check.name(name) }
        if let kind { change.kind = check.choice(kind, VendorKind.self, field: "kind", default: .freelance) }
        if let email { change.email = .some(check.email(email)) }
        if let phone { change.phone = .some(check.text(phone, field: "phone", max: 40)) }
        if let country { change.country = .some(check.country(country)) }
        if let timeZone { change.timeZone = check.timeZone(timeZone) }
        if let status { change.status = check.choice(status, VendorStatus.self, field: "status", default: .approved) }
        if let workingHours { change.workingHours = check.workingHours(workingHours) }
        if let domains { change.domains = check.domains(domains) }
        if let tools { change.tools = tools.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        if let ndaSignedOn { change.ndaSignedOn = .some(check.date(ndaSignedOn, field: "ndaSignedOn")) }
        if let maxBookedShare { change.maxBookedShare = .some(check.share(maxBookedShare)) }
        if let qualityScore { change.qualityScore = .some(qualityScore.flatMap { check.qualityScore($0) }) }
        if let parallelWorkers { change.parallelWorkers = check.parallelWorkers(parallelWorkers) }
        if let hourlyCost { change.hourlyCost = .some(hourlyCost.flatMap { check.money($0, field: "hourlyCost") }) }
        if let currency { change.currency = check.currencyCode(currency, field: "currency") }
        try ValidationErrors.check(check.errors)
        return change
    }
}
