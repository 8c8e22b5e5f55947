import Fluent
import Foundation
import TandemDomain
import TandemPersistence

/// `tandem demo --scale …`: a large deterministic set for benchmarks, inserted in batches:
/// vendors with their bookings, then the goals' records (`GoalsScaleSet`: projects, jobs,
/// promises, opportunities). Dates are relative to the start of the current day (UTC), IDs
/// sequential from a base no other data uses, so the same day gives the same set.
public enum DemoScale: String, CaseIterable, Sendable {
    /// 10,000 vendors and 100,000 bookings; 1,000,000 projects (about 5,000,000 promises and
    /// jobs) and 100,000 opportunities.
    case large
    /// 200 vendors and 2,000 bookings; 1,000 projects: the same generators, for tests.
    case small

    var vendorCount: Int { self == .large ? 10_000 : 200 }
    static let bookingsPerVendor = 10
    var idBase: Int { self == .large ? 0x1_0000_0000 : 0x2_0000_0000 }
    /// Projects of the goals' set unless `--projects` says otherwise.
    public var projects: Int { self == .large ? 1_000_000 : 1_000 }
    var goalsTag: Int { self == .large ? 0x16 : 0x17 }

    /// Inserts the goals' records (`projects` projects, 10 per opportunity) into `database`.
    public func insertGoals(
        into database: any Database, now: Date, projects: Int? = nil,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> String {
        let set = GoalsScaleSet(
            projects: projects ?? self.projects, now: Int(now.timeIntervalSince1970), tag: goalsTag)
        return try await GoalsScaleInserter(set: set, log: log).insert(into: database).description
    }

    public struct Report: Sendable, Equatable, CustomStringConvertible {
        public var vendors: Int
        public var bookings: Int
        public var seconds: Double
        public var alreadyPresent: Bool
        public var description: String {
            alreadyPresent
                ? "The \(vendors)-vendor set is already in this database; nothing was added."
                : "Added \(vendors) vendors and \(bookings) bookings (with capabilities, rates, absences and holds) in "
                    + String(format: "%.1f", seconds) + " s."
        }
    }

    /// Inserts the set into `stores` unless its first vendor is already there.
    public func insert(into stores: Stores, now: Date) async throws -> Report {
        let started = Date()
        let ids = IdentifierGenerator.sequential(startingAt: idBase)
        let data = VendorDemoData.generate(
            vendorCount: vendorCount, bookingsPerVendor: Self.bookingsPerVendor, now: now, ids: ids, seed: 0x5CA1E)
        if let first = data.vendors.first, try await stores.vendors.find(id: first.id) != nil {
            return Report(vendors: data.vendors.count, bookings: 0, seconds: 0, alreadyPresent: true)
        }
        try await stores.transaction { tx in try await VendorDemo.insert(data, into: tx) }
        return Report(
            vendors: data.vendors.count, bookings: data.bookings.count, seconds: Date().timeIntervalSince(started),
            alreadyPresent: false)
    }
}

extension TandemServer {
    /// Opens (and migrates) the configured database and inserts the scale set.
    public static func demoScale(config: TandemConfig, scale: DemoScale, projects: Int? = nil) async throws -> String {
        let database = try await StandaloneDatabase.open(config.databaseLocation)
        do {
            let now = Calendar.utc.startOfDay(for: Date())
            let ids = IdentifierGenerator.sequential(startingAt: scale.idBase)
            let report = try await scale.insert(into: .fluent(database.database, clock: { now }, ids: ids), now: now)
            print(report.description)
            let goals = try await scale.insertGoals(into: database.database, now: now, projects: projects) {
                print($0)
            }
            await database.shutdown()
            return goals
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
