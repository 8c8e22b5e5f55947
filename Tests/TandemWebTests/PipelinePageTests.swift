import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The pipeline's pages: the board, the list, an opportunity, its forms, settings, search, My work.
@Suite("Pipeline pages")
struct PipelinePageTests {
    @Test func theBoardShowsOpenStagesWithTotalsInTheBaseCurrency() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            _ = try await f.api(
                .POST, "/api/v1/exchange-rates", as: "alex",
                json: #"{"currency": "USD", "date": "2026-01-01", "rate": "0.9"}"#)
            _ = try await f.createOpportunity(name: "Manuals", amount: "1000.00")
            _ = try await f.createOpportunity(name: "App strings", amount: "1000.00", currency: "USD")
            var sofia = Browser(app)
            _ = try await sofia.signIn("sofia@lumen.example")
            let board = try await sofia.get("/opportunities")
            #expect(board.status == .ok)
            let html = board.body.string
            for stage in ["Lead", "Qualified", "Solution design", "Proposal", "Negotiation"] {
                #expect(html.contains(stage))
            }
            #expect(!html.contains(">Won <"))
            #expect(html.contains("€1,900.00"))  // 1000 EUR + 1000 USD × 0.9
            #expect(html.contains("€190.00"))  // weighted at 10 %
            #expect(html.contains("1 USD = 0.9"))
            #expect(html.contains("2 deals"))
            #expect(html.contains(#"draggable="true""#))
            var victor = Browser(app)
            _ = try await victor.signIn("victor@lumen.example")
            #expect(try await victor.get("/opportunities").status == .forbidden)
            let filtered = try await sofia.get("/opportunities?closeFrom=never")
            #expect(filtered.status == .ok)
            #expect(filtered.body.string.contains("is not a date"))
        }
    }

    @Test func aCardMovesWithoutJavaScriptAndARefusalIsSaid() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let id = try #require(try await f.createOpportunity()["id"] as? String)
            let design = try await f.stageID("Solution design")
            var sofia = Browser(app)
            _ = try await sofia.signIn("sofia@lumen.example")
            let refused = try await sofia.submit(
                "/opportunities", to: "/opportunities/\(id)/stage",
                ["stage": design, "back": "/opportunities?ownerId="])
            #expect(refused.status == .seeOther)
            #expect(refused.location == "/opportunities?ownerId=")
            let shown = try await sofia.get("/opportunities")
            #expect(shown.body.string.contains("Choose a PM partner before moving the deal to Solution design."))
            // The board's drag and drop asks for JSON.
            let csrf = Browser.csrf(in: try await sofia.get("/opportunities").body.string)
            let json = try await sofia.request(
                .POST, "/opportunities/\(id)/stage", form: ["_csrf": csrf, "stage": design],
                headers: ["Accept": "application/json"])
            #expect(json.status == .unprocessableEntity)
            #expect(try json.json()["field"] as? String == "partnerPmId")
            let qualified = try await f.stageID("Qualified")
            let moved = try await sofia.request(
                .POST, "/opportunities/\(id)/stage", form: ["_csrf": csrf, "stage": qualified],
                headers: ["Accept": "application/json"])
            #expect(moved.status == .ok)
            #expect(try moved.json()["ok"] as? Bool == true)
            var samuel = Browser(app)
            _ = try await samuel.signIn("samuel@lumen.example")
            let other = try await samuel.submit("/opportunities", to: "/opportunities/\(id)/stage", ["stage": design])
            #expect(other.status == .forbidden)
        }
    }

    @Test func theNewOpportunityFormKeepsWhatWasTypedAndNamesTheFields() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            var sofia = Browser(app)
            _ = try await sofia.signIn("sofia@lumen.example")
            #expect(try await sofia.get("/opportunities/new").status == .ok)
            let bad = try await sofia.submit(
                "/opportunities/new",
                [
                    "accountId": f.accountID, "name": "Catalogue", "sourceLanguage": "en", "targetLanguages": "",
                    "amount": "12,5", "currency": "EUR", "closeDate": "2027-02-15",
                ])
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            #expect(html.contains(#"value="Catalogue""#))
            #expect(html.contains("Choose at least one target language."))
            #expect(html.contains("“12,5” is not an amount"))
            let good = try await sofia.submit(
                "/opportunities/new",
                [
                    "accountId": f.accountID, "name": "Catalogue", "sourceLanguage": "en", "targetLanguages": "fr, it",
                    "services[]": "translation,dtp", "amount": "4500.00", "currency": "EUR", "closeDate": "2027-02-15",
                ])
            #expect(good.status == .seeOther)
            let page = try await sofia.get(try #require(good.location))
            #expect(page.body.string.contains("en → fr, it"))
            var paula = Browser(app)
            _ = try await paula.signIn("paula@lumen.example")
            #expect(try await paula.get("/opportunities/new").status == .forbidden)
        }
    }

    @Test func thePMWritesSolutionNotesAndTheRepReadsThem() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let id = try #require(try await f.createOpportunity(withPM: true)["id"] as? String)
            var paula = Browser(app)
            _ = try await paula.signIn("paula@lumen.example")
            let saved = try await paula.submit(
                "/opportunities/\(id)", to: "/opportunities/\(id)/solution-notes",
                ["solutionNotes": "Two linguists; client TM; sign-off by the client's reviewer"])
            #expect(saved.status == .seeOther)
            var sofia = Browser(app)
            _ = try await sofia.signIn("sofia@lumen.example")
            let page = try await sofia.get("/opportunities/\(id)")
            #expect(page.body.string.contains("Two linguists; client TM"))
            #expect(!page.body.string.contains(#"name="solutionNotes""#))
            let refused = try await sofia.submit(
                "/opportunities/\(id)", to: "/opportunities/\(id)/solution-notes", ["solutionNotes": "mine"])
            #expect(refused.status == .forbidden)
            #expect(try await sofia.get("/opportunities/\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test func theEditFormChangesTheDealAndRefusesAnOldVersion() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let id = try #require(try await f.createOpportunity()["id"] as? String)
            var sofia = Browser(app)
            _ = try await sofia.signIn("sofia@lumen.example")
            var fields = [
                "name": "Website relaunch 2027", "sourceLanguage": "en", "targetLanguages": "fr, de",
                "services[]": "translation", "amount": "15000.00", "currency": "EUR", "closeDate": "2027-03-01",
                "ownerId": f.rep.id.description, "partnerPmId": f.pm.id.description, "probability": "", "version": "1",
            ]
            let saved = try await sofia.submit("/opportunities/\(id)/edit", fields)
            #expect(saved.status == .seeOther)
            fields["name"] = "Stale"
            let stale = try await sofia.submit("/opportunities/\(id)/edit", fields)
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Someone changed this opportunity in the meantime"))
            var samuel = Browser(app)
            _ = try await samuel.signIn("samuel@lumen.example")
            #expect(try await samuel.get("/opportunities/\(id)/edit").status == .forbidden)
        }
    }

    @Test func theListSortsFiltersAndPages() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            for n in 1...27 {
                _ = try await f.createOpportunity(name: String(format: "Deal %02d", n), amount: "\(n * 100).00")
            }
            var sofia = Browser(app)
            _ = try await sofia.signIn("sofia@lumen.example")
            let first = try await sofia.get("/opportunities/list?sort=value&dir=desc")
            #expect(first.status == .ok)
            let html = first.body.string
            #expect(html.contains("Page 1 of 2 · 27 opportunities"))
            let deal27 = try #require(html.range(of: "Deal 27"))
            let deal26 = try #require(html.range(of: "Deal 26"))
            #expect(deal27.lowerBound < deal26.lowerBound)
            #expect(!html.contains("Deal 01"))
            let second = try await sofia.get("/opportunities/list?sort=value&dir=desc&page=2")
            #expect(second.body.string.contains("Deal 01"))
            let none = try await sofia.get("/opportunities/list?ownerId=\(f.otherRep.id)")
            #expect(none.body.string.contains("No opportunity matches these filters."))
        }
    }

    @Test func adminsMaintainThePipelineSettings() async throws {
        try await withTandem { app, _ in
            _ = try await PipelineFixture.make(app)
            var alex = Browser(app)
            _ = try await alex.signIn("alex@lumen.example")
            #expect(try await alex.get("/settings/pipeline").status == .ok)
            let rate = try await alex.submit(
                "/settings/pipeline", to: "/settings/pipeline/exchange-rates",
                ["currency": "GBP", "date": "2026-11-01", "rate": "1.17"])
            #expect(rate.status == .seeOther)
            #expect(try await alex.get("/settings/pipeline").body.string.contains("1.17"))
            let bad = try await alex.submit(
                "/settings/pipeline", to: "/settings/pipeline/exchange-rates",
                ["currency": "GBP", "date": "x", "rate": "-2"])
            #expect(bad.status == .unprocessableEntity)
            let threshold = try await alex.submit(
                "/settings/pipeline", to: "/settings/pipeline/threshold", ["threshold": "75000"])
            #expect(threshold.status == .seeOther)
            #expect(try await app.stores.pipeline.settings.load().solutionDesignThreshold == 75000)
            let reason = try await alex.submit(
                "/settings/pipeline", to: "/settings/pipeline/lost-reasons", ["name": "Quality concerns"])
            #expect(reason.status == .seeOther)
            var sofia = Browser(app)
            _ = try await sofia.signIn("sofia@lumen.example")
            #expect(try await sofia.get("/settings/pipeline").status == .forbidden)
        }
    }

    @Test func searchFindsOpportunitiesByName() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            _ = try await f.createOpportunity(name: "Medical IFU rollout")
            var paula = Browser(app)
            _ = try await paula.signIn("paula@lumen.example")
            let found = try await paula.get("/search?q=ifu")
            #expect(found.status == .ok)
            #expect(found.body.string.contains("Medical IFU rollout"))
            let nothing = try await paula.get("/search?q=zzzz")
            #expect(nothing.body.string.contains("Nothing found for"))
            var victor = Browser(app)
            _ = try await victor.signIn("victor@lumen.example")
            #expect(try await victor.get("/search?q=ifu").status == .forbidden)
        }
    }

    @Test func myWorkListsARepsDealsAndAPMsPartneredOnes() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let id = try #require(try await f.createOpportunity(name: "Annual report")["id"] as? String)
            _ = try await f.api(
                .PATCH, "/api/v1/opportunities/\(id)", as: "sofia",
                json: #"{"partnerPmId": "\#(f.pm.id)", "nextStep": "Send the NDA", "nextStepDue": "2026-11-01"}"#)
            var sofia = Browser(app)
            _ = try await sofia.signIn("sofia@lumen.example")
            let rep = try await sofia.get("/").body.string
            #expect(rep.contains("My open opportunities"))
            #expect(rep.contains("Annual report"))
            #expect(rep.contains("Send the NDA"))
            var paula = Browser(app)
            _ = try await paula.signIn("paula@lumen.example")
            let pm = try await paula.get("/").body.string
            #expect(pm.contains("Opportunities where I am PM partner"))
            #expect(pm.contains("Annual report"))
            var victor = Browser(app)
            _ = try await victor.signIn("victor@lumen.example")
            #expect(!(try await victor.get("/").body.string.contains("My work")))
        }
    }
}
