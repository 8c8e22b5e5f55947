import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// Client fit, where to sell and parity end to end (SQLite, and PostgreSQL with
/// TANDEM_TEST_DATABASE_URL): the figures come from the ledger and the bench in SQL.
@Suite("Guidance API")
struct GuidanceAPITests {
    let api = APITests()

    struct World {
        var app: Application
        var sales: String
        var manager: String
        var vendorManager: String
        var account: Account
        var opportunity: Opportunity
    }

    static func tag(_ text: String) -> LanguageTag { try! LanguageTag(text) }

    /// Two approved en→fr vendors (one approved for legal), one en→de; an account in legal with
    /// en→fr-FR (matched on languages: the vendors' and promises' `fr` count), en→de and en→ko; five en→fr promises of the last weeks: four kept, one broken (late),
    /// one over the margin floor.
    static func seed(_ app: Application) async throws -> (Account, Opportunity) {
        let env = app.appEnvironment
        let rep = try await makeUser(app, "sofia@lumen.example", roles: [.sales])
        _ = try await makeUser(app, "maya@lumen.example", roles: [.manager])
        _ = try await makeUser(app, "vera@lumen.example", roles: [.vendorManager])
        for (n, target, domains) in [(1, "fr", ["legal"]), (2, "fr", []), (3, "de", ["legal"])] {
            let id = VendorProfile.ID(UUID(uuidString: String(format: "00000000-0000-0000-00ff-%012x", n))!)
            try await env.stores.vendors.create(
                VendorProfile(id: id, name: "Vendor \(n)", timeZone: "UTC", createdAt: env.now))
            try await env.stores.vendors.addCapabilities([
                VendorCapability(
                    id: env.ids(), vendorID: id, pair: LanguagePair(source: tag("en"), target: tag(target)),
                    service: .translation, throughput: .wordsPerHour(400), approval: CapabilityApproval(approved: true),
                    domains: domains)
            ])
        }
        var input = AccountInput(name: "Cabinet Juris", currency: "EUR")
        input.subjectDomains = ["Legal"]
        input.languagePairs = ["en>fr-FR", "en>de", "en>ko"]
        let account = try await AccountManagement(env).create(input, by: rep, confirmDuplicate: true)
        let opportunity = try await OpportunityManagement(env).create(
            .init(
                accountID: account.id.description, name: "Contracts", sourceLanguage: "en", targetLanguages: ["fr"],
                services: ["translation"], amount: "5000.00", currency: "EUR", closeDate: "2026-12-15"), by: rep)
        let quote = Quote(
            id: env.ids(), number: "Q-2026-0901", accountID: account.id, opportunityID: opportunity.id,
            status: .accepted, validUntil: try LocalDate(iso: "2026-12-31"), currency: .eur, createdBy: rep.id,
            createdAt: env.now)
        try await env.stores.quoteStores.quotes.create(
            quote,
            version: QuoteVersion(
                id: env.ids(), quoteID: quote.id, number: 1, sourceLanguage: tag("en"), targets: [],
                services: [.translation], totals: QuoteTotals(total: Money(1000, .eur)), createdBy: rep.id,
                createdAt: env.now))
        let project = Project(
            id: env.ids(), quoteID: quote.id, accountID: account.id, opportunityID: opportunity.id, name: "Contracts",
            brief: nil, clientReference: "", acceptedAt: env.now, optionID: nil, salesOwnerID: rep.id, pmID: nil,
            createdAt: env.now)
        let promises = (1...5).map { n in
            Promise(
                id: env.ids(), projectID: project.id, targetLanguage: tag("fr"),
                deliveryDate: env.now.addingTimeInterval(Double(-n) * 86_400), price: Money(100, .eur),
                weightedWords: 1000, services: ["translation"], salesOwnerID: rep.id, pmID: nil,
                createdAt: env.now.addingTimeInterval(-10 * 86_400))
        }
        try await env.stores.quoteStores.projects.create(project, promises: promises, reservations: [])
        try await env.stores.ledger.saveStates(
            promises.enumerated().map { n, p in
                let late = n == 4
                return (
                    p.id, late ? .broken : .kept,
                    PromiseState(
                        marginAtRisk: n == 0, deliveredAt: p.deliveryDate.addingTimeInterval(late ? 3600 : -3600))
                )
            })
        return (account, opportunity)
    }

    func withWorld(_ body: (World) async throws -> Void) async throws {
        try await withTandem { app, _ in
            let (account, opportunity) = try await Self.seed(app)
            try await body(
                World(
                    app: app, sales: try await api.token(app, for: "sofia@lumen.example"),
                    manager: try await api.token(app, for: "maya@lumen.example"),
                    vendorManager: try await api.token(app, for: "vera@lumen.example"), account: account,
                    opportunity: opportunity))
        }
    }

    func get(_ w: World, _ path: String, as token: String) async throws -> TestingHTTPResponse {
        var client = Browser(w.app)
        return try await client.request(.GET, path, headers: api.bearer(token))
    }

    func reasons(_ response: TestingHTTPResponse) throws -> [[String: Any]] {
        try #require(try response.json()["reasons"] as? [[String: Any]])
    }

