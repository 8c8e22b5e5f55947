import Foundation

/// Which vendors a list shows; nil fields do not filter. A vendor matches the pair and service
/// when one of its capabilities does, and the domain when its own domains or a capability's do.
public struct VendorFilter: Hashable, Sendable {
    public var source: LanguageTag?
    public var target: LanguageTag?
    public var service: LinguisticService?
    public var status: VendorStatus?
    public var domain: String?
    /// Part of the name, any case.
    public var text: String?

    public init(
        source: LanguageTag? = nil, target: LanguageTag? = nil, service: LinguisticService? = nil,
        status: VendorStatus? = nil, domain: String? = nil, text: String? = nil
    ) {
        self.source = source
        self.target = target
        self.service = service
        self.status = status
        self.domain = domain
        self.text = text
    }

    public static let all = VendorFilter()
}

/// The fields of a vendor an edit may change; nil leaves a field as it is. Optional fields that
/// may be cleared are double optionals: `.some(nil)` clears them.
public struct VendorProfileChange: Sendable, Equatable {
    public var name: String?
    public var kind: VendorKind?
    public var email: EmailAddress??
    public var phone: String??
    public var country: String??
    public var timeZone: String?
    public var status: VendorStatus?
    public var workingHours: WorkingHours?
    public var domains: [SubjectDomain]?
    public var tools: [String]?
    public var ndaSignedOn: LocalDate??
    public var maxBookedShare: Decimal??
    public var qualityScore: Int??
    public var parallelWorkers: Int?
    public var hourlyCost: Money??
    public var currency: CurrencyCode?
    public var weightingGrid: WeightingGrid??

    public init() {}

    public var isEmpty: Bool { self == VendorProfileChange() }
}

/// What changed since a version of the vendor data: the current version and the vendors whose
/// records (profile, capabilities, rates, absences, bookings or holds) were written after it.
public struct VendorChanges: Sendable, Equatable {
    public var version: Int64
    public var vendorIDs: [VendorProfile.ID]
    public init(version: Int64, vendorIDs: [VendorProfile.ID]) {
        self.version = version
        self.vendorIDs = vendorIDs
    }
}

/// Everything the capacity engine needs, read at one change version.
public struct VendorSnapshot: Sendable, Equatable {
    /// The change version the data was read at (read first, so a later write shows as a change).
    public var version: Int64
    public var vendors: [VendorProfile]
    public var capabilities: [VendorCapability]
    public var rates: [VendorRate]
    public var absences: [VendorAbsence]
    public var bookings: [VendorBooking]
    public var holds: [TentativeHold]

    public init(
        version: Int64, vendors: [VendorProfile], capabilities: [VendorCapability], rates: [VendorRate],
        absences: [VendorAbsence], bookings: [VendorBooking], holds: [TentativeHold]
    ) {
        self.version = version
        self.vendors = vendors
        self.capabilities = capabilities
        self.rates = rates
        self.absences = absences
        self.bookings = bookings
        self.holds = holds
    }
}

/// Vendor records, their capabilities and rates.
///
/// Every write here and in `VendorScheduleStore` raises one change counter and stamps the
/// vendor it concerns with it, in the same transaction as the write: `changeVersion()` tells
/// whether anything changed (cheap enough to ask per request, and seen by every instance on one
/// database), `changes(since:)` which vendors, and `snapshot(of:from:)` reloads them.
public protocol VendorStore: Sendable {
    func create(_ vendor: VendorProfile) async throws
    /// Many vendors with their capabilities and rates in batched inserts (import, demo, scale).
    func createMany(
        _ vendors: [VendorProfile], capabilities: [VendorCapability], rates: [VendorRate]
    ) async throws
    func find(id: VendorProfile.ID) async throws -> VendorProfile?
    /// Vendors matching `filter`, by name then id.
    func list(_ filter: VendorFilter) async throws -> [VendorProfile]
    func count() async throws -> Int
    /// Writes the changed columns only and raises `version`. With `expectedVersion`, throws
    /// `.conflict(field: "version")` when someone else edited the vendor since it was read.
    /// Throws `VendorProfile.notFound` for an unknown vendor.
    func update(_ id: VendorProfile.ID, _ change: VendorProfileChange, expectedVersion: Int?, at: Date)
        async throws -> VendorProfile

    func capabilities(of vendorID: VendorProfile.ID) async throws -> [VendorCapability]
    func capabilities(of vendorIDs: [VendorProfile.ID]) async throws -> [VendorCapability]
    /// Adds capabilities; one per vendor × pair × service (a repeat is a `.conflict`).
    func addCapabilities(_ capabilities: [VendorCapability]) async throws
    func updateCapability(_ capability: VendorCapability) async throws
    func removeCapability(_ id: VendorCapability.ID, of vendorID: VendorProfile.ID) async throws -> Bool

    /// All rates of a vendor, current and past, by pair, service, unit and start.
    func rates(of vendorID: VendorProfile.ID) async throws -> [VendorRate]
    /// Adds a rate; the current rate of the same pair × service × unit, if it started earlier,
    /// ends where the new one starts (its price is never rewritten).
    func addRate(_ rate: VendorRate) async throws

    /// The current change version (0 before any write).
    func changeVersion() async throws -> Int64
    func changes(since version: Int64) async throws -> VendorChanges
    /// The vendors named (all when nil) with their capabilities, rates, and the absences,
    /// bookings and holds that end after `from` (all when nil).
    func snapshot(of vendorIDs: [VendorProfile.ID]?, from: Date?) async throws -> VendorSnapshot
}

/// A vendor's calendar entries: absences, bookings and tentative holds.
public protocol VendorScheduleStore: Sendable {
    /// Entries overlapping `interval` (all when nil), by start; `vendorID` nil means every vendor.
    func absences(of vendorID: VendorProfile.ID?, overlapping interval: DateInterval?) async throws
        -> [VendorAbsence]
    func addAbsence(_ absence: VendorAbsence) async throws
    func removeAbsence(_ id: VendorAbsence.ID, of vendorID: VendorProfile.ID) async throws -> Bool

    func bookings(of vendorID: VendorProfile.ID?, overlapping interval: DateInterval?) async throws
        -> [VendorBooking]
    func findBooking(_ id: VendorBooking.ID) async throws -> VendorBooking?
    func addBookings(_ bookings: [VendorBooking]) async throws
    func removeBooking(_ id: VendorBooking.ID) async throws -> Bool

    func holds(of vendorID: VendorProfile.ID?, overlapping interval: DateInterval?) async throws -> [TentativeHold]
    func findHold(_ id: TentativeHold.ID) async throws -> TentativeHold?
    func addHolds(_ holds: [TentativeHold]) async throws
    func removeHold(_ id: TentativeHold.ID) async throws -> Bool

    /// Many absences at once in batched inserts (demo, scale, import).
    func addAbsences(_ absences: [VendorAbsence]) async throws
}
