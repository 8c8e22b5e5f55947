import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The quote page words its live feasibility for who reads it: production (PMs, vendor
/// managers) sees which vendors the plan uses or rules out; sales sees the same verdict and
/// reasons without vendor names, as the deadline check answers sales.
@Suite("Quote page feasibility by role")
struct QuoteRedactionTests {
    /// Two approved freelancers per target, each translating and revising and booked, so that the
    /// plan waits for vendors who are booked and says which.
    static func vendors(_ app: Application) async throws -> [String] {
        let env = app.appEnvironment
        var names: [String] = []
        for (n, target) in [(1, "fr"), (2, "fr"), (3, "de"), (4, "de")] {
            let id = VendorProfile.ID(UUID(uuidString: String(format: "00000000-0000-0000-00ff-%012x", n))!)
            let name = "Translator Nr\(n) Example"
            names.append(name)
            try await env.stores.vendors.create(VendorProfile(id: id, name: name, timeZone: "UTC", createdAt: env.now))
            let pair = LanguagePair(source: try LanguageTag("en"), target: try LanguageTag(target))
            try await env.stores.vendors.addCapabilities(
                [LinguisticService.translation, .revision].enumerated().map { index, service in
                    VendorCapability(
                        id: VendorCapability.ID(
                            UUID(uuidString: String(format: "00000000-0000-0000-00fe-%012x", n * 10 + index))!),
                        vendorID: id, pair: pair, service: service, throughput: .wordsPerHour(400),
                        approval: CapabilityApproval(approved: true))
                })
            // Booked for the next two days: the plan waits for them, and its reasons say who.
            try await env.stores.vendorSchedule.addBookings([
                VendorBooking(
                    id: env.ids(), vendorID: id, from: env.now, to: env.now.addingTimeInterval(2 * 86_400),
                    minutes: 2 * 8 * 60, jobReference: "P-\(n)")
            ])
        }
        return names
    }

    @Test func productionSeesVendorNamesAndSalesDoesNot() async throws {
        try await withTandem { app, _ in
            let names = try await Self.vendors(app)
            let f = try await QuoteWebFixture.make(app)
            var pm = Browser(app)
            _ = try await pm.signIn("paula@lumen.example")
            let production = try await pm.get("/quotes/\(f.id)")
            #expect(production.status == .ok)
            let productionHTML = production.body.string
            #expect(names.contains { productionHTML.contains($0) }, "the PM's reasons name the vendors")

            var rep = Browser(app)
            _ = try await rep.signIn("sofia@lumen.example")
            let sales = try await rep.get("/quotes/\(f.id)")
            #expect(sales.status == .ok)
            let salesHTML = sales.body.string
            #expect(salesHTML.contains(f.quote.number))
            for name in names { #expect(!salesHTML.contains(name), "the rep's page names \(name)") }
            for id in 1...4 { #expect(!salesHTML.contains(String(format: "00ff-%012x", id))) }
        }
    }
}
