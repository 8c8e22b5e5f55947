import Foundation
import TandemDomain
import Testing
import Vapor

@testable import TandemWeb

@Suite("Vendor demo data")
struct VendorDemoTests {
    @Test func theDemoSeedsAbout300VendorsWithHotSpots() async throws {
        try await withDemoTandem { app, clock in
            let snapshot = try await app.stores.vendors.snapshot(of: nil, from: clock.now)
            #expect((280...330).contains(snapshot.vendors.count))
            let pairs = Set(snapshot.capabilities.map(\.pair))
            #expect(pairs.count >= 30)
            #expect(Set(pairs.map(\.target.language)).isSuperset(of: ["ar", "he", "fa", "ja", "de"]))
            #expect(snapshot.vendors.contains { $0.kind == .agency && $0.parallelWorkers > 1 })
            #expect(snapshot.vendors.contains { $0.kind == .inHouse && $0.hourlyCost != nil })
            #expect(Set(snapshot.rates.map(\.price.currency.code)).isSuperset(of: ["EUR", "USD", "GBP", "CHF", "JPY"]))
            #expect(!snapshot.absences.isEmpty && !snapshot.holds.isEmpty)
            // en→de vendors are far busier than en→fi ones: the heatmap's hot spot.
            func bookedMinutes(_ target: String) -> Int {
                let vendors = Set(snapshot.capabilities.filter { $0.pair.target.description == target }.map(\.vendorID))
                let minutes = snapshot.bookings.filter { vendors.contains($0.vendorID) }.map(\.minutes).reduce(0, +)
                return minutes / max(1, vendors.count)
            }
            #expect(bookedMinutes("de") > 2 * bookedMinutes("fi"))
            #expect(bookedMinutes("ja") > 2 * bookedMinutes("fi"))
            #expect(snapshot.bookings.allSatisfy { $0.from >= clock.now - 2 * 86_400 && $0.to > $0.from })
        }
    }

    @Test func theGeneratorIsDeterministic() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let first = VendorDemoData.generate(vendorCount: 40, now: now, ids: .sequential())
        let second = VendorDemoData.generate(vendorCount: 40, now: now, ids: .sequential())
        #expect(first.vendors == second.vendors)
        #expect(first.bookings == second.bookings)
        #expect(first.rates == second.rates)
    }

    @Test func theSmallScaleSetIsInsertedOnce() async throws {
        try await withTandem { app, clock in
            let report = try await DemoScale.small.insert(into: app.stores, now: clock.now)
            #expect(report.vendors == 200)
            #expect(report.bookings == 2_000)
            #expect(try await app.stores.vendors.count() == 200)
            #expect(try await app.stores.vendorSchedule.bookings(of: nil, overlapping: nil).count == 2_000)
            let again = try await DemoScale.small.insert(into: app.stores, now: clock.now)
            #expect(again.alreadyPresent)
            #expect(try await app.stores.vendors.count() == 200)
        }
    }
}
