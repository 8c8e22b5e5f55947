import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// `/api/v1/quotes`, `/api/v1/analyses` and `/api/v1/projects` end to end: the contract's names,
/// each route with the right role, the wrong role and bad input.
@Suite("Quotes API")
struct QuoteAPITests {
    let api = APITests()

    struct World {
        var app: Application
        var sales: String
        var pm: String
        var vendorManager: String
        var admin: String
        var opportunityID: Opportunity.ID
    }

    func withWorld(
        configure adjust: @escaping (inout TandemConfig) -> Void = { _ in }, _ body: (World) async throws -> Void
    ) async throws {
        try await withTandem(configure: adjust) { app, _ in
            let env = app.appEnvironment
            let rep = try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            let pm = try await makeUser(app, "paula@lumen.example", roles: [.pm])
            try await makeUser(app, "victor@lumen.example", roles: [.vendorManager])
            try await makeUser(app, "ada@lumen.example", roles: [.admin])
            var input = AccountInput(name: "Maison Lumière", currency: "EUR")
            input.partnerPmId = pm.id.description
            let account = try await AccountManagement(env).create(input, by: rep, confirmDuplicate: true)
            let opportunity = try await OpportunityManagement(env).create(
                .init(
                    accountID: account.id.description, name: "Catalogue 2027", sourceLanguage: "en",
                    targetLanguages: ["fr"], services: ["translation"], amount: "5000.00", currency: "EUR",
                    closeDate: "2026-12-15"), by: rep)
            try await env.stores.pricing.rateCards.create(
                RateCard(
                    id: env.ids(), name: "Standard", currency: .eur,
                    prices: [
                        RatePrice(
                            source: try LanguageTag("en"), target: try LanguageTag("fr"), service: .translation,
                            unit: .word, price: Decimal(string: "0.12")!)
                    ], createdAt: env.now))
            try await body(
                World(
                    app: app, sales: try await api.token(app, for: "sofia@lumen.example"),
                    pm: try await api.token(app, for: "paula@lumen.example"),
                    vendorManager: try await api.token(app, for: "victor@lumen.example"),
                    admin: try await api.token(app, for: "ada@lumen.example"), opportunityID: opportunity.id))
        }
    }

    func call(_ world: World, _ method: HTTPMethod, _ path: String, as token: String, json: String? = nil)
        async throws -> TestingHTTPResponse
    {
        var client = Browser(world.app)
        return try await client.request(method, path, json: json, headers: api.bearer(token))
    }

    func create(_ world: World) async throws -> String {
        let created = try await call(
            world, .POST, "/api/v1/quotes", as: world.sales,
            json:
                #"{"opportunityId": "\#(world.opportunityID)", "deadline": "2026-11-27T17:00:00Z", "services": ["translation"]}"#
        )
        #expect(created.status == .created)
        return try #require(try created.json()["id"] as? String)
    }

