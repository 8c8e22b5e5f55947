import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The quote pages end to end through the browser's forms: a rep creates and submits a quote,
/// the PM approves it with a later date and a reason, the rep sees the change and why, sends
/// it, records the acceptance; the project shows its promises and the PM acknowledges the brief.
@Suite("Quote and project pages")
struct QuotePageTests {
    static func form(_ html: String, action: String) -> [String: String] { ["_csrf": Browser.csrf(in: html)] }

    @Test(arguments: ["en", "fr"])
    func aQuoteGoesFromDraftToProject(language: String) async throws {
        try await withTandem { app, clock in
            let f = try await QuoteWebFixture.make(app)
            var rep = Browser(app, language: language)
            _ = try await rep.signIn("sofia@lumen.example")
            let page = try await rep.get("/quotes/\(f.id)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains(f.quote.number) && html.contains(#"id="submit-quote""#))
            #expect(html.contains("catalogue.xlf") && html.contains(#"id="lines-table""#))
            let list = try await rep.get("/quotes")
            #expect(list.body.string.contains(f.quote.number))
            let submitted = try await rep.request(.POST, "/quotes/\(f.id)/submit", form: Self.form(html, action: ""))
            #expect(submitted.status == .seeOther)
            let stored = try #require(try await app.stores.quoteStores.quotes.find(id: f.quote.id))
            #expect(stored.status == .inReview)

            clock.advance(by: 3 * 3600)
            var pm = Browser(app, language: language)
            _ = try await pm.signIn("paula@lumen.example")
            let dashboard = try await pm.get("/")
            #expect(dashboard.body.string.contains(#"id="reviews-waiting""#))
            #expect(dashboard.body.string.contains(f.quote.number))
            let waiting = try await pm.get("/quotes/reviews")
            #expect(waiting.body.string.contains(f.quote.number))
            #expect(waiting.body.string.contains(language == "fr" ? "3 heures" : "3 hours"))
            let repReview = try await rep.get("/quotes/\(f.id)/review")
            #expect(repReview.status == .forbidden)
            let review = try await pm.get("/quotes/\(f.id)/review")
            #expect(review.status == .ok && review.body.string.contains(#"id="decision-change""#))
            let missingReason = try await pm.request(
                .POST, "/quotes/\(f.id)/review",
                form: [
                    "_csrf": Browser.csrf(in: review.body.string), "decision": "change", "deadline": "2026-12-04T17:00",
                ])
            #expect(missingReason.status == .unprocessableEntity)
            let decided = try await pm.request(
                .POST, "/quotes/\(f.id)/review",
                form: [
                    "_csrf": Browser.csrf(in: review.body.string), "decision": "change", "deadline": "2026-12-04T17:00",
                    "reason": "The German reviewer is away until the 1st",
                ])
            #expect(decided.status == .seeOther)

            let changed = try await rep.get("/quotes/\(f.id)")
            #expect(changed.body.string.contains(#"id="change-note""#))
            #expect(changed.body.string.contains("The German reviewer is away until the 1st"))
            let diff = try await rep.get("/quotes/\(f.id)/diff?from=1&to=2")
            #expect(diff.status == .ok && diff.body.string.contains("The German reviewer is away"))
            let sent = try await rep.request(
                .POST, "/quotes/\(f.id)/send", form: ["_csrf": Browser.csrf(in: changed.body.string)])
            #expect(sent.status == .seeOther)
            let afterSend = try await rep.get("/quotes/\(f.id)")
            #expect(afterSend.body.string.contains(#"id="accept-form""#))
            let accepted = try await rep.request(
                .POST, "/quotes/\(f.id)/accept",
                form: [
                    "_csrf": Browser.csrf(in: afterSend.body.string), "acceptedAt": "2026-11-20",
                    "clientReference": "PO-4471",
                ])
            #expect(accepted.status == .seeOther)
            let projectPath = try #require(accepted.location)
            #expect(projectPath.hasPrefix("/projects/"))

            let project = try await pm.get(projectPath)
            #expect(project.status == .ok)
            #expect(project.body.string.contains(#"id="promises-table""#) && project.body.string.contains("PO-4471"))
            #expect(project.body.string.contains(#"id="acknowledge-brief""#))
            let challengedWithoutWords = try await pm.request(
                .POST, projectPath + "/brief",
                form: ["_csrf": Browser.csrf(in: project.body.string), "decision": "challenge", "comment": ""])
            #expect(challengedWithoutWords.status == .unprocessableEntity)
            let acknowledged = try await pm.request(
                .POST, projectPath + "/brief",
                form: ["_csrf": Browser.csrf(in: project.body.string), "decision": "acknowledge", "comment": ""])
            #expect(acknowledged.status == .seeOther)
            let after = try await rep.get(projectPath)
            #expect(after.body.string.contains(#"id="brief-status""#))
            #expect(after.body.string.contains(language == "fr" ? "Validé" : "Acknowledged"))
            #expect(!after.body.string.contains(#"id="acknowledge-brief""#))
            let opportunity = try await rep.get("/opportunities/\(f.opportunity.id)")
            #expect(opportunity.body.string.contains(#"id="opportunity-brief-status""#))
            #expect(opportunity.body.string.contains(language == "fr" ? "Validé" : "Acknowledged"))
            #expect(opportunity.body.string.contains(f.quote.number))
        }
    }

    @Test func aNewQuoteFormSaysWhatIsWrongAndCreatesTheQuote() async throws {
        try await withTandem { app, _ in
            let f = try await QuoteWebFixture.make(app)
            var rep = Browser(app)
            _ = try await rep.signIn("sofia@lumen.example")
            let opportunityPage = try await rep.get("/opportunities/\(f.opportunity.id)")
            #expect(opportunityPage.body.string.contains("/quotes/new?opportunityId=\(f.opportunity.id)"))
            let form = try await rep.get("/quotes/new?opportunityId=\(f.opportunity.id)")
            #expect(form.status == .ok && form.body.string.contains("Catalogue 2027"))
            let bad = try await rep.request(
                .POST, "/quotes/new",
                form: [
                    "_csrf": Browser.csrf(in: form.body.string), "opportunityId": f.opportunity.id.description,
                    "deadline": "",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("field-error"))
            let good = try await rep.request(
                .POST, "/quotes/new",
                form: [
                    "_csrf": Browser.csrf(in: form.body.string), "opportunityId": f.opportunity.id.description,
                    "deadline": "2026-12-10T17:00", "services[]": "translation",
                ])
            #expect(good.status == .seeOther)
            #expect(good.location?.hasPrefix("/quotes/") == true)
            var vendorManager = Browser(app)
            _ = try await vendorManager.signIn("victor@lumen.example")
            #expect(try await vendorManager.get("/quotes").status == .forbidden)
            #expect(try await vendorManager.get("/quotes/\(f.id)").status == .forbidden)
        }
    }

    @Test func theProgressBarReadsTheAnalysis() async throws {
        try await withTandem { app, _ in
            let f = try await QuoteWebFixture.make(app)
            let analysis = try #require(try await app.stores.quoteStores.analyses.latestDone(of: f.quote.id))
            var rep = Browser(app)
            _ = try await rep.signIn("sofia@lumen.example")
            let progress = try await rep.get("/analyses/\(analysis.id)/progress")
            #expect(progress.status == .ok)
            #expect(try progress.json()["status"] as? String == "done")
            #expect(try await rep.get("/analyses/\(UUID())/progress").status == .notFound)
        }
    }
}
