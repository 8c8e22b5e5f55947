import Foundation
import TandemPlanning

/// Each vendor's weekly load for the heatmaps asked for lately, kept between requests: a
/// heatmap is then the sum of stored loads, and only the vendors written since the last one
/// (a booking, an absence, new hours) are recomputed. Computing every vendor's load is what
/// makes a heatmap of 10,000 vendors slow; summing them per pair is cheap.
public actor CapacityHeatmapCache {
    struct Entry {
        var stamp: CapacityService.Stamp
        var loads: [VendorID: [VendorLoad]]
    }

    /// The heatmaps asked for by week bounds (one per time zone and start week), most recent last.
    private var entries: [[Date]: Entry] = [:]
    private var recent: [[Date]] = []
    private let capacity: CapacityService
    private let maxEntries: Int

    public init(capacity: CapacityService, maxEntries: Int = 8) {
        self.capacity = capacity
        self.maxEntries = maxEntries
    }

    /// The heatmap over `bounds` as of the database's latest change. `compute` runs the
    /// per-vendor work (pass one that runs it off the cooperative pool for large sets).
    public func heatmap(
        bounds: [Date],
        compute: @Sendable (@escaping @Sendable () -> [VendorID: [VendorLoad]]) async throws -> [VendorID: [VendorLoad]]
    ) async throws -> CapacityHeatmap {
        let cached = entries[bounds]
        let (index, stamp, changed) = try await capacity.snapshot(changedSince: cached?.stamp)
        var loads: [VendorID: [VendorLoad]]
        if let cached, let changed {
            loads = cached.loads
            if !changed.isEmpty {
                for id in changed { loads[id] = nil }
                let fresh = try await compute { CapacityHeatmap.loads(in: index, vendors: changed, bounds: bounds) }
                loads.merge(fresh) { _, new in new }
            }
        } else {
            loads = try await compute { CapacityHeatmap.loads(in: index, vendors: index.vendorIDs, bounds: bounds) }
        }
        remember(bounds, Entry(stamp: stamp, loads: loads))
        return CapacityHeatmap(index: index, bounds: bounds, loads: loads)
    }

    private func remember(_ bounds: [Date], _ entry: Entry) {
        entries[bounds] = entry
        recent.removeAll { $0 == bounds }
        recent.append(bounds)
        while recent.count > maxEntries { entries[recent.removeFirst()] = nil }
    }
}
