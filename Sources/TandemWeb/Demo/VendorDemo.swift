import Foundation
import TandemDomain

/// The demo's vendor database: about 300 vendors over 32 language pairs, with bookings and holds
/// over the next eight weeks (en→de and en→ja almost fully booked).
enum VendorDemo {
    static let step = DemoSeed.Step(name: "demo.v2.vendors", idBase: 0x5_0000) { stores, ids, _, now in
        let data = VendorDemoData.generate(vendorCount: 320, now: now, ids: ids)
        try await insert(data, into: stores)
    }

    static func insert(_ data: VendorDemoData, into stores: Stores) async throws {
        try await stores.vendors.createMany(data.vendors, capabilities: data.capabilities, rates: data.rates)
        try await stores.vendorSchedule.addAbsences(data.absences)
        try await stores.vendorSchedule.addBookings(data.bookings)
        try await stores.vendorSchedule.addHolds(data.holds)
    }
}
