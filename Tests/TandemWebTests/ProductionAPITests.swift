import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The production API contract (docs/production.md) on a project made by accepting a quote:
/// jobs on the project, proposals, assign, transition, 409 `invalid_transition`, purchase orders.
@Suite("Production API")
struct ProductionAPITests {
    let api = APITests()

    /// An approved freelancer translating and revising en → `target` at 400 words an hour, 0.08 EUR a word.
    static func vendor(_ app: Application, _ n: Int, target: String) async throws {
        let env = app.appEnvironment
        let id = VendorProfile.ID(UUID(uuidString: String(format: "00000000-0000-0000-00ff-%012x", n))!)
        try await env.stores.vendors.create(
            VendorProfile(id: id, name: "Vendor \(n)", timeZone: "UTC", createdAt: env.now))
        let pair = LanguagePair(source: try LanguageTag("en"), target: try LanguageTag(target))
        try await env.stores.vendors.addCapabilities(
            [LinguisticService.translation, .revision].map { service in
                VendorCapability(
                    id: env.ids(), vendorID: id, pair: pair, service: service, throughput: .wordsPerHour(400),
                    approval: CapabilityApproval(approved: true))
            })
        try await env.stores.vendors.addRate(
            VendorRate(
                id: env.ids(), vendorID: id, pair: pair, service: .translation, unit: .word,
                price: Money(Decimal(string: "0.08")!, .eur), validFrom: try LocalDate(iso: "2026-01-01")))
    }

    /// A project from an accepted quote (en → fr, de), with two vendors per target.
    static func project(_ app: Application) async throws -> (QuoteWebFixture, Project) {
        for (n, target) in [(1, "fr"), (2, "fr"), (3, "de"), (4, "de")] { try await vendor(app, n, target: target) }
        let fixture = try await QuoteWebFixture.make(app)
        let env = app.appEnvironment
        let quotes = QuoteManagement(env, capacity: app.capacity)
        _ = try await quotes.refresh(fixture.quote.id)
        let submitted = try await quotes.submit(fixture.quote.id, by: fixture.rep)
        if submitted.status == .inReview {
            _ = try await QuoteReview(env, capacity: app.capacity).decide(
                fixture.quote.id, .init(decision: "approve"), by: fixture.pm)
        }
        _ = try await quotes.send(fixture.quote.id, by: fixture.rep)
        let project = try await QuoteHandOff(env, capacity: app.capacity).accept(
            fixture.quote.id, .init(clientReference: "PO-9"), by: fixture.rep
        ).project
        return (fixture, project)
    }

    func call(_ app: Application, _ method: HTTPMethod, _ path: String, as token: String, json: String? = nil)
        async throws -> TestingHTTPResponse
    {
        var client = Browser(app)
        return try await client.request(method, path, json: json, headers: api.bearer(token))
    }

