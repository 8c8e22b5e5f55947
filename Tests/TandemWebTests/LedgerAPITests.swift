import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// `/api/v1/promises` and the ledger's other routes end to end: the contract's names, the
/// statuses, renegotiation's 409 on `version`, deliveries with their cause, and redaction.
@Suite("Ledger API")
struct LedgerAPITests {
    let api = APITests()

    struct World {
        var app: Application
        var clock: TestClock
        var sales: String
        var pm: String
        var project: Project
        var promises: [Promise]
    }

    func withWorld(_ body: (World) async throws -> Void) async throws {
        try await withTandem { app, clock in
            let env = app.appEnvironment
            let rep = try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            let pm = try await makeUser(app, "paula@lumen.example", roles: [.pm])
            let account = try await AccountManagement(env).create(
                AccountInput(name: "Maison Lumière", currency: "EUR"), by: rep, confirmDuplicate: true)
            let opportunity = try await OpportunityManagement(env).create(
                .init(
                    accountID: account.id.description, name: "Catalogue 2027", sourceLanguage: "en",
                    targetLanguages: ["fr", "de"], services: ["translation"], amount: "5000.00", currency: "EUR",
                    closeDate: "2026-12-15"), by: rep)
            let quote = Quote(
                id: env.ids(), number: "Q-2026-0901", accountID: account.id, opportunityID: opportunity.id,
                status: .accepted, validUntil: try LocalDate(iso: "2026-12-31"), currency: .eur, createdBy: rep.id,
                createdAt: env.now)
            try await env.stores.quoteStores.quotes.create(
                quote,
                version: QuoteVersion(
                    id: env.ids(), quoteID: quote.id, number: 1, sourceLanguage: try LanguageTag("en"), targets: [],
                    services: [.translation], totals: QuoteTotals(total: Money(1000, .eur)), createdBy: rep.id,
                    createdAt: env.now))
            let project = Project(
                id: env.ids(), quoteID: quote.id, accountID: account.id, opportunityID: opportunity.id,
                name: "Catalogue 2027", brief: nil, clientReference: "", acceptedAt: env.now, optionID: nil,
                salesOwnerID: rep.id, pmID: pm.id, createdAt: env.now)
            let promises = try [("de", 9, 400), ("fr", 7, 600)].map { target, days, price in
                Promise(
                    id: env.ids(), projectID: project.id, targetLanguage: try LanguageTag(target),
                    deliveryDate: env.now.addingTimeInterval(Double(days) * 86_400), price: Money(Decimal(price), .eur),
                    weightedWords: 2000, services: ["translation"], salesOwnerID: rep.id, pmID: pm.id,
                    createdAt: env.now)
            }
            try await env.stores.quoteStores.projects.create(project, promises: promises, reservations: [])
            try await body(
                World(
                    app: app, clock: clock, sales: try await api.token(app, for: "sofia@lumen.example"),
                    pm: try await api.token(app, for: "paula@lumen.example"), project: project, promises: promises))
        }
    }

    func call(_ world: World, _ method: HTTPMethod, _ path: String, as token: String, json: String? = nil)
        async throws -> TestingHTTPResponse
    {
        var client = Browser(world.app)
        return try await client.request(method, path, json: json, headers: api.bearer(token))
    }

    func errorField(_ response: TestingHTTPResponse) -> String? {
        ((try? response.json())?["error"] as? [String: Any])?["field"] as? String
    }

    @Test func theListAnswersTheContractsFields() async throws {
        try await withWorld { w in
            let page = try await call(
                w, .GET, "/api/v1/promises?status=on-track&projectId=\(w.project.id)", as: w.sales)
            #expect(page.status == .ok)
            let body = try page.json()
            #expect(body.keys.contains("nextCursor"))
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(items.count == 2)
            let de = try #require(items.first)
            for key in [
                "id", "projectId", "targetLanguage", "deliveryDate", "price", "status", "marginAtRisk", "renegotiated",
                "cause", "deliveredAt",
            ] {
                #expect(de.keys.contains(key), "missing \(key)")
            }
            #expect(de["targetLanguage"] as? String == "de")  // the later delivery first
            #expect(de["status"] as? String == "on-track")
            #expect((de["price"] as? [String: Any])?["amount"] as? String == "400.00")
            #expect(de["marginAtRisk"] as? Bool == false && de["renegotiated"] as? Bool == false)
            let bad = try await call(w, .GET, "/api/v1/promises?status=late", as: w.sales)
            #expect(bad.status == .unprocessableEntity && errorField(bad) == "status")
            let one = try await call(w, .GET, "/api/v1/promises?limit=1", as: w.pm).json()
            let cursor = try #require(one["nextCursor"] as? String)
            let next = try await call(w, .GET, "/api/v1/promises?limit=1&cursor=\(cursor)", as: w.pm).json()
            #expect((next["items"] as? [[String: Any]])?.first?["targetLanguage"] as? String == "fr")
        }
    }

