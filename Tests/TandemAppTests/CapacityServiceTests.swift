import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Testing

/// The capacity service against an in-memory source: built once, then kept current by replaying
/// only what changed; a reader never sees half of an update.
@Suite("Capacity service keeps the index current")
struct CapacityServiceTests {
    /// A database stand-in: vendors by id, a change counter stamping the vendors written (like
    /// `VendorStore`); counts full and partial loads.
    final class FakeSource: CapacitySource, @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [VendorProfile.ID: PlanningVendor] = [:]
        private var stamps: [VendorProfile.ID: Int64] = [:]
        private var counter: Int64 = 0
        private(set) var fullLoads = 0
        private(set) var partialLoads: [[VendorProfile.ID]] = []
        /// Delays partial loads, to let readers run in the middle of an update.
        var delay: Duration = .zero

        func write(_ id: VendorProfile.ID, _ vendor: PlanningVendor?) {
            lock.withLock {
                stored[id] = vendor
                counter += 1
                stamps[id] = counter
            }
        }

        func version() async throws -> Int64 { lock.withLock { counter } }

        func changes(since version: Int64) async throws -> VendorChanges {
            lock.withLock {
                VendorChanges(version: counter, vendorIDs: stamps.filter { $0.value > version }.keys.sorted())
            }
        }

        func allVendors() async throws -> (version: Int64, vendors: [PlanningVendor]) {
            lock.withLock {
                fullLoads += 1
                return (counter, Array(stored.values))
            }
        }