    @Test func aPMAssignsTheProposalsMovesAJobAndSeesThePurchaseOrdersNewVersion() async throws {
        try await withTandem { app, _ in
            let (_, project) = try await Self.project(app)
            let pm = try await api.token(app, for: "paula@lumen.example")
            let sales = try await api.token(app, for: "sofia@lumen.example")
            let shown = try await call(app, .GET, "/api/v1/projects/\(project.id)", as: pm).json()
            let jobs = try #require(shown["jobs"] as? [[String: Any]])
            #expect(jobs.count == 4)
            #expect(
                jobs.allSatisfy { job in
                    ["id", "targetLanguage", "step", "status", "assignments", "due"].allSatisfy { job[$0] != nil }
                })
            #expect(jobs.map { $0["step"] as? String } == ["translation", "revision", "translation", "revision"])
            #expect(jobs.allSatisfy { $0["status"] as? String == "planned" })

            let proposals = try #require(
                try await call(app, .GET, "/api/v1/projects/\(project.id)/proposals", as: pm).json()["items"]
                    as? [[String: Any]])
            #expect(Set(proposals.compactMap { $0["jobId"] as? String }).count == 4)
            #expect(
                proposals.allSatisfy { p in
                    ["jobId", "vendorId", "words", "cost", "finish"].allSatisfy { p[$0] != nil }
                })
            let forbidden = try await call(app, .GET, "/api/v1/projects/\(project.id)/proposals", as: sales)
            #expect(forbidden.status == .forbidden)

            for proposal in proposals {
                let assigned = try await call(
                    app, .POST, "/api/v1/jobs/\(proposal["jobId"]!)/assign", as: pm,
                    json: #"{"vendorId": "\#(proposal["vendorId"]!)", "words": \#(proposal["words"]!)}"#)
                #expect(assigned.status == .created)
            }
            let translation = try #require(jobs.first { $0["targetLanguage"] as? String == "fr" })["id"] as! String
            let again =
                try await call(
                    app, .GET, "/api/v1/projects/\(project.id)", as: pm
                ).json()["jobs"] as? [[String: Any]]
            let frJob = try #require(again?.first { $0["id"] as? String == translation })
            let assignments = try #require(frJob["assignments"] as? [[String: Any]])
            #expect(assignments.reduce(0) { $0 + ($1["words"] as? Int ?? 0) } == 3000)
            #expect(assignments.allSatisfy { $0["vendorId"] is String })

            // A forbidden move: 409 invalid_transition naming `to`.
            let refused = try await call(
                app, .POST, "/api/v1/jobs/\(translation)/transition", as: pm, json: #"{"to": "delivered"}"#)
            #expect(refused.status == .conflict)
            let error = try #require(try refused.json()["error"] as? [String: Any])
            #expect(error["code"] as? String == "invalid_transition")
            #expect(error["field"] as? String == "to")
            let unknown = try await call(
                app, .POST, "/api/v1/jobs/\(translation)/transition", as: pm, json: #"{"to": "done"}"#)
            #expect(unknown.status == .unprocessableEntity)

            for move in ["offered", "accepted", "in-progress"] {
                let moved = try await call(
                    app, .POST, "/api/v1/jobs/\(translation)/transition", as: pm, json: #"{"to": "\#(move)"}"#)
                #expect(try moved.json()["status"] as? String == move)
            }
            let delivered = try await call(
                app, .POST, "/api/v1/jobs/\(translation)/transition", as: pm,
                json: #"{"to": "delivered", "at": "2026-11-20T10:00:00Z", "actualWords": 3300}"#)
            #expect(try delivered.json()["status"] as? String == "delivered")
            let orders = try #require(
                try await call(app, .GET, "/api/v1/projects/\(project.id)/purchase-orders", as: pm).json()["items"]
                    as? [[String: Any]])
            let versions = orders.filter { $0["jobId"] as? String == translation }
            #expect(versions.contains { $0["version"] as? Int == 1 })
            let second = try #require(versions.first { $0["version"] as? Int == 2 })
            #expect(second["reason"] as? String == "actual-words")
            let detail = try await call(app, .GET, "/api/v1/purchase-orders/\(second["id"]!)", as: pm).json()
            #expect((detail["versions"] as? [[String: Any]])?.count == 2)
            let history = try await call(app, .GET, "/api/v1/jobs/\(translation)", as: pm).json()
            let kinds = (history["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
            #expect(
                Set(kinds ?? []).isSuperset(of: [
                    "created", "assigned", "offered", "accepted", "in-progress", "delivered",
                ]))
            #expect(kinds?.last == "delivered")
        }
    }

    @Test func aHeldProjectRefusesTheOfferWithInvalidTransition() async throws {
        try await withTandem { app, _ in
            let (_, project) = try await Self.project(app)
            let pm = try await api.token(app, for: "paula@lumen.example")
            let held = try await call(
                app, .PUT, "/api/v1/projects/\(project.id)/hold", as: pm,
                json: #"{"onHold": true, "reason": "Client asked"}"#)
            #expect(try held.json()["onHold"] as? Bool == true)
            let jobs =
                try await call(app, .GET, "/api/v1/projects/\(project.id)", as: pm).json()["jobs"] as? [[String: Any]]
            let job = try #require(jobs?.first)["id"] as! String
            let vendor = "00000000-0000-0000-00ff-000000000003"
            let assigned = try await call(
                app, .POST, "/api/v1/jobs/\(job)/assign", as: pm, json: #"{"vendorId": "\#(vendor)"}"#)
            #expect(assigned.status == .created)
            #expect(try (assigned.json()["assignment"] as? [String: Any])?["words"] as? Int == 3000)
            let offer = try await call(
                app, .POST, "/api/v1/jobs/\(job)/transition", as: pm, json: #"{"to": "offered"}"#)
            #expect(offer.status == .conflict)
            #expect(try (offer.json()["error"] as? [String: Any])?["code"] as? String == "invalid_transition")
            let missing = try await call(app, .POST, "/api/v1/jobs/\(job)/assign", as: pm, json: "{}")
            #expect(missing.status == .unprocessableEntity)
            #expect(try (missing.json()["error"] as? [String: Any])?["field"] as? String == "vendorId")
        }
    }
}