    @Test func renegotiationAnswersTheNewVersionAnd409OnAStaleOne() async throws {
        try await withWorld { w in
            let fr = w.promises[1].id
            let json =
                #"{"deliveryDate": "2026-12-01", "price": {"amount": "650.00", "currency": "EUR"}, "reason": "Two more files", "cause": "client_change", "version": 1}"#
            let done = try await call(w, .POST, "/api/v1/promises/\(fr)/renegotiate", as: w.sales, json: json)
            #expect(done.status == .ok)
            let body = try done.json()
            #expect(body["renegotiated"] as? Bool == true && body["cause"] as? String == "client_change")
            #expect(body["deliveryDay"] as? String == "2026-12-01" && body["version"] as? Int == 2)
            let stale = try await call(w, .POST, "/api/v1/promises/\(fr)/renegotiate", as: w.sales, json: json)
            #expect(stale.status == .conflict && errorField(stale) == "version")
            let badCause = try await call(
                w, .POST, "/api/v1/promises/\(fr)/renegotiate", as: w.sales,
                json: #"{"deliveryDate": "2026-12-02", "reason": "x", "cause": "weather"}"#)
            #expect(badCause.status == .unprocessableEntity && errorField(badCause) == "cause")
            let versions = try await call(w, .GET, "/api/v1/promises/\(fr)/versions", as: w.sales).json()
            #expect((versions["items"] as? [[String: Any]])?.count == 2)
        }
    }

    @Test func aLateDeliveryNeedsItsCauseAndTheLedgerCountsIt() async throws {
        try await withWorld { w in
            let (de, fr) = (w.promises[0].id, w.promises[1].id)
            let onTime = try await call(
                w, .POST, "/api/v1/promises/\(fr)/deliveries", as: w.pm,
                json: #"{"what": "12 files", "recipient": "Anna", "cost": {"amount": "250.00", "currency": "EUR"}}"#)
            #expect(onTime.status == .created)
            w.clock.advance(by: 10 * 86_400)
            let noCause = try await call(
                w, .POST, "/api/v1/promises/\(de)/deliveries", as: w.pm,
                json: #"{"what": "8 files", "recipient": "Anna"}"#)
            #expect(noCause.status == .unprocessableEntity && errorField(noCause) == "lateCause")
            let bySales = try await call(
                w, .POST, "/api/v1/promises/\(de)/deliveries", as: w.sales,
                json: #"{"what": "8 files", "recipient": "Anna", "lateCause": "vendor"}"#)
            #expect(bySales.status == .forbidden)
            let late = try await call(
                w, .POST, "/api/v1/promises/\(de)/deliveries", as: w.pm,
                json: #"{"what": "8 files", "recipient": "Anna", "lateCause": "vendor"}"#)
            #expect(late.status == .created)
            let broken = try await call(w, .GET, "/api/v1/promises?status=broken", as: w.sales).json()
            let items = try #require(broken["items"] as? [[String: Any]])
            #expect(items.count == 1 && items.first?["cause"] as? String == "vendor")
            #expect(items.first?["deliveredAt"] as? String != nil)
            let totals = try await call(w, .GET, "/api/v1/ledger/totals", as: w.sales).json()
            #expect(totals["made"] as? Int == 2 && totals["kept"] as? Int == 1 && totals["broken"] as? Int == 1)
        }
    }

    @Test func salesSeeEvaluationsWithoutVendors() async throws {
        try await withWorld { w in
            let forbidden = try await call(w, .GET, "/api/v1/vendors/\(UUID())/quality", as: w.sales)
            #expect(forbidden.status == .forbidden)
            let missing = try await call(w, .GET, "/api/v1/evaluations", as: w.sales)
            #expect(missing.status == .unprocessableEntity && errorField(missing) == "projectId")
            let badJSON = try await call(
                w, .POST, "/api/v1/evaluations", as: w.pm,
                json:
                    #"{"vendorId": "x", "sourceLanguage": "en", "targetLanguage": "fr", "projectId": "\#(w.project.id)", "sampleWords": 0, "errors": [], "timeliness": 3, "communication": 3}"#
            )
            #expect(badJSON.status == .unprocessableEntity)
        }
    }
}
