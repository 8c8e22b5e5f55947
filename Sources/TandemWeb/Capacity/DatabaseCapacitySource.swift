import Fluent
import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import TandemPlanning

/// The capacity service's view of the database: the vendor change counter (docs/vendors.md)
/// and the stored vendors with their absences, bookings and holds as the planner sees them.
/// Calendar entries that ended more than a day ago are left out: planning never looks back.
struct DatabaseCapacitySource: CapacitySource {
    let clock: @Sendable () -> Date
    private let currentStores: @Sendable () -> Stores

    init(
        database: @escaping @Sendable () -> any Database, clock: @escaping @Sendable () -> Date,
        makeStores: @escaping @Sendable (any Database) -> Stores
    ) {
        self.clock = clock
        self.currentStores = { makeStores(database()) }
    }

    /// Over stores already made (the demo seed checks its quotes inside its own transaction).
    init(stores: Stores, clock: @escaping @Sendable () -> Date) {
        self.clock = clock
        self.currentStores = { stores }
    }

    private var stores: Stores { currentStores() }

    func version() async throws -> Int64 { try await stores.vendors.changeVersion() }

    func changes(since version: Int64) async throws -> VendorChanges {
        try await stores.vendors.changes(since: version)
    }

    func allVendors() async throws -> (version: Int64, vendors: [PlanningVendor]) {
        let snapshot = try await stores.vendors.snapshot(of: nil, from: clock().addingTimeInterval(-86_400))
        return (snapshot.version, try await planningVendors(snapshot))
    }

    func vendors(_ ids: [VendorProfile.ID]) async throws -> [PlanningVendor] {
        let snapshot = try await stores.vendors.snapshot(of: ids, from: clock().addingTimeInterval(-86_400))
        return try await planningVendors(snapshot)
    }

    private func planningVendors(_ snapshot: VendorSnapshot) async throws -> [PlanningVendor] {
        let organisation = try await stores.organisation.load()
        let today = try LocalDate(iso: CalendarDay.iso(of: clock(), in: organisation.timeZone))
        return PlanningVendors.make(from: snapshot, on: today, organisation: organisation)
    }
}

/// Today's date in a zone, as `YYYY-MM-DD`.
enum CalendarDay {
    static func iso(of date: Date, in zone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
