import Foundation
import TandemDomain
import TandemPlanning

/// Where the capacity service reads from: the vendor change counter and the vendors as the
/// planner sees them (working hours, absences, bookings, tentative holds, capabilities).
public protocol CapacitySource: Sendable {
    /// The change counter now (`VendorStore.changeVersion`), raised in the transaction of every
    /// write to vendors and their calendars, by whichever instance wrote.
    func version() async throws -> Int64
    /// The vendors written after `version`, and the counter when they were read.
    func changes(since version: Int64) async throws -> VendorChanges
    /// Every vendor the planner may use, and the counter read before them.
    func allVendors() async throws -> (version: Int64, vendors: [PlanningVendor])
    /// These vendors as they are now; an id left out is no longer planned (inactive, deleted).
    func vendors(_ ids: [VendorProfile.ID]) async throws -> [PlanningVendor]
}

/// The capacity engine's index kept in memory for the web app: built from the database at
/// start, then brought up to date before each check by applying only what changed since (the
/// vendors written after its version are reloaded and replaced), or rebuilt when too far behind.
/// Several instances on one database stay in step because each asks the database's change
/// counter before answering. An actor: updates are serialised, and a reader gets a value
/// snapshot taken after a whole update, never half of one.
public actor CapacityService {
    /// How the index was last brought up to date, for logs and tests.
    public struct Statistics: Sendable, Equatable {
        public var builds = 0
        public var incrementalUpdates = 0
        public var vendorsReloaded = 0
        /// Vendors whose stored data the engine refused (e.g. an unknown time zone), by id.
        public var skipped: [String] = []
    }

    /// More vendors changed than this since the index's version: rebuild instead.
    public let rebuildThreshold: Int
    private let source: any CapacitySource
    private let clock: @Sendable () -> Date
    private var index = CapacityIndex()
    private var version: Int64 = -1
    private var update: Task<Void, any Error>?
    public private(set) var statistics = Statistics()
    /// What each incremental update replaced, oldest first, for caches of figures per vendor
    /// (the heatmap's) to recompute only those vendors. Short: a cache further behind starts over.
    private var changeLog: [(version: Int64, vendors: [VendorID])] = []
    /// Raised when the whole index is rebuilt or its window moves: every cached figure is stale.
    private var generation = 0
    /// The log holds every change after this version.
    private var changeLogFloor: Int64 = -1

    public init(source: any CapacitySource, clock: @escaping @Sendable () -> Date, rebuildThreshold: Int = 2000) {
        self.source = source
        self.clock = clock
        self.rebuildThreshold = rebuildThreshold
    }

    /// Builds the index from the database; returns how long it took (for the start-up log).
    @discardableResult
    public func start() async throws -> Duration {
        let started = ContinuousClock.now
        try await rebuild()
        return ContinuousClock.now - started
    }

    /// The index as of the database's current change counter (one small query when nothing
    /// changed). Check the snapshot off the actor: it is a value.
    public func snapshot() async throws -> CapacityIndex {
        let latest = try await source.version()
        while version < latest {
            if let running = update {
                try await running.value
                continue
            }
            let task = Task { try await self.catchUp(to: latest) }
            update = task
            do {
                try await task.value
                update = nil
            } catch {
                update = nil
                throw error
            }
        }
        moveWindowIfStale()
        return index
    }

    /// Where an index snapshot stands, for caches built on it.
    public struct Stamp: Sendable, Equatable {
        public var generation: Int
        public var version: Int64
    }

    /// The index now, its stamp, and the vendors replaced since `stamp` (nil when everything
    /// must be recomputed: no stamp, a rebuild or a moved window since, or a log too short).
    public func snapshot(changedSince stamp: Stamp?) async throws -> (
        index: CapacityIndex, stamp: Stamp, changed: Set<VendorID>?
    ) {
        let index = try await snapshot()
        let now = Stamp(generation: generation, version: version)
        guard let stamp, stamp.generation == generation, stamp.version >= changeLogFloor else {
            return (index, now, nil)
        }
        return (index, now, Set(changeLog.filter { $0.version > stamp.version }.flatMap(\.vendors)))
    }

    static let changeLogLength = 256

    /// The version the current index reflects.
    public var currentVersion: Int64 { version }

    /// The planning window kept precomputed: a day back, 180 days ahead.
    static func window(around now: Date) -> TimeRange {
        let minute = Instant(now)
        return TimeRange(start: minute + (-1440), end: minute + 180 * 1440)
    }

    private func moveWindowIfStale() {
        let now = Instant(clock())
        guard let window = index.window, now.minutes - window.start.minutes > 2 * 1440 else { return }
        index.setWindow(Self.window(around: clock()))
        generation += 1
    }

    private func catchUp(to latest: Int64) async throws {
        guard version >= 0 else { return try await rebuild() }
        let changes = try await source.changes(since: version)
        // Too far behind: one full load is cheaper than many small ones.
        if changes.vendorIDs.count > rebuildThreshold {
            try await rebuild()
            return
        }
        var next = index
        if !changes.vendorIDs.isEmpty {
            let fresh = try await source.vendors(changes.vendorIDs)
            for id in changes.vendorIDs { next.remove(VendorID(id.description)) }
            for vendor in fresh { add(vendor, to: &next) }
            statistics.incrementalUpdates += 1
            statistics.vendorsReloaded += changes.vendorIDs.count
        }
        // Replaced vendors leave their old slots behind; compact now and then.
        if next.slotsHeld > 2 * next.vendorCount + 1024 {
            try await rebuild()
            return
        }
        // The vendors read are at least as new as `changes.version`; newer writes met on the
        // way are applied again next time.
        index = next
        version = max(latest, changes.version)
        changeLog.append((version, changes.vendorIDs.map { VendorID($0.description) }))
        if changeLog.count > Self.changeLogLength { changeLogFloor = changeLog.removeFirst().version }
    }

    private func rebuild() async throws {
        // The source reads the counter first: a change committed while loading is replayed next time.
        let (at, vendors) = try await source.allVendors()
        var next = try CapacityIndex(vendors: [], window: Self.window(around: clock()))
        statistics.skipped = []
        for vendor in vendors { add(vendor, to: &next) }
        index = next
        version = at
        statistics.builds += 1
        generation += 1
        changeLog = []
        changeLogFloor = at
    }

    private func add(_ vendor: PlanningVendor, to index: inout CapacityIndex) {
        do {
            try index.upsert(vendor)
        } catch {
            statistics.skipped.append(vendor.id.rawValue)
        }
    }
}
