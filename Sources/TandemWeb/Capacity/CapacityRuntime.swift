import Fluent
import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import TandemPlanning
import Vapor

/// The app's one `CapacityService`, made in `configure` and built from the database when the
/// server starts (`tandem serve` logs how long it took) or at the first check.
struct CapacityServiceKey: StorageKey { typealias Value = CapacityService }
struct CapacityHeatmapCacheKey: StorageKey { typealias Value = CapacityHeatmapCache }

extension Application {
    var capacity: CapacityService {
        get {
            guard let service = storage[CapacityServiceKey.self] else {
                fatalError("configure(_:context:) was not called")
            }
            return service
        }
        set { storage[CapacityServiceKey.self] = newValue }
    }

    /// Vendors' weekly loads kept between heatmap requests, over `capacity`.
    var capacityHeatmaps: CapacityHeatmapCache {
        guard let cache = storage[CapacityHeatmapCacheKey.self] else {
            fatalError("configure(_:context:) was not called")
        }
        return cache
    }

    /// Makes the service over this app's database; nothing is loaded yet.
    func installCapacityService() {
        let database: @Sendable () -> any Database = { [unowned self] in self.db }
        let source = DatabaseCapacitySource(database: database, clock: tandem.clock, makeStores: tandem.makeStores)
        capacity = CapacityService(source: source, clock: tandem.clock)
        storage[CapacityHeatmapCacheKey.self] = CapacityHeatmapCache(capacity: capacity)
    }

    /// Builds the capacity index now and logs how long it took and how big it is.
    public func startCapacity() async throws {
        let took = try await capacity.start()
        let index = try await capacity.snapshot()
        let skipped = await capacity.statistics.skipped
        let problems = skipped.isEmpty ? "" : "; \(skipped.count) vendors skipped (invalid stored data): \(skipped)"
        logger.info("capacity index: \(index.vendorCount) vendors built in \(took.formattedMilliseconds)\(problems)")
    }
}

extension Request {
    /// The capacity index as of the database's latest change (one small query when nothing changed).
    func capacityIndex() async throws -> CapacityIndex { try await application.capacity.snapshot() }
}

extension Duration {
    /// "412 ms".
    var formattedMilliseconds: String {
        let (seconds, attoseconds) = components
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
    }
}
