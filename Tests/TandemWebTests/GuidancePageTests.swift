import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The parity figures of review decisions and collaboration, and the guidance pages: the fit card
/// on the account and opportunity pages, "where to sell", the parity dashboard (SQLite, and
/// PostgreSQL with TANDEM_TEST_DATABASE_URL).
@Suite("Guidance pages and parity")
struct GuidancePageTests {
    let api = APITests()

    /// An approve and a change on the accepted quote, a reject on a quote that was then lost; a
    /// thread where sales and a PM both commented, one where only sales did; a working group.
    static func history(_ app: Application, account: Account, opportunity: Opportunity) async throws {
        let env = app.appEnvironment
        let users = try await env.stores.users.list()
        let rep = try #require(users.first { $0.roles.contains(.sales) })
        let pm = try await makeUser(app, "paula@lumen.example", roles: [.pm])
        let accepted = try #require(try await env.stores.quoteStores.projects.list().first).quoteID
        let lost = Quote(
            id: env.ids(), number: "Q-2026-0902", accountID: account.id, opportunityID: opportunity.id, status: .lost,
            validUntil: try LocalDate(iso: "2026-12-31"), currency: .eur, createdBy: rep.id, createdAt: env.now)
        try await env.stores.quoteStores.quotes.create(
            lost,
            version: QuoteVersion(
                id: env.ids(), quoteID: lost.id, number: 1, sourceLanguage: try LanguageTag("en"), targets: [],
                services: [.translation], totals: QuoteTotals(total: Money(900, .eur)), createdBy: rep.id,
                createdAt: env.now))
        for (quote, decision) in [(accepted, "approve"), (accepted, "change"), (lost.id, "reject")] {
            try await env.stores.threads.events.record(
                ActivityEvent(
                    id: env.ids(), subject: RecordSubject(kind: .quote, id: quote.rawValue), kind: .quoteReviewed,
                    actorId: pm.id, at: env.now, payload: ["decision": decision, "status": "approved", "reason": ""]))
        }
        for (subject, author) in [
            (RecordSubject.account(account.id), rep.id), (.account(account.id), pm.id),
            (.account(account.id), rep.id), (.opportunity(opportunity.id.rawValue), rep.id),
        ] {
            try await env.stores.threads.comments.create(
                Comment(
                    id: env.ids(), subject: subject, authorId: author, body: "Note", html: "<p>Note</p>", mentions: [],
                    createdAt: env.now))
        }
        try await env.stores.together.groups.create(
            WorkingGroup(
                id: env.ids(), name: "Faster legal", goal: "Quote legal work faster", memberIDs: [rep.id, pm.id],
                createdBy: pm.id, createdAt: env.now))
    }

    @Test func parityCountsReviewDecisionsTheirOutcomeAndCollaboration() async throws {
        try await withTandem { app, _ in
            let (account, opportunity) = try await GuidanceAPITests.seed(app)
            try await Self.history(app, account: account, opportunity: opportunity)
            let token = try await api.token(app, for: "maya@lumen.example")
            var client = Browser(app)
            let response = try await client.request(.GET, "/api/v1/parity?months=2", headers: api.bearer(token))
            #expect(response.status == .ok)
            let periods = try #require(try response.json()["periods"] as? [[String: Any]])
            let now = try #require(periods.last)
            #expect(now["reviewDecisions"] as? [String: Int] == ["approve": 1, "change": 1, "reject": 1])
            #expect(now["reviewedWon"] as? Int == 2)
            #expect(now["reviewedLost"] as? Int == 1)
            #expect(now["crossTeamThreads"] as? Int == 1, "only the account's thread has both a rep and a PM")
            #expect(now["workingGroups"] as? Int == 1)
            #expect(now["delivered"] as? Int == 5)
            #expect(now["deliveredBelowFloor"] as? Int == 1)
            #expect(now["leakageRate"] as? String == "20.00")
            #expect(periods.first?["reviewDecisions"] as? [String: Int] == ["approve": 0, "change": 0, "reject": 0])
        }
    }

    @Test func theAccountAndOpportunityPagesShowTheFitAndFlagWhatProductionCannotDo() async throws {
        try await withTandem { app, _ in
            let (account, _) = try await GuidanceAPITests.seed(app)
            let rep = try #require(try await app.stores.users.list().first { $0.roles.contains(.sales) })
            let korean = try await OpportunityManagement(app.appEnvironment).create(
                .init(
                    accountID: account.id.description, name: "Korean launch", sourceLanguage: "en",
                    targetLanguages: ["ko"], services: ["translation"], amount: "3000.00", currency: "EUR",
                    closeDate: "2026-12-20"), by: rep)
            var browser = Browser(app)
            _ = try await browser.signIn("sofia@lumen.example")
            let page = try await browser.get("/accounts/\(account.id)").body.string
            #expect(page.contains("id=\"fit-score\""))
            #expect(page.contains("No approved vendor for en→ko: production cannot take this work yet."))
            #expect(page.contains("fit-badge-poor") || page.contains("fit-badge-fair"))
            let flagged = try await browser.get("/opportunities/\(korean.id)").body.string
            #expect(flagged.contains("id=\"fit-outside\""))
            #expect(flagged.range(of: "id=\"fit\"")!.lowerBound < flagged.range(of: "id=\"quotes\"")!.lowerBound)
        }
    }

    @Test func whereToSellIsForSalesAndTheParityDashboardForManagers() async throws {
        try await withTandem { app, _ in
            _ = try await GuidanceAPITests.seed(app)
            var sales = Browser(app)
            _ = try await sales.signIn("sofia@lumen.example")
            let page = try await sales.get("/where-to-sell")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("id=\"where-to-sell-chart\""))
            #expect(page.body.string.contains("<th scope=\"row\">en→fr</th>"))
            let board = try await sales.get("/opportunities").body.string
            #expect(board.contains("id=\"where-to-sell-link\""))
            let refused = try await sales.get("/parity")
            #expect(refused.status == .forbidden)
            let salesHome = try await sales.get("/").body.string
            #expect(!salesHome.contains("id=\"parity-link\""))
            var manager = Browser(app)
            _ = try await manager.signIn("maya@lumen.example")
            let managerHome = try await manager.get("/").body.string
            #expect(managerHome.contains("id=\"parity-link\""))
            let parity = try await manager.get("/parity?months=3")
            #expect(parity.status == .ok)
            let html = parity.body.string
            #expect(html.components(separatedBy: "<figure class=\"chart").count - 1 == 6)
            #expect(html.contains("id=\"parity-leaked-table\""))
            #expect(html.contains("<option value=\"3\" selected>"))
            #expect(html.contains("id=\"parity-promises-table\""))
        }
    }
}