        func vendors(_ ids: [VendorProfile.ID]) async throws -> [PlanningVendor] {
            if delay > .zero { try await Task.sleep(for: delay) }
            return lock.withLock {
                partialLoads.append(ids.sorted())
                return ids.compactMap { stored[$0] }
            }
        }
    }

    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // Wed 2026-11-18

    static func id(_ n: Int) -> VendorProfile.ID {
        VendorProfile.ID(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!)
    }

    static func vendor(_ n: Int, wordsPerHour: Int = 300, target: String = "fr") -> PlanningVendor {
        PlanningVendor(
            id: VendorID(id(n).description), timeZone: "UTC",
            capabilities: [
                Capability(
                    pair: LanguagePair(source: try! LanguageTag("en"), target: try! LanguageTag(target)),
                    service: .translation, wordsPerHour: wordsPerHour, costPerWord: Money(Decimal(1) / 10, .eur))
            ])
    }

    @Test func aChangeReloadsOnlyTheVendorItNames() async throws {
        let source = FakeSource()
        for n in 1...5 { source.write(Self.id(n), Self.vendor(n)) }
        let service = CapacityService(source: source, clock: { Self.now })
        try await service.start()
        #expect(try await service.snapshot().vendorCount == 5)

        source.write(Self.id(3), Self.vendor(3, wordsPerHour: 900))
        source.write(Self.id(6), Self.vendor(6))
        source.write(Self.id(1), nil)
        let index = try await service.snapshot()
        #expect(index.vendorCount == 5)
        #expect(index.vendor(VendorID(Self.id(3).description))?.capabilities.first?.wordsPerHour == 900)
        #expect(index.vendor(VendorID(Self.id(1).description)) == nil)
        #expect(source.fullLoads == 1)
        #expect(source.partialLoads == [[Self.id(1), Self.id(3), Self.id(6)]])
        let statistics = await service.statistics
        #expect(statistics.builds == 1 && statistics.incrementalUpdates == 1 && statistics.vendorsReloaded == 3)
        #expect(await service.currentVersion == 8)

        // Nothing changed: no load at all.
        _ = try await service.snapshot()
        #expect(source.fullLoads == 1 && source.partialLoads.count == 1)
    }

    @Test func farBehindRebuilds() async throws {
        let source = FakeSource()
        source.write(Self.id(1), Self.vendor(1))
        let service = CapacityService(source: source, clock: { Self.now }, rebuildThreshold: 3)
        try await service.start()
        for n in 2...6 { source.write(Self.id(n), Self.vendor(n)) }
        #expect(try await service.snapshot().vendorCount == 6)
        #expect(source.fullLoads == 2 && source.partialLoads.isEmpty)
    }

    @Test func theFirstSnapshotBuildsWithoutAnExplicitStart() async throws {
        let source = FakeSource()
        source.write(Self.id(1), Self.vendor(1))
        let service = CapacityService(source: source, clock: { Self.now })
        #expect(try await service.snapshot().vendorCount == 1)
        #expect(source.fullLoads == 1)
    }

    @Test func invalidStoredVendorsAreSkippedAndNamed() async throws {
        let source = FakeSource()
        var broken = Self.vendor(2)
        broken.timeZone = "Mars/Olympus"
        source.write(Self.id(1), Self.vendor(1))
        source.write(Self.id(2), broken)
        let service = CapacityService(source: source, clock: { Self.now })
        try await service.start()
        #expect(try await service.snapshot().vendorCount == 1)
        #expect(await service.statistics.skipped == [Self.id(2).description])
    }

    /// Readers during a slow update wait for it and all get the whole of it; a single update
    /// serves them all.
    @Test func concurrentReadersNeverSeeHalfAnUpdate() async throws {
        let source = FakeSource()
        for n in 1...3 { source.write(Self.id(n), Self.vendor(n)) }
        let service = CapacityService(source: source, clock: { Self.now })
        try await service.start()
        source.delay = .milliseconds(50)
        for n in 1...3 { source.write(Self.id(n), Self.vendor(n, wordsPerHour: 1000)) }
        source.write(Self.id(4), Self.vendor(4, wordsPerHour: 1000))
        let rates = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<20 {
                group.addTask {
                    let index = try await service.snapshot()
                    return index.vendorIDs.compactMap { index.vendor($0)?.capabilities.first?.wordsPerHour }
                }
            }
            return try await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        for seen in rates { #expect(seen.sorted() == [1000, 1000, 1000, 1000]) }
        #expect(source.partialLoads.count == 1)
    }

    @Test func theHeatmapSumsEachPairsVendorsPerWeek() throws {
        var second = Self.vendor(2)
        second.booked = [
            Booking(
                id: "job-1",
                range: TimeRange(
                    start: Instant(iso8601: "2026-11-23T09:00:00Z")!, end: Instant(iso8601: "2026-11-23T17:00:00Z")!))
        ]
        let index = try CapacityIndex(vendors: [Self.vendor(1), second, Self.vendor(3, target: "de")])
        let bounds = CapacityHeatmap.weekBounds(containing: Self.now, weeks: 2, timeZone: TimeZone(identifier: "UTC")!)
        #expect(bounds.first == Instant(iso8601: "2026-11-16T00:00:00Z")!.date)
        let heatmap = CapacityHeatmap(index: index, bounds: bounds)
        #expect(heatmap.rows.map { "\($0.source)>\($0.target)" } == ["en>de", "en>fr"])
        let fr = heatmap.rows[1]
        #expect(fr.vendorCount == 2)
        // Two vendors × 5 days × 8 h; the second week has one 8 h booking.
        #expect(fr.weeks[0] == VendorLoad(working: 4800, booked: 0, tentative: 0))
        #expect(fr.weeks[1] == VendorLoad(working: 4800, booked: 480, tentative: 0))
    }

    @Test func weeksStartOnTheUsersMondayAcrossDaylightSaving() {
        let paris = TimeZone(identifier: "Europe/Paris")!
        let march = Instant(iso8601: "2027-03-24T12:00:00Z")!.date
        let bounds = CapacityHeatmap.weekBounds(containing: march, weeks: 2, timeZone: paris)
        #expect(
            bounds.map { Instant($0).iso8601 } == [
                "2027-03-21T23:00:00Z", "2027-03-28T22:00:00Z", "2027-04-04T22:00:00Z",
            ])
    }
}
