import Foundation
import NIOCore
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// `POST /api/v1/capacity/check` and `GET /api/v1/capacity/heatmap`: roles, bad input, and
/// answers from the stored data.
@Suite("Capacity API")
struct CapacityAPITests {
    static let check = APIRoute.capacityCheck.path
    static let heatmap = APIRoute.capacityHeatmap.path

    /// Mon 2026-11-23 08:00 UTC to Fri 17:00: 4,000 words en → fr, translation then revision.
    static let request = """
        {"start": "2026-11-23T08:00:00Z", "deadline": "2026-11-27T17:00:00Z", "maxVendorsPerStep": 2,
         "targets": [{"source": "en", "target": "fr", "steps": [{"service": "translation", "words": 4000},
                                                              {"service": "revision", "words": 4000}]}]}
        """

    static func token(_ app: Application, _ email: String, roles: Set<Role>) async throws -> HTTPHeaders {
        try await makeUser(app, email, roles: roles)
        var browser = Browser(app)
        _ = try await browser.signIn(email)
        let page = try await browser.submit(SiteRoute.profileTokens.path, ["name": "script"])
        let match = try #require(page.body.string.range(of: #"tdm_[A-Za-z0-9]{40}"#, options: .regularExpression))
        return ["Authorization": "Bearer \(page.body.string[match])"]
    }

    @Test func everyoneWhoQuotesMayCheckAndOnlyProductionSeesThePlan() async throws {
        try await withTandem { app, _ in
            var client = Browser(app)
            let pm = try await Self.token(app, "paula@lumen.example", roles: [.pm])
            let sales = try await Self.token(app, "sam@lumen.example", roles: [.sales])
            let full = try await client.request(.POST, Self.check, json: Self.request, headers: pm)
            #expect(full.status == .ok)
            let fullBody = try full.json()
            #expect(fullBody["verdict"] as? String == "red")
            #expect(fullBody["targets"] != nil && fullBody["cost"] != nil)
            let redacted = try await client.request(.POST, Self.check, json: Self.request, headers: sales)
            #expect(redacted.status == .ok)
            let body = try redacted.json()
            #expect(body["verdict"] as? String == "red")
            #expect(body["targets"] == nil && body["cost"] == nil)
            #expect(
                body.keys.sorted() == [
                    "confidence", "deadline", "earliestDelivery", "reasons", "riskAdjustedDelivery", "verdict",
                ])
            let anonymous = try await client.request(.POST, Self.check, json: Self.request)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func badRequestsNameTheFieldFromTheBodysRoot() async throws {
        try await withTandem { app, _ in
            var client = Browser(app)
            let pm = try await Self.token(app, "paula@lumen.example", roles: [.pm])
            let badZone = Self.request.replacingOccurrences(of: "\"2026-11-27T17:00:00Z\"", with: "\"friday\"")
            let bad = try await client.request(.POST, Self.check, json: badZone, headers: pm)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorField == "deadline")
            #expect(bad.errorFieldCodes == ["not_an_instant"])
            let words = Self.request.replacingOccurrences(of: "\"words\": 4000}", with: "\"words\": \"many\"}")
            let wrongType = try await client.request(.POST, Self.check, json: words, headers: pm)
            #expect(wrongType.errorField == "targets[0].steps[0].words")
            let notJSON = try await client.request(.POST, Self.check, json: "{oops", headers: pm)
            #expect(notJSON.status == .badRequest && notJSON.errorCode == "invalid_json")
            let array = try await client.request(.POST, Self.check, json: "[]", headers: pm)
            #expect(array.status == .unprocessableEntity)
            let unknown = Self.request.replacingOccurrences(
                of: "\"maxVendorsPerStep\": 2", with: "\"maxVendorsPerStep\": 2, \"preferredVendors\": [\"nobody\"]")
            let unknownVendor = try await client.request(.POST, Self.check, json: unknown, headers: pm)
            #expect(unknownVendor.status == .unprocessableEntity)
            #expect(unknownVendor.errorFieldCodes == ["unknown_vendor"])
        }
    }

    @Test func theHeatmapIsForProductionAndChecksItsQuery() async throws {
        try await withTandem { app, _ in
            var client = Browser(app)
            let pm = try await Self.token(app, "paula@lumen.example", roles: [.pm])
            let sales = try await Self.token(app, "sam@lumen.example", roles: [.sales])
            let ok = try await client.request(.GET, Self.heatmap + "?from=2026-11-18&weeks=3", headers: pm)
            #expect(ok.status == .ok)
            let body = try ok.json()
            #expect(body["from"] as? String == "2026-11-16")
            #expect((body["weekStarts"] as? [String])?.count == 3)
            let forbidden = try await client.request(.GET, Self.heatmap, headers: sales)
            #expect(forbidden.status == .forbidden)
            let bad = try await client.request(.GET, Self.heatmap + "?from=soon&weeks=99", headers: pm)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["from", "weeks"])
        }
    }
}
