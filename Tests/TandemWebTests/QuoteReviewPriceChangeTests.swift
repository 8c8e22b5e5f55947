import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// Approve with changes may change the price as well as the date (docs/quotes.md, "The review
/// gate"): the PM's price change becomes a line of the new version, with the reason.
@Suite("Quote review: a price change")
struct QuoteReviewPriceChangeTests {
    let quotes = QuoteAPITests()

    @Test func aPMApprovesWithADiscountAndKeepsTheDate() async throws {
        try await quotes.withWorld { world in
            let id = try await quotes.create(world)
            let line = try await quotes.call(
                world, .POST, "/api/v1/quotes/\(id)/lines", as: world.sales,
                json: #"{"kind": "manual", "description": "Certified translation", "unitPrice": "400.00"}"#)
            #expect(line.status == .ok || line.status == .created, "\(line.body.string)")
            let submitted = try await quotes.call(world, .POST, "/api/v1/quotes/\(id)/submit", as: world.sales)
            #expect(try submitted.json()["status"] as? String == "in-review")
            let before = try await quotes.call(world, .GET, "/api/v1/quotes/\(id)", as: world.pm).json()
            let review = "/api/v1/quotes/\(id)/review"

            // A price change that is not an amount, or a change with neither date nor price: 422 by field.
            let bad = try await quotes.call(
                world, .POST, review, as: world.pm,
                json: #"{"decision": "change", "priceChange": "cheaper", "reason": "Loyal client"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(try (bad.json()["error"] as? [String: Any])?["field"] as? String == "priceChange")
            let nothing = try await quotes.call(
                world, .POST, review, as: world.pm, json: #"{"decision": "change", "reason": "Loyal client"}"#)
            #expect(try (nothing.json()["error"] as? [String: Any])?["field"] as? String == "deadline")

            let changed = try await quotes.call(
                world, .POST, review, as: world.pm,
                json:
                    #"{"decision": "change", "priceChange": "-50.00", "priceChangeLabel": "Loyalty discount", "reason": "A loyal client: 50 EUR off"}"#
            )
            #expect(changed.status == .ok)
            #expect(try changed.json()["status"] as? String == "approved")
            let after = try await quotes.call(world, .GET, "/api/v1/quotes/\(id)", as: world.sales).json()
            #expect(after["version"] as? Int == 2)
            let total = { (sheet: [String: Any]) in
                Decimal(string: (sheet["total"] as? [String: String])?["amount"] ?? "") ?? 0
            }
            #expect(total(before) - total(after) == 50)
            let diff = try await quotes.call(world, .GET, "/api/v1/quotes/\(id)/diff", as: world.sales).json()
            #expect(diff["note"] as? String == "A loyal client: 50 EUR off")
            // The date did not move.
            let quoteID = try #require(Quote.ID(uuidString: id))
            let stored = try #require(try await world.app.stores.quoteStores.quotes.version(quoteID, number: 2))
            #expect(
                stored.targets.allSatisfy { $0.delivery == ISO8601DateFormatter().date(from: "2026-11-27T17:00:00Z") })
            #expect(stored.lines.contains { $0.kind == .discount && $0.description == "Loyalty discount" })
        }
    }
}
