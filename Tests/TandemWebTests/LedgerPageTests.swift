import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// `/ledger` and `/promises/{id}` through the pages: a late delivery needs its cause next to the
/// field, the ledger's totals follow, sales sees the same ledger without the PM's forms.
@Suite("Ledger pages")
struct LedgerPageTests {
    @Test func aPMDeliversLateWithACauseAndTheLedgerCountsIt() async throws {
        try await LedgerAPITests().withWorld { w in
            let de = w.promises[0].id
            w.clock.advance(by: 10 * 86_400)
            var pm = Browser(w.app)
            _ = try await pm.signIn("paula@lumen.example")
            let page = try await pm.get("/promises/\(de)")
            #expect(page.status == .ok && page.body.string.contains("deliver-form"))
            let refused = try await pm.submit(
                "/promises/\(de)", to: "/promises/\(de)/deliver", ["what": "8 files", "recipient": "Anna"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("This delivery breaks the promise"))
            #expect(refused.body.string.contains("value=\"8 files\""))
            // A cost that is not an amount is named, and what was typed stays.
            let badCost = try await pm.submit(
                "/promises/\(de)", to: "/promises/\(de)/deliver",
                ["what": "8 files", "recipient": "Anna", "lateCause": "vendor", "cost": "12.5.0"])
            #expect(badCost.status == .unprocessableEntity)
            #expect(badCost.body.string.contains("“12.5.0” is not an amount"))
            #expect(badCost.body.string.contains("value=\"12.5.0\""))
            let done = try await pm.submit(
                "/promises/\(de)", to: "/promises/\(de)/deliver",
                ["what": "8 files", "recipient": "Anna", "lateCause": "vendor"])
            #expect(done.status == .seeOther)
            let ledger = try await pm.get("/ledger?projectId=\(w.project.id)").body.string
            // French was due on day 7 and is not delivered: it reads broken too, without a cause yet.
            let broken = #"id="total-broken"[^>]*><p class="big-number" data-count="2""#
            #expect(ledger.range(of: broken, options: .regularExpression) != nil)
            #expect(ledger.contains("Vendor"))
        }
    }

    @Test func salesSeeTheSameLedgerInFrenchWithoutThePMsForms() async throws {
        try await LedgerAPITests().withWorld { w in
            var sales = Browser(w.app)
            sales.language = "fr"
            _ = try await sales.signIn("sofia@lumen.example")
            let ledger = try await sales.get("/ledger")
            #expect(ledger.status == .ok && ledger.body.string.contains("Registre des engagements"))
            #expect(ledger.body.string.contains(#"data-count="2""#))
            let promise = try await sales.get("/promises/\(w.promises[1].id)").body.string
            #expect(!promise.contains("deliver-form") && promise.contains("renegotiate-form"))
            let renegotiated = try await sales.submit(
                "/promises/\(w.promises[1].id)", to: "/promises/\(w.promises[1].id)/renegotiate",
                [
                    "deliveryDate": "2026-12-01", "reason": "Le client ajoute deux fichiers", "cause": "client_change",
                    "version": "1",
                ])
            #expect(renegotiated.status == .seeOther)
            // A price with a decimal comma is an amount: version 3 at 650,50 €.
            let repriced = try await sales.submit(
                "/promises/\(w.promises[1].id)", to: "/promises/\(w.promises[1].id)/renegotiate",
                [
                    "deliveryDate": "2026-12-01", "price": "650,50", "reason": "Deux fichiers de plus",
                    "cause": "client_change", "version": "2",
                ])
            #expect(repriced.status == .seeOther)
            let stored = try await w.app.stores.ledger.entry(w.promises[1].id, now: w.clock.now)
            #expect(stored?.promise.price == Money(Decimal(string: "650.50")!, .eur))
            let after = try await sales.get("/promises/\(w.promises[1].id)").body.string
            #expect(after.contains("Version 2") && after.contains("Changement du client"))
        }
    }

    @Test func theAtRiskNoticeGivesTheReasonAndOptionsInWordsAndLinksThePromise() async throws {
        try await LedgerAPITests().withWorld { w in
            let fr = w.promises[1]
            try await PromiseLedger(w.app.appEnvironment).refresh(
                projectID: w.project.id,
                forecast: [
                    fr.targetLanguage: PromiseForecast(expectedFinish: fr.deliveryDate + 86_400, expectedCost: nil)
                ])
            var sales = Browser(w.app)
            _ = try await sales.signIn("sofia@lumen.example")
            let inbox = try await sales.get("/notifications").body.string
            #expect(inbox.contains("Options: another vendor, a split between vendors, or a new date"))
            #expect(
                NotificationViews.href(of: RecordSubject(kind: .promise, id: fr.id.rawValue)) == "/promises/\(fr.id)")
            #expect(!inbox.contains("reason=forecast_after_promise"))
        }
    }

    @Test func aCheckedNoticeNamesOnlyWhatTheCapacityEngineCanDoInWords() async throws {
        try await LedgerAPITests().withWorld { w in
            let env = w.app.appEnvironment
            let fr = w.promises[1]
            var notice = AtRiskNotice(
                reason: .forecastAfterPromise, expectedFinish: fr.deliveryDate + 86_400, newDate: nil,
                options: [.anotherVendor])
            notice.anotherVendorFinish = fr.deliveryDate - 86_400
            notice.checked = true
            _ = try await Notifications(env).notify(
                [fr.salesOwnerID], kind: .promiseAtRisk, subject: RecordSubject(kind: .promise, id: fr.id.rawValue),
                actor: nil, label: "Catalogue 2027 · fr", note: notice.encoded)
            var sales = Browser(w.app)
            _ = try await sales.signIn("sofia@lumen.example")
            let inbox = try await sales.get("/notifications").body.string
            #expect(inbox.contains("The capacity plan has another vendor who finishes by"))
            #expect(!inbox.contains("Splitting a step") && !inbox.contains("a new date to agree"))
            #expect(!inbox.contains("vendor_finish="))
        }
    }
}