    /// A multipart body with `file` and `tm` parts.
    static func multipart(_ parts: [(name: String, file: String, data: Data)], boundary: String = "tandem-test")
        -> ByteBuffer
    {
        var body = Data()
        for part in parts {
            body.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"; filename=\"\(part.file)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                        .utf8))
            body.append(part.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ByteBuffer(data: body)
    }

    func upload(_ world: World, _ id: String, _ parts: [(name: String, file: String, data: Data)], as token: String)
        async throws -> TestingHTTPResponse
    {
        var headers = api.bearer(token)
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=tandem-test")
        return try await world.app.testing().sendRequest(
            .POST, "/api/v1/quotes/\(id)/files", headers: headers, body: Self.multipart(parts))
    }

    static func fixture(_ path: String) throws -> Data {
        try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(path))
    }

    @Test func aQuoteGoesFromUploadToProjectThroughTheAPI() async throws {
        try await withWorld { world in
            let created = try await call(
                world, .POST, "/api/v1/quotes", as: world.sales,
                json:
                    #"{"opportunityId": "\#(world.opportunityID)", "deadline": "2026-11-27T17:00:00Z", "services": ["translation"]}"#
            )
            #expect(created.status == .created)
            let body = try created.json()
            #expect(body["number"] as? String == "Q-2026-0001")
            #expect(body["version"] as? Int == 1)
            #expect(body["status"] as? String == "draft")
            let id = try #require(body["id"] as? String)

            let xliff = try Self.fixture("omegat-match-stat-golden/golden-en-ca.xlf")
            let tmx = try Self.fixture("omegat-match-stat-golden/test-match-stat-en-ca.tmx")
            let uploaded = try await upload(
                world, id, [("file", "catalogue.xlf", xliff), ("tm", "memory.tmx", tmx)], as: world.sales)
            #expect(uploaded.status == .accepted)
            let analysisID = try #require(try uploaded.json()["analysisId"] as? String)
            var analysis: [String: Any] = [:]
            for _ in 0..<100 {
                _ = try await world.app.jobWorker.runOnce()
                analysis = try await call(world, .GET, "/api/v1/analyses/\(analysisID)", as: world.sales).json()
                if analysis["status"] as? String == "done" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(analysis["status"] as? String == "done")
            #expect(analysis["progress"] as? Double == 1)

            let sheet = try await call(world, .GET, "/api/v1/quotes/\(id)", as: world.sales).json()
            #expect(sheet["status"] as? String == "draft")
            let lines = try #require(sheet["lines"] as? [[String: Any]])
            let line = try #require(lines.first)
            #expect(line["targetLanguage"] as? String == "fr")
            #expect(line["service"] as? String == "translation")
            #expect(line["weightedWords"] is String)
            #expect((line["unitPrice"] as? [String: String])?["amount"] == "0.12")
            #expect((line["price"] as? [String: String])?["currency"] == "EUR")
            let bands = try #require(line["bands"] as? [String: [String: Any]])
            #expect(bands["new"]?["segments"] is Int)
            #expect(sheet["total"] is [String: String])
            #expect(
                sheet.keys.contains("cost") && sheet.keys.contains("margin") && sheet.keys.contains("marginPercent"))
            let feasibility = try #require(sheet["feasibility"] as? [String: Any])
            #expect(Set(feasibility.keys).isSuperset(of: ["verdict", "earliestDelivery", "confidence", "reasons"]))
            #expect(sheet["reviewReasons"] is [String])

            // No vendor can do it: the gate sends it to review.
            let submitted = try await call(world, .POST, "/api/v1/quotes/\(id)/submit", as: world.sales)
            #expect(try submitted.json()["status"] as? String == "in-review")
            let bySales = try await call(
                world, .POST, "/api/v1/quotes/\(id)/review", as: world.sales, json: #"{"decision": "approve"}"#)
            #expect(bySales.status == .forbidden)
            let tooEarly = try await call(world, .POST, "/api/v1/quotes/\(id)/send", as: world.sales)
            #expect(tooEarly.status == .conflict)
            let changed = try await call(
                world, .POST, "/api/v1/quotes/\(id)/review", as: world.pm,
                json:
                    #"{"decision": "change", "deadline": "2026-12-18T17:00:00Z", "reason": "Later: the team is booked"}"#
            )
            #expect(changed.status == .ok)
            #expect(try changed.json()["status"] as? String == "approved")
            let diff = try await call(world, .GET, "/api/v1/quotes/\(id)/diff", as: world.sales).json()
            #expect(diff["note"] as? String == "Later: the team is booked")
            let sent = try await call(world, .POST, "/api/v1/quotes/\(id)/send", as: world.sales)
            #expect(try sent.json()["status"] as? String == "sent")

            let opportunityPath = "/api/v1/opportunities/\(world.opportunityID)"
            let beforeWon = try await call(world, .GET, opportunityPath, as: world.sales).json()
            #expect(beforeWon["briefStatus"] is NSNull && beforeWon["projectId"] is NSNull)
            let accepted = try await call(
                world, .POST, "/api/v1/quotes/\(id)/accept", as: world.sales, json: #"{"clientReference": "PO-4471"}"#)
            #expect(accepted.status == .created)
            let projectID = try #require(try accepted.json()["projectId"] as? String)
            let again = try await call(
                world, .POST, "/api/v1/quotes/\(id)/accept", as: world.sales, json: #"{"clientReference": "PO-4471"}"#)
            #expect(again.status == .ok)
            #expect(try again.json()["projectId"] as? String == projectID)

            let project = try await call(world, .GET, "/api/v1/projects/\(projectID)", as: world.pm).json()
            #expect(project["quoteId"] as? String == id)
            #expect(project["briefStatus"] as? String == "pending")
            #expect(project.keys.contains("brief"))
            let promises = try #require(project["promises"] as? [[String: Any]])
            #expect(promises.count == 1)
            #expect(promises.first?["targetLanguage"] as? String == "fr")
            #expect(promises.first?["deliveryDate"] as? String == "2026-12-18T17:00:00Z")
            #expect(promises.first?["status"] as? String == "on-track")
            #expect(promises.first?["weightedWords"] is String)
            #expect(promises.first?["price"] is [String: String])

            let salesAck = try await call(
                world, .POST, "/api/v1/projects/\(projectID)/brief/acknowledge", as: world.sales)
            #expect(salesAck.status == .forbidden)
            let ack = try await call(world, .POST, "/api/v1/projects/\(projectID)/brief/acknowledge", as: world.pm)
            #expect(try ack.json()["briefStatus"] as? String == "acknowledged")
            // Both sides see the brief status on the opportunity too.
            let opportunity = try await call(world, .GET, opportunityPath, as: world.sales).json()
            #expect(opportunity["briefStatus"] as? String == "acknowledged")
            #expect(opportunity["projectId"] as? String == projectID)
            let versions = try await call(world, .GET, "/api/v1/quotes/\(id)/versions", as: world.sales)
            #expect(versions.items.map { $0["number"] as? Int } == [2, 1])
        }
    }

    @Test func badInputAndWrongRolesGetClearErrors() async throws {
        try await withWorld { world in
            let empty = try await call(world, .POST, "/api/v1/quotes", as: world.sales, json: "{}")
            #expect(empty.status == .unprocessableEntity)
            #expect(try (empty.json()["error"] as? [String: Any])?["field"] as? String == "deadline")
            let noJSON = try await call(world, .POST, "/api/v1/quotes", as: world.sales, json: "nope")
            #expect(noJSON.status == .badRequest)
            let byVendorManager = try await call(world, .GET, "/api/v1/quotes", as: world.vendorManager)
            #expect(byVendorManager.status == .forbidden)
            let created = try await call(
                world, .POST, "/api/v1/quotes", as: world.vendorManager,
                json: #"{"opportunityId": "\#(world.opportunityID)", "deadline": "2026-11-27T17:00:00Z"}"#)
            #expect(created.status == .forbidden)
            let badID = try await call(world, .GET, "/api/v1/quotes/not-a-uuid", as: world.sales)
            #expect(badID.status == .badRequest)
            let unknown = try await call(
                world, .GET, "/api/v1/quotes/00000000-0000-0000-0000-00000000dead", as: world.sales)
            #expect(unknown.status == .notFound)
            let badStatus = try await call(world, .GET, "/api/v1/quotes?status=maybe", as: world.sales)
            #expect(badStatus.status == .unprocessableEntity)
            let id = try await create(world)
            let list = try await call(world, .GET, "/api/v1/quotes?status=draft", as: world.pm)
            #expect(list.items.map { $0["id"] as? String } == [id])
            let badReview = try await call(
                world, .POST, "/api/v1/quotes/\(id)/review", as: world.pm, json: #"{"decision": "maybe"}"#)
            #expect(badReview.status == .conflict || badReview.status == .unprocessableEntity)
            let lose = try await call(world, .POST, "/api/v1/quotes/\(id)/lose", as: world.sales, json: "{}")
            #expect(lose.status == .unprocessableEntity)
            #expect(try (lose.json()["error"] as? [String: Any])?["field"] as? String == "reason")
            let acceptDraft = try await call(
                world, .POST, "/api/v1/quotes/\(id)/accept", as: world.sales, json: #"{"clientReference": "PO"}"#)
            #expect(acceptDraft.status == .conflict)
            let unknownAnalysis = try await call(
                world, .GET, "/api/v1/analyses/00000000-0000-0000-0000-00000000beef", as: world.sales)
            #expect(unknownAnalysis.status == .notFound)
            let noFiles = try await upload(world, id, [("notes", "n.txt", Data("x".utf8))], as: world.sales)
            #expect(noFiles.status == .unprocessableEntity)
        }
    }

    @Test func anUploadAboveTheLimitIsRefusedWith413() async throws {
        try await withWorld(configure: { $0.quoteUploadMaxBytes = 1024 }) { world in
            let id = try await create(world)
            let big = Data(repeating: 0x41, count: 2048)
            let refused = try await upload(world, id, [("file", "big.txt", big)], as: world.sales)
            #expect(refused.status == .payloadTooLarge)
            let error = try #require(try refused.json()["error"] as? [String: Any])
            #expect(error["code"] as? String == "payload_too_large")
            #expect((error["message"] as? String)?.contains("big.txt") == true)
            #expect(error["field"] as? String == "file")
        }
    }

    @Test func reviewSettingsAreTheAdminsAndStartOff() async throws {
        try await withWorld { world in
            let initial = try await call(world, .GET, "/api/v1/quote-review-settings", as: world.sales).json()
            #expect(initial["highValue"] as? Bool == false)
            #expect(initial["newClient"] as? Bool == false)
            let body =
                #"{"newClient": false, "newPair": false, "highValue": true, "valueThreshold": "20000", "incompleteBrief": false}"#
            let bySales = try await call(world, .PUT, "/api/v1/quote-review-settings", as: world.sales, json: body)
            #expect(bySales.status == .forbidden)
            let saved = try await call(world, .PUT, "/api/v1/quote-review-settings", as: world.admin, json: body)
            #expect(saved.status == .ok)
            #expect(try saved.json()["valueThreshold"] as? String == "20000")
            let missing = try await call(
                world, .PUT, "/api/v1/quote-review-settings", as: world.admin,
                json: #"{"newClient": false, "newPair": false, "highValue": true, "incompleteBrief": false}"#)
            #expect(missing.status == .unprocessableEntity)
        }
    }
}