    @Test func anAccountsFitGivesItsScoreAndReasonsWithTheMissingPairFirst() async throws {
        try await withWorld { w in
            let response = try await get(w, "/api/v1/fit/accounts/\(w.account.id)", as: w.sales)
            #expect(response.status == .ok)
            let json = try response.json()
            let reasons = try reasons(response)
            #expect(reasons.first?["code"] as? String == "no_vendor")
            #expect((reasons.first?["args"] as? [String: Any])?["target"] as? String == "ko")
            #expect(
                reasons.first?["text"] as? String
                    == "No approved vendor for en→ko: production cannot take this work yet.")
            let bench = reasons.first {
                $0["code"] as? String == "bench" && ($0["args"] as? [String: Any])?["target"] as? String == "fr-FR"
            }
            #expect((bench?["args"] as? [String: Any])?["count"] as? Int == 1, "one en→fr vendor is approved for legal")
            #expect(bench?["text"] as? String == "1 approved vendor for en→fr-FR legal")
            let onTime = reasons.first { $0["code"] as? String == "on_time" }
            #expect(onTime?["text"] as? String == "80% on time on the last 5 jobs in en→fr-FR")
            let margin = reasons.first { $0["code"] as? String == "margin" }
            #expect((margin?["args"] as? [String: Any])?["atMargin"] as? Int == 4)
            #expect((margin?["args"] as? [String: Any])?["delivered"] as? Int == 5)
            let typical = reasons.first { $0["code"] as? String == "typical_job" }
            #expect(
                typical?["text"] as? String == "Jobs kept at margin in en→fr-FR: typically 1,000 words, 7 days ahead")
            let score = try #require(json["score"] as? Int)
            #expect((0...100).contains(score))
            #expect(score < 50, "one pair of three has no vendor at all")
            #expect(json["outsideCapability"] as? Bool == true)
        }
    }

    @Test func anOpportunitysFitCoversItsPairsOnly() async throws {
        try await withWorld { w in
            let response = try await get(w, "/api/v1/fit/opportunities/\(w.opportunity.id)", as: w.sales)
            #expect(response.status == .ok)
            let codes = try reasons(response).compactMap { $0["code"] as? String }
            #expect(!codes.contains("no_vendor"))
            #expect(codes.contains("on_time"))
        }
    }

    @Test func fitAnswers404400And403AsTheConventionsSay() async throws {
        try await withWorld { w in
            let unknown = try await get(w, "/api/v1/fit/accounts/\(UUID())", as: w.sales)
            #expect(unknown.status == .notFound)
            let malformed = try await get(w, "/api/v1/fit/accounts/nope", as: w.sales)
            #expect(malformed.status == .badRequest)
            let vendorManager = try await get(w, "/api/v1/fit/accounts/\(w.account.id)", as: w.vendorManager)
            #expect(vendorManager.status == .forbidden)
        }
    }

    @Test func whereToSellListsPairsWithTheirBenchAndRecord() async throws {
        try await withWorld { w in
            let response = try await get(w, "/api/v1/where-to-sell", as: w.sales)
            #expect(response.status == .ok)
            let json = try response.json()
            let items = try #require(json["items"] as? [[String: Any]])
            #expect(json.keys.contains("nextCursor"))
            #expect(items.count == 2)
            let fr = try #require(items.first { $0["target"] as? String == "fr" })
            #expect(fr["approvedVendors"] as? Int == 2)
            #expect(fr["judged"] as? Int == 5)
            #expect(fr["onTimeRate"] as? String == "80.00")
            #expect(fr["atMarginRate"] as? String == "80.00")
            #expect(fr["domains"] as? [String] == ["legal"])
            // Kept at margin: promised 8, 7 and 6 days ahead, 1,000 words each.
            #expect(fr["typicalWords"] as? Int == 1000)
            #expect(fr["typicalDays"] as? Int == 7)
            let de = try #require(items.first { $0["target"] as? String == "de" })
            #expect(de["onTimeRate"] is NSNull)
            let page = try await get(w, "/api/v1/where-to-sell?limit=1", as: w.sales).json()
            #expect((page["items"] as? [Any])?.count == 1)
            #expect(page["nextCursor"] is String)
        }
    }

    @Test func parityIsForManagersAndCountsThePeriodsPromises() async throws {
        try await withWorld { w in
            let sales = try await get(w, "/api/v1/parity", as: w.sales)
            #expect(sales.status == .forbidden)
            let bad = try await get(w, "/api/v1/parity?months=0", as: w.manager)
            #expect(bad.status == .unprocessableEntity)
            #expect((try bad.json()["error"] as? [String: Any])?["field"] as? String == "months")
            let response = try await get(w, "/api/v1/parity?months=3", as: w.manager)
            #expect(response.status == .ok)
            let periods = try #require(try response.json()["periods"] as? [[String: Any]])
            #expect(periods.count == 3)
            let current = try #require(periods.last)
            #expect(current["promisesMade"] as? Int == 5)
            #expect(current["promisesKept"] as? Int == 4)
            #expect(current["promisesBroken"] as? Int == 1)
            #expect(current["onTimeRate"] as? String == "80.00")
            #expect(periods.first?["promisesMade"] as? Int == 0)
        }
    }
}
