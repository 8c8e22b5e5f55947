import Foundation

/// How a vendor works: a freelance linguist, a partner agency (pooled capacity of several
/// workers), or an in-house linguist (the organisation's calendar, cost by the hour).
public enum VendorKind: String, CaseIterable, Codable, Sendable {
    case freelance
    case agency
    case inHouse = "in-house"
}

/// Where a vendor stands with the vendor managers. Only approved vendors get work proposed.
public enum VendorStatus: String, CaseIterable, Codable, Sendable {
    case candidate
    case approved
    case onHold = "on-hold"
    case inactive
}

/// How well a vendor knows a subject domain.
public enum ExpertiseLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case basic, proficient, expert
    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// A subject domain (legal, medical, marketing, …) with the vendor's level in it.
public struct SubjectDomain: Hashable, Codable, Sendable {
    /// Lower-case name, e.g. `legal`.
    public var name: String
    public var level: ExpertiseLevel
    public init(name: String, level: ExpertiseLevel) {
        self.name = name.trimmingCharacters(in: .whitespaces).lowercased()
        self.level = level
    }
}

/// A vendor's weighting grid: percent of the full word rate paid per match band. Bands missing
/// from the grid are paid in full.
public struct WeightingGrid: Hashable, Codable, Sendable {
    /// Band names as Tandem's analysis reports them.
    public static let bands = ["context", "repetitions", "100", "95-99", "85-94", "75-84", "50-74", "new"]
    public var percents: [String: Int]
    public init(percents: [String: Int]) { self.percents = percents }

    /// The "Trados golden rule" grid, a common vendor default.
    public static let goldenRule = WeightingGrid(percents: [
        "context": 30, "repetitions": 30, "100": 30, "95-99": 60, "85-94": 60, "75-84": 100, "50-74": 100, "new": 100,
    ])
}

/// A freelance linguist, agency or in-house linguist as the vendor managers keep them. (The
/// planning engine's own view of a vendor is `TandemPlanning.PlanningVendor`.)
public struct VendorProfile: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<VendorProfile>

    public var id: ID
    public var name: String
    public var kind: VendorKind
    public var email: EmailAddress?
    public var phone: String?
    /// ISO 3166 alpha-2 country code, upper case ("DE").
    public var country: String?
    /// IANA time zone, e.g. `Europe/Berlin`; working hours are local to it.
    public var timeZone: String
    public var status: VendorStatus
    public var workingHours: WorkingHours
    public var domains: [SubjectDomain]
    public var tools: [String]
    /// The day the non-disclosure agreement was signed; nil when there is none.
    public var ndaSignedOn: LocalDate?
    /// Share of working time that may be booked, 0…1 (nil: all of it).
    public var maxBookedShare: Decimal?
    /// 0–100, fed by evaluations later; nil until first rated.
    public var qualityScore: Int?
    /// Agencies: people working in parallel (pooled capacity); 1 for a single linguist.
    public var parallelWorkers: Int
    /// In-house linguists: what an hour costs the organisation.
    public var hourlyCost: Money?
    /// The currency the vendor is paid in; rates are in it.
    public var currency: CurrencyCode
    /// The vendor's own grid; nil follows the organisation's.
    public var weightingGrid: WeightingGrid?
    /// Raised on every edit of the record; an edit naming an older version is refused.
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID, name: String, kind: VendorKind = .freelance, email: EmailAddress? = nil, phone: String? = nil,
        country: String? = nil, timeZone: String, status: VendorStatus = .approved,
        workingHours: WorkingHours = .officeHours, domains: [SubjectDomain] = [], tools: [String] = [],
        ndaSignedOn: LocalDate? = nil, maxBookedShare: Decimal? = nil, qualityScore: Int? = nil,
        parallelWorkers: Int = 1, hourlyCost: Money? = nil, currency: CurrencyCode = .eur,
        weightingGrid: WeightingGrid? = nil, version: Int = 1, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
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
        self.weightingGrid = weightingGrid
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public static let notFound = DomainError.notFound(entityKey: "entity.vendor", fallback: "The vendor was not found.")
}
