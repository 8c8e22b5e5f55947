import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Testing

/// The heatmap cache keeps each vendor's weekly load between requests and recomputes only the
/// vendors written since; its heatmap is always the one computed from scratch.
@Suite("Heatmap cache recomputes only what changed")
struct CapacityHeatmapCacheTests {
    typealias Fake = CapacityServiceTests.FakeSource

    /// Counts the vendors whose load each request computed.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int] = []
        func record(_ n: Int) { lock.withLock { counts.append(n) } }
        var all: [Int] { lock.withLock { counts } }
    }

    static let bounds = CapacityHeatmap.weekBounds(
        containing: CapacityServiceTests.now, weeks: 4, timeZone: TimeZone(identifier: "UTC")!)

    static func heatmap(_ cache: CapacityHeatmapCache, _ counter: Counter) async throws -> CapacityHeatmap {
        try await cache.heatmap(bounds: bounds) { work in
            let loads = work()
            counter.record(loads.count)
            return loads
        }
    }

    static func booked(_ n: Int, days: Int) -> PlanningVendor {
        var vendor = CapacityServiceTests.vendor(n)
        let start = Instant(CapacityServiceTests.now)
        vendor.booked = [Booking(range: TimeRange(start: start, end: start + days * 1440))]
        return vendor
    }

    @Test func aBookingRecomputesOneVendorAndTheSumsFollow() async throws {
        let source = Fake()
        for n in 1...6 {
            source.write(CapacityServiceTests.id(n), CapacityServiceTests.vendor(n, target: n <= 3 ? "fr" : "de"))
        }
        let service = CapacityService(source: source, clock: { CapacityServiceTests.now })
        let cache = CapacityHeatmapCache(capacity: service)
        let counter = Counter()

        let first = try await Self.heatmap(cache, counter)
        #expect(first == CapacityHeatmap(index: try await service.snapshot(), bounds: Self.bounds))
        #expect(first.rows.map(\.vendorCount) == [3, 3])

        // Unchanged: nothing is computed again.
        #expect(try await Self.heatmap(cache, counter) == first)

        source.write(CapacityServiceTests.id(2), Self.booked(2, days: 3))
        let second = try await Self.heatmap(cache, counter)
        #expect(second == CapacityHeatmap(index: try await service.snapshot(), bounds: Self.bounds))
        let french = try #require(second.rows.first { $0.target == "fr" })
        #expect(french.weeks[0].booked > 0)
        #expect(second.rows.first { $0.target == "de" } == first.rows.first { $0.target == "de" })

        // A vendor leaves: its load leaves the sums.
        source.write(CapacityServiceTests.id(5), nil)
        let third = try await Self.heatmap(cache, counter)
        #expect(third.rows.first { $0.target == "de" }?.vendorCount == 2)
        #expect(third == CapacityHeatmap(index: try await service.snapshot(), bounds: Self.bounds))
        #expect(counter.all == [6, 1, 0])
    }

    @Test func otherWeeksAndARebuildStartOver() async throws {
        let source = Fake()
        for n in 1...4 { source.write(CapacityServiceTests.id(n), CapacityServiceTests.vendor(n)) }
        let service = CapacityService(source: source, clock: { CapacityServiceTests.now }, rebuildThreshold: 1)
        let cache = CapacityHeatmapCache(capacity: service)
        let counter = Counter()
        _ = try await Self.heatmap(cache, counter)
        let later = CapacityHeatmap.weekBounds(
            containing: CapacityServiceTests.now.addingTimeInterval(28 * 86_400), weeks: 4,
            timeZone: TimeZone(identifier: "UTC")!)
        _ = try await cache.heatmap(bounds: later) { work in
            let loads = work()
            counter.record(loads.count)
            return loads
        }
        // Two vendors changed, more than the rebuild threshold: the index is rebuilt, all recomputed.
        source.write(CapacityServiceTests.id(1), Self.booked(1, days: 1))
        source.write(CapacityServiceTests.id(2), Self.booked(2, days: 1))
        let rebuilt = try await Self.heatmap(cache, counter)
        #expect(rebuilt == CapacityHeatmap(index: try await service.snapshot(), bounds: Self.bounds))
        #expect(counter.all == [4, 4, 4])
    }
}
